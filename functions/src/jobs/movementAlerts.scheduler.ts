/** Every day at 06:00 Vietnam time: flag movements ending soon, overdue returns and over-allocated quotas. */
import '../global-options';
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { getConfig } from '../config';
import { systemClock, today } from '../lib/clock';
import { flagAlerts } from '../services/alerts';

const config = getConfig();

export const flagMovementAlerts = onSchedule(
  { schedule: config.alertsSchedule, timeZone: config.timeZone },
  async () => {
    if (getApps().length === 0) initializeApp();
    // "Ending within 60 days" is counted in Vietnam's calendar days.
    await flagAlerts(getFirestore(), today(systemClock), systemClock);
  },
);
