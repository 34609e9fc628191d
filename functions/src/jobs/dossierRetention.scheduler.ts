/**
 * Every day at 03:00 Vietnam time: the retention of separated people's
 * private profiles (docs/personal-data.md, "Retention"): marks those newly
 * separated, deletes the profiles whose retention period has ended (a
 * tombstone and an audit entry stay), unmarks people back in service. With
 * DOSSIER_RETENTION_DRY_RUN=true it only reports (the log event
 * `dossier.retentionRun` lists what it would delete).
 */
import '../global-options';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { getConfig } from '../config';
import { runScheduledRetention } from '../services/dossiers';

/** App Engine cron syntax, read by Cloud Scheduler and by `npm start`'s local scheduler. */
export const DOSSIER_RETENTION_SCHEDULE = 'every day 03:00';

export const dossierRetentionSchedule = onSchedule(
  { schedule: DOSSIER_RETENTION_SCHEDULE, timeZone: getConfig().timeZone },
  async () => {
    await runScheduledRetention();
  },
);
