/**
 * The statistics of a unit (unitStats/{unitCode}, packages/model/src/stats.ts),
 * pure: what one person contributes to the figures, the increments a change
 * of a person makes (`statsDelta`), the copy of a quota document
 * (`quotaFigures`), and the figures recomputed from scratch
 * (`computeUnitStats`), which the rebuild writes and the tests compare with
 * the incrementally kept ones.
 *
 * The planner is pure and the writer thin (functions/src/data/unit-stats.ts):
 * a transaction that changes a person writes the increments of
 * `statsDelta(before, after)` without reading the statistics document, so
 * the document adds no lock to the transactions that keep it.
 */
import {
  type Cadre,
  communeOf,
  IN_SERVICE_STATUSES,
  type Quota,
  type QuotaFigures,
  UNIT_STATS_VERSION,
  type UnitStats,
  UnitStats as UnitStatsSchema,
} from '@canbo/model';
import { POSITION_BY_ID } from './positions';

/** A path of field names inside a unitStats document, e.g. ["people", "byBlock", "party"]. */
export type StatsPath = readonly string[];

/** The increments one change makes to one unit's document. */
export interface UnitStatsDelta {
  unitCode: string;
  provinceCode: string;
  communeCode: string | null;
  /** Non-zero increments, one per path (paths joined by "\u0000" are unique). */
  increments: { path: StatsPath; by: number }[];
}

const IN_SERVICE: ReadonlySet<string> = new Set(IN_SERVICE_STATUSES);

/** Whether a person counts in the breakdowns (active, seconded out, on leave). */
export function inService(c: Pick<Cadre, 'status'>): boolean {
  return IN_SERVICE.has(c.status);
}

/** One +1 a person contributes: at a unit, on a path. */
interface Contribution {
  unitCode: string;
  path: StatsPath;
}

/** The birth year as a key ("1980"). */
const birthYearOf = (c: Pick<Cadre, 'birthDate'>): string => c.birthDate.slice(0, 4);

/**
 * What a person adds to the figures: at their home unit (the quota they are
 * on) their status always, and every breakdown while in service; at the unit
 * of each key post they hold (main or concurrent), that post while in
 * service; at the unit where they work, when it is another, the hosted
 * counts while in service.
 */
export function contributions(c: Cadre): Contribution[] {
  const home = c.homeUnitCode;
  const at = (path: string[]): Contribution => ({ unitCode: home, path });
  const out: Contribution[] = [at(['people', 'byStatus', c.status])];
  if (!inService(c)) return out;
  const year = birthYearOf(c);
  out.push(
    at(['people', 'inService']),
    at(['people', 'byBlock', c.block]),
    at(['people', 'byCategory', c.category]),
    at(['people', 'byGender', c.gender]),
    at(['people', 'byEthnicity', c.ethnicity]),
    at(['people', 'byEducation', c.education.level]),
    at(['people', 'byPoliticalTheory', c.politicalTheory]),
    at(['people', 'byBirthYear', year]),
  );
  if (c.ethnicMinority) out.push(at(['people', 'ethnicMinority']));
  if (c.partyMember) out.push(at(['people', 'partyMembers']));
  if (c.gender === 'female') out.push(at(['people', 'womenByBirthYear', year]));
  // Key posts are counted where the post is (a concurrent post may be in another unit).
  for (const post of c.posts) {
    if (POSITION_BY_ID.get(post.positionId)?.keyPost) {
      out.push({ unitCode: post.unitCode, path: ['keyPosts', post.positionId] });
    }
  }
  if (c.currentUnitCode !== home) {
    out.push(
      { unitCode: c.currentUnitCode, path: ['hosted', 'inService'] },
      { unitCode: c.currentUnitCode, path: ['hosted', 'byBlock', c.block] },
    );
  }
  return out;
}

const KEY_SEPARATOR = '\u0000';

/**
 * The increments that turn the figures counting `before` into the figures
 * counting `after` (either may be undefined: a person created or removed).
 * Units whose figures do not change are left out, so a change that moves no
 * figure (an open movement added to the person) writes nothing.
 */
export function statsDelta(before: Cadre | undefined, after: Cadre | undefined): UnitStatsDelta[] {
  const provinceCode = (after ?? before)?.provinceCode;
  if (!provinceCode) return [];
  const sums = new Map<string, Map<string, { path: StatsPath; by: number }>>();
  const add = (list: Contribution[], by: number): void => {
    for (const { unitCode, path } of list) {
      const unit = sums.get(unitCode) ?? new Map<string, { path: StatsPath; by: number }>();
      sums.set(unitCode, unit);
      const key = path.join(KEY_SEPARATOR);
      const prior = unit.get(key);
      unit.set(key, { path, by: (prior?.by ?? 0) + by });
    }
  };
  if (before) add(contributions(before), -1);
  if (after) add(contributions(after), 1);
  const deltas: UnitStatsDelta[] = [];
  for (const [unitCode, unit] of sums) {
    const increments = [...unit.values()].filter((x) => x.by !== 0);
    if (increments.length > 0) {
      deltas.push({ unitCode, provinceCode, communeCode: communeOf(unitCode), increments });
    }
  }
  return deltas.sort((a, b) => a.unitCode.localeCompare(b.unitCode));
}

/** The copy of a quota document the statistics keep (`quotas.{year}.{block}`). */
export function quotaFigures(q: Quota): QuotaFigures {
  return {
    allocated: q.allocated,
    filled: q.filled,
    reservedForReturn: q.reservedForReturn,
    incoming: q.incoming,
    status: q.status,
    // A document without openedAt predates the field: live, not a forecast.
    forecast: q.openedAt === null,
  };
}

/** The empty figures of a unit (every count zero). */
export function emptyUnitStats(unitCode: string, provinceCode: string, at: string): UnitStats {
  return UnitStatsSchema.parse({ unitCode, provinceCode, communeCode: communeOf(unitCode), updatedAt: at });
}

type Tree = Record<string, unknown>;

const isTree = (x: unknown): x is Tree => typeof x === 'object' && x !== null;

/** Adds `by` at `path` of a figures object (missing maps and counts start empty). */
function addAt(target: Tree, path: StatsPath, by: number): void {
  let node: Tree = target;
  path.slice(0, -1).forEach((name) => {
    const child = node[name];
    if (isTree(child)) {
      node = child;
    } else {
      const created: Record<string, unknown> = {};
      node[name] = created;
      node = created;
    }
  });
  const leaf = path[path.length - 1]!;
  const prior = node[leaf];
  node[leaf] = (typeof prior === 'number' ? prior : 0) + by;
}

/**
 * The figures of every unit that has people (home or hosted) or quotas
 * among `people` and `quotas` (one province's), recomputed from scratch:
 * the same contributions the increments add, summed. `at` is the rebuild's
 * instant (`updatedAt` and `rebuiltAt`).
 */
export function computeUnitStats(
  provinceCode: string,
  people: Iterable<Cadre>,
  quotas: Iterable<Quota>,
  at: string,
): Map<string, UnitStats> {
  type RawFigures = { people: Tree; hosted: Tree; keyPosts: Tree; quotas: Record<string, Tree> };
  const raw = new Map<string, RawFigures>();
  const docOf = (unitCode: string): RawFigures => {
    const found = raw.get(unitCode);
    if (found) return found;
    const created: RawFigures = { people: {}, hosted: {}, keyPosts: {}, quotas: {} };
    raw.set(unitCode, created);
    return created;
  };
  for (const c of people) {
    for (const { unitCode, path } of contributions(c)) addAt(docOf(unitCode), path, 1);
  }
  for (const q of quotas) {
    const years = docOf(q.unitCode).quotas;
    const year = (years[String(q.year)] ??= {});
    year[q.block] = quotaFigures(q);
  }
  const result = new Map<string, UnitStats>();
  for (const [unitCode, doc] of [...raw].sort(([a], [b]) => a.localeCompare(b))) {
    result.set(
      unitCode,
      UnitStatsSchema.parse({
        ...doc,
        unitCode,
        provinceCode,
        communeCode: communeOf(unitCode),
        version: UNIT_STATS_VERSION,
        updatedAt: at,
        rebuiltAt: at,
      }),
    );
  }
  return result;
}

/**
 * The figures of a document with every zero count and empty map removed and
 * keys sorted, for comparing two documents that count the same people (an
 * increment that went to zero leaves a 0 where a rebuild writes nothing).
 */
export function comparableFigures(s: UnitStats): unknown {
  const prune = (value: unknown): unknown => {
    if (!isTree(value)) return value;
    const entries = Object.entries(value)
      .map(([k, v]) => [k, prune(v)] as const)
      .filter(([, v]) => v !== 0 && !(isTree(v) && Object.keys(v).length === 0))
      .sort(([a], [b]) => a.localeCompare(b));
    return Object.fromEntries(entries);
  };
  return prune({
    unitCode: s.unitCode,
    people: s.people,
    hosted: s.hosted,
    keyPosts: s.keyPosts,
    quotas: s.quotas,
  });
}
