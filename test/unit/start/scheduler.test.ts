import { onCall } from 'firebase-functions/v2/https';
import { onSchedule, type ScheduledEvent } from 'firebase-functions/v2/scheduler';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseSchedule } from '../../../scripts/start/schedule';
import {
  invoke,
  reachable,
  readState,
  runNowNames,
  scheduledFunctions,
  startupRun,
  whenDue,
} from '../../../scripts/start/scheduler';

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

describe('a run at start-up', () => {
  const daily = parseSchedule('every day 06:00', 'Asia/Ho_Chi_Minh');
  // 17:20 on 1 December in Vietnam; today's 06:00 run was due at 2026-11-30T23:00Z.
  const now = new Date('2026-12-01T10:20:00.000Z');

  test("never ran: it runs as today's 06:00 run", () => {
    expect(startupRun(daily, now, undefined, false)).toEqual({
      at: new Date('2026-11-30T23:00:00.000Z'),
      reason: 'lỡ lượt / missed its last run',
    });
  });

  test("last ran yesterday: today's run was missed", () => {
    expect(startupRun(daily, now, '2026-11-29T23:00:00.000Z', false)?.at).toEqual(
      new Date('2026-11-30T23:00:00.000Z'),
    );
  });

  test("today's run is recorded: nothing to catch up", () => {
    expect(startupRun(daily, now, '2026-11-30T23:00:00.000Z', false)).toBeNull();
  });

  test('CANBO_SCHEDULE_NOW runs it now even when up to date', () => {
    expect(startupRun(daily, now, '2026-11-30T23:00:00.000Z', true)).toEqual({
      at: now,
      reason: 'CANBO_SCHEDULE_NOW',
    });
  });
});

describe('runs on schedule', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('every day 06:00 fires at 06:00 Vietnam time, then again the next day', async () => {
    jest.setSystemTime(new Date('2026-11-30T22:58:00.000Z')); // 05:58 in Vietnam
    const runs: string[] = [];
    whenDue(parseSchedule('every day 06:00', 'Asia/Ho_Chi_Minh'), async (at) => {
      runs.push(at.toISOString());
    });
    await jest.advanceTimersByTimeAsync(60_000);
    expect(runs).toEqual([]);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(runs).toEqual(['2026-11-30T23:00:00.000Z']);
    await jest.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(runs).toEqual(['2026-11-30T23:00:00.000Z', '2026-12-01T23:00:00.000Z']);
  });

  test('every 5 minutes, and a run that is still going holds back the next', async () => {
    jest.setSystemTime(new Date('2026-12-01T10:02:00.000Z'));
    const runs: string[] = [];
    whenDue(parseSchedule('every 5 minutes', 'Asia/Ho_Chi_Minh'), async (at) => {
      runs.push(at.toISOString());
      // This run takes 7 minutes, past the next due time (10:10), which is therefore skipped.
      await new Promise((r) => setTimeout(r, 7 * 60_000));
    });
    await jest.advanceTimersByTimeAsync(3 * 60_000); // 10:05
    expect(runs).toEqual(['2026-12-01T10:05:00.000Z']);
    await jest.advanceTimersByTimeAsync(10 * 60_000); // 10:15
    expect(runs).toEqual(['2026-12-01T10:05:00.000Z', '2026-12-01T10:15:00.000Z']);
  });
});

describe('the state file of last runs', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-scheduler-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (text: string) => {
    const file = path.join(dir, `${Math.random()}.json`);
    fs.writeFileSync(file, text);
    return file;
  };

  test('keeps well-formed entries', () => {
    expect(
      readState(
        write(
          JSON.stringify({
            flagMovementAlerts: { lastRun: '2026-11-30T23:00:00.000Z' },
            broken: { lastRun: 'yesterday' },
            other: 42,
          }),
        ),
      ),
    ).toEqual({ flagMovementAlerts: { lastRun: '2026-11-30T23:00:00.000Z' } });
  });

  test('a missing or damaged file means nothing has run', () => {
    expect(readState(path.join(dir, 'absent.json'))).toEqual({});
    expect(readState(write('{"flagMovementAlerts": '))).toEqual({});
  });
});

describe('runs wait for the emulators', () => {
  test('a listening port answers; a closed one does not, within the time given', async () => {
    const server = net.createServer((socket) => socket.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as net.AddressInfo;
    try {
      expect(await reachable([`127.0.0.1:${port}`])).toBe(true);
    } finally {
      await new Promise((r) => server.close(r));
    }
    // The same port, now closed.
    expect(await reachable([`127.0.0.1:${port}`], 300)).toBe(false);
  });
});
