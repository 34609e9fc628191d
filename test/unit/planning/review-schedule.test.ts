/** The yearly planning review, as Cloud Scheduler and `npm start`'s local scheduler read it. */
import { planningReviewYearly } from '../../../functions/src/jobs/planningReview.scheduler';
import { nextRun, parseSchedule } from '../../../scripts/start/schedule';

const endpoint = (planningReviewYearly as unknown as { __endpoint: { scheduleTrigger: unknown } }).__endpoint;

test('runs on 15 December at 03:00 in Vietnam', () => {
  expect(endpoint.scheduleTrigger).toMatchObject({
    schedule: '15 of dec 03:00',
    timeZone: 'Asia/Ho_Chi_Minh',
  });
});

test('the local scheduler reads it: after 1 December 2026 the next run is 15 December, 03:00 Vietnam time', () => {
  const schedule = parseSchedule('15 of dec 03:00', 'Asia/Ho_Chi_Minh');
  // 03:00 on 15 December in Vietnam is 20:00 UTC on 14 December.
  expect(nextRun(schedule, new Date('2026-12-01T03:00:00.000Z'))?.toISOString()).toBe(
    '2026-12-14T20:00:00.000Z',
  );
});
