/**
 * Every year on 15 December, 03:00 Vietnam time: the annual review of the
 * planning lists of every province, both terms (QĐ 377-QĐ/TW: planning is
 * reviewed every year; docs/legal-basis.md §15, docs/planning.md). It flags,
 * never removes: removal stays the province's decision (removeFromPlanning).
 * The date follows the yearly rating, done before 15 December; a province
 * can also run it at any time with reviewPlanning.
 */
import '../global-options';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { getConfig } from '../config';
import { reviewEveryProvince } from '../services/planning';

/** App Engine cron syntax, read by Cloud Scheduler and by `npm start`'s local scheduler. */
export const PLANNING_REVIEW_SCHEDULE = '15 of dec 03:00';

export const planningReviewYearly = onSchedule(
  { schedule: PLANNING_REVIEW_SCHEDULE, timeZone: getConfig().timeZone },
  async () => {
    await reviewEveryProvince();
  },
);
