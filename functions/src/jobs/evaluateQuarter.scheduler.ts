/**
 * On the 5th of January, April, July and October at 02:00 Vietnam time, a few
 * days after a quarter ends: start the run of that quarter for every province
 * with inputs for it (one task per unit, jobs/evaluateUnit.task.ts). A
 * province whose run is running is resumed; one whose quarter was already run
 * to the end is left alone (services/evaluation/run.ts); a province admin
 * runs a quarter again with the runEvaluation callable (docs/evaluation-job.md).
 */
import '../global-options';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { getConfig } from '../config';
import { previousQuarter } from '../domain/evaluation/periods';
import { vietnamDay } from '../lib/clock';
import { log } from '../log';
import { getEvaluationDeps } from '../services';
import { startRun } from '../services/evaluation';

/** App Engine cron syntax, read by Cloud Scheduler and by `npm start`'s local scheduler. */
export const EVALUATION_SCHEDULE = '5 of jan,apr,jul,oct 02:00';

export const evaluateQuarterSchedule = onSchedule(
  { schedule: EVALUATION_SCHEDULE, timeZone: getConfig().timeZone },
  async (event) => {
    const deps = getEvaluationDeps();
    const period = previousQuarter(vietnamDay(new Date(event.scheduleTime)));
    for (const provinceCode of await deps.evaluations.provincesWithInputs(period)) {
      const started = await startRun(
        deps,
        { period, provinceCode, by: 'schedule' },
        { restartFinished: false },
      );
      log.info('evaluation.runStarted', { ...started, provinceCode, period });
    }
  },
);
