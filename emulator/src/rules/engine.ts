/**
 * A compiled ruleset and the decisions it makes: which match blocks apply to a
 * request path, which allow statements apply to a method, and whether one of
 * them grants. Denials carry the official emulator's message shape
 * (`false for 'list' @ L12`).
 */
import { parseFieldPath } from '../fieldpath';
import type { Filter, StructuredQuery, Value } from '../types';
import type { AllowDecl, Expr, FunctionDecl, MatchBlock, Method, PatternSegment, RulesFile } from './ast';
import { Evaluator, fieldKey, type DocumentLookup, type FieldConstraints } from './evaluator';
import { RulesSyntaxError, parseRules } from './parser';
import { RMap, RPath, Unknown, fromFirestore, type RValue } from './runtime';

/** A path segment of a request: a known id, one unknown id, or (collection groups) any run of segments. */
export type RequestSegment = string | typeof ANY_ID | typeof ANY_PATH;
export const ANY_ID = Symbol('any id');
export const ANY_PATH = Symbol('any path');

/** One allow statement that applies, with the variables its match bound. */
interface Applicable {
  allow: AllowDecl;
  vars: Map<string, RValue>;
  functions: FunctionDecl[][];
}

/** The outcome of a decision. */
export interface Decision {
  allowed: boolean;
  /** For denials: `false for 'get' @ L5`. */
  message: string;
}

const BUILTIN_NAMES = new Set([
  'request',
  'resource',
  'math',
  'timestamp',
  'duration',
  'latlng',
  'hashing',
  'get',
  'getAfter',
  'exists',
  'existsAfter',
  'debug',
  'int',
  'float',
  'string',
  'bool',
  'path',
]);

/** A parsed and checked rules file. */
export class Ruleset {
  private constructor(
    readonly file: RulesFile,
    readonly source: string,
  ) {}

  /** Parses and checks a source; throws RulesSyntaxError with line and column. */
  static compile(source: string): Ruleset {
    const file = parseRules(source);
    checkNames(file);
    return new Ruleset(file, source);
  }

  /** Allow statements for `method` on a document path (`databases/(default)/documents/...`). */
  applicable(path: RequestSegment[], method: Method): Applicable[] {
    const out: Applicable[] = [];
    const visit = (
      block: MatchBlock,
      pos: number,
      vars: Map<string, RValue>,
      functions: FunctionDecl[][],
    ) => {
      for (const m of matchPattern(block.pattern, path, pos)) {
        const scopeVars = new Map([...vars, ...m.bindings]);
        const scopeFunctions = [...functions, block.functions];
        if (m.end === path.length) {
          for (const allow of block.allows) {
            if (allow.methods.includes(method))
              out.push({ allow, vars: scopeVars, functions: scopeFunctions });
          }
        }
        for (const child of block.matches) visit(child, m.end, scopeVars, scopeFunctions);
      }
    };
    for (const block of this.file.matches) visit(block, 0, new Map(), [this.file.functions]);
    return out;
  }

  /**
   * Decides one access. `envFor` builds the evaluation environment; for list
   * queries it is called once per constraint branch and every branch must pass.
   */
  decide(
    path: RequestSegment[],
    method: Method,
    request: RMap,
    resource: RValue,
    lookup: DocumentLookup,
    options: { maxLookups: number; lookups: Set<string>; branches?: FieldConstraints[] },
  ): Decision {
    const applicable = this.applicable(path, method);
    const denied = (): Decision => ({
      allowed: false,
      message: `false for '${method}' @ L${applicable.length ? applicable[applicable.length - 1]!.allow.pos.line : 1}`,
    });
    if (applicable.length === 0) return denied();
    const branches = options.branches ?? [undefined];
    for (const constraints of branches) {
      const evaluator = new Evaluator({
        request,
        resource,
        lookup,
        maxLookups: options.maxLookups,
        lookups: options.lookups,
        constraints,
      });
      const granted = applicable.some(({ allow, vars, functions }) => {
        if (!allow.condition) return true;
        return evaluator.grants(allow.condition, Evaluator.scope(vars, functions));
      });
      if (!granted) return denied();
    }
    return { allowed: true, message: '' };
  }
}

interface PatternMatch {
  end: number;
  bindings: Map<string, RValue>;
}

/** Every way `pattern` can match `path` from `start`. */
function matchPattern(pattern: PatternSegment[], path: RequestSegment[], start: number): PatternMatch[] {
  const results: PatternMatch[] = [];
  const step = (pi: number, si: number, bindings: Map<string, RValue>) => {
    if (pi === pattern.length) {
      results.push({ end: si, bindings });
      return;
    }
    const seg = pattern[pi]!;
    if (seg.kind === 'recursive') {
      // Zero or more segments (rules_version 2).
      for (let end = si; end <= path.length; end++) {
        const taken = path.slice(si, end);
        const known = taken.every((t) => typeof t === 'string');
        const value: RValue = known ? new RPath(taken as string[]) : new Unknown();
        step(pi + 1, end, new Map([...bindings, [seg.name, value]]));
      }
      return;
    }
    if (si >= path.length) return;
    const actual = path[si]!;
    if (actual === ANY_PATH) return; // only a recursive wildcard can stand for any run of segments
    if (seg.kind === 'literal') {
      if (actual === seg.text) step(pi + 1, si + 1, bindings);
      return;
    }
    step(pi + 1, si + 1, new Map([...bindings, [seg.name, actual === ANY_ID ? new Unknown() : actual]]));
  };
  step(0, start, new Map());
  return results;
}

/** Reports calls of undefined functions and uses of undefined variables, with positions. */
function checkNames(file: RulesFile): void {
  const checkExpr = (e: Expr, vars: Set<string>, functions: Set<string>): void => {
    switch (e.kind) {
      case 'ident':
        if (!vars.has(e.name) && !BUILTIN_NAMES.has(e.name)) {
          throw new RulesSyntaxError(`Unknown variable '${e.name}'`, e.pos.line, e.pos.column);
        }
        return;
      case 'call':
        if (e.callee.kind === 'ident') {
          if (!functions.has(e.callee.name) && !BUILTIN_NAMES.has(e.callee.name)) {
            throw new RulesSyntaxError(`Unknown function '${e.callee.name}'`, e.pos.line, e.pos.column);
          }
        } else {
          checkExpr(e.callee, vars, functions);
        }
        e.args.forEach((a) => checkExpr(a, vars, functions));
        return;
      case 'list':
        e.items.forEach((i) => checkExpr(i, vars, functions));
        return;
      case 'map':
        e.entries.forEach(({ key, value }) => {
          checkExpr(key, vars, functions);
          checkExpr(value, vars, functions);
        });
        return;
      case 'path':
        e.parts.forEach((parts) => parts.forEach((p) => 'expr' in p && checkExpr(p.expr, vars, functions)));
        return;
      case 'member':
        checkExpr(e.object, vars, functions);
        return;
      case 'index':
        checkExpr(e.object, vars, functions);
        checkExpr(e.index, vars, functions);
        return;
      case 'range':
        [e.object, e.from, e.to].forEach((x) => checkExpr(x, vars, functions));
        return;
      case 'unary':
        checkExpr(e.operand, vars, functions);
        return;
      case 'is':
        checkExpr(e.operand, vars, functions);
        return;
      case 'conditional':
        [e.test, e.then, e.otherwise].forEach((x) => checkExpr(x, vars, functions));
        return;
      case 'binary':
        checkExpr(e.left, vars, functions);
        checkExpr(e.right, vars, functions);
        return;
      case 'literal':
        return;
    }
  };
  const checkFunction = (fn: FunctionDecl, vars: Set<string>, functions: Set<string>) => {
    const local = new Set([...vars, ...fn.params]);
    for (const l of fn.lets) {
      checkExpr(l.value, local, functions);
      local.add(l.name);
    }
    checkExpr(fn.body, local, functions);
  };
  const visit = (block: MatchBlock, vars: Set<string>, functions: Set<string>) => {
    const scopeVars = new Set(vars);
    for (const s of block.pattern) if (s.kind !== 'literal') scopeVars.add(s.name);
    const scopeFunctions = new Set([...functions, ...block.functions.map((f) => f.name)]);
    block.functions.forEach((f) => checkFunction(f, scopeVars, scopeFunctions));
    block.allows.forEach((a) => a.condition && checkExpr(a.condition, scopeVars, scopeFunctions));
    block.matches.forEach((m) => visit(m, scopeVars, scopeFunctions));
  };
  const topFunctions = new Set(file.functions.map((f) => f.name));
  // Service-level functions see only their parameters and the globals.
  file.functions.forEach((f) => checkFunction(f, new Set(), topFunctions));
  file.matches.forEach((m) => visit(m, new Set(), topFunctions));
}

/** Splits a query's filter into OR branches of field constraints (DNF; `in` split per value). */
export function queryBranches(query: StructuredQuery): FieldConstraints[] {
  const empty = (): FieldConstraints => ({
    equal: new Map(),
    notEqual: new Map(),
    lower: new Map(),
    upper: new Map(),
    arrayContains: new Map(),
  });
  const clone = (c: FieldConstraints): FieldConstraints => ({
    equal: new Map(c.equal),
    notEqual: new Map(c.notEqual),
    lower: new Map(c.lower),
    upper: new Map(c.upper),
    arrayContains: new Map(c.arrayContains),
  });
  const merge = (a: FieldConstraints, b: FieldConstraints): FieldConstraints => {
    const out = clone(a);
    for (const [k, v] of b.equal) out.equal.set(k, v);
    for (const [k, v] of b.notEqual) out.notEqual.set(k, [...(out.notEqual.get(k) ?? []), ...v]);
    for (const [k, v] of b.lower) out.lower.set(k, v);
    for (const [k, v] of b.upper) out.upper.set(k, v);
    for (const [k, v] of b.arrayContains)
      out.arrayContains.set(k, [...(out.arrayContains.get(k) ?? []), ...v]);
    return out;
  };
  const single = (f: (c: FieldConstraints) => void): FieldConstraints[] => {
    const c = empty();
    f(c);
    return [c];
  };
  const rv = (v: Value | undefined): RValue => (v ? fromFirestore(v) : null);
  const branches = (filter: Filter): FieldConstraints[] => {
    if (filter.compositeFilter) {
      const parts = (filter.compositeFilter.filters ?? []).map(branches);
      if (filter.compositeFilter.op === 'OR') return parts.flat();
      return parts.reduce<FieldConstraints[]>(
        (acc, p) => acc.flatMap((a) => p.map((b) => merge(a, b))),
        [empty()],
      );
    }
    if (filter.unaryFilter) {
      const key = fieldKey(parseFieldPath(filter.unaryFilter.field?.fieldPath ?? ''));
      switch (filter.unaryFilter.op) {
        case 'IS_NULL':
          return single((c) => c.equal.set(key, null));
        case 'IS_NAN':
          return single((c) => c.equal.set(key, NaN));
        case 'IS_NOT_NULL':
          return single((c) => c.notEqual.set(key, [null]));
        default:
          return [empty()];
      }
    }
    const f = filter.fieldFilter;
    if (!f) return [empty()];
    const path = f.field?.fieldPath ?? '';
    if (path === '__name__') return [empty()];
    const key = fieldKey(parseFieldPath(path));
    const values = f.value?.arrayValue?.values ?? [];
    switch (f.op) {
      case 'EQUAL':
        return single((c) => c.equal.set(key, rv(f.value)));
      case 'IN':
        return values.map((v) => single((c) => c.equal.set(key, rv(v)))[0]!);
      case 'NOT_EQUAL':
        return single((c) => c.notEqual.set(key, [rv(f.value)]));
      case 'NOT_IN':
        return single((c) => c.notEqual.set(key, values.map(rv)));
      case 'ARRAY_CONTAINS':
        return single((c) => c.arrayContains.set(key, [rv(f.value)]));
      case 'ARRAY_CONTAINS_ANY':
        return values.map((v) => single((c) => c.arrayContains.set(key, [rv(v)]))[0]!);
      case 'LESS_THAN':
      case 'LESS_THAN_OR_EQUAL':
        return single((c) =>
          c.upper.set(key, { value: rv(f.value), inclusive: f.op === 'LESS_THAN_OR_EQUAL' }),
        );
      case 'GREATER_THAN':
      case 'GREATER_THAN_OR_EQUAL':
        return single((c) =>
          c.lower.set(key, { value: rv(f.value), inclusive: f.op === 'GREATER_THAN_OR_EQUAL' }),
        );
      default:
        return [empty()];
    }
  };
  return query.where ? branches(query.where) : [empty()];
}
