/**
 * The unit tasks of an evaluation run on Cloud Tasks, through the Admin SDK's
 * task queue of the `evaluateUnit` function (jobs/evaluateUnit.task.ts). With
 * CLOUD_TASKS_EMULATOR_HOST set (under `npm start`), the SDK enqueues into
 * firebase-tools' Cloud Tasks emulator, which dispatches to the Functions
 * emulator.
 *
 * Each task has an id derived from its run, generation and unit, hashed as
 * Cloud Tasks advises (sequential ids slow a queue down): enqueueing the same
 * unit twice, as two callers starting the same run at once would, is refused
 * by the queue as a duplicate, which is what we want.
 */
import { createHash } from 'node:crypto';
import { getFunctions } from 'firebase-admin/functions';
import { REGION } from '../config';
import type { UnitTask, UnitTaskQueue } from '../services/evaluation/deps';

/** The queue's function, as exported from index.ts. */
export const EVALUATE_UNIT_FUNCTION = 'evaluateUnit';

/** A hashed, deterministic task id. */
export function unitTaskId(task: UnitTask): string {
  return createHash('sha256')
    .update(`${task.runId}/${task.generation}/${task.unitCode}`)
    .digest('hex')
    .slice(0, 40);
}

/** How many enqueue calls are in flight at once. */
const PARALLEL = 16;

export class CloudTasksQueue implements UnitTaskQueue {
  async enqueue(tasks: readonly UnitTask[]): Promise<void> {
    const queue = getFunctions().taskQueue(`locations/${REGION}/functions/${EVALUATE_UNIT_FUNCTION}`);
    for (let i = 0; i < tasks.length; i += PARALLEL) {
      await Promise.all(
        tasks.slice(i, i + PARALLEL).map(async (task) => {
          try {
            await queue.enqueue({ ...task }, { id: unitTaskId(task) });
          } catch (err) {
            if (!isDuplicate(err)) throw err;
          }
        }),
      );
    }
  }
}

function isDuplicate(err: unknown): boolean {
  return (
    typeof err === 'object' && err !== null && 'code' in err && err.code === 'functions/task-already-exists'
  );
}
