/**
 * Lexer and recursive-descent parser for Firestore security rules. Syntax
 * errors carry the line and column, as the official tooling reports them.
 *
 * Operator precedence (low to high): ?: , ||, &&, relations (== != < <= > >=
 * in is), + -, * / %, unary ! -, member / index / call.
 */
import type {
  AllowDecl,
  BinaryOp,
  Expr,
  FunctionDecl,
  MatchBlock,
  Method,
  PathPart,
  PatternSegment,
  Position,
  RulesFile,
} from './ast';

/** A syntax or semantic error in a rules source, with its position. */
export class RulesSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} (line ${line}, column ${column})`);
    this.name = 'RulesSyntaxError';
  }
  get description(): string {
    return this.message.replace(/ \(line \d+, column \d+\)$/, '');
  }
}

type TokenKind = 'ident' | 'int' | 'float' | 'string' | 'punct' | 'eof';

interface Token {
  kind: TokenKind;
  text: string;
  value?: unknown;
  pos: Position;
  /** Offset in the source, and whether whitespace preceded the token. */
  offset: number;
  spaceBefore: boolean;
}

const PUNCT = [
  '&&',
  '||',
  '==',
  '!=',
  '<=',
  '>=',
  '=**',
  '$(',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ';',
  ',',
  '.',
  ':',
  '?',
  '!',
  '<',
  '>',
  '=',
  '+',
  '-',
  '*',
  '/',
  '%',
];

function lex(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let spaceBefore = true;
  const pos = (): Position => ({ line, column: i - lineStart + 1 });
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '\n') {
      i++;
      line++;
      lineStart = i;
      spaceBefore = true;
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      spaceBefore = true;
      continue;
    }
    if (source.startsWith('//', i)) {
      while (i < source.length && source[i] !== '\n') i++;
      spaceBefore = true;
      continue;
    }
    if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      if (end < 0) throw new RulesSyntaxError('Unterminated comment', line, i - lineStart + 1);
      for (let k = i; k < end; k++) {
        if (source[k] === '\n') {
          line++;
          lineStart = k + 1;
        }
      }
      i = end + 2;
      spaceBefore = true;
      continue;
    }
    const start = pos();
    const offset = i;
    if (/[A-Za-z_]/.test(ch)) {
      let j = i;
      while (j < source.length && /[A-Za-z0-9_]/.test(source[j]!)) j++;
      tokens.push({ kind: 'ident', text: source.slice(i, j), pos: start, offset, spaceBefore });
      i = j;
    } else if (/[0-9]/.test(ch)) {
      const m = /^(\d+\.\d*(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+|\d+)/.exec(source.slice(i))!;
      const text = m[1]!;
      const isFloat = /[.eE]/.test(text);
      tokens.push({
        kind: isFloat ? 'float' : 'int',
        text,
        value: isFloat ? Number(text) : BigInt(text),
        pos: start,
        offset,
        spaceBefore,
      });
      i += text.length;
    } else if (ch === '"' || ch === "'") {
      let j = i + 1;
      let value = '';
      while (j < source.length && source[j] !== ch) {
        if (source[j] === '\n') throw new RulesSyntaxError('Unterminated string', start.line, start.column);
        if (source[j] === '\\') {
          const next = source[j + 1];
          const escapes: Record<string, string> = {
            n: '\n',
            t: '\t',
            r: '\r',
            '\\': '\\',
            "'": "'",
            '"': '"',
          };
          if (next === 'u') {
            value += String.fromCharCode(parseInt(source.slice(j + 2, j + 6), 16));
            j += 6;
            continue;
          }
          value += escapes[next ?? ''] ?? next ?? '';
          j += 2;
          continue;
        }
        value += source[j];
        j++;
      }
      if (j >= source.length) throw new RulesSyntaxError('Unterminated string', start.line, start.column);
      tokens.push({ kind: 'string', text: source.slice(i, j + 1), value, pos: start, offset, spaceBefore });
      i = j + 1;
    } else {
      const p = PUNCT.find((x) => source.startsWith(x, i));
      if (!p) throw new RulesSyntaxError(`Unexpected character '${ch}'`, start.line, start.column);
      tokens.push({ kind: 'punct', text: p, pos: start, offset, spaceBefore });
      i += p.length;
    }
    spaceBefore = false;
  }
  tokens.push({ kind: 'eof', text: '<end of input>', pos: pos(), offset: i, spaceBefore: true });
  return tokens;
}

const METHODS: Record<string, Method[]> = {
  read: ['get', 'list'],
  write: ['create', 'update', 'delete'],
  get: ['get'],
  list: ['list'],
  create: ['create'],
  update: ['update'],
  delete: ['delete'],
};

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private get t(): Token {
    return this.tokens[this.i]!;
  }
  private error(message: string, tok: Token = this.t): never {
    throw new RulesSyntaxError(message, tok.pos.line, tok.pos.column);
  }
  private is(text: string): boolean {
    return (this.t.kind === 'punct' || this.t.kind === 'ident') && this.t.text === text;
  }
  private accept(text: string): boolean {
    if (this.is(text)) {
      this.i++;
      return true;
    }
    return false;
  }
  private expect(text: string): Token {
    if (!this.is(text)) this.error(`Expected '${text}' but found '${this.t.text}'`);
    return this.tokens[this.i++]!;
  }
  private ident(what = 'identifier'): Token {
    if (this.t.kind !== 'ident') this.error(`Expected ${what} but found '${this.t.text}'`);
    return this.tokens[this.i++]!;
  }

  parseFile(): RulesFile {
    let version = '1';
    if (this.accept('rules_version')) {
      this.expect('=');
      if (this.t.kind !== 'string') this.error('Expected a version string');
      version = String(this.tokens[this.i++]!.value);
      this.accept(';');
    }
    if (version !== '2') this.error(`Only rules_version = '2' is supported, found '${version}'`);
    this.expect('service');
    let service = this.ident('service name').text;
    while (this.accept('.')) service += '.' + this.ident().text;
    if (service !== 'cloud.firestore') this.error(`Expected service cloud.firestore, found ${service}`);
    this.expect('{');
    const functions: FunctionDecl[] = [];
    const matches: MatchBlock[] = [];
    while (!this.is('}')) {
      if (this.is('function')) functions.push(this.parseFunction());
      else if (this.is('match')) matches.push(this.parseMatch());
      else this.error(`Unexpected '${this.t.text}' in service body`);
    }
    this.expect('}');
    if (this.t.kind !== 'eof') this.error(`Unexpected '${this.t.text}' after service`);
    return { version, service, functions, matches };
  }

  private parseFunction(): FunctionDecl {
    const pos = this.expect('function').pos;
    const name = this.ident('function name').text;
    this.expect('(');
    const params: string[] = [];
    if (!this.is(')')) {
      do params.push(this.ident('parameter name').text);
      while (this.accept(','));
    }
    this.expect(')');
    this.expect('{');
    const lets: FunctionDecl['lets'] = [];
    while (this.accept('let')) {
      const letName = this.ident('variable name').text;
      this.expect('=');
      lets.push({ name: letName, value: this.parseExpr() });
      this.expect(';');
    }
    this.expect('return');
    const body = this.parseExpr();
    this.accept(';');
    this.expect('}');
    return { name, params, lets, body, pos };
  }

  private parsePattern(): PatternSegment[] {
    const segments: PatternSegment[] = [];
    if (!this.is('/')) this.error(`Expected a path starting with '/' but found '${this.t.text}'`);
    while (this.accept('/')) {
      if (this.accept('{')) {
        const name = this.ident('wildcard name').text;
        if (this.accept('=**')) {
          segments.push({ kind: 'recursive', name });
        } else if (this.accept('=')) {
          this.expect('*');
          this.expect('*');
          segments.push({ kind: 'recursive', name });
        } else {
          segments.push({ kind: 'wildcard', name });
        }
        this.expect('}');
      } else {
        // A literal segment: every token up to the next '/' or '{' with no space between.
        const first = this.t;
        let text = '';
        while (
          this.t.kind !== 'eof' &&
          !this.is('/') &&
          !this.is('{') &&
          (text === '' || !this.t.spaceBefore)
        ) {
          text += this.t.text;
          this.i++;
        }
        if (text === '') this.error('Expected a path segment', first);
        segments.push({ kind: 'literal', text });
      }
    }
    return segments;
  }

  private parseMatch(): MatchBlock {
    const pos = this.expect('match').pos;
    const pattern = this.parsePattern();
    this.expect('{');
    const block: MatchBlock = { pattern, functions: [], allows: [], matches: [], pos };
    while (!this.is('}')) {
      if (this.is('function')) block.functions.push(this.parseFunction());
      else if (this.is('match')) block.matches.push(this.parseMatch());
      else if (this.is('allow')) block.allows.push(this.parseAllow());
      else this.error(`Unexpected '${this.t.text}' in match body`);
    }
    this.expect('}');
    return block;
  }

  private parseAllow(): AllowDecl {
    const pos = this.expect('allow').pos;
    const methods: Method[] = [];
    do {
      const tok = this.ident('method');
      const m = METHODS[tok.text];
      if (!m) this.error(`Unknown method '${tok.text}'`, tok);
      methods.push(...m);
    } while (this.accept(','));
    let condition: Expr | undefined;
    if (this.accept(':')) {
      this.expect('if');
      condition = this.parseExpr();
    }
    this.expect(';');
    return { methods: [...new Set(methods)], condition, pos };
  }

  parseExpr(): Expr {
    const test = this.parseBinary(0);
    if (this.is('?')) {
      const pos = this.t.pos;
      this.i++;
      const then = this.parseExpr();
      this.expect(':');
      const otherwise = this.parseExpr();
      return { kind: 'conditional', test, then, otherwise, pos };
    }
    return test;
  }

  private static readonly LEVELS: string[][] = [
    ['||'],
    ['&&'],
    ['==', '!=', '<', '<=', '>', '>=', 'in', 'is'],
    ['+', '-'],
    ['*', '/', '%'],
  ];

  private parseBinary(level: number): Expr {
    if (level >= Parser.LEVELS.length) return this.parseUnary();
    let left = this.parseBinary(level + 1);
    for (;;) {
      const ops = Parser.LEVELS[level]!;
      const op = ops.find((o) => this.is(o));
      if (!op) return left;
      const pos = this.t.pos;
      this.i++;
      if (op === 'is') {
        const type = this.ident('type name').text;
        left = { kind: 'is', operand: left, type, pos };
        continue;
      }
      const right = this.parseBinary(level + 1);
      left = { kind: 'binary', op: op as BinaryOp, left, right, pos };
    }
  }

  private parseUnary(): Expr {
    if (this.is('!') || this.is('-')) {
      const tok = this.tokens[this.i++]!;
      const operand = this.parseUnary();
      if (
        tok.text === '-' &&
        operand.kind === 'literal' &&
        (typeof operand.value === 'bigint' || typeof operand.value === 'number')
      ) {
        return { kind: 'literal', value: -(operand.value as number), pos: tok.pos };
      }
      return { kind: 'unary', op: tok.text as '!' | '-', operand, pos: tok.pos };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePostfix(expr: Expr): Expr {
    for (;;) {
      const pos = this.t.pos;
      if (this.accept('.')) {
        const name = this.ident('member name').text;
        expr = { kind: 'member', object: expr, name, pos };
      } else if (this.accept('[')) {
        const index = this.parseExpr();
        if (this.accept(':')) {
          const to = this.parseExpr();
          this.expect(']');
          expr = { kind: 'range', object: expr, from: index, to, pos };
        } else {
          this.expect(']');
          expr = { kind: 'index', object: expr, index, pos };
        }
      } else if (this.is('(') && (expr.kind === 'ident' || expr.kind === 'member')) {
        this.i++;
        const args: Expr[] = [];
        if (!this.is(')')) {
          do args.push(this.parseExpr());
          while (this.accept(','));
        }
        this.expect(')');
        expr = { kind: 'call', callee: expr, args, pos };
      } else {
        return expr;
      }
    }
  }

  private parsePrimary(): Expr {
    const tok = this.t;
    const pos = tok.pos;
    if (tok.kind === 'int' || tok.kind === 'float' || tok.kind === 'string') {
      this.i++;
      return { kind: 'literal', value: tok.value, pos };
    }
    if (tok.kind === 'ident') {
      if (tok.text === 'true' || tok.text === 'false') {
        this.i++;
        return { kind: 'literal', value: tok.text === 'true', pos };
      }
      if (tok.text === 'null') {
        this.i++;
        return { kind: 'literal', value: null, pos };
      }
      this.i++;
      return { kind: 'ident', name: tok.text, pos };
    }
    if (this.accept('(')) {
      const inner = this.parseExpr();
      this.expect(')');
      return inner;
    }
    if (this.accept('[')) {
      const items: Expr[] = [];
      if (!this.is(']')) {
        do {
          if (this.is(']')) break;
          items.push(this.parseExpr());
        } while (this.accept(','));
      }
      this.expect(']');
      return { kind: 'list', items, pos };
    }
    if (this.accept('{')) {
      const entries: { key: Expr; value: Expr }[] = [];
      if (!this.is('}')) {
        do {
          if (this.is('}')) break;
          const key = this.parseExpr();
          this.expect(':');
          entries.push({ key, value: this.parseExpr() });
        } while (this.accept(','));
      }
      this.expect('}');
      return { kind: 'map', entries, pos };
    }
    if (this.is('/')) return this.parsePathLiteral();
    return this.error(`Unexpected '${tok.text}'`);
  }

  /** `/databases/$(database)/documents/users/$(request.auth.uid)` */
  private parsePathLiteral(): Expr {
    const pos = this.t.pos;
    const segments: PathPart[][] = [];
    while (this.is('/') && !(segments.length > 0 && this.t.spaceBefore)) {
      this.i++;
      const parts: PathPart[] = [];
      while (this.t.kind !== 'eof' && !this.is('/') && (parts.length === 0 || !this.t.spaceBefore)) {
        if (this.accept('$(')) {
          parts.push({ expr: this.parseExpr() });
          this.expect(')');
        } else if (
          this.t.kind === 'ident' ||
          this.t.kind === 'int' ||
          (this.t.kind === 'punct' && ['-', '.', '=', '*'].includes(this.t.text))
        ) {
          // A dot directly after a segment word with no space is part of the id (e.g. `a.b`).
          parts.push({ text: this.t.text });
          this.i++;
        } else {
          break;
        }
      }
      if (parts.length === 0) this.error('Expected a path segment');
      segments.push(parts);
    }
    return { kind: 'path', parts: segments, pos };
  }
}

/** Parses a rules source; throws RulesSyntaxError with line and column. */
export function parseRules(source: string): RulesFile {
  return new Parser(lex(source)).parseFile();
}

/** Parses a single expression (used by tests). */
export function parseExpression(source: string): Expr {
  const parser = new Parser(lex(source));
  return parser.parseExpr();
}
