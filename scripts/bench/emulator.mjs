#!/usr/bin/env node
// Emulator benchmark (`npm run bench:emulator`). Prints its figures; it is not a test.
//   1. time from process start to the "ready" line of the CLI, median of 5 starts;
//   2. with 100,000 documents loaded: an equality query returning 50 documents
//      (median and p95 over 200 runs, through firebase-admin over gRPC);
//   3. a 500-write commit (median of 20);
//   4. resident memory when idle, empty and with the 100,000 documents.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'emulator/bin/firestore-emulator.js');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
const fmt = (ms) => `${ms.toFixed(2)} ms`;

function startCli() {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [bin, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /ready on 127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]), readyMs: performance.now() - t0 });
    });
    child.on('exit', (code) => reject(new Error(`emulator exited (${code}): ${out}`)));
  });
}

function rssOf(pid) {
  const status = require('node:fs').readFileSync(`/proc/${pid}/status`, 'utf8');
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
  const times = [];
  for (let k = 0; k < 200; k++) {
    const t = performance.now();
    const snap = await q((k * 37) % units);
    times.push(performance.now() - t);
    if (snap.size !== 50) throw new Error(`expected 50 results, got ${snap.size}`);
  }
  console.log(
    `equality query, 50 of ${total} documents (client round trip, 200 runs): median ${fmt(median(times))}, p95 ${fmt(p95(times))}  [goal: median < 5 ms]`,
  );
  await new Promise((r) => setTimeout(r, 1000));
  console.log(`idle memory with ${total} documents: ${rssOf(child.pid).toFixed(1)} MiB RSS`);
  await stop(child);
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
