/**
 * What the planning pages read, through the rules (firestore.rules, `match
 * /planning`): every list query carries the scope filter — the province, and
 * for commune roles their communes. The position catalogue and the units are
 * public reference data. Changes go through the callables (./api.ts).
 */
import type { Cadre, Claims, PlanningList, Position } from '@canbo/model';
import { runQueries, runQuery } from '../../data/reads';
import { chunks, communesOfProvince, isProvinceWide, type QuerySpec } from '../../data/scope';

/** The terms planned (packages/model/src/planning.ts PLANNING_TERMS; repeated here: the client bundles no zod). */
export const TERMS = ['2026-2031', '2031-2036'] as const;
export type Term = (typeof TERMS)[number];

/** The planning lists of a term the account may read. */
export async function planningLists(claims: Claims, term: Term): Promise<PlanningList[]> {
  const province = { field: 'provinceCode', op: '==' as const, value: claims.province };
  if (isProvinceWide(claims)) {
    return runQuery<PlanningList>({
      collection: 'planning',
      filters: [province, { field: 'term', op: '==', value: term }],
    });
  }
  const communes = claims.communes ?? [];
  if (communes.length === 0) return [];
  const specs: QuerySpec[] = chunks(communes).map((part) => ({
    collection: 'planning',
    filters: [
      province,
      part.length === 1
        ? { field: 'communeCode', op: '==', value: part[0]! }
        : { field: 'communeCode', op: 'in', value: part },
    ],
  }));
  return (await runQueries<PlanningList>(specs)).filter((l) => l.term === term);
}

/** The position catalogue, by id. */
export async function positionsById(): Promise<Map<string, Position>> {
  const all = await runQuery<Position>({ collection: 'positions', filters: [] });
  return new Map(all.map((p) => [p.id, p]));
}

/** Names of the province and its communes, by code. */
export async function unitNames(provinceCode: string): Promise<Map<string, string>> {
  const [communes, province] = await Promise.all([
    runQuery<{ code: string; name: string }>(communesOfProvince(provinceCode)),
    runQuery<{ code: string; name: string }>({
      collection: 'units',
      filters: [{ field: 'code', op: '==', value: provinceCode }],
    }),
  ]);
  return new Map([...province, ...communes].map((u) => [u.code, u.name]));
}

/** People working in a commune (or the province's own units), for the add form's person list. */
export async function peopleOf(
  claims: Claims,
  unitCode: string,
): Promise<Pick<Cadre, 'id' | 'fullName' | 'posts'>[]> {
  const commune = /^\d{5}$/.test(unitCode) ? unitCode : null;
  const people = await runQuery<Cadre>({
    collection: 'cadres',
    filters: [
      { field: 'provinceCode', op: '==', value: claims.province },
      commune
        ? { field: 'communeCode', op: '==', value: commune }
        : { field: 'currentUnitCode', op: '==', value: unitCode },
    ],
  });
  return people
    .filter((c) => c.status !== 'retired' && c.status !== 'left')
    .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
}
