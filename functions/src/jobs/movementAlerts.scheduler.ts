/** Every day at 06:00 Vietnam time: flag movements ending soon, overdue returns and over-allocated quotas. */
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { flagAlerts } from '../services/alerts';

export const flagMovementAlerts = onSchedule(
  { schedule: 'every day 06:00', timeZone: 'Asia/Ho_Chi_Minh', region: 'asia-southeast1' },
  async () => {
    if (getApps().length === 0) initializeApp();
    // The calendar day in Vietnam (UTC+7), which is what "ending within 60 days" is counted in.
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const counts = await flagAlerts(getFirestore(), today);
    console.log('movement alerts', today, counts);
  },
);
