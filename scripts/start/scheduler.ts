/**
 * `npm start`'s stand-in for Cloud Scheduler. The Functions emulator cannot
 * fire `onSchedule` functions here (it needs the Pub/Sub emulator, a Java
 * download), so scripts/start.ts runs this file as a process of its own, the
 * way a function instance is one: it loads the BUILT functions module
 * (functions/dist/index.js, the bundle firebase deploy uploads), finds every export that carries a schedule
 * trigger in its `__endpoint` metadata, and when one is due starts a fresh
 * process (`scheduler.ts --run <name> --at <time>`, a new instance that loads
 * the code built last) that invokes it through the same entry point Cloud
 * Scheduler calls: the exported HTTP handler with the X-CloudScheduler
 * headers, so `onInit` and the handler run exactly as deployed. It depends on
 * nothing inside functions/src.
 *
 * At start-up a function whose last scheduled run was missed (e.g. the daily
 * alerts when the stack was down at 06:00) runs once right away; what ran is
 * printed. The time of the last run of each function is kept in the state
 * file, next to the Firestore data.
 *
 * Runs wait until the Firestore and Auth emulators answer, so that start.ts
 * can start the scheduler alongside firebase-tools.
 *
 * Environment (set by scripts/start.ts):
 *   CANBO_FUNCTIONS_MODULE  the built module (default functions/dist/index.js)
 *   CANBO_SCHEDULER_STATE   the state file (default .data/scheduler.json)
 *   CANBO_SCHEDULE_NOW      `1` (or `all`), or a comma-separated list of
 *                           function names: run those once at start-up even
 *                           if they are not due (to try a job, and in tests)
 *   FIRESTORE_EMULATOR_HOST, FIREBASE_AUTH_EMULATOR_HOST, GCLOUD_PROJECT,
 *   FIREBASE_CONFIG         what the functions connect to, as in the emulator
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { localTime, nextRun, parseSchedule, previousRun, type Schedule } from './schedule';

/** The scheduled-function export as firebase-functions builds it: an HTTP handler with metadata. */
type HttpHandler = (req: unknown, res: unknown) => unknown;

export interface ScheduledFunction {
  name: string;
  schedule: string;
  timeZone: string | undefined;
  region: string;
  handler: HttpHandler;
}

interface Endpoint {
  region?: unknown;
  scheduleTrigger?: { schedule?: unknown; timeZone?: unknown };
}

/** The exports of a functions module that are scheduled functions, by their `__endpoint.scheduleTrigger`. */
export function scheduledFunctions(mod: Record<string, unknown>): ScheduledFunction[] {
  const found: ScheduledFunction[] = [];
  for (const [name, value] of Object.entries(mod)) {
    if (typeof value !== 'function') continue;
    const endpoint = (value as { __endpoint?: Endpoint }).__endpoint;
    const trigger = endpoint?.scheduleTrigger;
    if (!trigger) continue;
    // onSchedule takes the schedule as a plain string (no params), so anything else is not ours to read.
    const schedule = trigger.schedule;
    if (typeof schedule !== 'string') {
      console.error(`${name}: lịch không đọc được / schedule not readable, skipped`);
      continue;
    }
    const region = Array.isArray(endpoint.region) ? endpoint.region[0] : endpoint.region;
    found.push({
      name,
      schedule,
      timeZone: typeof trigger.timeZone === 'string' ? trigger.timeZone : undefined,
      region: typeof region === 'string' ? region : 'us-central1',
      handler: value as HttpHandler,
    });
  }
  return found;
}

/**
 * Invokes a scheduled function as Cloud Scheduler does: an HTTP request with
 * the job name and the scheduled time in headers. Resolves with the status the
 * function answered (200 when the handler succeeded, 500 when it threw).
 */
export async function invoke(fn: ScheduledFunction, scheduleTime: Date): Promise<number> {
  const headers: Record<string, string> = {
    // Cloud Scheduler's job for a 2nd-gen function is named firebase-schedule-<name>-<region>.
    'x-cloudscheduler-jobname': `firebase-schedule-${fn.name}-${fn.region}`,
    'x-cloudscheduler-scheduletime': scheduleTime.toISOString(),
  };
  const req = { method: 'POST', headers, header: (name: string) => headers[name.toLowerCase()] };
  return new Promise<number>((resolve, reject) => {
    let status = 200;
    const res = {
      status(code: number) {
        status = code;
        return res;
      },
      send() {
        resolve(status);
        return res;
      },
    };
    Promise.resolve(fn.handler(req, res)).catch(reject);
  });
}

/** Which functions CANBO_SCHEDULE_NOW asks to run at start-up. */
export function runNowNames(value: string | undefined, all: readonly string[]): Set<string> {
  const v = (value ?? '').trim();
  if (v === '' || v === '0' || v === 'false') return new Set();
  if (v === '1' || v === 'all' || v === 'true') return new Set(all);
  return new Set(v.split(',').map((s) => s.trim()));
}

/**
 * Whether a function runs once at start-up, and as which scheduled run: when
 * CANBO_SCHEDULE_NOW names it (as of now), or when its last scheduled run
 * (the latest due time at or before now) is later than the last run recorded.
 */
export function startupRun(
  schedule: Schedule,
  now: Date,
  lastRun: string | undefined,
  runNow: boolean,
): { at: Date; reason: string } | null {
  if (runNow) return { at: now, reason: 'CANBO_SCHEDULE_NOW' };
  const previous = previousRun(schedule, now);
  if (previous && (!lastRun || new Date(lastRun) < previous))
    return { at: previous, reason: 'lỡ lượt / missed its last run' };
  return null;
}

/**
 * Calls `run` with each due time of the schedule from now on, after the
 * previous call has settled. Timers are set at most an hour ahead, so a
 * machine that slept past a due time runs it when it wakes.
 */
export function whenDue(schedule: Schedule, run: (at: Date) => Promise<void>): void {
  const due = nextRun(schedule, new Date());
  if (!due) return;
  const wait = () => {
    const left = due.getTime() - Date.now();
    if (left > 0) setTimeout(wait, Math.min(left, 3_600_000));
    else void run(due).finally(() => whenDue(schedule, run));
  };
  wait();
}

export type State = Record<string, { lastRun: string }>;

/** The state file, keeping only well-formed entries: a missing or damaged file means "never ran". */
export function readState(file: string): State {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
  const state: State = {};
  if (parsed && typeof parsed === 'object')
    for (const [name, entry] of Object.entries(parsed)) {
      const lastRun: unknown = entry && typeof entry === 'object' ? Reflect.get(entry, 'lastRun') : undefined;
      if (typeof lastRun === 'string' && !Number.isNaN(Date.parse(lastRun))) state[name] = { lastRun };
    }
  return state;
}

/**
 * Resolves once every `host:port` accepts connections (or after `ms`): the
 * scheduler starts alongside the emulators, and its runs wait for them.
 */
export async function reachable(hosts: readonly string[], ms = 120_000): Promise<boolean> {
  const until = Date.now() + ms;
  const open = (host: string) =>
    new Promise<boolean>((resolve) => {
      const [name, port] = [
        host.slice(0, host.lastIndexOf(':')),
        Number(host.slice(host.lastIndexOf(':') + 1)),
      ];
      const socket = net.connect({ host: name, port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
  for (const host of hosts) {
    while (!(await open(host))) {
      if (Date.now() > until) return false;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return true;
}

function loadScheduled(modulePath: string): ScheduledFunction[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return scheduledFunctions(require(modulePath) as Record<string, unknown>);
}

/** One run, in a process of its own: exits 0 when the function answered 200. */
async function runInstance(modulePath: string, name: string, at: string): Promise<never> {
  const fn = loadScheduled(modulePath).find((f) => f.name === name);
  if (!fn) throw new Error(`${name} is not a scheduled function of ${modulePath}`);
  const status = await invoke(fn, new Date(at));
  // Exit explicitly: the function's Firestore client keeps the process alive.
  process.exit(status === 200 ? 0 : 1);
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  const modulePath = path.resolve(
    process.env.CANBO_FUNCTIONS_MODULE ?? path.join(root, 'functions/dist/index.js'),
  );
  const { values } = parseArgs({ options: { run: { type: 'string' }, at: { type: 'string' } } });
  if (values.run) return runInstance(modulePath, values.run, values.at ?? new Date().toISOString());

  const stateFile = path.resolve(
    process.env.CANBO_SCHEDULER_STATE ?? path.join(root, '.data/scheduler.json'),
  );
  const state = readState(stateFile);
  const save = () => {
    fs.mkdirSync(path.dirname(stateFile), { recursive: true });
    fs.writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
  };

  let found: ScheduledFunction[];
  try {
    found = loadScheduled(modulePath);
  } catch (err) {
    console.error(
      `Không nạp được ${modulePath} (npm run build?); không chạy hàm định kỳ nào. / ` +
        `Could not load ${modulePath} (npm run build?); no scheduled function will run: ${String(err)}`,
    );
    console.log('scheduler ready: 0 scheduled function(s)');
    return;
  }

  /** Runs a function in a fresh process (this file, with the same loader flags), output shared. */
  const instance = (name: string, scheduleTime: Date) =>
    new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [...process.execArgv, __filename, '--run', name, '--at', scheduleTime.toISOString()],
        { stdio: ['ignore', 'inherit', 'inherit'] },
      );
      child.on('error', reject);
      child.on('exit', (code) => resolve(code));
    });

  const jobs: { fn: ScheduledFunction; schedule: Schedule }[] = [];
  for (const fn of found) {
    try {
      jobs.push({ fn, schedule: parseSchedule(fn.schedule, fn.timeZone) });
    } catch (err) {
      console.error(`${fn.name}: bỏ qua / skipped: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  // The emulators the functions use; runs wait until they answer.
  const emulators = reachable(
    [process.env.FIRESTORE_EMULATOR_HOST, process.env.FIREBASE_AUTH_EMULATOR_HOST].filter(
      (h): h is string => !!h,
    ),
  );
  const running = new Set<string>();
  const run = async (job: (typeof jobs)[number], scheduleTime: Date, reason: string): Promise<void> => {
    const { fn, schedule } = job;
    if (running.has(fn.name)) {
      console.log(`${fn.name}: vẫn đang chạy, bỏ lượt / still running, run skipped`);
      return;
    }
    running.add(fn.name);
    if (!(await emulators)) console.error('Firestore/Auth emulators did not answer; running anyway');
    const started = Date.now();
    console.log(
      `▶ ${fn.name}: chạy / running (${reason}; lượt / run of ${localTime(schedule, scheduleTime)})`,
    );
    try {
      const code = await instance(fn.name, scheduleTime);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (code === 0) {
        console.log(`✓ ${fn.name}: xong / succeeded in ${seconds} s`);
        state[fn.name] = { lastRun: scheduleTime.toISOString() };
        save();
      } else {
        console.error(`✗ ${fn.name}: lỗi / failed (exit code ${code}) after ${seconds} s`);
      }
    } catch (err) {
      console.error(`✗ ${fn.name}: lỗi / failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      running.delete(fn.name);
    }
  };

  const now = new Date();
  const runNow = runNowNames(
    process.env.CANBO_SCHEDULE_NOW,
    jobs.map((j) => j.fn.name),
  );
  const startup: Promise<void>[] = [];
  for (const job of jobs) {
    const { fn, schedule } = job;
    const next = nextRun(schedule, now);
    console.log(
      `${fn.name}: "${fn.schedule}" (${fn.timeZone}), lượt tới / next ${next ? localTime(schedule, next) : '—'}`,
    );
    const last = state[fn.name]?.lastRun;
    const due = startupRun(schedule, now, last, runNow.has(fn.name));
    if (due) startup.push(run(job, due.at, due.reason));
    else if (last)
      console.log(`${fn.name}: đã chạy / up to date (last run ${localTime(schedule, new Date(last))})`);
    whenDue(schedule, (at) => run(job, at, 'theo lịch / on schedule'));
  }
  for (const name of runNow)
    if (!jobs.some((j) => j.fn.name === name))
      console.error(`CANBO_SCHEDULE_NOW: no scheduled function ${name}`);
  console.log(`scheduler ready: ${jobs.length} scheduled function(s)`);
  await Promise.all(startup);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`scheduler: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
