/**
 * A queue that keeps the unit tasks in memory and runs them in this process
 * (tests, and `npm run evaluate` when no local stack with Cloud Tasks is
 * running). It behaves as the real queue does where it matters: a task whose
 * unit is leased by another attempt is retried later.
 */
import { evaluateUnitTask, LeaseHeld, type UnitOutcome } from './evaluate-unit';
import type { EvaluationDeps, UnitTask, UnitTaskQueue } from './deps';

export class LocalQueue implements UnitTaskQueue {
  readonly pending: UnitTask[] = [];

  async enqueue(tasks: readonly UnitTask[]): Promise<void> {
    this.pending.push(...tasks);
  }

  /** Runs every queued task, `parallel` at a time; each attempt holds the unit as `attempt-<n>`. */
  async drain(
    deps: EvaluationDeps,
    options: { parallel?: number; onDone?: (task: UnitTask, outcome: UnitOutcome) => void } = {},
  ): Promise<UnitOutcome[]> {
    const outcomes: UnitOutcome[] = [];
    let attempt = 0;
    const worker = async () => {
      for (let task = this.pending.shift(); task; task = this.pending.shift()) {
        attempt += 1;
        try {
          const outcome = await evaluateUnitTask(deps, task, `local-${task.unitCode}-${attempt}`);
          outcomes.push(outcome);
          options.onDone?.(task, outcome);
        } catch (err) {
          if (!(err instanceof LeaseHeld)) throw err;
          this.pending.push(task);
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    await Promise.all(Array.from({ length: options.parallel ?? 4 }, worker));
    return outcomes;
  }
}
