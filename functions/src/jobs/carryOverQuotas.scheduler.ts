/**
 * Every 1 January at 00:05 Vietnam time: open the new year's quota documents
 * of every province from the closing year's (docs/legal-basis.md §9). The
 * movement use cases open a missing year lazily, so the first minutes of the
 * year work before this runs; a rerun changes nothing.
 */
import '../global-options';
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { getConfig } from '../config';
import { defaultDeps } from '../lib/deps';
import { useCaseDeps } from '../services/deps';
import { carryOverQuotaYear } from '../services/quotas';

/** App Engine cron syntax, read by Cloud Scheduler and by `npm start`'s local scheduler. */
export const CARRY_OVER_SCHEDULE = '1 of jan 00:05';

export const carryOverQuotasYearly = onSchedule(
  { schedule: CARRY_OVER_SCHEDULE, timeZone: getConfig().timeZone },
  async () => {
    if (getApps().length === 0) initializeApp();
    const deps = useCaseDeps(getFirestore(), defaultDeps);
    // The year that has just begun in Vietnam, by the same clock the effects use.
    await carryOverQuotaYear(deps, deps.repos.quotas.now().year, null);
  },
);
