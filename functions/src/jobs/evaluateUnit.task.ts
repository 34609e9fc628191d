/**
 * One unit of a quarterly evaluation run, dispatched by Cloud Tasks
 * (services/evaluation/evaluate-unit.ts does the work). The queue retries a
 * failed attempt with backoff, and limits how many units run at once so a
 * national run does not exceed Firestore's and the functions' budgets
 * (docs/evaluation-job.md). The task's id is the lease holder: a retry of the
 * same task takes its own lease back at once; a duplicate task waits.
 */
import '../global-options';
import { defineInt } from 'firebase-functions/params';
import { onTaskDispatched } from 'firebase-functions/v2/tasks';
import { z } from 'zod';
import { ProvinceCode, Quarter, UnitCode } from '@canbo/model';
import { log } from '../log';
import { getEvaluationDeps } from '../services';
import { evaluateUnitTask } from '../services/evaluation';

/**
 * How many units run at once. 20 in production; the local stack sets 2
 * (functions/.env.demo-canbo), since each concurrent task is a worker process
 * of the Functions emulator on the developer's machine.
 */
const maxConcurrentUnits = defineInt('EVALUATION_MAX_CONCURRENT_UNITS', {
  default: 20,
  description:
    'Units of a quarterly evaluation run evaluated at the same time (Cloud Tasks maxConcurrentDispatches)',
});

const Payload = z.strictObject({
  runId: z.string().min(1),
  period: Quarter,
  provinceCode: ProvinceCode,
  unitCode: UnitCode,
  generation: z.number().int().nonnegative(),
});

export const evaluateUnit = onTaskDispatched(
  {
    retryConfig: { maxAttempts: 8, minBackoffSeconds: 10, maxBackoffSeconds: 300, maxDoublings: 4 },
    rateLimits: { maxConcurrentDispatches: maxConcurrentUnits, maxDispatchesPerSecond: 10 },
    timeoutSeconds: 540,
    memory: '512MiB',
  },
  async (request) => {
    const task = Payload.parse(request.data);
    const outcome = await evaluateUnitTask(getEvaluationDeps(), task, request.id);
    log.info('evaluation.unitDone', { ...task, ...outcome, retryCount: request.retryCount });
  },
);
