/**
 * Every night at 02:00 Vietnam time: recompute the unit statistics of every
 * province from its people and quotas (docs/data-model.md, "unitStats"). The
 * movement and quota transactions keep them current by increments; this run
 * repairs anything they could not (data written before the statistics
 * existed, an import outside the use cases), at an hour with no movement work.
 */
import '../global-options';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { getConfig } from '../config';
import { rebuildAllUnitStats } from '../services';

/** App Engine cron syntax, read by Cloud Scheduler and by `npm start`'s local scheduler. */
export const UNIT_STATS_SCHEDULE = 'every day 02:00';

export const rebuildUnitStatsNightly = onSchedule(
  { schedule: UNIT_STATS_SCHEDULE, timeZone: getConfig().timeZone },
  async () => {
    await rebuildAllUnitStats();
  },
);
