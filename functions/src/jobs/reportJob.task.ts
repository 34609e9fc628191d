/**
 * One step of a province report's job, dispatched by Cloud Tasks
 * (services/reports/run.ts does the work): it records pages of units until
 * its budget is spent, enqueues the next step, and the last step writes the
 * table. The queue retries a failed step with backoff; a retry skips the
 * pages already recorded (docs/reports.md).
 */
import '../global-options';
import { onTaskDispatched } from 'firebase-functions/v2/tasks';
import { z } from 'zod';
// `report.step` is not yet a named event of ../log.ts (requested of its owner): logged directly.
import { logger } from 'firebase-functions';
import { failReport, getReportDeps, runReportStep, STEP_BUDGET_MS } from '../services/reports';

const MAX_ATTEMPTS = 5;

const Payload = z.strictObject({ reportId: z.string().min(1), step: z.number().int().nonnegative() });

export const runReportJob = onTaskDispatched(
  {
    retryConfig: { maxAttempts: MAX_ATTEMPTS, minBackoffSeconds: 10, maxBackoffSeconds: 120 },
    rateLimits: { maxConcurrentDispatches: 4 },
    timeoutSeconds: 540,
    memory: '512MiB',
  },
  async (request) => {
    const task = Payload.parse(request.data);
    const deps = getReportDeps();
    let report;
    try {
      report = await runReportStep(deps, task.reportId, { budgetMs: STEP_BUDGET_MS });
    } catch (err) {
      // The queue retries the step, which carries on from the recorded pages; the last attempt fails the report.
      if (request.retryCount >= MAX_ATTEMPTS - 1) await failReport(deps, task.reportId, err);
      throw err;
    }
    logger.info('report.step', {
      event: 'report.step',
      ...task,
      state: report.state,
      done: report.progress.done,
      total: report.progress.total,
    });
  },
);
