/**
 * The quarterly job's worker: one unit of one run (a Cloud Tasks task,
 * jobs/evaluateUnit.task.ts). The planner is pure
 * (domain/evaluation/unit.ts); this file only moves data:
 *
 * 1. take the unit's lease in one transaction (a lease held by another
 *    attempt that has not expired sends the task back to the queue; a unit
 *    already done in this generation, or finalised, is skipped);
 * 2. read the unit's inputs with one query;
 * 3. write, in batches, only the results whose digest differs from the one
 *    last written (a crash half-way leaves results that the retry writes
 *    again identically);
 * 4. in one transaction, record the digests, release the lease and add the
 *    unit to the run's progress, once per generation (blind increments: the
 *    tasks never read the run document in a transaction, so they do not
 *    contend on it); the task that brings the count to the total ends the run.
 *
 * About one read and at most one write per person; none on a re-run with the
 * same inputs (docs/evaluation-job.md).
 */
import type { EvaluationUnitRun } from '@canbo/model';
import { communeOf, DEFAULT_SATISFACTION_CONFIG, evaluationLockId } from '@canbo/model';
import { changedResults, evaluateUnit, type UnitRatings } from '../../domain/evaluation/unit';
import { quarterlySatisfaction } from '../../domain/satisfaction';
import { RatingRepository } from '../../data/ratings';
import { AppError } from '../../lib/errors';
import { generationOf } from './run';
import type { EvaluationDeps, UnitTask } from './deps';

/** How long a unit is held by one attempt before another may take it over. */
export const LEASE_MS = 5 * 60 * 1000;

export type UnitOutcome =
  | { state: 'done'; evaluated: number; written: number; problems: number }
  | { state: 'skipped'; why: 'stale_generation' | 'already_done' | 'locked' };

/** The lease is another attempt's and still valid: the queue retries the task later. */
export class LeaseHeld extends AppError {
  constructor(unitCode: string, until: string) {
    super('aborted', 'error.contention', {}, { unitCode, until });
  }
}

/**
 * The unit's citizen satisfaction of the quarter, by person, when the rules
 * take the attitude part from it (one query of the commune's ratings; none
 * otherwise). Scored by the satisfaction area's pure functions with its
 * default configuration, as getSatisfaction does.
 */
async function unitRatings(deps: EvaluationDeps, task: UnitTask): Promise<UnitRatings | undefined> {
  if (!deps.rules.attitudeFromSatisfaction) return undefined;
  const config = DEFAULT_SATISFACTION_CONFIG;
  const all = await new RatingRepository(deps.db).ratingsOf(
    task.provinceCode,
    task.period,
    communeOf(task.unitCode) ?? undefined,
  );
  const q = quarterlySatisfaction(
    all.filter((r) => r.unitCode === task.unitCode),
    task.period,
    config,
  );
  return { officers: new Map(q.officers.map((o) => [o.cadreId, o])), config };
}

export async function evaluateUnitTask(
  deps: EvaluationDeps,
  task: UnitTask,
  holder: string,
): Promise<UnitOutcome> {
  const { db, evaluations } = deps;
  const jobRef = evaluations.jobs().doc(task.runId);
  const unitRef = evaluations.unitRuns(task.runId).doc(task.unitCode);
  const lockRef = evaluations.locks().doc(evaluationLockId(task.period, task.unitCode));

  // The run's generation, read outside the transactions: every task of a run would otherwise
  // lock the run document, and they would abort one another.
  const job = (await jobRef.get()).data();
  if (!job || generationOf(job) !== task.generation) return { state: 'skipped', why: 'stale_generation' };

  const taken = await db.runTransaction(async (tx) => {
    const [unit, lock] = await Promise.all([
      tx.get(unitRef).then((s) => s.data()),
      tx.get(lockRef).then((s) => s.data()),
    ]);
    if (unit && unit.generation === task.generation && (unit.state === 'done' || unit.state === 'locked'))
      return { skip: 'already_done' as const };
    const now = deps.clock.now();
    if (unit?.lease && unit.lease.holder !== holder && unit.lease.until > now.toISOString())
      throw new LeaseHeld(task.unitCode, unit.lease.until);
    const base: EvaluationUnitRun = {
      unitCode: task.unitCode,
      state: 'running',
      lease: { holder, until: new Date(now.getTime() + LEASE_MS).toISOString() },
      attempts: (unit?.attempts ?? 0) + 1,
      generation: task.generation,
      digest: unit?.digest ?? null,
      digests: unit?.digests ?? {},
      evaluated: 0,
      written: 0,
      updatedAt: now.toISOString(),
    };
    if (lock) {
      // A finalised unit is not evaluated again (its results are locked); it still counts as done.
      tx.set(unitRef, { ...base, state: 'locked', lease: null });
      evaluations.countUnitDone(tx, task.runId, { locked: 1 }, now.toISOString());
      return { skip: 'locked' as const };
    }
    tx.set(unitRef, base);
    return { skip: undefined, digests: base.digests, digest: base.digest };
  });
  if (taken.skip !== undefined) {
    if (taken.skip === 'locked')
      await evaluations.markRunSucceededWhenDone(task.runId, deps.clock.now().toISOString());
    return { state: 'skipped', why: taken.skip };
  }

  const inputs = await evaluations.inputsOfUnit(task.provinceCode, task.unitCode, task.period);
  const plan = evaluateUnit(inputs, deps.rules, await unitRatings(deps, task));
  const changed = taken.digest === plan.unitDigest ? [] : changedResults(plan, taken.digests);
  await evaluations.writeResults(changed);

  const counted = await db.runTransaction(async (tx) => {
    const unit = (await tx.get(unitRef)).data();
    // Another attempt finished the unit meanwhile (its lease had expired): its results equal ours; count once.
    if (!unit || unit.generation !== task.generation || unit.state !== 'running') return false;
    const now = deps.clock.now().toISOString();
    tx.set(unitRef, {
      ...unit,
      state: 'done',
      lease: null,
      digest: plan.unitDigest,
      digests: plan.digests,
      evaluated: plan.results.length,
      written: changed.length,
      updatedAt: now,
    });
    evaluations.countUnitDone(
      tx,
      task.runId,
      { evaluated: plan.results.length, written: changed.length, problems: plan.problems.length },
      now,
    );
    return true;
  });
  await evaluations.markRunSucceededWhenDone(task.runId, deps.clock.now().toISOString());
  if (!counted) return { state: 'skipped', why: 'already_done' };
  return {
    state: 'done',
    evaluated: plan.results.length,
    written: changed.length,
    problems: plan.problems.length,
  };
}
