/**
 * `npm start`'s stack for the browser tests and `npm run bench:web`: the same
 * command a person runs (scripts/start.ts through `node --import tsx`), on the
 * fixed ports of firebase.json, with its data in a folder of the caller's.
 *
 * Only one stack can hold those ports. Test files of the e2e project may run
 * in parallel workers, and a developer may have `npm start` running, so a
 * start first takes a lock (a directory holding the owner's pid, taken over
 * when that process is gone) and waits until every port is free; `stop()`
 * releases it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
export const PROJECT = 'demo-canbo';
export const WEB_URL = 'http://127.0.0.1:5000';
export const FIRESTORE_URL = 'http://127.0.0.1:8080';
export const AUTH_URL = 'http://127.0.0.1:9099';
export const FUNCTIONS_URL = `http://127.0.0.1:5001/${PROJECT}/asia-southeast1`;

/** Firestore, Auth, Functions, Hosting, Cloud Tasks, the hub and its logging port (firebase.json). */
export const STACK_PORTS = [8080, 9099, 5001, 5000, 9499, 4400, 4500] as const;

/** The lock every start of the stack from tests and benchmarks takes. */
export const STACK_LOCK = path.join(os.tmpdir(), 'canbo-e2e-stack.lock');

export interface StackOptions {
  /** Demo province (default 42, Hà Tĩnh). */
  province?: string;
  /** Seed scale (default 0.05: about a hundred people, enough for every page). */
  scale?: number;
  /** Data folder; a fresh temporary one when absent (and removed by stop()). */
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  /** How long the start may take (default 600 s: a busy 2-core machine takes minutes to build and start). */
  timeoutMs?: number;
  /** Print the stack's output as it comes (benchmarks); tests keep it for failures. */
  echo?: boolean;
}

export interface Stack {
  province: string;
  dataDir: string;
  output(): string;
  /** Ctrl-C, as a person stops it; resolves with the exit code once the stack is down. */
  stop(): Promise<number | null>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the stack lock, waiting for its holder; a lock left by a dead process is taken over. */
export async function lockStack(timeoutMs = 600_000): Promise<() => void> {
  const until = Date.now() + timeoutMs;
  const owner = path.join(STACK_LOCK, 'pid');
  for (;;) {
    try {
      fs.mkdirSync(STACK_LOCK);
      fs.writeFileSync(owner, String(process.pid));
      return () => fs.rmSync(STACK_LOCK, { recursive: true, force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = Number(fs.existsSync(owner) ? fs.readFileSync(owner, 'utf8') : NaN);
    // A lock without a pid file is being taken right now; one whose owner died is stale.
    if (Number.isInteger(holder) && holder > 0 && !alive(holder)) {
      fs.rmSync(STACK_LOCK, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > until) throw new Error(`the stack lock ${STACK_LOCK} is held by pid ${holder}`);
    await sleep(500);
  }
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Waits until none of the stack's ports answers (another stack stopping, or a developer's `npm start`). */
export async function waitForFreePorts(timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const busy: number[] = [];
    for (const port of STACK_PORTS) if (await portInUse(port)) busy.push(port);
    if (busy.length === 0) return;
    if (Date.now() > until)
      throw new Error(`ports ${busy.join(', ')} are still in use: stop the other stack`);
    await sleep(500);
  }
}

/** Starts `npm start`'s stack and resolves once it prints that it is running. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const province = options.province ?? '42';
  // While writing tests: CANBO_E2E_REUSE_STACK=1 uses a stack already running (`npm start`) and leaves it running.
  if (process.env.CANBO_E2E_REUSE_STACK === '1')
    return { province, dataDir: '', output: () => '', stop: () => Promise.resolve(0) };
  const scale = options.scale ?? 0.05;
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-web-'));
  const unlock = await lockStack();
  let child: ChildProcess | undefined;
  let out = '';
  const release = () => {
    unlock();
    if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForFreePorts();
    // `node --import tsx`, not the tsx CLI, whose signal relay may SIGKILL a busy script and orphan the
    // emulators (test/e2e/start.e2e.test.ts explains it).
    child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/start.ts',
        '--province',
        province,
        '--scale',
        String(scale),
        '--data-dir',
        dataDir,
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          FIRESTORE_EMULATOR_HOST: '',
          FIREBASE_AUTH_EMULATOR_HOST: '',
          CANBO_SCHEDULE_NOW: '',
          ...options.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const started = child;
    await new Promise<void>((resolve, reject) => {
      const ms = options.timeoutMs ?? 600_000;
      const timer = setTimeout(() => reject(new Error(`npm start did not come up in ${ms} ms:\n${out}`)), ms);
      const onData = (d: Buffer) => {
        const text = d.toString();
        out += text;
        if (options.echo) process.stdout.write(text);
        if (out.includes('canbo is running')) {
          clearTimeout(timer);
          resolve();
        }
      };
      started.stdout!.on('data', onData);
      started.stderr!.on('data', onData);
      started.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited (${code}) before it was ready:\n${out}`));
      });
    });
  } catch (err) {
    if (child && child.exitCode === null) {
      const gone = new Promise((r) => child!.once('exit', r));
      child.kill('SIGINT');
      await Promise.race([gone, sleep(30_000)]);
    }
    release();
    throw err;
  }
  const running = child;
  let stopped: Promise<number | null> | undefined;
  return {
    province,
    dataDir,
    output: () => out,
    stop: () =>
      (stopped ??= (async () => {
        const code = await new Promise<number | null>((resolve) => {
          if (running.exitCode !== null) return resolve(running.exitCode);
          running.once('exit', (c) => resolve(c));
          running.kill('SIGINT');
        });
        release();
        return code;
      })()),
  };
}
