/**
 * The client's queries, as plain descriptions built from the account's
 * claims. Firestore rules are not filters (firestore.rules): a list query is
 * refused unless its own filters keep it inside the account's scope, so every
 * query here carries them:
 * - every role: `provinceCode == <claims.province>`;
 * - commune roles (area monitor, commune admin and viewer): in addition the
 *   commune — `communeCode ==`/`in` their communes, `homeCommuneCode` for the
 *   people a commune keeps on its quota while they are seconded elsewhere,
 *   `communeCodes array-contains(-any)` for movements (both sides);
 * - a cadre: `cadreId == <claims.cadreId>`.
 * A request outside the scope returns `null` (the page then says so, without
 * asking the server). Pure, without Firebase (unit tests in
 * test/unit/hosting/scope.test.ts; the rules emulator runs the same
 * descriptions in test/rules/hosting-queries.rules.test.ts); data/reads.ts turns
 * them into Firestore Lite queries.
 */
import type { Claims } from '@canbo/model';

export type Op = '==' | 'in' | 'array-contains' | 'array-contains-any';

export interface Filter {
  field: string;
  op: Op;
  value: string | number | boolean | readonly string[];
}

export interface QuerySpec {
  collection: string;
  filters: Filter[];
  orderBy?: { field: string; direction: 'asc' | 'desc' }[];
  limit?: number;
}

/** Firestore's limit on the values of one `in` / `array-contains-any` filter. */
export const MAX_DISJUNCTION = 30;

const PROVINCE_WIDE = ['province_admin', 'auditor'];
const COMMUNE_ROLES = ['area_monitor', 'commune_admin', 'commune_viewer'];

export const isProvinceWide = (c: Claims): boolean => PROVINCE_WIDE.includes(c.role);
export const isCommuneRole = (c: Claims): boolean => COMMUNE_ROLES.includes(c.role);

const eq = (field: string, value: string | number | boolean): Filter => ({ field, op: '==', value });
const province = (c: Claims): Filter => eq('provinceCode', c.province);

/** `field == one` or `field in many` (a single value as an equality: simpler for the rules and indexes). */
function oneOf(field: string, values: readonly string[]): Filter {
  return values.length === 1 ? eq(field, values[0]!) : { field, op: 'in', value: [...values] };
}

/**
 * The communes of `wanted` that the account may read (all of them for a
 * province-wide role, the intersection with its list for a commune role,
 * none for a cadre). Order of `wanted` is kept.
 */
export function communesInScope(c: Claims, wanted: readonly string[]): string[] {
  if (isProvinceWide(c)) return [...wanted];
  if (isCommuneRole(c)) return wanted.filter((w) => (c.communes ?? []).includes(w));
  return [];
}

/** Whether the account may read the data of one commune. */
export function seesCommune(c: Claims, commune: string): boolean {
  return communesInScope(c, [commune]).length === 1;
}

/** Splits a list into chunks of at most `size` (one query per chunk of an `in`). */
export function chunks<T>(items: readonly T[], size = MAX_DISJUNCTION): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The communes of a province: public reference data (units), no scope filter needed. */
export function communesOfProvince(provinceCode: string): QuerySpec {
  return {
    collection: 'units',
    filters: [eq('parentCode', provinceCode), eq('level', 'commune')],
  };
}

/**
 * Per-unit statistics (unitStats, packages/model/src/stats.ts): a province-wide
 * role reads its province (optionally only some communes); a commune role only
 * its communes (one query per 30). Null when nothing asked for is in scope.
 */
export function unitStatsQueries(c: Claims, communes?: readonly string[]): QuerySpec[] | null {
  return communeScoped(c, 'unitStats', 'communeCode', communes);
}

/** The quotas of a year (quotas/{unit}_{block}_{year}), scoped like unitStats. */
export function quotaQueries(c: Claims, year: number, communes?: readonly string[]): QuerySpec[] | null {
  const specs = communeScoped(c, 'quotas', 'communeCode', communes);
  return specs && specs.map((s) => ({ ...s, filters: [...s.filters, eq('year', year)] }));
}

function communeScoped(
  c: Claims,
  collection: string,
  field: string,
  communes: readonly string[] | undefined,
): QuerySpec[] | null {
  if (isProvinceWide(c) && communes === undefined) return [{ collection, filters: [province(c)] }];
  const allowed = communesInScope(c, communes ?? c.communes ?? []);
  if (allowed.length === 0) return null;
  return chunks(allowed).map((part) => ({ collection, filters: [province(c), oneOf(field, part)] }));
}

/**
 * The people of a commune: those working there (communeCode) and those on its
 * quota working elsewhere (homeCommuneCode), two queries whose results the
 * caller merges by id. Null when the commune is out of scope.
 */
export function peopleOfCommune(c: Claims, commune: string): QuerySpec[] | null {
  if (!seesCommune(c, commune)) return null;
  return [
    { collection: 'cadres', filters: [province(c), eq('communeCode', commune)] },
    { collection: 'cadres', filters: [province(c), eq('homeCommuneCode', commune)] },
  ];
}

/** Movements touching a commune (either side). Null when out of scope. */
export function movementsOfCommune(c: Claims, commune: string): QuerySpec | null {
  if (!seesCommune(c, commune)) return null;
  return {
    collection: 'movements',
    filters: [province(c), { field: 'communeCodes', op: 'array-contains', value: commune }],
  };
}

/**
 * The movements of one person. A commune role sees those touching its
 * communes; a cadre only their own. Null when the account cannot read any.
 */
export function movementsOfCadre(c: Claims, cadreId: string): QuerySpec | null {
  const filters = [province(c), eq('cadreId', cadreId)];
  if (isProvinceWide(c)) return { collection: 'movements', filters };
  if (isCommuneRole(c) && (c.communes ?? []).length > 0)
    return {
      collection: 'movements',
      filters: [
        ...filters,
        {
          field: 'communeCodes',
          op: 'array-contains-any',
          value: (c.communes ?? []).slice(0, MAX_DISJUNCTION),
        },
      ],
    };
  if (c.role === 'cadre' && c.cadreId === cadreId) return { collection: 'movements', filters };
  return null;
}

/** The evaluations of one person (evaluations carry provinceCode, communeCode, cadreId). */
export function evaluationsOfCadre(c: Claims, cadreId: string, commune: string | null): QuerySpec | null {
  const filters = [province(c), eq('cadreId', cadreId)];
  if (isProvinceWide(c)) return { collection: 'evaluations', filters };
  if (isCommuneRole(c) && commune && seesCommune(c, commune))
    return { collection: 'evaluations', filters: [...filters, eq('communeCode', commune)] };
  if (c.role === 'cadre' && c.cadreId === cadreId) return { collection: 'evaluations', filters };
  return null;
}

/**
 * The daily alerts (functions/src/services/alerts.ts flags active movements
 * `ending_soon` or `overdue_return`). A province-wide role asks for the
 * flagged movements of its province; a commune role for the active movements
 * of its communes (one array filter per query is all Firestore allows), which
 * the caller filters by flag.
 */
export function alertQueries(c: Claims): QuerySpec[] | null {
  if (isProvinceWide(c))
    return [
      {
        collection: 'movements',
        filters: [
          province(c),
          { field: 'flags', op: 'array-contains-any', value: ['ending_soon', 'overdue_return'] },
        ],
      },
    ];
  const communes = isCommuneRole(c) ? (c.communes ?? []) : [];
  if (communes.length === 0) return null;
  return chunks(communes).map((part) => ({
    collection: 'movements',
    filters: [
      province(c),
      eq('status', 'active'),
      { field: 'communeCodes', op: 'array-contains-any', value: part },
    ],
  }));
}

/** A document the account reads by id (cadres/{id}, units/{code}, unitStats/{code}). */
export interface DocSpec {
  collection: string;
  id: string;
}

/** The account's own record (role cadre). */
export function ownRecord(c: Claims): DocSpec | null {
  return c.role === 'cadre' && c.cadreId ? { collection: 'cadres', id: c.cadreId } : null;
}

// ── Area monitors (issue 13, docs/monitors.md) ──

/** The part of a scope document (userScopes/{uid}) the client reads. */
export interface ScopeDoc {
  role: string;
  provinceCode: string;
  communes: readonly string[];
}

/** An account's own scope document: an area monitor's communes as they stand now. */
export function ownScopeDoc(uid: string): DocSpec {
  return { collection: 'userScopes', id: uid };
}

/**
 * The claims with an area monitor's communes taken from its scope document,
 * the rule firestore.rules' `myCommunes()` and the callables apply: a
 * document that is not an area monitor's of the token's province gives no
 * commune; no document keeps the token's communes. Other roles unchanged.
 */
export function withScopeDocument(c: Claims, scope: ScopeDoc | null): Claims {
  if (c.role !== 'area_monitor' || scope === null) return c;
  const current = scope.role === 'area_monitor' && scope.provinceCode === c.province;
  return { ...c, communes: current ? [...scope.communes] : [] };
}

/**
 * The monitors' work log (monitorLog), newest first: a province-wide role
 * reads the province's (optionally one commune), an area monitor its
 * communes (one query per 30). Null when nothing asked for is in scope.
 */
export function monitorLogQueries(c: Claims, communes?: readonly string[], max = 500): QuerySpec[] | null {
  const newestFirst = { orderBy: [{ field: 'date', direction: 'desc' as const }], limit: max };
  if (isProvinceWide(c) && communes === undefined)
    return [{ collection: 'monitorLog', filters: [province(c)], ...newestFirst }];
  if (!isProvinceWide(c) && c.role !== 'area_monitor') return null;
  const allowed = communesInScope(c, communes ?? c.communes ?? []);
  if (allowed.length === 0) return null;
  return chunks(allowed).map((part) => ({
    collection: 'monitorLog',
    filters: [province(c), oneOf('communeCode', part)],
    ...newestFirst,
  }));
}

/**
 * Monitor assignments (monitorAssignments), newest first: the province's for
 * a province-wide role, an area monitor's own (`uid`). Null for other roles.
 */
export function monitorAssignmentQuery(c: Claims, uid: string): QuerySpec | null {
  const newestFirst = { orderBy: [{ field: 'from', direction: 'desc' as const }] };
  if (isProvinceWide(c)) return { collection: 'monitorAssignments', filters: [province(c)], ...newestFirst };
  if (c.role === 'area_monitor')
    return {
      collection: 'monitorAssignments',
      filters: [province(c), eq('monitorUid', uid)],
      ...newestFirst,
    };
  return null;
}

/** The area monitors a province admin scoped (their scope documents). Null for other roles (rules refuse them). */
export function areaMonitorsQuery(c: Claims): QuerySpec | null {
  if (c.role !== 'province_admin') return null;
  return { collection: 'userScopes', filters: [province(c), eq('role', 'area_monitor')] };
}
