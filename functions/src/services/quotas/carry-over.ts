/**
 * The yearly carry-over (docs/legal-basis.md §9): opens the quota documents
 * of `year` from those of `year - 1`, over every province or one. The plan
 * is the domain's (`planCarryOver`); this worker reads and writes it in
 * transactions of a batch of units each, so an effect recorded at the same
 * moment (which may open a document itself) is never overwritten, and
 * records its progress in `jobs/quota-carry-over-{year}-{province|all}`.
 * Running it again changes nothing: the documents it wrote are open and kept.
 * The last batch's transaction also records the job as succeeded and, for a
 * callable run, its audit entry: the carry-over is never complete without it.
 */
import type { Transaction } from 'firebase-admin/firestore';
import { planCarryOver } from '../../domain/quota-years';
import { AppError } from '../../lib/errors';
import type { Actor } from '../../lib/actor';
import { requireRole } from '../../lib/actor';
import { log } from '../../log';
import type { UseCaseDeps } from '../deps';
import { type Job, message, oneLine, quotaId, type TCarryOverQuotasInput } from '@canbo/model';

/** Closing documents per transaction (each reads two documents per unit and writes at most one). */
const BATCH = 150;

export interface CarryOverResult {
  jobId: string;
  year: number;
  provinceCode: string | null;
  /** Documents of the closing year read. */
  closing: number;
  /** Next year's documents created, forecasts refreshed, documents already open and kept. */
  created: number;
  refreshed: number;
  kept: number;
}

/** Writes the audit entry of a run inside the transaction of its last batch. */
export type CarryOverAudit = (tx: Transaction, result: CarryOverResult) => void;

/** The worker: every province (`provinceCode` null) or one; `audit` for a run someone asked for. */
export async function carryOverQuotaYear(
  deps: UseCaseDeps,
  year: number,
  provinceCode: string | null,
  audit?: CarryOverAudit,
): Promise<CarryOverResult> {
  const { db, repos } = deps;
  const { year: currentYear, at: startedAt } = repos.quotas.now();
  // Opening a year before it starts would freeze counts that December still moves.
  if (year > currentYear) {
    throw new AppError('failed-precondition', 'error.quotaYearNotOpen', {
      year,
      today: currentYear,
    });
  }
  const jobId = `quota-carry-over-${year}-${provinceCode ?? 'all'}`;
  const closing = await repos.quotas.ofYearIn(year - 1, provinceCode ?? undefined);
  const result: CarryOverResult = {
    jobId,
    year,
    provinceCode,
    closing: closing.length,
    created: 0,
    refreshed: 0,
    kept: 0,
  };
  const job = (
    state: Job['state'],
    done: number,
    error: string | null = null,
    counts: CarryOverResult = result,
  ): Job => ({
    id: jobId,
    kind: 'quota_carry_over',
    provinceCode,
    state,
    progress: { done, total: closing.length },
    leases: {},
    params: { year },
    error,
    result: {
      closing: counts.closing,
      created: counts.created,
      refreshed: counts.refreshed,
      kept: counts.kept,
    },
    startedAt,
    updatedAt: repos.quotas.now().at,
  });
  await repos.jobs.save(job('running', 0));
  let done = 0;
  /** In the last transaction: the job's success and the audit entry, with the final counts. */
  const finish = (tx: Transaction, counts: CarryOverResult): void => {
    repos.jobs.saveIn(tx, job('succeeded', closing.length, null, counts));
    audit?.(tx, counts);
  };
  try {
    // Nothing to carry over: the run is recorded (and audited) all the same.
    if (closing.length === 0) await db.runTransaction(async (tx) => finish(tx, result));
    for (let i = 0; i < closing.length; i += BATCH) {
      const keys = closing.slice(i, i + BATCH).map((q) => ({ unitCode: q.unitCode, block: q.block }));
      const last = i + BATCH >= closing.length;
      const counts = await db.runTransaction(async (tx) => {
        const { at } = repos.quotas.now();
        // Re-read in the transaction: the closing counts as they stand, next year's as stored.
        const [fresh, next] = await Promise.all([
          repos.quotas.findMany(
            keys.map((k) => ({ ...k, year: year - 1 })),
            tx,
          ),
          repos.quotas.findMany(
            keys.map((k) => ({ ...k, year })),
            tx,
          ),
        ]);
        const stored = new Map(
          next.flatMap((q) => (q ? [[quotaId(q.unitCode, q.block, q.year), q] as const] : [])),
        );
        const plan = planCarryOver(
          fresh.flatMap((q) => (q ? [q] : [])),
          stored,
          at,
        );
        for (const q of [...plan.create, ...plan.refresh]) repos.quotas.save(tx, q);
        deps.stats.record(tx, { quotas: [...plan.create, ...plan.refresh] }, at);
        const batch = { created: plan.create.length, refreshed: plan.refresh.length, kept: plan.kept };
        if (last) {
          finish(tx, {
            ...result,
            created: result.created + batch.created,
            refreshed: result.refreshed + batch.refreshed,
            kept: result.kept + batch.kept,
          });
        }
        return batch;
      });
      result.created += counts.created;
      result.refreshed += counts.refreshed;
      result.kept += counts.kept;
      done += keys.length;
      if (!last) await repos.jobs.save(job('running', done));
    }
  } catch (err) {
    await repos.jobs.save(job('failed', done, err instanceof Error ? err.message : String(err)));
    throw err;
  }
  log.info('quota.carriedOver', { ...result });
  return result;
}

/** carryOverQuotas({ year }): a province admin runs the carry-over of their own province, audited. */
export async function carryOverQuotas(
  deps: UseCaseDeps,
  actor: Actor,
  input: TCarryOverQuotasInput,
): Promise<CarryOverResult> {
  requireRole(actor, 'province_admin');
  return carryOverQuotaYear(deps, input.year, actor.province, (tx, result) =>
    deps.repos.audit.append(tx, {
      actor,
      action: 'quota.carryOver',
      target: `jobs/${result.jobId}`,
      before: null,
      after: result,
      reason: oneLine(message('audit.carryOver', { year: input.year })),
    }),
  );
}
