/**
 * Every 10 minutes: applies the custom claims of every account whose scope
 * document is ahead of its claims (a claim update that failed after
 * setUserScope committed). The region comes from ../global-options.ts.
 */
import '../global-options';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { getConfig } from '../config';
import { reconcileEveryProvince } from '../services';

/** Often enough that a grant is not stuck for long, rarely enough to stay far below Auth's quotas. */
export const RECONCILE_CLAIMS_SCHEDULE = 'every 10 minutes';

export const reconcileClaimsSchedule = onSchedule(
  { schedule: RECONCILE_CLAIMS_SCHEDULE, timeZone: getConfig().timeZone },
  async () => {
    await reconcileEveryProvince();
  },
);
