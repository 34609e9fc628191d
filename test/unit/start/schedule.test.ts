import { localTime, nextRun, parseSchedule, previousRun } from '../../../scripts/start/schedule';

const VN = 'Asia/Ho_Chi_Minh';
const at = (iso: string) => new Date(iso);
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('every day HH:MM, in Vietnam time (UTC+7, no daylight saving)', () => {
  const daily = parseSchedule('every day 06:00', VN);

  test('06:00 in Hà Nội is 23:00 UTC the day before', () => {
    expect(iso(nextRun(daily, at('2026-11-30T22:59:59.000Z')))).toBe('2026-11-30T23:00:00.000Z');
    expect(iso(nextRun(daily, at('2026-12-01T00:00:00.000Z')))).toBe('2026-12-01T23:00:00.000Z');
  });

  test('the next run is strictly after the given instant', () => {
    expect(iso(nextRun(daily, at('2026-11-30T23:00:00.000Z')))).toBe('2026-12-01T23:00:00.000Z');
  });

  test('the previous run is at or before the given instant', () => {
    expect(iso(previousRun(daily, at('2026-11-30T23:00:00.000Z')))).toBe('2026-11-30T23:00:00.000Z');
    expect(iso(previousRun(daily, at('2026-11-30T22:59:00.000Z')))).toBe('2026-11-29T23:00:00.000Z');
    expect(iso(previousRun(daily, at('2026-12-01T10:20:00.000Z')))).toBe('2026-11-30T23:00:00.000Z');
  });

  test('no daylight saving: the same UTC hour in January and July', () => {
    expect(iso(nextRun(daily, at('2027-01-15T12:00:00.000Z')))).toBe('2027-01-15T23:00:00.000Z');
    expect(iso(nextRun(daily, at('2027-07-15T12:00:00.000Z')))).toBe('2027-07-15T23:00:00.000Z');
  });

  test('across a year end', () => {
    expect(iso(nextRun(daily, at('2026-12-31T23:30:00.000Z')))).toBe('2027-01-01T23:00:00.000Z');
  });

  test('printed in local time', () => {
    expect(localTime(daily, at('2026-11-30T23:00:00.000Z'))).toBe('2026-12-01 06:00');
  });
});

describe('every N minutes / hours', () => {
  test('every 5 minutes fires at multiples of 5 past the hour', () => {
    const s = parseSchedule('every 5 minutes', VN);
    expect(iso(nextRun(s, at('2026-12-01T10:02:30.000Z')))).toBe('2026-12-01T10:05:00.000Z');
    expect(iso(nextRun(s, at('2026-12-01T10:05:00.000Z')))).toBe('2026-12-01T10:10:00.000Z');
    expect(iso(previousRun(s, at('2026-12-01T10:09:59.000Z')))).toBe('2026-12-01T10:05:00.000Z');
  });

  test('"mins" and "minute" are the same unit', () => {
    expect(parseSchedule('every 1 mins', VN).minutesOfDay).toHaveLength(1440);
    expect(parseSchedule('every 1 minute', 'UTC').minutesOfDay).toHaveLength(1440);
  });

  test('every 2 hours counts from local midnight', () => {
    const s = parseSchedule('every 2 hours', VN);
    // 17:30 in Vietnam → 18:00 in Vietnam = 11:00 UTC.
    expect(iso(nextRun(s, at('2026-12-01T10:30:00.000Z')))).toBe('2026-12-01T11:00:00.000Z');
    expect(parseSchedule('every 2 hours synchronized', VN).minutesOfDay).toEqual([
      0, 120, 240, 360, 480, 600, 720, 840, 960, 1080, 1200, 1320,
    ]);
  });

  test('a window: every 15 minutes from 08:00 to 17:00', () => {
    const s = parseSchedule('every 15 minutes from 08:00 to 17:00', VN);
    expect(s.minutesOfDay[0]).toBe(480);
    expect(s.minutesOfDay[s.minutesOfDay.length - 1]).toBe(1020);
    expect(s.minutesOfDay).toHaveLength(37);
    // 17:00 in Vietnam on 1 December is the last run; the next is 08:00 on 2 December (01:00 UTC).
    expect(iso(nextRun(s, at('2026-12-01T10:00:00.000Z')))).toBe('2026-12-02T01:00:00.000Z');
  });
});

describe('days of the week and of the month', () => {
  test('every monday,thursday 09:30', () => {
    const s = parseSchedule('every monday,thu 09:30', VN);
    // Tuesday 1 December 2026 → Thursday 3 December, 09:30 in Vietnam.
    expect(iso(nextRun(s, at('2026-12-01T05:00:00.000Z')))).toBe('2026-12-03T02:30:00.000Z');
    // → Monday 7 December.
    expect(iso(nextRun(s, at('2026-12-03T02:30:00.000Z')))).toBe('2026-12-07T02:30:00.000Z');
  });

  test('quarterly: 1 of jan,apr,jul,oct 02:00', () => {
    const s = parseSchedule('1 of jan,apr,jul,oct 02:00', VN);
    expect(iso(nextRun(s, at('2026-12-01T10:00:00.000Z')))).toBe('2026-12-31T19:00:00.000Z');
    expect(iso(previousRun(s, at('2026-12-01T10:00:00.000Z')))).toBe('2026-09-30T19:00:00.000Z');
  });

  test('1,15 of month 06:00', () => {
    const s = parseSchedule('1,15 of month 06:00', VN);
    expect(iso(nextRun(s, at('2026-12-01T10:00:00.000Z')))).toBe('2026-12-14T23:00:00.000Z');
  });

  test('2nd,4th monday of month 08:00', () => {
    const s = parseSchedule('2nd,4th monday of month 08:00', VN);
    // The Mondays of December 2026 are the 7th, 14th, 21st and 28th.
    expect(iso(nextRun(s, at('2026-12-01T00:00:00.000Z')))).toBe('2026-12-14T01:00:00.000Z');
    expect(iso(nextRun(s, at('2026-12-14T01:00:00.000Z')))).toBe('2026-12-28T01:00:00.000Z');
  });

  test('a day that never comes has no run', () => {
    expect(nextRun(parseSchedule('31 of feb 00:00', 'UTC'), at('2026-12-01T00:00:00.000Z'))).toBeNull();
  });
});

describe('unix-cron, as Cloud Scheduler also takes it', () => {
  test('0 6 * * * is every day 06:00', () => {
    expect(iso(nextRun(parseSchedule('0 6 * * *', VN), at('2026-12-01T00:00:00.000Z')))).toBe(
      '2026-12-01T23:00:00.000Z',
    );
  });

  test('ranges, steps and weekdays: */15 8-17 * * 1-5', () => {
    const s = parseSchedule('*/15 8-17 * * 1-5', VN);
    expect(s.minutesOfDay).toHaveLength(40);
    // Tuesday 17:50 in Vietnam: the 17:45 run has gone; next is Wednesday 08:00.
    expect(iso(nextRun(s, at('2026-12-01T10:50:00.000Z')))).toBe('2026-12-02T01:00:00.000Z');
  });

  test('once a year: 5 0 1 1 *', () => {
    expect(iso(nextRun(parseSchedule('5 0 1 1 *', VN), at('2026-12-01T00:00:00.000Z')))).toBe(
      '2026-12-31T17:05:00.000Z',
    );
  });

  test('day of the month OR weekday when both are given: 0 9 1 * mon', () => {
    const s = parseSchedule('0 9 1 * mon', VN);
    expect(iso(nextRun(s, at('2026-12-01T05:00:00.000Z')))).toBe('2026-12-07T02:00:00.000Z');
    // After Monday 28 December: Friday 1 January (the 1st), before Monday 4 January.
    expect(iso(nextRun(s, at('2026-12-28T02:00:00.000Z')))).toBe('2027-01-01T02:00:00.000Z');
  });

  test('7 is Sunday too', () => {
    expect(iso(nextRun(parseSchedule('0 0 * * 7', VN), at('2026-12-01T00:00:00.000Z')))).toBe(
      '2026-12-05T17:00:00.000Z',
    );
  });
});

describe('what it refuses', () => {
  test.each([
    ['every day 06:00', undefined, 'no time zone'],
    ['every day 06:00', 'America/Los_Angeles', 'time zone America/Los_Angeles is not supported'],
    ['every fortnight 06:00', VN, 'unknown weekday "fortnight"'],
    ['every day 25:00', VN, 'expected a time HH:MM, got "25:00"'],
    ['every 5 weeks', VN, 'unknown unit "weeks"'],
    ['every 0 minutes', VN, 'between 1 minute and 24 hours'],
    ['every 5 minutes from 22:00 to 02:00', VN, 'across midnight'],
    ['32 of month 06:00', VN, 'unknown day of the month "32"'],
    ['61 6 * * *', VN, '"61" is out of range 0–59'],
    ['0 6 * * 8', VN, '"8" is out of range 0–7'],
    ['0 6 * * *', 'America/Los_Angeles', 'not supported'],
  ])('%s (%s)', (spec, zone, message) => {
    expect(() => parseSchedule(spec, zone)).toThrow(message);
  });
});
