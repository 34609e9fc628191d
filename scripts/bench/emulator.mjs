#!/usr/bin/env node
// Emulator benchmark (`npm run bench:emulator`). Prints its figures; it is not a test.
//   1. time from process start to the "ready" line of the CLI, median of 5 starts;
//   2. with 100,000 documents loaded: an equality query returning 50 documents
//      (through firebase-admin over gRPC): the median of the first 200 after start,
//      then median and p95 of 200 more after 500 queries in all (the goal's figure),
//      with the CPU time each process spends per query;
//   3. a 500-write commit (median of 20);
//   4. resident memory when idle, empty and with the 100,000 documents;
//   5. what security rules add to a single-document read: the same lite getDoc
//      as the owner (rules skipped) and as a user under a rule of typical size,
//      interleaved, 300 each; the difference of the medians;
//   6. what the journal of --data costs (fsync before every answer, group commit):
//      sequential single-document commits (latency), a burst of 2,000 single-document
//      commits with 64 in flight (throughput), and the 500-write commit, each with and
//      without --data; then single-document reads while a writer keeps the journal
//      compacting, against the same reads with no writer;
//   7. listeners (Listen stream, Admin SDK onSnapshot) on the 100,000 documents: 500 query
//      listeners of 50 documents each, the time to their first snapshots, the resident memory
//      they add, and how long a write takes to reach its listener's snapshot (median of 50).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'emulator/bin/firestore-emulator.js');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
const fmt = (ms) => `${ms.toFixed(2)} ms`;

function startCli(args = []) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [bin, '--port', '0', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.output = () => out;
    child.stdout.on('data', (d) => {
      out += d;
      const m = /ready on 127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]), readyMs: performance.now() - t0 });
    });
    child.on('exit', (code) => reject(new Error(`emulator exited (${code}): ${out}`)));
  });
}

/** CPU time a process has used (user + system, all threads), in ms; /proc counts in 10 ms ticks. */
function cpuMsOf(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

const stop = (child) =>
  new Promise((r) => {
    child.on('exit', r);
    child.kill('SIGTERM');
  });

async function main() {
  const starts = [];
  for (let i = 0; i < 5; i++) {
    const { child, readyMs } = await startCli();
    starts.push(readyMs);
    await stop(child);
  }
  console.log(`start to ready (CLI process, median of 5): ${fmt(median(starts))}  [goal < 300 ms]`);

  const { child, port } = await startCli();
  await new Promise((r) => setTimeout(r, 500));
  console.log(`idle memory, empty: ${rssOf(child.pid).toFixed(1)} MiB RSS`);

  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${port}`;
  process.env.METADATA_SERVER_DETECTION = 'none';
  const { initializeApp } = require('firebase-admin/app');
  const { getFirestore } = require('firebase-admin/firestore');
  const db = getFirestore(initializeApp({ projectId: 'demo-bench' }));

  const total = 100_000;
  const units = total / 50; // 2,000 units of 50 cadres each
  const load0 = performance.now();
  const commits = [];
  for (let start = 0; start < total; start += 500) {
    const batch = db.batch();
    for (let i = start; i < start + 500; i++) {
      batch.set(db.doc(`cadres/c${String(i).padStart(6, '0')}`), {
        communeCode: `u${String(i % units).padStart(5, '0')}`,
        provinceCode: '40',
        fullName: `Cán bộ ${i}`,
        birthYear: 1965 + (i % 38),
        gender: i % 2 ? 'male' : 'female',
        block: ['government', 'party', 'military', 'public'][i % 4],
        posts: [{ positionId: `p${i % 40}`, concurrent: i % 9 === 0 }],
      });
    }
    const t = performance.now();
    await batch.commit();
    commits.push(performance.now() - t);
  }
  console.log(`loaded ${total} documents in ${((performance.now() - load0) / 1000).toFixed(1)} s`);
  console.log(`500-write commit (median of ${commits.length}): ${fmt(median(commits))}  [goal < 50 ms]`);

  const q = (u) =>
    db
      .collection('cadres')
      .where('communeCode', '==', `u${String(u).padStart(5, '0')}`)
      .get();
  const first = await q(0); // builds the field index once
  if (first.size !== 50) throw new Error(`expected 50 results, got ${first.size}`);
  // Units are visited as (k * 37) mod 2,000: 37 and 2,000 share no factor, so
  // k = 0..1,999 visits every unit once and no query repeats another's unit.
  const timeQueries = async (from, count) => {
    const times = [];
    for (let k = from; k < from + count; k++) {
      const t = performance.now();
      const snap = await q((k * 37) % units);
      times.push(performance.now() - t);
      if (snap.size !== 50) throw new Error(`expected 50 results, got ${snap.size}`);
    }
    return times;
  };
  // The first queries after start also pay for compiling both processes' code
  // paths (V8 optimises a function after it has run many times); 500 queries in
  // all precede the measured ones, which ask for 200 units none of them asked for.
  const cold = await timeQueries(1, 200);
  await timeQueries(201, 300);
  const serverCpu0 = cpuMsOf(child.pid);
  const clientCpu0 = process.cpuUsage();
  const times = await timeQueries(501, 200);
  const serverCpu = (cpuMsOf(child.pid) - serverCpu0) / times.length;
  const clientUsed = process.cpuUsage(clientCpu0);
  const clientCpu = (clientUsed.user + clientUsed.system) / 1000 / times.length;
  console.log(
    `equality query, 50 of ${total} documents (client round trip): first 200 after start median ${fmt(median(cold))}; ` +
      `after 500 queries, 200 other units: median ${fmt(median(times))}, p95 ${fmt(p95(times))}  [goal: median < 5 ms]`,
  );
  console.log(
    `  CPU per query (all threads): emulator ${fmt(serverCpu)}, the firebase-admin client ${fmt(clientCpu)}`,
  );
  await new Promise((r) => setTimeout(r, 1000));
  console.log(`idle memory with ${total} documents: ${rssOf(child.pid).toFixed(1)} MiB RSS`);

  await benchListeners(db, child, units);
  await benchRules(port);
  await stop(child);
  await benchJournal();
  process.exit(0);
}

/** Item 7: many onSnapshot query listeners on the loaded emulator. */
async function benchListeners(db, child, units) {
  const n = 500;
  const before = rssOf(child.pid);
  const firsts = [];
  const stops = [];
  const latest = new Map();
  const waiting = new Map();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: n }, (_, k) => {
      const commune = `u${String(k % units).padStart(5, '0')}`;
      return new Promise((resolve, reject) => {
        const t = performance.now();
        let first = true;
        stops.push(
          db
            .collection('cadres')
            .where('communeCode', '==', commune)
            .onSnapshot((snap) => {
              latest.set(commune, snap);
              if (first) {
                first = false;
                firsts.push(performance.now() - t);
                resolve();
              }
              const w = waiting.get(commune);
              if (w && w.test(snap)) {
                waiting.delete(commune);
                w.resolve();
              }
            }, reject),
        );
      });
    }),
  );
  const allMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 1000));
  const after = rssOf(child.pid);
  console.log(
    `${n} query listeners (50 documents each): all first snapshots in ${fmt(allMs)}, median ${fmt(median(firsts))} each; ` +
      `memory +${(after - before).toFixed(1)} MiB RSS (${(((after - before) * 1024) / n).toFixed(1)} KiB per listener)`,
  );
  const delivery = [];
  for (let k = 0; k < 50; k++) {
    const commune = `u${String((k * 7) % n).padStart(5, '0')}`;
    const id = `c${String((k * 7) % n).padStart(6, '0')}`;
    const mark = `bench-${k}`;
    const seen = new Promise((resolve) =>
      waiting.set(commune, {
        test: (s) => s.docs.some((d) => d.id === id && d.get('mark') === mark),
        resolve,
      }),
    );
    const t = performance.now();
    await db.doc(`cadres/${id}`).update({ mark });
    await seen;
    delivery.push(performance.now() - t);
  }
  console.log(
    `write to listener snapshot with ${n} listeners open (50 writes): median ${fmt(median(delivery))}, p95 ${fmt(p95(delivery))}`,
  );
  for (const s of stops) s();
}

/** One single-document commit over REST (no client library in the way). */
async function restCommit(port, project, id, fields) {
  const db = `projects/${project}/databases/(default)`;
  const res = await fetch(`http://127.0.0.1:${port}/v1/${db}/documents:commit`, {
    method: 'POST',
    headers: { authorization: 'Bearer owner', 'content-type': 'application/json' },
    body: JSON.stringify({ writes: [{ update: { name: `${db}/documents/${id}`, fields } }] }),
  });
  if (res.status !== 200) throw new Error(`commit failed: ${res.status} ${await res.text()}`);
}

const FIELDS = {
  fullName: { stringValue: 'Nguyễn Văn A' },
  communeCode: { stringValue: 'u00042' },
  birthYear: { integerValue: '1980' },
  posts: { arrayValue: { values: [{ mapValue: { fields: { positionId: { stringValue: 'p1' } } } }] } },
};

async function writeFigures(label, args) {
  const { child, port } = await startCli(args);
  const project = 'demo-journal';
  for (let i = 0; i < 50; i++) await restCommit(port, project, `warm/w${i}`, FIELDS);
  const single = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    await restCommit(port, project, `seq/s${i}`, FIELDS);
    single.push(performance.now() - t);
  }
  const total = 2000;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < total) await restCommit(port, project, `burst/b${next++}`, FIELDS);
    }),
  );
  const burstMs = performance.now() - t0;
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${port}`;
  const { initializeApp } = require('firebase-admin/app');
  const { getFirestore } = require('firebase-admin/firestore');
  const db = getFirestore(initializeApp({ projectId: project }, `journal-${label}`));
  const commits = [];
  for (let k = 0; k < 20; k++) {
    const batch = db.batch();
    for (let i = 0; i < 500; i++) batch.set(db.doc(`big/k${k}-${i}`), { n: i, name: `Cán bộ ${i}`, k });
    const t = performance.now();
    await batch.commit();
    commits.push(performance.now() - t);
  }
  console.log(
    `  ${label}: single commit median ${fmt(median(single))}, p95 ${fmt(p95(single))}; ` +
      `burst ${total} commits (64 in flight) ${((total / burstMs) * 1000).toFixed(0)} writes/s; ` +
      `500-write commit median ${fmt(median(commits))}`,
  );
  return { child, port, project };
}

/** Single-document reads per second for `ms`, over REST. */
async function readRate(port, project, ms) {
  const db = `projects/${project}/databases/(default)`;
  let reads = 0;
  const end = performance.now() + ms;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (performance.now() < end) {
        const res = await fetch(`http://127.0.0.1:${port}/v1/${db}/documents/big/k3-${reads % 500}`, {
          headers: { authorization: 'Bearer owner' },
        });
        await res.arrayBuffer();
        reads++;
      }
    }),
  );
  return (reads / ms) * 1000;
}

async function benchJournal() {
  console.log('journal of --data (fsync before the answer, group commit):');
  const memory = await writeFigures('in memory (no --data)', []);
  await stop(memory.child);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-bench-journal-'));
  const durable = await writeFigures('with --data (journal)', ['--data', path.join(dir, 'firestore.json')]);
  // Reads while a writer keeps appending (the journal compacts in the background when it
  // outgrows the snapshot), against reads alone.
  const quiet = await readRate(durable.port, durable.project, 3000);
  let writing = true;
  let written = 0;
  const writer = (async () => {
    while (writing) await restCommit(durable.port, durable.project, `churn/c${written++ % 5000}`, FIELDS);
  })();
  const busy = await readRate(durable.port, durable.project, 3000);
  writing = false;
  await writer;
  const journalBytes = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.journal'))
    .reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
  console.log(
    `  reads with --data: ${quiet.toFixed(0)}/s alone, ${busy.toFixed(0)}/s while ${written} writes were journalled ` +
      `(${((100 * busy) / quiet).toFixed(0)} %); journal now ${(journalBytes / 1024).toFixed(0)} KiB`,
  );
  await stop(durable.child);
  const line = /Journal: .*/.exec(durable.child.output());
  if (line) console.log(`  ${line[0]}`);
  fs.rmSync(dir, { recursive: true, force: true });
}

const TYPICAL_RULES = `rules_version = '2';
service cloud.firestore {
  match /databases/{database}/documents {
    function signedIn() { return request.auth != null; }
    function role() { return request.auth.token.role; }
    function inProvince(p) { return role() in ['province_admin', 'auditor'] && request.auth.token.province == p; }
    function inCommunes(c) { return c in request.auth.token.get('communes', []); }
    match /cadres/{id} {
      allow get: if signedIn() && (inProvince(resource.data.provinceCode) || inCommunes(resource.data.communeCode));
      allow list: if signedIn() && inCommunes(resource.data.communeCode);
    }
  }
}`;

async function benchRules(port) {
  const projectId = 'demo-bench';
  const res = await fetch(`http://127.0.0.1:${port}/emulator/v1/projects/${projectId}:securityRules`, {
    method: 'PUT',
    body: JSON.stringify({ rules: { files: [{ content: TYPICAL_RULES }] } }),
  });
  if (!res.ok) throw new Error(`rules not loaded: ${await res.text()}`);
  const { initializeApp: initClient } = require('firebase/app');
  const lite = require('firebase/firestore/lite');
  const client = (name, token) => {
    const db = lite.getFirestore(initClient({ projectId }, name));
    lite.connectFirestoreEmulator(db, '127.0.0.1', port, { mockUserToken: token });
    return db;
  };
  const owner = client('owner', 'owner');
  const user = client('user', { sub: 'u1', role: 'commune_admin', communes: ['u00007', 'u00008'] });
  const ref = (db) => lite.doc(db, 'cadres/c000007');
  const check = await lite.getDoc(ref(user));
  if (!check.exists()) throw new Error('the benchmark rule should allow this read');
  const withRules = [];
  const without = [];
  for (let k = 0; k < 300; k++) {
    let t = performance.now();
    await lite.getDoc(ref(owner));
    without.push(performance.now() - t);
    t = performance.now();
    await lite.getDoc(ref(user));
    withRules.push(performance.now() - t);
  }
  const delta = median(withRules) - median(without);
  console.log(
    `single-document read (lite, 300 each): owner ${fmt(median(without))}, user under rules ${fmt(median(withRules))}; rules add ${fmt(delta)}  [goal < 1 ms]`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
