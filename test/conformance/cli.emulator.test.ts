/**
 * The `firestore-emulator` command: one ready line, clean exit on SIGTERM, and
 * persistence with --data, so that a write acknowledged just before SIGTERM is
 * there after a restart. Runs the built bin (npm test builds first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';

const bin = path.resolve(__dirname, '../../emulator/bin/firestore-emulator.js');

interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
}

function startCli(args: string[]): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--port', '0', ...args], {
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

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

// FIRESTORE_EMULATOR_HOST wins over settings({host}), so point it at the
// emulator this file starts, and give it back to the suite afterwards.
const suiteHost = process.env.FIRESTORE_EMULATOR_HOST;
afterAll(() => {
  process.env.FIRESTORE_EMULATOR_HOST = suiteHost;
});

/** An admin client of the emulator listening on `port`. */
function clientFor(port: number, name: string) {
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${port}`;
  const app = initializeApp({ projectId: 'demo-cli' }, name);
  const db = getFirestore(app);
  return { db, close: () => deleteApp(app) };
}

test('data written before SIGTERM is there after a restart', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-emu-'));
  const dataFile = path.join(dir, 'nested', 'firestore.json');

  const first = await startCli(['--data', dataFile]);
  expect(first.output()).toMatch(/Firestore emulator ready on 127\.0\.0\.1:\d+ \(gRPC and REST\)/);
  const c1 = clientFor(first.port, 'cli-1');
  const batch = c1.db.batch();
  for (let i = 0; i < 50; i++) batch.set(c1.db.doc(`cadres/c${i}`), { i, name: `Cán bộ ${i}` });
  await batch.commit();
  await c1.db.doc('cadres/last').set({ acknowledged: true });
  first.child.kill('SIGTERM'); // immediately after the acknowledgement
  expect(await exitOf(first.child)).toBe(0);
  await c1.close();
  expect(fs.existsSync(dataFile)).toBe(true);

  const second = await startCli(['--data', dataFile]);
  expect(second.output()).toContain('(51 documents)');
  const c2 = clientFor(second.port, 'cli-2');
  expect((await c2.db.doc('cadres/last').get()).get('acknowledged')).toBe(true);
  expect((await c2.db.doc('cadres/c7').get()).get('name')).toBe('Cán bộ 7');
  expect((await c2.db.collection('cadres').where('i', '>=', 40).get()).size).toBe(10);
  second.child.kill('SIGINT');
  expect(await exitOf(second.child)).toBe(0);
  await c2.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('an unknown option is reported and the command fails', async () => {
  const child = spawn(process.execPath, [bin, '--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  expect(await exitOf(child)).toBe(1);
  expect(err).toContain('firestore-emulator:');
});

test('--rules is enforced and reloaded on change; a broken edit is reported and the old rules stay', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-rules-'));
  const rulesFile = path.join(dir, 'firestore.rules');
  const rules = (condition: string) =>
    `rules_version = '2';\nservice cloud.firestore {\n  match /databases/{db}/documents/{doc=**} {\n    allow read: if ${condition};\n  }\n}\n`;
  fs.writeFileSync(rulesFile, rules('true'));
  const started = await startCli(['--rules', rulesFile]);
  const url = `http://127.0.0.1:${started.port}/v1/projects/demo-cli/databases/(default)/documents/c/d`;
  const user =
    'Bearer ' +
    ['{"alg":"none"}', '{"sub":"u1"}'].map((s) => Buffer.from(s).toString('base64url')).join('.') +
    '.';
  const read = async () => (await fetch(url, { headers: { authorization: user } })).status;
  expect(await read()).toBe(404); // allowed, and the document does not exist

  const waitFor = async (predicate: () => Promise<boolean>) => {
    for (let i = 0; i < 50; i++) {
      if (await predicate()) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  };
  fs.writeFileSync(rulesFile, rules('false'));
  expect(await waitFor(async () => (await read()) === 403)).toBe(true);
  expect(started.output()).toContain('Reloaded security rules');

  fs.writeFileSync(rulesFile, rules('true &&'));
  expect(await waitFor(async () => /firestore\.rules:4:\d+/.test(started.output()))).toBe(true);
  expect(await read()).toBe(403); // the previous (deny) rules are still in force
  started.child.kill('SIGTERM');
  expect(await exitOf(started.child)).toBe(0);
  fs.rmSync(dir, { recursive: true, force: true });
});
