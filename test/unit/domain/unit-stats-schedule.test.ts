/** The nightly rebuild of the unit statistics, as Cloud Scheduler and `npm start`'s local scheduler read it. */
import { rebuildUnitStatsNightly } from '../../../functions/src/jobs/unitStats.scheduler';
import { nextRun, parseSchedule } from '../../../scripts/start/schedule';

const endpoint = (rebuildUnitStatsNightly as unknown as { __endpoint: { scheduleTrigger: unknown } })
  .__endpoint;

test('runs every day at 02:00 in Vietnam', () => {
  expect(endpoint.scheduleTrigger).toMatchObject({
    schedule: 'every day 02:00',
    timeZone: 'Asia/Ho_Chi_Minh',
  });
});

test('the local scheduler reads the schedule: the next run after 10:00 Vietnam time is 02:00 the next day', () => {
  const schedule = parseSchedule('every day 02:00', 'Asia/Ho_Chi_Minh');
  // 2026-12-01 10:00 in Vietnam is 03:00 UTC; 02:00 on 2 December in Vietnam is 19:00 UTC on 1 December.
  expect(nextRun(schedule, new Date('2026-12-01T03:00:00.000Z'))?.toISOString()).toBe(
    '2026-12-01T19:00:00.000Z',
  );
});
