/**
 * allocateQuota: a province admin records the allocation decision (giao biên
 * chế) of one unit, block and year of their own province, temporary (tạm
 * giao) or final, with its decision number and date (docs/api.md,
 * docs/legal-basis.md §9). The counts are never set here: a new document
 * takes them from the year before (or the latest earlier year, or zeros); a
 * year not yet come stays a forecast that the carry-over refreshes. A cut
 * below the counts is allowed and answered with a warning (and the
 * `over_allocation` flag). Document and audit entry are written together.
 */
import { allocate } from '../../domain/quota-years';
import { takenPosts } from '../../domain/quota';
import { requireRole, requireScope, type Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { log } from '../../log';
import type { UseCaseDeps } from '../deps';
import {
  communeOf,
  message,
  quotaId,
  type Bilingual,
  type Quota,
  type TAllocateQuotaInput,
} from '@canbo/model';

/** The earliest year a quota document can have (packages/model/src/quotas.ts). */
const FIRST_QUOTA_YEAR = 2025;

export interface AllocateQuotaResult {
  quota: Quota;
  /** Non-blocking remarks; today only `over_allocation` (a cut below the counts). */
  warnings: { code: 'over_allocation'; message: string; messageEn: string }[];
}

export async function allocateQuota(
  deps: UseCaseDeps,
  actor: Actor,
  input: TAllocateQuotaInput,
): Promise<AllocateQuotaResult> {
  const { db, repos } = deps;
  requireRole(actor, 'province_admin');
  const unit = await repos.units.get(input.unitCode);
  requireScope(actor, unit.provinceCode, null);
  const { year: currentYear } = repos.quotas.now();
  // A closed year describes what happened in it; its allocation is history.
  if (input.year < currentYear) {
    throw new AppError('failed-precondition', 'error.quotaPastYear', {
      year: input.year,
      current: currentYear,
    });
  }
  const result = await db.runTransaction(async (tx) => {
    const { at } = repos.quotas.now();
    const key = { unitCode: unit.code, block: input.block };
    // This year and the years before, newest first, until one is stored.
    const years = Array.from({ length: input.year - FIRST_QUOTA_YEAR + 1 }, (_, i) => input.year - i);
    const stored = await repos.quotas.findMany(
      years.map((year) => ({ ...key, year })),
      tx,
    );
    const [current, previous] = stored;
    const latestEarlier = stored.slice(1).find((q) => q !== undefined);
    const { quota, overAllocated } = allocate(
      {
        current,
        previous,
        latestEarlier,
        identity: {
          provinceCode: unit.provinceCode,
          communeCode: communeOf(unit.code),
          unitCode: unit.code,
          block: input.block,
          year: input.year,
        },
      },
      { allocated: input.allocated, status: input.status, decision: input.decision },
      currentYear,
      at,
    );
    repos.quotas.save(tx, quota);
    deps.stats.record(tx, { quotas: [quota] }, at);
    repos.audit.append(tx, {
      actor,
      action: 'quota.allocate',
      target: `quotas/${quotaId(unit.code, input.block, input.year)}`,
      before: current ?? null,
      after: quota,
      reason: input.reason,
    });
    return { quota, overAllocated };
  });
  const warnings: AllocateQuotaResult['warnings'] = [];
  if (result.overAllocated) {
    const q = result.quota;
    const text: Bilingual = message('quota.allocation.below_counts', {
      unit: q.unitCode,
      year: q.year,
      allocated: q.allocated,
      taken: takenPosts(q),
      filled: q.filled,
      reserved: q.reservedForReturn,
      incoming: q.incoming,
    });
    warnings.push({ code: 'over_allocation', message: text.vi, messageEn: text.en });
  }
  log.info('quota.allocated', {
    quotaId: quotaId(result.quota.unitCode, result.quota.block, result.quota.year),
    allocated: result.quota.allocated,
    overAllocated: result.overAllocated,
    by: actor.uid,
  });
  return { quota: result.quota, warnings };
}
