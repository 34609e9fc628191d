/**
 * Structured queries and aggregations with Firestore's semantics: filters are
 * bounded by type class, missing fields never match, null and NaN only match
 * IS_NULL / IS_NAN, inequality fields are ordered implicitly followed by
 * `__name__`, cursors hold one value per explicit order. The behaviours follow
 * recordings of the official emulator's answers and the SDK's local matcher
 * (emulator/README.md, "Where each behaviour was learned").
 */
import { Code, EmulatorError, invalid } from './errors';
import { formatFieldPath, getField, parseFieldPath, projectFields } from './fieldpath';
import { compareSegmentLists, documentsRoot, parseName, validateCollectionId } from './paths';
import type { Database, StoredDoc } from './store';
import type { Aggregation, Cursor, FieldFilter, Filter, StructuredQuery, UnaryFilter, Value } from './types';
import {
  compareValues,
  isNaNValue,
  isNullValue,
  isNumber,
  kindOf,
  normalizeValue,
  typeOrder,
} from './values';

const NAME = '__name__';

/** One ordering component; `segments` is null for `__name__`. */
interface OrderSpec {
  fieldPath: string;
  segments: readonly string[] | null;
  descending: boolean;
}

type Predicate = (doc: StoredDoc) => boolean;

/** A validated query, ready to run against a Database. */
export interface PreparedQuery {
  /** Path of the parent document ('' = root). */
  parentPath: string;
  collectionId: string | undefined;
  allDescendants: boolean;
  predicate: Predicate;
  /** Equality conjuncts usable with an index: field, values, mode. */
  indexable: IndexableFilter[];
  orders: OrderSpec[];
  startAt?: Cursor;
  endAt?: Cursor;
  offset: number;
  limit: number | undefined;
  select: (readonly string[] | null)[] | undefined;
  /** Collection ids whose writes can change the result (for transaction locks). */
  lockedCollectionId: string | undefined;
  /** Root of names, `projects/p/databases/d/documents`. */
  root: string;
}

interface IndexableFilter {
  fieldPath: string;
  segments: readonly string[];
  values: Value[];
  mode: 'equal' | 'contains';
}

/** The names of the inequality operators (they create implicit orders). */
const INEQUALITY_OPS = new Set([
  'LESS_THAN',
  'LESS_THAN_OR_EQUAL',
  'GREATER_THAN',
  'GREATER_THAN_OR_EQUAL',
  'NOT_EQUAL',
  'NOT_IN',
]);

function fieldSegments(path: string): readonly string[] | null {
  return path === NAME ? null : parseFieldPath(path);
}

/** The value a document has for an order or filter field (its name for `__name__`). */
function docValue(doc: StoredDoc, root: string, segments: readonly string[] | null): Value | undefined {
  if (segments === null) return { referenceValue: root + '/' + doc.path };
  return getField(doc.fields, segments);
}

/**
 * Validates a query and compiles its filter. `parentName` is the request's
 * parent resource name.
 */
export function prepareQuery(parentName: string, query: StructuredQuery): PreparedQuery {
  const parsed = parseName(parentName);
  if (parsed.segments.length % 2 !== 0) throw invalid(`Invalid parent: ${parentName}`);
  const root = documentsRoot(parsed.db);
  const from = query.from ?? [];
  if (from.length > 1) throw invalid('Query must have exactly one collection selector.');
  const selector = from[0];
  const collectionId = selector?.collectionId ? selector.collectionId : undefined;
  if (collectionId !== undefined) validateCollectionId(collectionId);
  const allDescendants = Boolean(selector?.allDescendants);

  const state: CompileState = { inequalityFields: new Map(), indexable: [], root, kindless: !collectionId };
  validateFilterCounts(query.where);
  const predicate = query.where ? compileFilter(query.where, state, true) : () => true;

  const orders = buildOrders(query, state);
  validateCursor(query.startAt, orders, query);
  validateCursor(query.endAt, orders, query);

  const offset = query.offset ?? 0;
  if (offset < 0) throw invalid('offset is negative');
  const limit = query.limit?.value;
  if (limit !== undefined && limit < 0) throw invalid('limit is negative');

  const select = query.select
    ? (query.select.fields ?? []).map((f) => fieldSegments(f.fieldPath ?? ''))
    : undefined;

  return {
    parentPath: parsed.segments.join('/'),
    collectionId,
    allDescendants,
    predicate,
    indexable: state.indexable,
    orders,
    startAt: normalizeCursor(query.startAt),
    endAt: normalizeCursor(query.endAt),
    offset,
    limit,
    select,
    lockedCollectionId: collectionId,
    root,
  };
}

function normalizeCursor(c: Cursor | undefined): Cursor | undefined {
  if (!c) return undefined;
  return { values: (c.values ?? []).map(normalizeValue), before: Boolean(c.before) };
}

interface CompileState {
  inequalityFields: Map<string, readonly string[] | null>;
  indexable: IndexableFilter[];
  root: string;
  kindless: boolean;
}

function validateFilterCounts(where: Filter | undefined): void {
  let disjunctiveOps = 0;
  let arrayContains = 0;
  let notIn = false;
  let inLike = false;
  let or = false;
  const visit = (f: Filter): void => {
    if (f.compositeFilter) {
      if (f.compositeFilter.op === 'OR') or = true;
      (f.compositeFilter.filters ?? []).forEach(visit);
    } else if (f.fieldFilter) {
      const op = f.fieldFilter.op;
      if (op === 'NOT_EQUAL' || op === 'NOT_IN') disjunctiveOps++;
      if (op === 'NOT_IN') notIn = true;
      if (op === 'IN' || op === 'ARRAY_CONTAINS_ANY') inLike = true;
      if (op === 'ARRAY_CONTAINS' || op === 'ARRAY_CONTAINS_ANY') arrayContains++;
    } else if (f.unaryFilter) {
      if (f.unaryFilter.op === 'IS_NOT_NULL' || f.unaryFilter.op === 'IS_NOT_NAN') disjunctiveOps++;
    }
  };
  if (where) visit(where);
  if (disjunctiveOps > 1) {
    throw invalid('A query can have at most one of !=, not-in, is-not-null and is-not-nan filters.');
  }
  if (notIn && (inLike || or)) {
    throw invalid("'NOT_IN' cannot be used in the same query with 'IN', 'ARRAY_CONTAINS_ANY' or 'OR'.");
  }
  if (arrayContains > 1) {
    throw new EmulatorError(
      Code.FAILED_PRECONDITION,
      'Only a single array-contains clause is allowed in a query',
    );
  }
}

function compileFilter(f: Filter, state: CompileState, topLevelAnd: boolean): Predicate {
  if (f.compositeFilter) {
    const op = f.compositeFilter.op ?? 'AND';
    const isAnd = op === 'AND';
    if (!isAnd && op !== 'OR') throw invalid(`Unsupported composite operator ${op}`);
    const parts = (f.compositeFilter.filters ?? []).map((sub) =>
      compileFilter(sub, state, topLevelAnd && isAnd),
    );
    if (parts.length === 0) return () => true;
    if (parts.length === 1) return parts[0]!;
    return isAnd ? (d) => parts.every((p) => p(d)) : (d) => parts.some((p) => p(d));
  }
  if (f.fieldFilter) return compileFieldFilter(f.fieldFilter, state, topLevelAnd);
  if (f.unaryFilter) return compileUnaryFilter(f.unaryFilter, state);
  throw invalid('Filter has no filter type set.');
}

function checkKindless(state: CompileState, fieldPath: string): void {
  if (state.kindless && fieldPath !== NAME) throw invalid(`kind is required for filter: ${fieldPath}`);
}

function compileUnaryFilter(f: UnaryFilter, state: CompileState): Predicate {
  const fieldPath = f.field?.fieldPath ?? '';
  checkKindless(state, fieldPath);
  const segments = fieldSegments(fieldPath);
  const get = (d: StoredDoc) => docValue(d, state.root, segments);
  switch (f.op) {
    case 'IS_NULL':
      return (d) => {
        const v = get(d);
        return v !== undefined && isNullValue(v);
      };
    case 'IS_NAN':
      return (d) => {
        const v = get(d);
        return v !== undefined && isNaNValue(v);
      };
    case 'IS_NOT_NULL':
      state.inequalityFields.set(fieldPath, segments);
      return (d) => {
        const v = get(d);
        return v !== undefined && !isNullValue(v);
      };
    case 'IS_NOT_NAN':
      state.inequalityFields.set(fieldPath, segments);
      return (d) => {
        const v = get(d);
        return v !== undefined && !isNullValue(v) && !isNaNValue(v);
      };
    default:
      throw invalid(`Unsupported unary operator ${String(f.op)}`);
  }
}

/** `==` semantics: null and NaN never match; numbers compare numerically. */
function equalsForFilter(a: Value, b: Value): boolean {
  if (isNullValue(b) || isNaNValue(b) || isNaNValue(a)) return false;
  return typeOrder(a) === typeOrder(b) && compareValues(a, b) === 0;
}

function arrayValues(f: FieldFilter, op: string, max: number): Value[] {
  const values = f.value?.arrayValue?.values;
  if (f.value === undefined || f.value.arrayValue === undefined) {
    throw invalid(`'${op}' requires an ArrayValue.`);
  }
  if (!values || values.length === 0) throw invalid(`'${op}' requires an non-empty ArrayValue.`);
  if (values.length > max) throw invalid(`'${op}' supports up to ${max} comparison values.`);
  return values.map(normalizeValue);
}

function compileFieldFilter(f: FieldFilter, state: CompileState, topLevelAnd: boolean): Predicate {
  const fieldPath = f.field?.fieldPath ?? '';
  checkKindless(state, fieldPath);
  const segments = fieldSegments(fieldPath);
  const op = f.op ?? '';
  if (f.value === undefined) throw invalid('FieldFilter requires a value.');
  const get = (d: StoredDoc) => docValue(d, state.root, segments);
  if (INEQUALITY_OPS.has(op)) state.inequalityFields.set(fieldPath, segments);

  if (segments === null) validateNameFilter(op, f);

  const indexable = (values: Value[], mode: 'equal' | 'contains'): void => {
    if (topLevelAnd && segments !== null) state.indexable.push({ fieldPath, segments, values, mode });
  };

  switch (op) {
    case 'EQUAL': {
      const target = normalizeValue(f.value);
      indexable([target], 'equal');
      return (d) => {
        const v = get(d);
        return v !== undefined && equalsForFilter(v, target);
      };
    }
    case 'NOT_EQUAL': {
      const target = normalizeValue(f.value);
      if (isNullValue(target)) return () => false;
      return (d) => {
        const v = get(d);
        return v !== undefined && !isNullValue(v) && !equalsForFilter(v, target);
      };
    }
    case 'LESS_THAN':
    case 'LESS_THAN_OR_EQUAL':
    case 'GREATER_THAN':
    case 'GREATER_THAN_OR_EQUAL': {
      const target = normalizeValue(f.value);
      if (isNullValue(target) || isNaNValue(target)) return () => false;
      const targetType = typeOrder(target);
      const accept =
        op === 'LESS_THAN'
          ? (c: number) => c < 0
          : op === 'LESS_THAN_OR_EQUAL'
            ? (c: number) => c <= 0
            : op === 'GREATER_THAN'
              ? (c: number) => c > 0
              : (c: number) => c >= 0;
      return (d) => {
        const v = get(d);
        if (v === undefined || typeOrder(v) !== targetType || isNaNValue(v)) return false;
        return accept(compareValues(v, target));
      };
    }
    case 'IN': {
      const values = arrayValues(f, 'IN', 30);
      indexable(values, 'equal');
      return (d) => {
        const v = get(d);
        return v !== undefined && values.some((t) => equalsForFilter(v, t));
      };
    }
    case 'NOT_IN': {
      const values = arrayValues(f, 'NOT_IN', 10);
      if (values.some(isNullValue)) return () => false;
      return (d) => {
        const v = get(d);
        return v !== undefined && !isNullValue(v) && !values.some((t) => equalsForFilter(v, t));
      };
    }
    case 'ARRAY_CONTAINS': {
      const target = normalizeValue(f.value);
      indexable([target], 'contains');
      return (d) => {
        const v = get(d);
        return (v?.arrayValue?.values ?? []).some((e) => equalsForFilter(e, target));
      };
    }
    case 'ARRAY_CONTAINS_ANY': {
      const values = arrayValues(f, 'ARRAY_CONTAINS_ANY', 30);
      indexable(values, 'contains');
      return (d) => {
        const v = get(d);
        return (v?.arrayValue?.values ?? []).some((e) => values.some((t) => equalsForFilter(e, t)));
      };
    }
    default:
      throw invalid(`Unsupported field filter operator ${op}`);
  }
}

function validateNameFilter(op: string, f: FieldFilter): void {
  if (op === 'ARRAY_CONTAINS' || op === 'ARRAY_CONTAINS_ANY') {
    throw invalid('the name __key__ is reserved');
  }
  const values = op === 'IN' || op === 'NOT_IN' ? (f.value?.arrayValue?.values ?? []) : [f.value!];
  for (const v of values) {
    if (v.referenceValue === undefined) throw invalid('__key__ filter value must be a Key');
    parseName(v.referenceValue);
  }
}

function buildOrders(query: StructuredQuery, state: CompileState): OrderSpec[] {
  const orders: OrderSpec[] = [];
  const seen = new Set<string>();
  for (const o of query.orderBy ?? []) {
    const fieldPath = o.field?.fieldPath ?? '';
    const segments = fieldSegments(fieldPath);
    const canonical = segments === null ? NAME : formatFieldPath(segments);
    if (seen.has(NAME)) throw invalid('order by clause cannot contain more fields after the key');
    if (seen.has(canonical)) throw invalid(`order by clause cannot contain duplicate fields ${fieldPath}`);
    seen.add(canonical);
    const descending = o.direction === 'DESCENDING';
    if (state.kindless && (segments !== null || descending)) {
      throw invalid('kind is required for all orders except __key__ ascending');
    }
    orders.push({ fieldPath: canonical, segments, descending });
  }
  const lastDirection = orders.length > 0 ? orders[orders.length - 1]!.descending : false;
  // Implicit orders: inequality fields not yet ordered, in field-path order.
  const implicit = [...state.inequalityFields.entries()]
    .filter(([path, segs]) => !seen.has(segs === null ? NAME : formatFieldPath(segs)) && path !== NAME)
    .sort(([, a], [, b]) => compareSegmentLists(a ?? [], b ?? []));
  for (const [, segments] of implicit) {
    if (seen.has(NAME)) throw invalid('order by clause cannot contain more fields after the key');
    const canonical = formatFieldPath(segments!);
    seen.add(canonical);
    orders.push({ fieldPath: canonical, segments, descending: lastDirection });
  }
  if (!seen.has(NAME)) orders.push({ fieldPath: NAME, segments: null, descending: lastDirection });
  return orders;
}

function validateCursor(cursor: Cursor | undefined, orders: OrderSpec[], query: StructuredQuery): void {
  if (!cursor) return;
  const values = cursor.values ?? [];
  const explicitCount = (query.orderBy ?? []).length;
  if (values.length > explicitCount) throw invalid('Cursor has too many values.');
  values.forEach((v, i) => {
    if (orders[i]!.segments === null) {
      if (v.referenceValue === undefined) throw invalid('Cursor __key__ value is not a document reference.');
    }
    kindOf(v);
  });
}

/** Compares two documents by the query's orders. */
function compareDocs(a: StoredDoc, b: StoredDoc, q: PreparedQuery): number {
  for (const o of q.orders) {
    let c: number;
    if (o.segments === null) {
      c = compareSegmentLists(a.segments, b.segments);
    } else {
      c = compareValues(getField(a.fields, o.segments)!, getField(b.fields, o.segments)!);
    }
    if (c !== 0) return o.descending ? -c : c;
  }
  return 0;
}

/** Position of a document relative to a cursor: <0 before, 0 at, >0 after. */
function compareToCursor(doc: StoredDoc, cursor: Cursor, q: PreparedQuery): number {
  const values = cursor.values ?? [];
  for (let i = 0; i < values.length; i++) {
    const o = q.orders[i]!;
    const v = docValue(doc, q.root, o.segments)!;
    const c = compareValues(v, values[i]!);
    if (c !== 0) return o.descending ? -c : c;
  }
  return 0;
}

function hasOrderFields(doc: StoredDoc, q: PreparedQuery): boolean {
  for (const o of q.orders) {
    if (o.segments !== null && getField(doc.fields, o.segments) === undefined) return false;
  }
  return true;
}

/** Candidate documents: the query's scope, narrowed by an index when one applies. */
function candidates(db: Database, q: PreparedQuery): Iterable<StoredDoc> {
  const inScope = scopeTest(q);
  if (q.collectionId !== undefined && q.indexable.length > 0) {
    let best: Set<string> | undefined;
    for (const f of q.indexable) {
      const paths = db.lookup(q.collectionId, f.fieldPath, f.segments, f.values, f.mode);
      if (!best || paths.size < best.size) best = paths;
      if (best.size === 0) break;
    }
    const out: StoredDoc[] = [];
    for (const path of best!) {
      const doc = db.get(path);
      if (doc && inScope(doc)) out.push(doc);
    }
    return out;
  }
  if (q.collectionId !== undefined && !q.allDescendants) {
    return db.collection(q.parentPath === '' ? q.collectionId : `${q.parentPath}/${q.collectionId}`);
  }
  if (q.collectionId !== undefined) {
    const out: StoredDoc[] = [];
    for (const collPath of db.collectionsWithId(q.collectionId)) {
      const first = db.collection(collPath)[Symbol.iterator]().next();
      if (first.done || !inScope(first.value)) continue;
      for (const doc of db.collection(collPath)) out.push(doc);
    }
    return out;
  }
  return [...db.all()].filter(inScope);
}

function scopeTest(q: PreparedQuery): (doc: StoredDoc) => boolean {
  const prefix = q.parentPath === '' ? '' : q.parentPath + '/';
  if (!q.allDescendants) {
    if (q.collectionId === undefined) return (d) => d.parentPath === q.parentPath;
    const collPath = prefix + q.collectionId;
    return (d) => d.collectionPath === collPath;
  }
  if (q.collectionId === undefined) return (d) => prefix === '' || d.path.startsWith(prefix);
  return (d) => d.collectionId === q.collectionId && (prefix === '' || d.path.startsWith(prefix));
}

/** Result of running a query: the documents and how many the offset skipped. */
export interface QueryResult {
  docs: StoredDoc[];
  skipped: number;
}

/** Runs a prepared query. */
export function executeQuery(db: Database, q: PreparedQuery): QueryResult {
  let matched: StoredDoc[] = [];
  for (const doc of candidates(db, q)) {
    if (hasOrderFields(doc, q) && q.predicate(doc)) matched.push(doc);
  }
  matched.sort((a, b) => compareDocs(a, b, q));
  if (q.startAt) {
    const c = q.startAt;
    matched = matched.filter((d) => {
      const r = compareToCursor(d, c, q);
      return c.before ? r >= 0 : r > 0;
    });
  }
  if (q.endAt) {
    const c = q.endAt;
    matched = matched.filter((d) => {
      const r = compareToCursor(d, c, q);
      return c.before ? r < 0 : r <= 0;
    });
  }
  const skipped = Math.min(q.offset, matched.length);
  let docs = matched.slice(skipped);
  if (q.limit !== undefined) docs = docs.slice(0, q.limit);
  return { docs, skipped };
}

/** The fields a query returns for a document (its `select` projection). */
export function selectFields(doc: StoredDoc, q: PreparedQuery): StoredDoc['fields'] {
  if (!q.select) return doc.fields;
  return projectFields(
    doc.fields,
    q.select.filter((s): s is readonly string[] => s !== null),
  );
}

/** Validates the aggregation list (at most 5, each of one kind). */
export function validateAggregations(aggregations: Aggregation[]): void {
  if (aggregations.length === 0) throw invalid('Aggregation query requires at least one aggregation.');
  if (aggregations.length > 5) {
    throw invalid(
      `The maximum number of aggregations allowed in an aggregation query is 5. Received: ${aggregations.length}`,
    );
  }
  const aliases = new Set<string>();
  for (const a of aggregations) {
    if (a.alias && aliases.has(a.alias)) throw invalid(`Aggregation aliases must be unique: ${a.alias}`);
    if (a.alias) aliases.add(a.alias);
    const up = a.count?.upTo?.value;
    if (up !== undefined && Number(up) < 0) throw invalid('upTo must be positive');
  }
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/**
 * Computes count, sum and avg over query results. `sum` stays an integer while
 * every input is an integer and the total fits in 64 bits, otherwise it is a
 * double; non-numeric values are ignored; `avg` of nothing is null.
 */
export function aggregate(docs: StoredDoc[], aggregations: Aggregation[]): Record<string, Value> {
  const out: Record<string, Value> = {};
  aggregations.forEach((a, i) => {
    const alias = a.alias || `field_${i + 1}`;
    if (a.count) {
      const upTo = a.count.upTo?.value;
      const n = upTo === undefined ? docs.length : Math.min(docs.length, Number(upTo));
      out[alias] = { integerValue: String(n) };
      return;
    }
    const spec = a.sum ?? a.avg;
    if (!spec) throw invalid('Aggregation has no operator.');
    const segments = parseFieldPath(spec.field?.fieldPath ?? '');
    const numbers: Value[] = [];
    for (const d of docs) {
      const v = getField(d.fields, segments);
      if (v !== undefined && isNumber(v)) numbers.push(v);
    }
    if (a.sum) out[alias] = sum(numbers);
    else out[alias] = numbers.length === 0 ? { nullValue: 'NULL_VALUE' } : average(numbers);
  });
  return out;
}

function sum(numbers: Value[]): Value {
  let intTotal = 0n;
  let doubleTotal = 0;
  let isDouble = false;
  for (const v of numbers) {
    if (v.integerValue !== undefined && !isDouble) {
      intTotal += BigInt(v.integerValue);
      if (intTotal > INT64_MAX || intTotal < INT64_MIN) {
        isDouble = true;
        doubleTotal = Number(intTotal);
      }
    } else {
      if (!isDouble) {
        isDouble = true;
        doubleTotal = Number(intTotal);
      }
      doubleTotal += v.integerValue !== undefined ? Number(v.integerValue) : (v.doubleValue ?? 0);
    }
  }
  return isDouble ? { doubleValue: doubleTotal } : { integerValue: intTotal.toString() };
}

function average(numbers: Value[]): Value {
  let total = 0;
  for (const v of numbers)
    total += v.integerValue !== undefined ? Number(v.integerValue) : (v.doubleValue ?? 0);
  return { doubleValue: total / numbers.length };
}
