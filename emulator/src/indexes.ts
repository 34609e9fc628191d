/**
 * Index requirements as production Firestore enforces them (issue 14): a query that no
 * declared or automatic index can serve is refused with FAILED_PRECONDITION and a message
 * naming the index to add, in the form `firestore.indexes.json` takes. Neither the official
 * emulator nor any other one checks this, so without it a missing composite index is found
 * only after deploying.
 *
 * The model (learned from the Firestore documentation on index types, index merging and
 * queries with range filters on several fields, and Datastore's "Optimizing indexes", the same
 * backend):
 * - An index is a list of fields, each ordered (ASCENDING/DESCENDING) or array-contains,
 *   implicitly followed by `__name__` in the direction of its last ordered field. It serves a
 *   conjunction of filters when its first fields are equality fields of the query (in any
 *   order, any direction; an array-contains field needs `arrayConfig: CONTAINS`) and its
 *   remaining fields are exactly the query's order (explicit `orderBy`, then inequality fields
 *   not ordered explicitly, in field-path order, then `__name__`), directions included: indexes
 *   are not scanned backwards, which is why ascending and descending need an index each.
 * - Several such indexes with the same order can be merged (zig-zag merge join): each covers
 *   some equality fields, together all. With no order but `__name__` ascending, the automatic
 *   single-field indexes therefore serve any number of equality / array-contains filters.
 *   Equality with any other order (a range or `orderBy` on another field, or `__name__`
 *   descending, as `limitToLast` asks) needs a composite index.
 * - Automatic single-field indexes (ascending, descending, array-contains) exist for every
 *   field in collection scope only. A collection-group query filtering or ordering on a field
 *   needs a `fieldOverrides` entry enabling that index in COLLECTION_GROUP scope (or a
 *   composite index of that scope). An override's `indexes` replaces the automatic ones of its
 *   field (`[]` exempts the field).
 * - `in` is a disjunction of equalities and `array-contains-any` of array-contains; OR filters
 *   are put in disjunctive normal form and every branch must be served. `!=`, `not-in`,
 *   `is not null` / `is not NaN` are inequalities. An `orderBy` on a field fixed by `==` is
 *   dropped (it orders nothing); filters on `__name__` need no index.
 * - A query with neither filters nor orders beyond `__name__` is served by the built-in
 *   document-name index.
 * - Collection-scope indexes serve collection queries only, collection-group ones
 *   collection-group queries only.
 */
import { Code, EmulatorError } from './errors';
import { formatFieldPath, parseFieldPath } from './fieldpath';
import type { Filter, StructuredQuery } from './types';

const NAME = '__name__';

export type QueryScope = 'COLLECTION' | 'COLLECTION_GROUP';
export type FieldMode = 'ASCENDING' | 'DESCENDING' | 'CONTAINS';

/** One field of an index: ordered, or array-contains. */
export interface IndexField {
  fieldPath: string;
  mode: FieldMode;
}

export interface CompositeIndex {
  collectionGroup: string;
  queryScope: QueryScope;
  fields: IndexField[];
}

export interface FieldOverride {
  collectionGroup: string;
  fieldPath: string;
  /** The single-field indexes of this field; `[]` exempts it. */
  indexes: { mode: FieldMode; queryScope: QueryScope }[];
}

/** A `firestore.indexes.json`, validated and with canonical field paths. */
export interface IndexConfig {
  indexes: CompositeIndex[];
  fieldOverrides: FieldOverride[];
}

function canonical(path: string): string {
  return path === NAME ? NAME : formatFieldPath(parseFieldPath(path));
}

function bad(where: string, what: string): never {
  throw new Error(`firestore.indexes.json: ${where}: ${what}`);
}

function scopeOf(value: unknown, where: string): QueryScope {
  if (value === undefined) return 'COLLECTION';
  if (value === 'COLLECTION' || value === 'COLLECTION_GROUP') return value;
  return bad(where, `queryScope must be COLLECTION or COLLECTION_GROUP, not ${JSON.stringify(value)}`);
}

function modeOf(f: Record<string, unknown>, where: string): FieldMode {
  if (f.order === 'ASCENDING' || f.order === 'DESCENDING') return f.order;
  if (f.arrayConfig === 'CONTAINS') return 'CONTAINS';
  if (f.vectorConfig !== undefined) return bad(where, 'vector indexes are not supported by this emulator');
  return bad(where, 'each field needs "order": "ASCENDING"|"DESCENDING" or "arrayConfig": "CONTAINS"');
}

function fieldPathOf(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') return bad(where, 'fieldPath must be a non-empty string');
  try {
    return canonical(value);
  } catch (err) {
    return bad(where, (err as Error).message);
  }
}

/** Reads the content of a `firestore.indexes.json` (the format `firebase deploy` takes). */
export function parseIndexConfig(json: unknown): IndexConfig {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) bad('top level', 'must be an object');
  const root = json as { indexes?: unknown; fieldOverrides?: unknown };
  const indexes: CompositeIndex[] = [];
  const fieldOverrides: FieldOverride[] = [];
  if (root.indexes !== undefined && !Array.isArray(root.indexes)) bad('indexes', 'must be an array');
  for (const [i, raw] of ((root.indexes as unknown[] | undefined) ?? []).entries()) {
    const where = `indexes[${i}]`;
    const ix = raw as { collectionGroup?: unknown; queryScope?: unknown; fields?: unknown };
    if (typeof ix?.collectionGroup !== 'string' || ix.collectionGroup === '') {
      bad(where, 'collectionGroup must be a non-empty string');
    }
    if (!Array.isArray(ix.fields) || ix.fields.length === 0) bad(where, 'fields must be a non-empty array');
    const fields = (ix.fields as Record<string, unknown>[]).map((f, j) => ({
      fieldPath: fieldPathOf(f?.fieldPath, `${where}.fields[${j}]`),
      mode: modeOf(f ?? {}, `${where}.fields[${j}]`),
    }));
    indexes.push({
      collectionGroup: ix.collectionGroup as string,
      queryScope: scopeOf(ix.queryScope, where),
      fields,
    });
  }
  if (root.fieldOverrides !== undefined && !Array.isArray(root.fieldOverrides)) {
    bad('fieldOverrides', 'must be an array');
  }
  for (const [i, raw] of ((root.fieldOverrides as unknown[] | undefined) ?? []).entries()) {
    const where = `fieldOverrides[${i}]`;
    const o = raw as { collectionGroup?: unknown; fieldPath?: unknown; indexes?: unknown };
    if (typeof o?.collectionGroup !== 'string' || o.collectionGroup === '') {
      bad(where, 'collectionGroup must be a non-empty string');
    }
    // An override without `indexes` (a TTL policy alone) keeps the automatic indexes.
    if (o.indexes === undefined) continue;
    if (!Array.isArray(o.indexes)) bad(where, 'indexes must be an array');
    fieldOverrides.push({
      collectionGroup: o.collectionGroup as string,
      fieldPath: fieldPathOf(o.fieldPath, where),
      indexes: (o.indexes as Record<string, unknown>[]).map((x, j) => ({
        mode: modeOf(x ?? {}, `${where}.indexes[${j}]`),
        queryScope: scopeOf(x?.queryScope, `${where}.indexes[${j}]`),
      })),
    });
  }
  return { indexes, fieldOverrides };
}

/** What one conjunction of a query needs from an index. */
export interface IndexNeed {
  /** Equality fields (`==`, `in`, `is null`, `is NaN`): 'EQUAL'; array-contains(-any): 'CONTAINS'. */
  equalities: Map<string, 'EQUAL' | 'CONTAINS'>;
  /** The order to scan, ending with `__name__`. */
  order: { fieldPath: string; descending: boolean }[];
}

/** The query as the index check sees it. */
export interface IndexQuery {
  collectionGroup: string;
  queryScope: QueryScope;
  /** One entry per branch of the filter's disjunctive normal form. */
  needs: IndexNeed[];
}

type Literal = { fieldPath: string; kind: 'EQUAL' | 'IN' | 'CONTAINS' | 'OTHER' };

/** The filter's disjunctive normal form, keeping only what indexing cares about. */
function dnf(filter: Filter | undefined): Literal[][] {
  if (!filter) return [[]];
  if (filter.compositeFilter) {
    const parts = (filter.compositeFilter.filters ?? []).map(dnf);
    if (filter.compositeFilter.op === 'OR') return parts.flat();
    // AND: the cross product of its parts' branches.
    return parts.reduce<Literal[][]>(
      (acc, branches) => acc.flatMap((a) => branches.map((b) => [...a, ...b])),
      [[]],
    );
  }
  const f = filter.fieldFilter ?? filter.unaryFilter;
  const fieldPath = canonical(f?.field?.fieldPath ?? '');
  const op = f?.op ?? '';
  const kind =
    op === 'EQUAL' || op === 'IS_NULL' || op === 'IS_NAN'
      ? 'EQUAL'
      : op === 'IN'
        ? 'IN'
        : op === 'ARRAY_CONTAINS' || op === 'ARRAY_CONTAINS_ANY'
          ? 'CONTAINS'
          : 'OTHER';
  return [[{ fieldPath, kind }]];
}

const INEQUALITY_OPS = new Set([
  'LESS_THAN',
  'LESS_THAN_OR_EQUAL',
  'GREATER_THAN',
  'GREATER_THAN_OR_EQUAL',
  'NOT_EQUAL',
  'NOT_IN',
  'IS_NOT_NULL',
  'IS_NOT_NAN',
]);

function inequalityFields(filter: Filter | undefined, out: Set<string>): Set<string> {
  if (!filter) return out;
  for (const f of filter.compositeFilter?.filters ?? []) inequalityFields(f, out);
  const leaf = filter.fieldFilter ?? filter.unaryFilter;
  if (leaf && INEQUALITY_OPS.has(leaf.op ?? '')) {
    const path = canonical(leaf.field?.fieldPath ?? '');
    if (path !== NAME) out.add(path);
  }
  return out;
}

/**
 * What a (valid) structured query needs from indexes, or undefined for a query no index
 * check applies to (no collection id: a kindless query over every collection; vector search,
 * whose vector indexes are not modelled).
 */
export function indexQuery(query: StructuredQuery): IndexQuery | undefined {
  const from = query.from?.[0];
  if (!from?.collectionId || query.findNearest) return undefined;
  // The scan order: explicit orders, then inequality fields not ordered (field-path order),
  // then `__name__` in the direction of the last order.
  const order: { fieldPath: string; descending: boolean }[] = [];
  for (const o of query.orderBy ?? []) {
    order.push({ fieldPath: canonical(o.field?.fieldPath ?? ''), descending: o.direction === 'DESCENDING' });
  }
  const last = order.length > 0 ? order[order.length - 1]!.descending : false;
  const seen = new Set(order.map((o) => o.fieldPath));
  const implicit = [...inequalityFields(query.where, new Set())]
    .filter((p) => !seen.has(p))
    .sort((a, b) => comparePaths(a, b));
  for (const fieldPath of implicit) order.push({ fieldPath, descending: last });
  if (!order.some((o) => o.fieldPath === NAME)) order.push({ fieldPath: NAME, descending: last });

  const needs = dnf(query.where).map((branch): IndexNeed => {
    const equalities = new Map<string, 'EQUAL' | 'CONTAINS'>();
    for (const lit of branch) {
      if (lit.fieldPath === NAME || lit.kind === 'OTHER') continue;
      equalities.set(lit.fieldPath, lit.kind === 'CONTAINS' ? 'CONTAINS' : 'EQUAL');
    }
    // A field fixed by `==` is ordered trivially: its orderBy is dropped. An ordered `in` field
    // is scanned in that order instead (one range per value): it is an order, not an equality.
    const fixed = new Set<string>();
    for (const { fieldPath } of order) {
      if (equalities.get(fieldPath) !== 'EQUAL') continue;
      if (branch.some((l) => l.fieldPath === fieldPath && l.kind === 'EQUAL')) fixed.add(fieldPath);
      else equalities.delete(fieldPath);
    }
    return { equalities, order: order.filter((o) => !fixed.has(o.fieldPath)) };
  });
  return {
    collectionGroup: from.collectionId,
    queryScope: from.allDescendants ? 'COLLECTION_GROUP' : 'COLLECTION',
    needs,
  };
}

function comparePaths(a: string, b: string): number {
  const sa = parseFieldPath(a);
  const sb = parseFieldPath(b);
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    if (sa[i]! !== sb[i]!) return sa[i]! < sb[i]! ? -1 : 1;
  }
  return sa.length - sb.length;
}

/** The indexes that exist for a collection group in a scope: composite ones and single-field ones. */
function availableIndexes(config: IndexConfig, group: string, scope: QueryScope, fields: Iterable<string>) {
  const out: IndexField[][] = config.indexes
    .filter((ix) => ix.collectionGroup === group && ix.queryScope === scope)
    .map((ix) => ix.fields);
  for (const fieldPath of fields) {
    if (fieldPath === NAME) continue;
    for (const mode of singleFieldModes(config, group, scope, fieldPath)) out.push([{ fieldPath, mode }]);
  }
  return out;
}

/** The single-field indexes of a field: automatic in collection scope unless overridden. */
export function singleFieldModes(
  config: IndexConfig,
  group: string,
  scope: QueryScope,
  fieldPath: string,
): FieldMode[] {
  const override = config.fieldOverrides.find(
    (o) => o.collectionGroup === group && o.fieldPath === fieldPath,
  );
  if (override) return override.indexes.filter((x) => x.queryScope === scope).map((x) => x.mode);
  return scope === 'COLLECTION' ? ['ASCENDING', 'DESCENDING', 'CONTAINS'] : [];
}

/**
 * The equality fields an index covers for a need, or undefined if it cannot serve it: its
 * leading fields are equality fields of the need, the rest is exactly the need's order.
 */
function covers(fields: IndexField[], need: IndexNeed): string[] | undefined {
  let own = fields;
  let nameDescending: boolean | undefined;
  if (own.length > 0 && own[own.length - 1]!.fieldPath === NAME) {
    nameDescending = own[own.length - 1]!.mode === 'DESCENDING';
    own = own.slice(0, -1);
  }
  const lastOrdered = [...own].reverse().find((f) => f.mode !== 'CONTAINS');
  if (nameDescending === undefined) nameDescending = lastOrdered?.mode === 'DESCENDING';
  const order = need.order.slice(0, -1);
  const name = need.order[need.order.length - 1]!;
  if (name.descending !== nameDescending) return undefined;
  const k = own.length - order.length;
  if (k < 0) return undefined;
  for (let i = 0; i < order.length; i++) {
    const f = own[k + i]!;
    if (f.fieldPath !== order[i]!.fieldPath) return undefined;
    if (f.mode !== (order[i]!.descending ? 'DESCENDING' : 'ASCENDING')) return undefined;
  }
  const covered: string[] = [];
  for (const f of own.slice(0, k)) {
    const kind = need.equalities.get(f.fieldPath);
    if (kind === undefined || covered.includes(f.fieldPath)) return undefined;
    if ((kind === 'CONTAINS') !== (f.mode === 'CONTAINS')) return undefined;
    covered.push(f.fieldPath);
  }
  return covered;
}

/** Whether the indexes serve one conjunction. */
function served(indexes: IndexField[][], need: IndexNeed, scope: QueryScope): boolean {
  if (need.equalities.size === 0) {
    // The built-in document-name indexes: ascending in both scopes, descending for collections.
    if (need.order.length === 1 && (!need.order[0]!.descending || scope === 'COLLECTION')) return true;
    return indexes.some((ix) => covers(ix, need)?.length === 0);
  }
  const left = new Set(need.equalities.keys());
  for (const ix of indexes) {
    const covered = covers(ix, need);
    if (!covered) continue;
    for (const f of covered) left.delete(f);
    if (left.size === 0) return true;
  }
  return false;
}

/** The outcome of the check: nothing missing, or the index (or override) to add. */
export type IndexVerdict =
  { ok: true } | { ok: false; index: Record<string, unknown>; kind: 'indexes' | 'fieldOverrides' };

/** Checks a query against an index configuration (a pure function). */
export function checkQueryIndexes(config: IndexConfig, query: StructuredQuery): IndexVerdict {
  const q = indexQuery(query);
  if (!q) return { ok: true };
  for (const need of q.needs) {
    const fields = new Set([...need.equalities.keys(), ...need.order.map((o) => o.fieldPath)]);
    const indexes = availableIndexes(config, q.collectionGroup, q.queryScope, fields);
    if (!served(indexes, need, q.queryScope)) return { ok: false, ...suggestion(config, q, need) };
  }
  return { ok: true };
}

function jsonField(fieldPath: string, mode: FieldMode): Record<string, string> {
  return mode === 'CONTAINS' ? { fieldPath, arrayConfig: 'CONTAINS' } : { fieldPath, order: mode };
}

/** The smallest thing to declare: a composite index, or a single-field override. */
function suggestion(
  config: IndexConfig,
  q: IndexQuery,
  need: IndexNeed,
): { index: Record<string, unknown>; kind: 'indexes' | 'fieldOverrides' } {
  const fields: IndexField[] = [...need.equalities].map(([fieldPath, kind]) => ({
    fieldPath,
    mode: kind === 'CONTAINS' ? 'CONTAINS' : 'ASCENDING',
  }));
  const order = need.order.slice(0, -1);
  for (const o of order)
    fields.push({ fieldPath: o.fieldPath, mode: o.descending ? 'DESCENDING' : 'ASCENDING' });
  const name = need.order[need.order.length - 1]!;
  const lastOrdered = [...fields].reverse().find((f) => f.mode !== 'CONTAINS');
  const impliedNameDescending = lastOrdered?.mode === 'DESCENDING';
  if (name.descending !== impliedNameDescending || fields.length === 0) {
    fields.push({ fieldPath: NAME, mode: name.descending ? 'DESCENDING' : 'ASCENDING' });
  }
  if (fields.length === 1 && fields[0]!.fieldPath !== NAME) {
    // One field: a single-field index, declared as an override. An override replaces the
    // field's automatic indexes, so it lists the ones it keeps too.
    const f = fields[0]!;
    const current = [
      ...singleFieldModes(config, q.collectionGroup, 'COLLECTION', f.fieldPath).map((mode) => ({
        mode,
        queryScope: 'COLLECTION' as QueryScope,
      })),
      ...singleFieldModes(config, q.collectionGroup, 'COLLECTION_GROUP', f.fieldPath).map((mode) => ({
        mode,
        queryScope: 'COLLECTION_GROUP' as QueryScope,
      })),
    ];
    current.push({ mode: f.mode, queryScope: q.queryScope });
    return {
      kind: 'fieldOverrides',
      index: {
        collectionGroup: q.collectionGroup,
        fieldPath: f.fieldPath,
        indexes: current.map((x) => ({ ...modeJson(x.mode), queryScope: x.queryScope })),
      },
    };
  }
  return {
    kind: 'indexes',
    index: {
      collectionGroup: q.collectionGroup,
      queryScope: q.queryScope,
      fields: fields.map((f) => jsonField(f.fieldPath, f.mode)),
    },
  };
}

function modeJson(mode: FieldMode): Record<string, string> {
  return mode === 'CONTAINS' ? { arrayConfig: 'CONTAINS' } : { order: mode };
}

/** The error production answers (FAILED_PRECONDITION), with what to add to firestore.indexes.json. */
export function missingIndexError(verdict: Exclude<IndexVerdict, { ok: true }>): EmulatorError {
  const where =
    verdict.kind === 'indexes'
      ? 'Add this composite index to "indexes" in firestore.indexes.json'
      : 'Add this single-field index to "fieldOverrides" in firestore.indexes.json (it replaces the field\'s automatic indexes, so it lists them too)';
  return new EmulatorError(
    Code.FAILED_PRECONDITION,
    `The query requires an index. ${where}: ${JSON.stringify(verdict.index)}`,
  );
}
