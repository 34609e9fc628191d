/**
 * Structured queries and aggregations with Firestore's semantics: filters are
 * bounded by type class, missing fields never match, null and NaN only match
 * IS_NULL / IS_NAN, inequality fields are ordered implicitly followed by
 * `__name__`, cursors hold one value per explicit order. The behaviours follow
 * recordings of the official emulator's answers and the SDK's local matcher
 * (emulator/README.md, "Where each behaviour was learned").
 */
import { Code, EmulatorError, invalid } from './errors';
import { formatFieldPath, getField, parseFieldPath, projectFields, setField } from './fieldpath';
import {
  compareSegmentLists,
  documentsRoot,
  parseName,
  parseParentName,
  validateCollectionId,
} from './paths';
import type { Database, StoredDoc } from './store';
import type {
  Aggregation,
  Cursor,
  FieldFilter,
  Filter,
  FindNearest,
  StructuredQuery,
  UnaryFilter,
  Value,
} from './types';
import {
  compareValues,
  isNaNValue,
  isNullValue,
  isNumber,
  isVector,
  kindOf,
  normalizeValue,
  toNumber,
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
  /** Vector search: the nearest documents replace the ordering and the limit. */
  nearest?: NearestSpec;
}

interface NearestSpec {
  segments: readonly string[];
  query: number[];
  measure: 'EUCLIDEAN' | 'COSINE' | 'DOT_PRODUCT';
  limit: number;
  threshold: number | undefined;
  resultField: readonly string[] | undefined;
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
  const parsed = parseParentName(parentName);
  const root = documentsRoot(parsed.db);
  const from = query.from ?? [];
  if (from.length > 1) throw invalid('StructuredQuery.from cannot have more than one collection selector.');
  const selector = from[0];
  const collectionId = selector?.collectionId ? selector.collectionId : undefined;
  if (collectionId !== undefined) validateCollectionId(collectionId);
  const allDescendants = Boolean(selector?.allDescendants);

  const state: CompileState = { inequalityFields: new Map(), indexable: [], root, kindless: !collectionId };
  validateFilterDepth(query.where);
  validateFilterCounts(query.where);
  const filter = query.where ? compileFilter(query.where, state, true) : () => true;
  const required = (query.requiredFields ?? []).map(parseFieldPath);
  const predicate: Predicate =
    required.length === 0
      ? filter
      : (d) => required.every((segments) => getField(d.fields, segments) !== undefined) && filter(d);
  validateDisjunctions(query.where);
  checkDescendingKeyScan(query);

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
    ...(query.findNearest ? { nearest: prepareNearest(query.findNearest) } : {}),
  };
}

const MEASURES = new Set(['EUCLIDEAN', 'COSINE', 'DOT_PRODUCT']);

/** Validates a FindNearest clause (limits from the vector search documentation). */
function prepareNearest(f: FindNearest): NearestSpec {
  const segments = parseFieldPath(f.vectorField?.fieldPath ?? '');
  if (!f.queryVector || !isVector(f.queryVector)) throw invalid('The query vector must be a vector value.');
  const query = vectorNumbers(f.queryVector);
  if (query.length === 0 || query.length > 2048) {
    throw invalid('The query vector must have between 1 and 2048 dimensions.');
  }
  if (!MEASURES.has(f.distanceMeasure ?? '')) throw invalid('FindNearest requires a distance measure.');
  const limit = f.limit?.value;
  if (limit === undefined || limit < 1 || limit > 1000) {
    throw invalid('FindNearest limit must be between 1 and 1000.');
  }
  return {
    segments,
    query,
    measure: f.distanceMeasure as NearestSpec['measure'],
    limit,
    threshold: f.distanceThreshold?.value,
    resultField: f.distanceResultField ? parseFieldPath(f.distanceResultField) : undefined,
  };
}

function vectorNumbers(v: Value): number[] {
  return (v.mapValue?.fields?.value?.arrayValue?.values ?? []).map(toNumber);
}

function distance(spec: NearestSpec, v: number[]): number {
  const q = spec.query;
  let dot = 0;
  let nq = 0;
  let nv = 0;
  let sq = 0;
  for (let i = 0; i < q.length; i++) {
    dot += q[i]! * v[i]!;
    nq += q[i]! * q[i]!;
    nv += v[i]! * v[i]!;
    sq += (q[i]! - v[i]!) ** 2;
  }
  if (spec.measure === 'EUCLIDEAN') return Math.sqrt(sq);
  if (spec.measure === 'DOT_PRODUCT') return dot;
  return 1 - dot / Math.sqrt(nq * nv);
}

/** The `limit` nearest documents having a vector of the query's dimension in the field. */
function nearestDocs(docs: StoredDoc[], spec: NearestSpec): StoredDoc[] {
  const larger = spec.measure === 'DOT_PRODUCT';
  const scored: { doc: StoredDoc; d: number }[] = [];
  for (const doc of docs) {
    const v = getField(doc.fields, spec.segments);
    if (!v || !isVector(v)) continue;
    const numbers = vectorNumbers(v);
    if (numbers.length !== spec.query.length) continue;
    const d = distance(spec, numbers);
    if (Number.isNaN(d)) continue;
    if (spec.threshold !== undefined && (larger ? d < spec.threshold : d > spec.threshold)) continue;
    scored.push({ doc, d });
  }
  scored.sort(
    (a, b) => (larger ? b.d - a.d : a.d - b.d) || compareSegmentLists(a.doc.segments, b.doc.segments),
  );
  return scored.slice(0, spec.limit).map(({ doc, d }) => {
    if (!spec.resultField) return doc;
    const fields = { ...doc.fields };
    setField(fields, spec.resultField, { doubleValue: d });
    return { ...doc, fields };
  });
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

/** Deepest composite nesting accepted; checked without recursion, before anything recurses. */
const MAX_FILTER_DEPTH = 100;
/** Firestore's limit on the disjunctive normal form of a filter. */
const MAX_DISJUNCTIONS = 30;

/**
 * Refuses filters nested deeper than MAX_FILTER_DEPTH, iteratively, before anything recurses
 * into them (a hostile filter cannot overflow the stack).
 */
function validateFilterDepth(where: Filter | undefined): void {
  if (!where) return;
  const stack: [Filter, number][] = [[where, 1]];
  while (stack.length > 0) {
    const [f, depth] = stack.pop()!;
    if (depth > MAX_FILTER_DEPTH) throw invalid(`Filter nested more than ${MAX_FILTER_DEPTH} levels deep.`);
    for (const sub of f.compositeFilter?.filters ?? []) stack.push([sub, depth + 1]);
  }
}

/** Refuses a filter whose disjunctive normal form has more than 30 terms (queries.json). */
function validateDisjunctions(where: Filter | undefined): void {
  if (!where) return;
  const terms = disjunctions(where);
  if (terms > MAX_DISJUNCTIONS) {
    throw invalid(
      `Too many disjunctions after normalization. Result had ${terms} disjunctions which is more than the maximum of ${MAX_DISJUNCTIONS}`,
    );
  }
}

/** Number of terms of the filter's disjunctive normal form (IN and array-contains-any expand). */
function disjunctions(f: Filter): number {
  if (f.compositeFilter) {
    const parts = (f.compositeFilter.filters ?? []).map(disjunctions);
    if (f.compositeFilter.op === 'OR') return parts.reduce((a, b) => a + b, 0);
    return parts.reduce((a, b) => Math.min(a * b, 1e9), 1);
  }
  const op = f.fieldFilter?.op;
  if (op === 'IN' || op === 'ARRAY_CONTAINS_ANY')
    return Math.max(1, f.fieldFilter?.value?.arrayValue?.values?.length ?? 1);
  return 1;
}

/**
 * Ordering by `__name__` descending needs a filter on another field (an equality,
 * array-contains, IS_NULL, IN or OR): Firestore has no descending key scan (queries.json).
 */
function checkDescendingKeyScan(query: StructuredQuery): void {
  const first = query.orderBy?.[0];
  if (first?.field?.fieldPath !== NAME || first.direction !== 'DESCENDING') return;
  if ((query.orderBy ?? []).length > 1) return; // "more fields after the key", from buildOrders
  // Kindless queries keep "kind is required…" (test/unit/emulator/query.test.ts pins it; the
  // recording answers with this error instead: see emulator/README.md, parity).
  if (!query.from?.[0]?.collectionId) return;
  const fields: string[] = [];
  const visit = (f: Filter) => {
    if (f.compositeFilter) (f.compositeFilter.filters ?? []).forEach(visit);
    else fields.push((f.fieldFilter ?? f.unaryFilter)?.field?.fieldPath ?? NAME);
  };
  if (query.where) visit(query.where);
  if (fields.every((path) => path === NAME)) {
    throw new EmulatorError(Code.FAILED_PRECONDITION, 'Firestore does not support descending key scans');
  }
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
    throw invalid(
      "Only a single 'NOT_EQUAL', 'NOT_IN', 'IS_NOT_NAN', or 'IS_NOT_NULL' filter allowed per query.",
    );
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
    const op = f.compositeFilter.op;
    const isAnd = op === 'AND';
    if (!isAnd && op !== 'OR') throw invalid('Unsupported CompositeFilter operator.');
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
  if (segments === null && ['IS_NULL', 'IS_NAN', 'IS_NOT_NULL', 'IS_NOT_NAN'].includes(f.op ?? '')) {
    throw invalid('__key__ filter value must be a Key');
  }
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
      throw invalid('Unknown UnaryFilter operator.');
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
      throw invalid('Unknown FieldFilter operator.');
  }
}

function validateNameFilter(op: string, f: FieldFilter): void {
  if (op === 'ARRAY_CONTAINS' || op === 'ARRAY_CONTAINS_ANY') {
    throw invalid('the name __key__ is reserved');
  }
  const values = op === 'IN' || op === 'NOT_IN' ? (f.value?.arrayValue?.values ?? []) : [f.value!];
  for (const v of values) {
    if (v.referenceValue === undefined) throw invalid('__key__ filter value must be a Key');
    const ref = parseName(v.referenceValue);
    if (ref.segments.length % 2 !== 0) parseParentName(v.referenceValue);
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
  if (q.nearest) {
    for (const doc of candidates(db, q)) if (q.predicate(doc)) matched.push(doc);
    return { docs: nearestDocs(matched, q.nearest), skipped: 0 };
  }
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

/** The alias of each aggregation: its own, or `field_<n>` numbering the unnamed ones. */
function aliasesOf(aggregations: Aggregation[]): string[] {
  let unnamed = 0;
  return aggregations.map((a) => a.alias || `field_${++unnamed}`);
}

/**
 * Validates the aggregation list with the official emulator's messages (aggregations.json):
 * one to five aggregations, unique aliases that are not reserved, an operator each, a
 * non-negative `up_to`, and a real field (not `__name__`) to sum or average.
 */
export function validateAggregations(aggregations: Aggregation[]): void {
  if (aggregations.length === 0) throw invalid('Aggregations can not be empty.');
  if (aggregations.length > 5) {
    throw invalid(
      `The maximum number of aggregations allowed in an aggregation query is 5. Received: ${aggregations.length}`,
    );
  }
  const seen = new Set<string>();
  for (const alias of aliasesOf(aggregations)) {
    if (seen.has(alias)) throw invalid(`Aggregation aliases contain duplicate alias: ${alias}.`);
    seen.add(alias);
    if (/^__.*__$/.test(alias)) throw invalid(`The property.name "${alias}" is reserved.`);
  }
  for (const a of aggregations) {
    if (!a.count && !a.sum && !a.avg) throw invalid('Operator field in Aggregation is not set.');
    const up = a.count?.upTo?.value;
    if (up !== undefined && Number(up) < 0) {
      throw invalid('The `up_to` value in a COUNT aggregation must be greater than or equal to zero.');
    }
    const spec = a.sum ?? a.avg;
    if (spec) {
      const path = spec.field?.fieldPath ?? '';
      if (path === NAME) throw invalid('Aggregations are not supported for the property: __key__');
      parseFieldPath(path);
    }
  }
}

/**
 * The query an aggregation runs: when it sums or averages fields, only documents having every
 * one of those fields count, before the query's offset and limit apply (aggregations.json:
 * "count next to sum leaves out documents without the field", "count and sum, limit 6").
 */
export function withAggregatedFields(query: StructuredQuery, aggregations: Aggregation[]): StructuredQuery {
  const fields = aggregations
    .map((a) => (a.sum ?? a.avg)?.field?.fieldPath)
    .filter((p): p is string => p !== undefined);
  return fields.length === 0 ? query : { ...query, requiredFields: fields };
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/**
 * Computes count, sum and avg over query results. When the list sums or averages fields, every
 * aggregation considers only the documents that have all of those fields (aggregations.json:
 * "count next to sum leaves out documents without the field"). `sum` of integers stays an
 * integer when the total fits in 64 bits, otherwise it is a double; non-numeric values are
 * ignored; `avg` of nothing is null.
 */
export function aggregate(docs: StoredDoc[], aggregations: Aggregation[]): Record<string, Value> {
  const out: Record<string, Value> = {};
  const aliases = aliasesOf(aggregations);
  // The query already left out documents lacking a summed field (withAggregatedFields);
  // filtering again keeps `aggregate` right when called on any list of documents.
  const fieldPaths = aggregations
    .map((a) => (a.sum ?? a.avg)?.field?.fieldPath)
    .filter((p): p is string => p !== undefined)
    .map(parseFieldPath);
  const considered = docs.filter((d) =>
    fieldPaths.every((segments) => getField(d.fields, segments) !== undefined),
  );
  aggregations.forEach((a, i) => {
    const alias = aliases[i]!;
    if (a.count) {
      const upTo = a.count.upTo?.value;
      const n = upTo === undefined ? considered.length : Math.min(considered.length, Number(upTo));
      out[alias] = { integerValue: String(n) };
      return;
    }
    const spec = a.sum ?? a.avg;
    if (!spec) throw invalid('Operator field in Aggregation is not set.');
    const segments = parseFieldPath(spec.field?.fieldPath ?? '');
    const numbers: Value[] = [];
    for (const d of considered) {
      const v = getField(d.fields, segments);
      if (v !== undefined && isNumber(v)) numbers.push(v);
    }
    if (a.sum) out[alias] = sum(numbers);
    else out[alias] = numbers.length === 0 ? { nullValue: 'NULL_VALUE' } : average(numbers);
  });
  return out;
}

function sum(numbers: Value[]): Value {
  if (numbers.every((v) => v.integerValue !== undefined)) {
    const total = numbers.reduce((t, v) => t + BigInt(v.integerValue!), 0n);
    if (total <= INT64_MAX && total >= INT64_MIN) return { integerValue: total.toString() };
    return { doubleValue: Number(total) };
  }
  let intTotal = 0n;
  let doubleTotal = 0;
  let isDouble = false;
  for (const v of numbers) {
    if (v.integerValue !== undefined && !isDouble) {
      intTotal += BigInt(v.integerValue);
    } else {
      if (!isDouble) {
        isDouble = true;
        doubleTotal = Number(intTotal);
      }
      doubleTotal += v.integerValue !== undefined ? Number(v.integerValue) : (v.doubleValue ?? 0);
    }
  }
  return { doubleValue: doubleTotal };
}

function average(numbers: Value[]): Value {
  let total = 0;
  for (const v of numbers)
    total += v.integerValue !== undefined ? Number(v.integerValue) : (v.doubleValue ?? 0);
  return { doubleValue: total / numbers.length };
}

/**
 * ListDocuments' arguments, checked in the official emulator's order and words
 * (list_documents.json): page size, then `show_missing` without a collection, then the order,
 * where only `__name__` ascending is accepted.
 */
export function validateListDocuments(req: {
  pageSize?: number;
  showMissing?: boolean;
  collectionId?: string;
  orderBy?: string;
}): void {
  if ((req.pageSize ?? 0) < 0) throw invalid('Page size must be nonnegative.');
  if (req.showMissing && !req.collectionId)
    throw invalid('collection id must be set when show_missing is true');
  const order = (req.orderBy ?? '').trim();
  if (order === '') return;
  if (req.showMissing) throw invalid('cannot specify an order when show_missing is true');
  const m = /^(\S+)(?:\s+(asc|desc))?$/i.exec(order);
  if (m && m[1] === NAME) {
    if ((m[2] ?? 'asc').toLowerCase() === 'asc') return;
    throw new EmulatorError(Code.FAILED_PRECONDITION, 'Firestore does not support descending key scans');
  }
  throw invalid('kind is required for all orders except __key__ ascending');
}

/** A listing page has a next page whenever it is full, so paging ends on an empty page. */
export function hasNextPage(pageLength: number, pageSize: number | undefined): boolean {
  return pageSize !== undefined && pageSize > 0 && pageLength === pageSize;
}
