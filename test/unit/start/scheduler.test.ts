import { onCall } from 'firebase-functions/v2/https';
import { onSchedule, type ScheduledEvent } from 'firebase-functions/v2/scheduler';
import { invoke, runNowNames, scheduledFunctions } from '../../../scripts/start/scheduler';

describe('the local scheduler finds scheduled functions by their endpoint metadata', () => {
  const seen: ScheduledEvent[] = [];
  const mod = {
    daily: onSchedule(
      { schedule: 'every day 06:00', timeZone: 'Asia/Ho_Chi_Minh', region: 'asia-southeast1' },
      async (event) => {
        seen.push(event);
      },
    ),
    broken: onSchedule(
      { schedule: 'every 5 minutes', timeZone: 'UTC', region: 'asia-southeast1' },
      async () => {
        throw new Error('boom');
      },
    ),
    ping: onCall(() => 'pong'),
    VERSION: '1',
  };

  test('only the onSchedule exports, with their schedule, zone and region', () => {
    expect(
      scheduledFunctions(mod).map(({ name, schedule, timeZone, region }) => ({
        name,
        schedule,
        timeZone,
        region,
      })),
    ).toEqual([
      { name: 'daily', schedule: 'every day 06:00', timeZone: 'Asia/Ho_Chi_Minh', region: 'asia-southeast1' },
      { name: 'broken', schedule: 'every 5 minutes', timeZone: 'UTC', region: 'asia-southeast1' },
    ]);
  });

  test('invoking runs the handler with the job name and scheduled time, as Cloud Scheduler would', async () => {
    const [daily] = scheduledFunctions(mod);
    expect(await invoke(daily!, new Date('2026-11-30T23:00:00.000Z'))).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.jobName).toBe('firebase-schedule-daily-asia-southeast1');
    expect(seen[0]!.scheduleTime).toBe('2026-11-30T23:00:00.000Z');
  });

  test('a handler that throws answers 500 (firebase-functions logs the error)', async () => {
    const broken = scheduledFunctions(mod)[1]!;
    expect(await invoke(broken, new Date('2026-12-01T10:05:00.000Z'))).toBe(500);
  });
});

describe('CANBO_SCHEDULE_NOW', () => {
  const all = ['flagMovementAlerts', 'evaluateQuarter'];
  test.each([
    [undefined, []],
    ['', []],
    ['0', []],
    ['1', ['flagMovementAlerts', 'evaluateQuarter']],
    ['all', ['flagMovementAlerts', 'evaluateQuarter']],
    ['flagMovementAlerts', ['flagMovementAlerts']],
    ['evaluateQuarter, flagMovementAlerts', ['evaluateQuarter', 'flagMovementAlerts']],
  ])('%s', (value, expected) => {
    expect([...runNowNames(value, all)]).toEqual(expected);
  });
});
