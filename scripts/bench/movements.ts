/**
 * `npm run bench:movements`: many concurrent proposals and approvals into
 * units with few free posts, against our Firestore emulator (its own
 * process), through the same service the callables use. Prints granted,
 * refused, oversubscribed quotas (must be 0), p50/p95 latency, and Firestore
 * operations per movement from the emulator's counter. Not a test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { collections } from '../../functions/src/data/refs';
import type { Actor } from '../../functions/src/lib/actor';
import { defaultDeps } from '../../functions/src/services';
import { MovementService } from '../../functions/src/services/movements';
import { quotaId } from '@canbo/model';
import { seedProvince } from '../seed/seed';

const root = path.resolve(__dirname, '../..');
const PROJECT = 'demo-bench-movements';
const TARGET_UNITS = 10;
const FREE_POSTS = 3;
const ATTEMPTS = 200;
const CONCURRENCY = 40;

function startEmulator(): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(root, 'emulator/bin/firestore-emulator.js'), '--port', '0'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready on 127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`emulator exited (${code})`)));
  });
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

async function main(): Promise<void> {
  const { child, port } = await startEmulator();
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${port}`;
  process.env.METADATA_SERVER_DETECTION = 'none';
  const db = getFirestore(initializeApp({ projectId: PROJECT }));
  const c = collections(db);
  const year = new Date().getUTCFullYear();
  const asOf = new Date().toISOString().slice(0, 10);
  const seeded = await seedProvince(db, { provinceCode: '42', scale: 0.5, seed: 11, asOf });
  console.log(
    `seeded Hà Tĩnh at scale 0.5: ${seeded.counts.cadres} people in ${seeded.seconds.toFixed(1)} s`,
  );

  // Target units: a few communes left with only FREE_POSTS free government posts.
  const communes = (
    await c.units.where('parentCode', '==', '42').where('level', '==', 'commune').get()
  ).docs.map((d) => d.id);
  const targets = communes.slice(0, TARGET_UNITS);
  for (const code of targets) {
    const ref = c.quotas.doc(quotaId(code, 'government', year));
    const q = (await ref.get()).data()!;
    await ref.set({ ...q, allocated: q.filled + q.reservedForReturn + q.incoming + FREE_POSTS });
  }
  // Candidates: active government staff of other communes in ordinary posts.
  const pool = (await c.cadres.where('block', '==', 'government').where('status', '==', 'active').get()).docs
    .map((d) => d.data())
    .filter(
      (x) =>
        x.communeCode &&
        !targets.includes(x.communeCode) &&
        ['xa_van_hoa_xa_hoi', 'xa_tu_phap_ho_tich', 'xa_lao_dong_xa_hoi', 'xa_tiep_nhan_tthc'].includes(
          x.posts[0]!.positionId,
        ),
    );
  const service = new MovementService(db, defaultDeps);
  const admin: Actor = {
    uid: 'bench-admin',
    role: 'province_admin',
    province: '42',
    communes: [],
    cadreId: null,
  };
  const opsUrl = `http://127.0.0.1:${port}/emulator/v1/projects/${PROJECT}/operations`;
  await fetch(opsUrl, { method: 'DELETE' });

  const proposeTimes: number[] = [];
  const decideTimes: number[] = [];
  let granted = 0;
  let refusedAtProposal = 0;
  let refusedAtApproval = 0;
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < ATTEMPTS) {
      const i = next++;
      const person = pool[i % pool.length]!;
      try {
        let t = performance.now();
        const m = await service.propose(admin, {
          type: 'transfer',
          cadreId: person.id,
          toUnitCode: targets[i % targets.length]!,
          toPositionId: person.posts[0]!.positionId,
          startDate: `${year}-12-28`,
          reason: 'Điều động tăng cường (benchmark)',
        });
        proposeTimes.push(performance.now() - t);
        t = performance.now();
        try {
          await service.decide(admin, {
            movementId: m.id,
            decision: 'approve',
            note: 'Duyệt (benchmark)',
            overrides: m.checks
              .filter((x) => x.outcome === 'fail' && x.overridable)
              .map((x) => ({ code: x.code, reason: 'Benchmark: chấp nhận ngoại lệ' })),
          });
          granted++;
        } catch (err) {
          if (
            (err as Error).constructor.name === 'RulesViolated' ||
            (err as Error).constructor.name === 'QuotaExceeded'
          )
            refusedAtApproval++;
          else throw err;
        } finally {
          decideTimes.push(performance.now() - t);
        }
      } catch (err) {
        if ((err as Error).constructor.name === 'RulesViolated') refusedAtProposal++;
        else {
          errors++;
          if (errors <= 3) console.error('error:', (err as Error).message);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;

  let oversubscribed = 0;
  for (const code of targets) {
    const q = (await c.quotas.doc(quotaId(code, 'government', year)).get()).data()!;
    if (q.filled + q.reservedForReturn + q.incoming > q.allocated) oversubscribed++;
  }
  const ops = (await (await fetch(opsUrl)).json()) as Record<string, number>;
  const movements = proposeTimes.length + refusedAtProposal;
  console.log(
    `${ATTEMPTS} proposals + approvals, ${CONCURRENCY} at a time, into ${TARGET_UNITS} units with ${FREE_POSTS} free posts each, in ${seconds.toFixed(1)} s`,
  );
  console.log(
    `granted: ${granted} (capacity ${TARGET_UNITS * FREE_POSTS}), refused at approval: ${refusedAtApproval}, refused at proposal: ${refusedAtProposal}, errors: ${errors}`,
  );
  console.log(`oversubscribed: ${oversubscribed}`);
  console.log(
    `propose latency p50 ${percentile(proposeTimes, 0.5).toFixed(1)} ms, p95 ${percentile(proposeTimes, 0.95).toFixed(1)} ms`,
  );
  console.log(
    `decide latency p50 ${percentile(decideTimes, 0.5).toFixed(1)} ms, p95 ${percentile(decideTimes, 0.95).toFixed(1)} ms`,
  );
  console.log(
    `Firestore operations per movement: ${(ops.documentReads! / movements).toFixed(1)} reads, ${(ops.documentWrites! / movements).toFixed(1)} writes (transactions committed ${ops.transactionsCommitted})`,
  );
  child.kill('SIGTERM');
  process.exit(oversubscribed === 0 && errors === 0 ? 0 : 1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
