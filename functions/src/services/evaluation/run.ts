/**
 * Starting or resuming the run of a province's quarter (runEvaluation, the
 * quarterly schedule, `npm run evaluate`). The run is jobs/{runId} with a
 * deterministic id per period and province (`evaluationRunId`), and one task
 * per unit of the province, each with its lease and digests in
 * jobs/{runId}/units/{unitCode} (docs/evaluation-job.md).
 *
 * Run twice at once, the second call finds the run running and only enqueues
 * again the units that are not done; the tasks' leases and the digests make a
 * duplicate task harmless. A run of a period that already finished starts a
 * new generation: its units are evaluated again, and write only what changed.
 */
import { evaluationRunId, type Job, message, oneLine, type TRunEvaluationInput } from '@canbo/model';
import { requireRole, requireScope, type Actor } from '../../lib/actor';
import type { EvaluationDeps, UnitTask } from './deps';

export interface RunStarted {
  runId: string;
  generation: number;
  /** Units enqueued by this call. */
  enqueued: number;
  /** Units of the run. */
  total: number;
  resumed: boolean;
  /** The period had already been run to the end and `restartFinished` was false: nothing was enqueued. */
  alreadyDone: boolean;
}

/** The run's generation, kept in its params. */
export function generationOf(job: Pick<Job, 'params'> | undefined): number {
  const g = job?.params.generation;
  return typeof g === 'number' ? g : 0;
}

export async function runEvaluation(
  deps: EvaluationDeps,
  actor: Actor,
  input: TRunEvaluationInput,
): Promise<RunStarted> {
  requireRole(actor, 'province_admin');
  const provinceCode = input.provinceCode ?? actor.province;
  requireScope(actor, provinceCode, null);
  const started = await startRun(deps, { period: input.period, provinceCode, by: actor.uid });
  await deps.repos.audit.write({
    actor,
    action: 'evaluation.run',
    target: `jobs/${started.runId}`,
    before: null,
    after: { generation: started.generation, enqueued: started.enqueued, resumed: started.resumed },
    reason: oneLine(message('evaluation.audit.run', { period: input.period })),
  });
  return started;
}

/**
 * Creates or resumes the run, then enqueues one task per unit not yet done in
 * its generation. A run that has ended is started again as a new generation,
 * unless `restartFinished` is false (the schedule: a quarter already run,
 * by the seed or by hand, is not run again on its own).
 */
export async function startRun(
  deps: EvaluationDeps,
  run: { period: string; provinceCode: string; by: string },
  options: { restartFinished?: boolean } = {},
): Promise<RunStarted> {
  const runId = evaluationRunId(run.period, run.provinceCode);
  const units = await deps.evaluations.unitCodesOf(run.provinceCode);
  const jobRef = deps.evaluations.jobs().doc(runId);
  const { generation, resumed, alreadyDone } = await deps.db.runTransaction(async (tx) => {
    const job = (await tx.get(jobRef)).data();
    const now = deps.clock.now().toISOString();
    if (job && job.state === 'running')
      return { generation: generationOf(job), resumed: true, alreadyDone: false };
    if (job && job.state === 'succeeded' && options.restartFinished === false)
      return { generation: generationOf(job), resumed: false, alreadyDone: true };
    const generation = generationOf(job) + 1;
    const fresh: Job = {
      id: runId,
      kind: 'quarterly_evaluation',
      provinceCode: run.provinceCode,
      state: 'running',
      progress: { done: 0, total: units.length },
      leases: {},
      params: { period: run.period, generation, by: run.by },
      error: null,
      result: { evaluated: 0, written: 0, problems: 0, locked: 0 },
      startedAt: now,
      updatedAt: now,
    };
    tx.set(jobRef, fresh);
    return { generation, resumed: false, alreadyDone: false };
  });
  if (alreadyDone) return { runId, generation, enqueued: 0, total: units.length, resumed, alreadyDone };
  const done = resumed ? await deps.evaluations.unitsDone(runId, generation) : new Set<string>();
  const tasks: UnitTask[] = units
    .filter((unitCode) => !done.has(unitCode))
    .map((unitCode) => ({ runId, period: run.period, provinceCode: run.provinceCode, unitCode, generation }));
  await deps.queue.enqueue(tasks);
  return { runId, generation, enqueued: tasks.length, total: units.length, resumed, alreadyDone };
}
