/** checkQuota: the counts of a unit's quota and whether `delta` more posts would fit (docs/api.md). */
import { quotaStatus, type QuotaStatus } from '../../domain/quota';
import { requireScope, type Actor } from '../../lib/actor';
import { today } from '../../lib/clock';
import type { UseCaseDeps } from '../deps';
import { communeOf, type TCheckQuotaInput } from '@canbo/model';

export type CheckQuotaResult = QuotaStatus & { unitCode: string; block: string; year: number };

export async function checkQuota(
  deps: UseCaseDeps,
  actor: Actor,
  input: TCheckQuotaInput,
): Promise<CheckQuotaResult> {
  const unit = await deps.repos.units.get(input.unitCode);
  requireScope(actor, unit.provinceCode, communeOf(unit.code));
  // The current year of Vietnam's calendar.
  const year = input.year ?? Number(today(deps.clock).slice(0, 4));
  const quota = await deps.repos.quotas.get(unit.code, input.block, year);
  return { unitCode: unit.code, block: input.block, year, ...quotaStatus(quota, input.delta ?? 1) };
}
