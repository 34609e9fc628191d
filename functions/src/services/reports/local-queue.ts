/**
 * A report queue that keeps the steps in memory and runs them in this process
 * (tests, and the benchmark): the same steps Cloud Tasks would dispatch.
 */
import type { ReportQueue, ReportTask } from '../../data/reports';
import { runReportStep, type ReportDeps } from './run';

export class LocalReportQueue implements ReportQueue {
  readonly pending: ReportTask[] = [];

  async enqueue(task: ReportTask): Promise<void> {
    this.pending.push(task);
  }

  /** Runs the queued steps (and those they enqueue) until none is left. */
  async drain(deps: ReportDeps, budgetMs?: number): Promise<number> {
    let steps = 0;
    for (let task = this.pending.shift(); task; task = this.pending.shift()) {
      steps += 1;
      await runReportStep(deps, task.reportId, { budgetMs });
    }
    return steps;
  }
}
