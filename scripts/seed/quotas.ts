/**
 * quotas/{unit_block_year}: the seed year's allocation (biên chế) of each
 * commune block near its norm and of each province agency, and the counts at
 * the start of the replay: everyone in post fills a post of their home unit.
 * The movements then change the counts only through the lifecycle's quota
 * effects (movements.ts).
 */
import { communeNorm, DEFAULT_NORMS } from '../../functions/src/domain/norms';
import { type Block, type Cadre, type Quota, quotaId, type Unit } from '@canbo/model';
import type { SeedContext } from './context';
import { ALLOCATION_SPREAD, AGENCY_SPARE_POSTS } from './tables';

export type QuotaDoc = Quota & { id: string };

function quota(
  ctx: SeedContext,
  unitCode: string,
  communeCode: string | null,
  block: Block,
  allocated: number,
) {
  return {
    id: quotaId(unitCode, block, ctx.year),
    unitCode,
    provinceCode: ctx.province.code,
    communeCode,
    block,
    year: ctx.year,
    allocated,
    filled: 0,
    reservedForReturn: 0,
    incoming: 0,
    updatedAt: ctx.now,
  };
}

/** A commune block's quota: the norm at the seed's scale, give or take a few posts. */
export function communeQuota(ctx: SeedContext, commune: Unit, block: Block): QuotaDoc {
  const { rng, year } = ctx;
  const norm = ctx.scaled(communeNorm(ctx.options.norms ?? DEFAULT_NORMS, block));
  const allocated = Math.max(1, norm + rng.int(ALLOCATION_SPREAD.min, ALLOCATION_SPREAD.max));
  const final = rng.chance(0.7);
  return {
    ...quota(ctx, commune.code, commune.code, block, allocated),
    status: final ? 'final' : 'temporary',
    decision: rng.chance(0.7)
      ? {
          number: `${rng.int(100, 3000)}/QĐ-UBND`,
          date: `${year}-01-${String(rng.int(5, 28)).padStart(2, '0')}`,
        }
      : null,
  };
}

/** A province agency's quota: its headcount and a few spare posts. */
export function agencyQuota(ctx: SeedContext, agencyCode: string, block: Block, headcount: number): QuotaDoc {
  const { rng, year } = ctx;
  return {
    ...quota(ctx, agencyCode, null, block, headcount + rng.int(0, AGENCY_SPARE_POSTS)),
    status: 'final',
    decision: { number: `${rng.int(100, 3000)}/QĐ-UBND`, date: `${year}-01-10` },
  };
}

/**
 * The counts before any movement: each person in post fills a post of their
 * home unit's quota. This is the state an import of the province's staff
 * list starts from, and may exceed the allocation (communes that kept
 * everyone after the mergers); only movements must then fit.
 */
export function fillFromStaff(quotas: QuotaDoc[], cadres: readonly Cadre[]): void {
  const byId = new Map(quotas.map((q) => [q.id, q]));
  for (const c of cadres) {
    if (c.status !== 'active') continue;
    const q = byId.get(quotaId(c.homeUnitCode, c.block, quotas[0]?.year ?? 0));
    if (q) q.filled++;
  }
}
