/**
 * Durability of `--data` (emulator/README.md, "Durability"): a write is
 * answered only once its journal line is on disk, so `kill -9` right after
 * the acknowledgements loses none of them; compaction in the background
 * keeps every document while readers and writers go on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startFirestoreEmulator } from '../../emulator/src';

const bin = path.resolve(__dirname, '../../emulator/bin/firestore-emulator.js');
const projectId = 'demo-durability';
const db = `projects/${projectId}/databases/(default)`;

function startCli(dataFile: string): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--port', '0', '--data', dataFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready on 127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]), output: () => out });
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`emulator exited early (${code}): ${out}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => child.on('exit', () => resolve()));

/** One commit of one document over REST; resolves true once acknowledged. */
async function write(port: number, id: string, n: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/v1/${db}/documents:commit`, {
      method: 'POST',
      headers: { authorization: 'Bearer owner', 'content-type': 'application/json' },
      body: JSON.stringify({
        writes: [
          { update: { name: `${db}/documents/burst/${id}`, fields: { n: { integerValue: String(n) } } } },
        ],
      }),
    });
    return res.status === 200;
  } catch {
    return false; // the emulator was killed under this request: not acknowledged
  }
}

async function readAll(port: number, ids: string[]): Promise<Map<string, string>> {
  const res = await fetch(`http://127.0.0.1:${port}/v1/${db}/documents:batchGet`, {
    method: 'POST',
    headers: { authorization: 'Bearer owner', 'content-type': 'application/json' },
    body: JSON.stringify({ documents: ids.map((id) => `${db}/documents/burst/${id}`) }),
  });
  const answers = (await res.json()) as {
    found?: { name: string; fields: { n: { integerValue: string } } };
  }[];
  const out = new Map<string, string>();
  for (const a of answers)
    if (a.found) out.set(a.found.name.split('/').pop()!, a.found.fields.n.integerValue);
  return out;
}

test('every write acknowledged before kill -9 is there after a restart (three crashes in a row)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-durable-'));
  const dataFile = path.join(dir, 'firestore.json');
  const acknowledged = new Map<string, number>();
  let written = 0;
  for (let round = 0; round < 3; round++) {
    const running = await startCli(dataFile);
    const gone = exited(running.child);
    // A burst of single-document commits, 40 in flight at a time; the process
    // is killed (SIGKILL) as soon as 150 more have been acknowledged, with
    // others still in flight.
    const target = acknowledged.size + 150;
    let killed = false;
    const lane = async () => {
      while (!killed) {
        const n = ++written;
        const id = `d${String(n).padStart(5, '0')}`;
        if (await write(running.port, id, n)) {
          acknowledged.set(id, n);
          if (acknowledged.size >= target && !killed) {
            killed = true;
            running.child.kill('SIGKILL');
          }
        }
      }
    };
    await Promise.all(Array.from({ length: 40 }, lane));
    await gone;
  }
  expect(acknowledged.size).toBeGreaterThanOrEqual(450);

  const last = await startCli(dataFile);
  const found = await readAll(last.port, [...acknowledged.keys()]);
  const lost = [...acknowledged].filter(([id, n]) => found.get(id) !== String(n)).map(([id]) => id);
  expect(lost).toEqual([]);
  last.child.kill('SIGTERM');
  await exited(last.child);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('background compaction keeps every document while reads and writes continue', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-compact-'));
  const dataFile = path.join(dir, 'firestore.json');
  const running = await startFirestoreEmulator({
    port: 0,
    dataFile,
    minCompactBytes: 20_000,
    log: () => undefined,
  });
  const writes: Promise<boolean>[] = [];
  for (let i = 0; i < 400; i++) writes.push(write(running.port, `c${i}`, i));
  // Reads go on while the journal is compacted several times.
  const reads = Array.from({ length: 20 }, () => readAll(running.port, ['c0']));
  expect((await Promise.all(writes)).every(Boolean)).toBe(true);
  await Promise.all(reads);
  await running.journal!.drain();
  expect(running.journal!.stats.compactions).toBeGreaterThan(0);

  // A second emulator on the same files, as after a crash (the first is not stopped cleanly).
  const copy = path.join(dir, 'copy');
  fs.mkdirSync(copy);
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith('firestore.json')) fs.copyFileSync(path.join(dir, name), path.join(copy, name));
  }
  const recovered = await startFirestoreEmulator({
    port: 0,
    dataFile: path.join(copy, 'firestore.json'),
    log: () => undefined,
  });
  const ids = Array.from({ length: 400 }, (_, i) => `c${i}`);
  const found = await readAll(recovered.port, ids);
  expect(ids.filter((id, i) => found.get(id) !== String(i))).toEqual([]);
  await recovered.stop();
  await running.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});
