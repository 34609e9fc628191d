/**
 * The dashboard's arithmetic, pure (unit tests: test/unit/hosting/figures.test.ts):
 * quota figures per commune and per block from the per-unit statistics
 * (unitStats, packages/model/src/stats.ts) or, while those are not readable,
 * from the quota documents; units over quota and below the commune norm; the
 * structure of the workforce (age bands, women, ethnic minorities,
 * qualifications) by region.
 *
 * The quota arithmetic is the server's (functions/src/domain/quota.ts):
 * taken = filled + reservedForReturn + incoming, free = allocated − taken,
 * over quota when taken > allocated. The norm of a commune's block is the
 * model's `communeNorm` (packages/model/src/norms.ts, which the server's
 * checks use too), over the same catalogue file.
 */
import type { Block, Region } from '@canbo/model';
import normsCatalogue from '../../../data/catalogue/norms.json';
import { communeNorm } from '@canbo/model/norms';

export const BLOCKS: readonly Block[] = ['government', 'party', 'military', 'public_service'];

export interface QuotaCounts {
  allocated: number;
  filled: number;
  reservedForReturn: number;
  incoming: number;
}

/** One quota (a unit's block in a year), wherever it was read from. */
export interface QuotaRecord extends QuotaCounts {
  unitCode: string;
  /** The commune of the unit; null for the province and its agencies. */
  communeCode: string | null;
  block: Block;
}

/** The fields of a unitStats document the dashboard reads (all optional: a missing key is zero). */
export interface StatsDoc {
  unitCode: string;
  communeCode: string | null;
  people?: {
    inService?: number;
    byGender?: Partial<Record<'male' | 'female', number>>;
    ethnicMinority?: number;
    byEducation?: Partial<Record<string, number>>;
    byBirthYear?: Record<string, number>;
    womenByBirthYear?: Record<string, number>;
  };
  quotas?: Record<string, Partial<Record<Block, Partial<QuotaCounts>>>>;
  /**
   * Holders in service of each key post in the unit, by position id (a
   * missing id: none). Absent until the statistics carry it
   * (/work/notes: asked of the unitStats owner); the dashboard then says so.
   */
  keyPosts?: Record<string, number>;
}

/** The fields of a quota document the fallback reads. */
export interface QuotaDoc extends Partial<QuotaCounts> {
  unitCode: string;
  communeCode: string | null;
  block: Block;
}

const n = (v: number | undefined): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export function taken(q: QuotaCounts): number {
  return q.filled + q.reservedForReturn + q.incoming;
}
export function free(q: QuotaCounts): number {
  return q.allocated - taken(q);
}
export function isOver(q: QuotaCounts): boolean {
  return taken(q) > q.allocated;
}

/** The quotas of `year` in the statistics documents. */
export function quotasFromStats(stats: readonly StatsDoc[], year: number): QuotaRecord[] {
  const out: QuotaRecord[] = [];
  for (const s of stats) {
    const ofYear = s.quotas?.[String(year)] ?? {};
    for (const block of BLOCKS) {
      const q = ofYear[block];
      if (!q) continue;
      out.push({
        unitCode: s.unitCode,
        communeCode: s.communeCode ?? null,
        block,
        allocated: n(q.allocated),
        filled: n(q.filled),
        reservedForReturn: n(q.reservedForReturn),
        incoming: n(q.incoming),
      });
    }
  }
  return out;
}

export function quotasFromDocs(docs: readonly QuotaDoc[]): QuotaRecord[] {
  return docs.map((d) => ({
    unitCode: d.unitCode,
    communeCode: d.communeCode ?? null,
    block: d.block,
    allocated: n(d.allocated),
    filled: n(d.filled),
    reservedForReturn: n(d.reservedForReturn),
    incoming: n(d.incoming),
  }));
}

export type Norms = Record<Block, number>;

/** The per-commune norm of each block (data/catalogue/norms.json, by the model's communeNorm, as the server's checks). */
export const COMMUNE_NORMS: Norms = (() => {
  const c = normsCatalogue.norms;
  const values = {
    communeGovernmentPosts: c.communeGovernmentPosts.value,
    communePartyPosts: c.communePartyPosts.value,
    communeMilitaryPosts: c.communeMilitaryPosts.value,
    communePublicServicePosts: c.communePublicServicePosts.value,
  };
  return {
    government: communeNorm(values, 'government'),
    party: communeNorm(values, 'party'),
    military: communeNorm(values, 'military'),
    public_service: communeNorm(values, 'public_service'),
  };
})();

const zero = (): QuotaCounts => ({ allocated: 0, filled: 0, reservedForReturn: 0, incoming: 0 });
function add(into: QuotaCounts, q: QuotaCounts): void {
  into.allocated += q.allocated;
  into.filled += q.filled;
  into.reservedForReturn += q.reservedForReturn;
  into.incoming += q.incoming;
}

export interface CommuneInfo {
  code: string;
  name: string;
  region: Region | null;
}

export interface CommuneQuotaRow extends QuotaCounts {
  code: string;
  name: string;
  region: Region | null;
  free: number;
  /** Some quota of the commune (its own or an agency's) has more posts taken than allocated. */
  over: boolean;
  /** Blocks of the commune's own quotas whose filled posts are below the commune norm. */
  belowNorm: Block[];
}

/**
 * One row per commune of `communes` (in their order, with zeros where no quota
 * was read), summing the quotas of the commune and of its agencies.
 */
export function communeRows(
  records: readonly QuotaRecord[],
  communes: readonly CommuneInfo[],
  norms: Norms = COMMUNE_NORMS,
): CommuneQuotaRow[] {
  const byCommune = new Map<string, QuotaRecord[]>();
  for (const r of records) {
    if (!r.communeCode) continue;
    byCommune.set(r.communeCode, [...(byCommune.get(r.communeCode) ?? []), r]);
  }
  return communes.map((c) => {
    const total = zero();
    let over = false;
    const below: Block[] = [];
    for (const r of byCommune.get(c.code) ?? []) {
      add(total, r);
      if (isOver(r)) over = true;
      // The norm holds for the commune's own quota of a block, not for its agencies.
      if (r.unitCode === c.code && r.allocated > 0 && r.filled < norms[r.block]) below.push(r.block);
    }
    return {
      code: c.code,
      name: c.name,
      region: c.region,
      ...total,
      free: free(total),
      over,
      belowNorm: below,
    };
  });
}

export interface BlockRow extends QuotaCounts {
  block: Block;
  free: number;
  /** Units whose quota of this block is over. */
  unitsOver: number;
}

/** Totals per block over every record (the province, its agencies and its communes). */
export function blockRows(records: readonly QuotaRecord[]): BlockRow[] {
  return BLOCKS.map((block) => {
    const total = zero();
    let unitsOver = 0;
    for (const r of records)
      if (r.block === block) {
        add(total, r);
        if (isOver(r)) unitsOver++;
      }
    return { block, ...total, free: free(total), unitsOver };
  });
}

/** Age bands (on the year's birthday: age = year − birth year), as reports on the workforce use them. */
export const AGE_BANDS = ['under30', '30to39', '40to49', '50to59', '60plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  under30: '< 30',
  '30to39': '30–39',
  '40to49': '40–49',
  '50to59': '50–59',
  '60plus': '≥ 60',
};

export function ageBand(age: number): AgeBand {
  if (age < 30) return 'under30';
  if (age < 40) return '30to39';
  if (age < 50) return '40to49';
  if (age < 60) return '50to59';
  return '60plus';
}

/** Counts by birth year as counts by age band, for people's ages reached in `year`. */
export function ageBands(
  byBirthYear: Readonly<Record<string, number>>,
  year: number,
): Record<AgeBand, number> {
  const out: Record<AgeBand, number> = { under30: 0, '30to39': 0, '40to49': 0, '50to59': 0, '60plus': 0 };
  for (const [born, count] of Object.entries(byBirthYear)) out[ageBand(year - Number(born))] += n(count);
  return out;
}

export const EDUCATION_LEVELS = ['secondary', 'college', 'bachelor', 'master', 'doctor'] as const;

export interface Structure {
  headcount: number;
  women: number;
  minorities: number;
  ages: Record<AgeBand, number>;
  education: Record<(typeof EDUCATION_LEVELS)[number], number>;
}

/** The structure of the people in service on the quotas of `stats`, ages as reached in `year`. */
export function structureOf(stats: readonly StatsDoc[], year: number): Structure {
  const s: Structure = {
    headcount: 0,
    women: 0,
    minorities: 0,
    ages: { under30: 0, '30to39': 0, '40to49': 0, '50to59': 0, '60plus': 0 },
    education: { secondary: 0, college: 0, bachelor: 0, master: 0, doctor: 0 },
  };
  for (const d of stats) {
    const p = d.people ?? {};
    s.headcount += n(p.inService);
    s.women += n(p.byGender?.female);
    s.minorities += n(p.ethnicMinority);
    const bands = ageBands(p.byBirthYear ?? {}, year);
    for (const b of AGE_BANDS) s.ages[b] += bands[b];
    for (const e of EDUCATION_LEVELS) s.education[e] += n(p.byEducation?.[e]);
  }
  return s;
}

/** Region groups compared on the dashboard: the plains and the mountains, as the issue and reports compare them. */
export type RegionGroup = 'lowland' | 'mountain';
/** The comparison asked for is lowland against mountain: midland and island communes count with the lowland here. */
export function regionGroup(region: Region | null): RegionGroup | null {
  if (region === 'mountain') return 'mountain';
  if (region === 'lowland' || region === 'midland' || region === 'island') return 'lowland';
  return null;
}

/** The structure of the whole set, and of its lowland and mountain communes (province-level units in neither). */
export function structureByRegion(
  stats: readonly StatsDoc[],
  regionOf: ReadonlyMap<string, Region | null>,
  year: number,
): { all: Structure; lowland: Structure; mountain: Structure } {
  const group = (g: RegionGroup) =>
    stats.filter((s) => s.communeCode !== null && regionGroup(regionOf.get(s.communeCode) ?? null) === g);
  return {
    all: structureOf(stats, year),
    lowland: structureOf(group('lowland'), year),
    mountain: structureOf(group('mountain'), year),
  };
}

/** A key post of the commune level (positions with keyPost, public reference data). */
export interface KeyPosition {
  id: string;
  name: string;
  nameEn?: string;
  holdersPerUnit: number | null;
}

export interface VacantKeyPost {
  communeCode: string;
  communeName: string;
  positionId: string;
  holders: number;
  required: number;
}

/**
 * The key posts of each commune held by fewer people than the post has
 * holders (one, for every key post of the catalogue), from the statistics of
 * the commune's own unit. Null when the statistics do not carry key posts.
 */
export function vacantKeyPosts(
  stats: readonly StatsDoc[],
  communes: readonly CommuneInfo[],
  positions: readonly KeyPosition[],
): VacantKeyPost[] | null {
  const own = new Map(stats.filter((s) => s.unitCode === s.communeCode).map((s) => [s.unitCode, s]));
  if (![...own.values()].some((s) => s.keyPosts !== undefined)) return null;
  const out: VacantKeyPost[] = [];
  for (const c of communes) {
    const held = own.get(c.code)?.keyPosts ?? {};
    for (const p of positions) {
      const required = p.holdersPerUnit ?? 1;
      const holders = n(held[p.id]);
      if (holders < required)
        out.push({ communeCode: c.code, communeName: c.name, positionId: p.id, holders, required });
    }
  }
  return out;
}
