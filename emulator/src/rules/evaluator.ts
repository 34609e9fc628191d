/**
 * Evaluates rules for one access. Semantics, as Firestore defines them:
 * - any matching `allow` grants; a condition that errors does not grant;
 * - `&&` and `||` are decided by either side: `false && error` and
 *   `error && false` are false, `true || error` and `error || true` true;
 * - get()/exists() read current data, getAfter()/existsAfter() the data as it
 *   will be after the whole batch or transaction; distinct lookups are limited
 *   (10 for a single-document request, 20 for several writes).
 *
 * For list queries the document is not known: fields the query's filters do
 * not pin down evaluate to Unknown, and an expression is only granted when it
 * is true whatever those fields hold (three-valued logic). This is how "rules
 * are not filters" is enforced: a query that could return a forbidden
 * document is refused even when no such document exists.
 */
import type { Expr, FunctionDecl, Method, Position } from './ast';
import {
  RMap,
  RPath,
  RulesEvalError,
  Unknown,
  arithmetic,
  callMethod,
  callNamespace,
  compare,
  contains,
  convert,
  equals,
  fail,
  index,
  isType,
  slice,
  truthy,
  typeName,
  type RValue,
} from './runtime';

/** Constraints a list query puts on the documents it can return (one OR branch). */
export interface FieldConstraints {
  /** field key -> value the field equals. */
  equal: Map<string, RValue>;
  /** field key -> values the field differs from. */
  notEqual: Map<string, RValue[]>;
  /** field key -> bounds. */
  lower: Map<string, { value: RValue; inclusive: boolean }>;
  upper: Map<string, { value: RValue; inclusive: boolean }>;
  /** field key -> values the array field contains. */
  arrayContains: Map<string, RValue[]>;
}

/** Joins field path segments into a constraint key. */
export const fieldKey = (segments: readonly string[]): string => segments.join('\u0000');

/** Reads documents for get()/exists() (`after` = state after the pending writes). */
export interface DocumentLookup {
  (path: string[], after: boolean): RMap | null;
}

/** Everything an evaluation needs besides the rules themselves. */
export interface EvalEnv {
  request: RMap;
  resource: RValue;
  lookup: DocumentLookup;
  maxLookups: number;
  /** Present for list queries: the branch being proven. */
  constraints?: FieldConstraints;
  /** Distinct lookups so far (shared by every rule evaluated for one request). */
  lookups: Set<string>;
}

const UNKNOWN = Symbol('unknown');
type Tri = boolean | typeof UNKNOWN;

class Scope {
  constructor(
    readonly vars: Map<string, RValue>,
    readonly functions: Map<string, FunctionDecl>,
    readonly parent?: Scope,
  ) {}
  lookupVar(name: string): RValue | undefined {
    return this.vars.get(name) ?? this.parent?.lookupVar(name);
  }
  lookupFunction(name: string): FunctionDecl | undefined {
    return this.functions.get(name) ?? this.parent?.lookupFunction(name);
  }
}

const NAMESPACES = new Set(['math', 'timestamp', 'duration', 'latlng', 'hashing']);
const CONVERSIONS = new Set(['int', 'float', 'string', 'bool', 'path']);

/** A function-call depth limit, as the service limits recursion. */
const MAX_CALL_DEPTH = 20;

/** Evaluates expressions against one environment. */
export class Evaluator {
  private depth = 0;

  constructor(private readonly env: EvalEnv) {}

  /** The scope at the top of a match: its wildcards and visible functions. */
  static scope(vars: Map<string, RValue>, functions: FunctionDecl[][]): Scope {
    let scope: Scope | undefined;
    for (const level of functions)
      scope = new Scope(new Map(), new Map(level.map((f) => [f.name, f])), scope);
    return new Scope(vars, new Map(), scope);
  }

  /** True only when the condition is definitely true; errors and unknowns deny. */
  grants(condition: Expr, scope: Scope): boolean {
    try {
      return this.bool(condition, scope) === true;
    } catch (err) {
      if (err instanceof RulesEvalError) return false;
      throw err;
    }
  }

  private bool(e: Expr, scope: Scope): Tri {
    const v = this.eval(e, scope);
    if (v instanceof Unknown) return UNKNOWN;
    return truthy(v);
  }

  private settle(e: Expr, scope: Scope): { value?: Tri; error?: unknown } {
    try {
      return { value: this.bool(e, scope) };
    } catch (error) {
      if (error instanceof RulesEvalError) return { error };
      throw error;
    }
  }

  eval(e: Expr, scope: Scope): RValue {
    switch (e.kind) {
      case 'literal':
        return e.value as RValue;
      case 'ident':
        return this.identifier(e.name, scope, e.pos);
      case 'list':
        return e.items.map((i) => this.eval(i, scope));
      case 'map': {
        const m = new Map<string, RValue>();
        for (const { key, value } of e.entries) {
          const k = this.eval(key, scope);
          if (typeof k !== 'string') fail('Map keys must be strings');
          m.set(k as string, this.eval(value, scope));
        }
        return new RMap(m);
      }
      case 'path': {
        const segments: string[] = [];
        for (const parts of e.parts) {
          let text = '';
          for (const part of parts) {
            if ('text' in part) text += part.text;
            else {
              const v = this.eval(part.expr, scope);
              if (v instanceof Unknown) return new Unknown();
              if (v instanceof RPath) text += v.segments.join('/');
              else text += typeof v === 'string' ? v : String(v);
            }
          }
          segments.push(...text.split('/'));
        }
        return new RPath(segments);
      }
      case 'member': {
        if (e.object.kind === 'ident' && NAMESPACES.has(e.object.name) && !scope.lookupVar(e.object.name)) {
          return fail(`${e.object.name}.${e.name} is a function`);
        }
        const object = this.eval(e.object, scope);
        return this.member(object, e.name);
      }
      case 'index': {
        const object = this.eval(e.object, scope);
        const i = this.eval(e.index, scope);
        if (object instanceof Unknown) {
          return typeof i === 'string' ? this.unknownChild(object, i) : new Unknown();
        }
        if (i instanceof Unknown) return new Unknown();
        return index(object, i);
      }
      case 'range': {
        const object = this.eval(e.object, scope);
        const from = this.eval(e.from, scope);
        const to = this.eval(e.to, scope);
        if ([object, from, to].some((v) => v instanceof Unknown)) return new Unknown();
        return slice(object, from, to);
      }
      case 'call':
        return this.call(e, scope);
      case 'unary': {
        const v = this.eval(e.operand, scope);
        if (v instanceof Unknown) return v;
        if (e.op === '!') return !truthy(v);
        if (typeof v === 'bigint') return -v;
        if (typeof v === 'number') return -v;
        return fail(`Cannot negate ${typeName(v)}`);
      }
      case 'is': {
        const v = this.eval(e.operand, scope);
        if (v instanceof Unknown) return v;
        return isType(v, e.type);
      }
      case 'conditional': {
        const test = this.bool(e.test, scope);
        if (test === UNKNOWN) {
          const a = this.eval(e.then, scope);
          const b = this.eval(e.otherwise, scope);
          return !(a instanceof Unknown) && !(b instanceof Unknown) && equals(a, b) ? a : new Unknown();
        }
        return test ? this.eval(e.then, scope) : this.eval(e.otherwise, scope);
      }
      case 'binary':
        return this.binary(e, scope);
    }
  }

  private identifier(name: string, scope: Scope, pos: Position): RValue {
    const v = scope.lookupVar(name);
    if (v !== undefined) return v;
    if (name === 'request') return this.env.request;
    if (name === 'resource') return this.env.resource;
    return fail(`Unknown variable ${name} at line ${pos.line}`);
  }

  private member(object: RValue, name: string): RValue {
    if (object instanceof Unknown) return this.unknownChild(object, name);
    if (object instanceof RMap) {
      const v = object.get(name);
      if (v === undefined) return fail(`Property ${name} is undefined on object.`);
      return v;
    }
    if (object === null) return fail(`Null value error: cannot read ${name} of null.`);
    return fail(`Cannot read ${name} of ${typeName(object)}`);
  }

  /** A field below an unknown document field: known if the query pins it down. */
  private unknownChild(object: Unknown, name: string): RValue {
    if (!object.field) return new Unknown();
    const field = [...object.field, name];
    const pinned = this.env.constraints?.equal.get(fieldKey(field));
    return pinned !== undefined ? pinned : new Unknown(field);
  }

  private binary(e: Extract<Expr, { kind: 'binary' }>, scope: Scope): RValue {
    if (e.op === '&&' || e.op === '||') {
      const decisive = e.op === '||';
      const left = this.settle(e.left, scope);
      if (left.value === decisive) return decisive;
      const right = this.settle(e.right, scope);
      if (right.value === decisive) return decisive;
      if (left.error) throw left.error;
      if (right.error) throw right.error;
      if (left.value === UNKNOWN || right.value === UNKNOWN) return new Unknown();
      return !decisive;
    }
    const left = this.eval(e.left, scope);
    const right = this.eval(e.right, scope);
    if (left instanceof Unknown || right instanceof Unknown) return this.symbolic(e.op, left, right);
    switch (e.op) {
      case '==':
        return equals(left, right);
      case '!=':
        return !equals(left, right);
      case '<':
        return compare(left, right) < 0;
      case '<=':
        return compare(left, right) <= 0;
      case '>':
        return compare(left, right) > 0;
      case '>=':
        return compare(left, right) >= 0;
      case 'in':
        return contains(right, left);
      default:
        return arithmetic(e.op, left, right);
    }
  }

  /**
   * A comparison with an unknown field, decided from the query's constraints
   * when they imply it (`x > 5` when the query says `x > 10`, `x != 'a'` when
   * it says `x != 'a'`, `'u' in tags` when it says `tags array-contains 'u'`).
   */
  private symbolic(op: string, left: RValue, right: RValue): RValue {
    const c = this.env.constraints;
    if (!c) return new Unknown();
    let field: Unknown;
    let value: RValue;
    let flipped = false;
    if (left instanceof Unknown && !(right instanceof Unknown)) {
      field = left;
      value = right;
    } else if (right instanceof Unknown && !(left instanceof Unknown)) {
      field = right;
      value = left;
      flipped = true;
    } else {
      return new Unknown();
    }
    if (!field.field) return new Unknown();
    const key = fieldKey(field.field);
    if (op === 'in') {
      if (!flipped) return new Unknown();
      return (c.arrayContains.get(key) ?? []).some((v) => equals(v, value)) ? true : new Unknown();
    }
    const rel = flipped ? flipRelation(op) : op;
    if (rel === '!=') {
      if ((c.notEqual.get(key) ?? []).some((v) => equals(v, value))) return true;
      if (excludedByRange(c, key, value)) return true;
      return new Unknown();
    }
    if (rel === '<' || rel === '<=' || rel === '>' || rel === '>=') {
      return impliedByRange(c, key, rel, value) ? true : new Unknown();
    }
    return new Unknown();
  }

  private call(e: Extract<Expr, { kind: 'call' }>, scope: Scope): RValue {
    const callee = e.callee;
    if (callee.kind === 'member') {
      if (
        callee.object.kind === 'ident' &&
        NAMESPACES.has(callee.object.name) &&
        !scope.lookupVar(callee.object.name)
      ) {
        const args = e.args.map((a) => this.eval(a, scope));
        if (args.some((a) => a instanceof Unknown)) return new Unknown();
        return callNamespace(callee.object.name, callee.name, args);
      }
      const target = this.eval(callee.object, scope);
      const args = e.args.map((a) => this.eval(a, scope));
      if (target instanceof Unknown || args.some((a) => a instanceof Unknown)) {
        return this.symbolicMethod(target, callee.name, args);
      }
      return callMethod(target, callee.name, args);
    }
    if (callee.kind !== 'ident') return fail('Not a function');
    const name = callee.name;
    const fn = scope.lookupFunction(name);
    if (fn)
      return this.invoke(
        fn,
        e.args.map((a) => this.eval(a, scope)),
        scope,
      );
    const args = e.args.map((a) => this.eval(a, scope));
    switch (name) {
      case 'get':
      case 'getAfter':
      case 'exists':
      case 'existsAfter': {
        const path = args[0];
        if (path instanceof Unknown) return new Unknown();
        if (!(path instanceof RPath)) return fail(`${name}() takes a path`);
        const doc = this.lookupDocument(path, name.endsWith('After'));
        return name.startsWith('exists') ? doc !== null : doc;
      }
      case 'debug':
        return args[0] ?? null;
    }
    if (CONVERSIONS.has(name)) {
      if (args[0] instanceof Unknown) return new Unknown();
      return convert(name, args[0]!);
    }
    return fail(`Function not found error: Name: [${name}].`);
  }

  /** `resource.data.tags.hasAny(['x'])` when the query says `tags array-contains 'x'`. */
  private symbolicMethod(target: RValue, name: string, args: RValue[]): RValue {
    const c = this.env.constraints;
    if (c && target instanceof Unknown && target.field && (name === 'hasAny' || name === 'hasAll')) {
      const wanted = args[0];
      const have = c.arrayContains.get(fieldKey(target.field)) ?? [];
      if (Array.isArray(wanted) && have.length > 0) {
        const test = (w: RValue) => have.some((h) => equals(h, w));
        if (name === 'hasAny' ? wanted.some(test) : wanted.every(test)) return true;
      }
    }
    return new Unknown();
  }

  private lookupDocument(path: RPath, after: boolean): RMap | null {
    const s = path.segments;
    if (s.length < 5 || s[0] !== 'databases' || s[2] !== 'documents' || (s.length - 3) % 2 !== 0) {
      return fail(`Invalid document path ${path.toString()}`);
    }
    const key = (after ? 'after:' : 'now:') + s.join('/');
    if (!this.env.lookups.has(key)) {
      if (this.env.lookups.size >= this.env.maxLookups) {
        return fail(`Exceeded maximum number of document lookups (${this.env.maxLookups}).`);
      }
      this.env.lookups.add(key);
    }
    return this.env.lookup(s.slice(3), after);
  }

  private invoke(fn: FunctionDecl, args: RValue[], scope: Scope): RValue {
    if (args.length !== fn.params.length) {
      fail(`${fn.name}() takes ${fn.params.length} argument(s), got ${args.length}`);
    }
    if (++this.depth > MAX_CALL_DEPTH) fail('Maximum function call depth exceeded');
    try {
      // Functions see their parameters, their lets, and the enclosing functions and
      // variables of where they were declared (approximated by the calling scope).
      const local = new Scope(new Map(fn.params.map((p, i) => [p, args[i]!])), new Map(), scope);
      for (const l of fn.lets) local.vars.set(l.name, this.eval(l.value, local));
      return this.eval(fn.body, local);
    } finally {
      this.depth--;
    }
  }
}

function flipRelation(op: string): string {
  return ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as Record<string, string>)[op] ?? op;
}

function comparable(a: RValue, b: RValue): boolean {
  const num = (v: RValue) => typeof v === 'bigint' || typeof v === 'number';
  return (num(a) && num(b)) || typeName(a) === typeName(b);
}

/** Does the query's range on `key` imply `field <rel> value`? */
function impliedByRange(c: FieldConstraints, key: string, rel: string, value: RValue): boolean {
  const eq = c.equal.get(key);
  if (eq !== undefined) return false; // equality is substituted before we get here
  if (rel === '>' || rel === '>=') {
    const lower = c.lower.get(key);
    if (!lower || !comparable(lower.value, value)) return false;
    const cmp = compare(lower.value, value);
    return cmp > 0 || (cmp === 0 && (rel === '>=' || !lower.inclusive));
  }
  const upper = c.upper.get(key);
  if (!upper || !comparable(upper.value, value)) return false;
  const cmp = compare(upper.value, value);
  return cmp < 0 || (cmp === 0 && (rel === '<=' || !upper.inclusive));
}

/** Does the query's range on `key` exclude `value` altogether? */
function excludedByRange(c: FieldConstraints, key: string, value: RValue): boolean {
  const lower = c.lower.get(key);
  const upper = c.upper.get(key);
  // Range filters only return values of their own type class.
  const bound = lower ?? upper;
  if (bound && !comparable(bound.value, value)) return true;
  if (lower && comparable(lower.value, value)) {
    const cmp = compare(value, lower.value);
    if (cmp < 0 || (cmp === 0 && !lower.inclusive)) return true;
  }
  if (upper && comparable(upper.value, value)) {
    const cmp = compare(value, upper.value);
    if (cmp > 0 || (cmp === 0 && !upper.inclusive)) return true;
  }
  return false;
}

export type { Method, Scope };
