/**
 * `npm run bench:movements`: many concurrent proposals and approvals into
 * units with few free posts, against our Firestore emulator (its own
 * process), through the use cases the callables run (`useCases(db, auth)`).
 * Prints granted, refused, oversubscribed quotas (must be 0), p50/p95
 * latency, and Firestore operations per movement from the emulator's
 * counter. Exits non-zero when a quota is oversubscribed, a call fails for
 * another reason than a refusal, or approval p95 reaches 1 s (issue 9). Not a
 * test: the figures depend on the machine.
 */
import { performance } from 'node:perf_hooks';
import { initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { mainPostOf } from '../../functions/src/domain/check-inputs';
import { isOverAllocated, takenPosts } from '../../functions/src/domain/quota';
import { quotaYearOf } from '../../functions/src/domain/quota-years';
import { collections } from '../../functions/src/data/refs';
import type { Actor } from '../../functions/src/lib/actor';
import { systemClock, today } from '../../functions/src/lib/clock';
import { defaultDeps, useCases } from '../../functions/src/services';
import { quotaId } from '@canbo/model';
import { seedProvince } from '../seed/seed';
import { startEmulator } from './emulator-process';

const PROJECT = 'demo-bench-movements';
const TARGET_UNITS = 10;
const FREE_POSTS = 3;
const ATTEMPTS = 200;
/** 40 by default (issue 9); `BENCH_CONCURRENCY=1` shows the cost of one movement alone. */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 40);
/** Approval p95 must stay under this (issue 9). */
const DECIDE_P95_LIMIT_MS = 1000;

/** A refusal the use cases answer on purpose (failed checks, a full quota), not a failure. */
const isRefusal = (err: unknown): boolean =>
  (err as { code?: unknown } | null)?.code === 'failed-precondition';

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

async function main(): Promise<void> {
  const { child, port } = await startEmulator();
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${port}`;
  process.env.METADATA_SERVER_DETECTION = 'none';
  const app = initializeApp({ projectId: PROJECT });
  const db = getFirestore(app);
  const c = collections(db);
  // Today in Vietnam: quota effects land in the quota of the year they are recorded.
  const asOf = today(systemClock);
  const year = quotaYearOf(asOf);
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
    await ref.set({ ...q, allocated: takenPosts(q) + FREE_POSTS });
  }
  // Candidates: active government staff of other communes in ordinary posts.
  const pool = (await c.cadres.where('block', '==', 'government').where('status', '==', 'active').get()).docs
    .map((d) => d.data())
    .filter(
      (x) =>
        x.communeCode &&
        !targets.includes(x.communeCode) &&
        ['xa_van_hoa_xa_hoi', 'xa_tu_phap_ho_tich', 'xa_lao_dong_xa_hoi', 'xa_tiep_nhan_tthc'].includes(
          mainPostOf(x) ?? '',
        ),
    );
  // Counts every attempt of a transaction's function: more attempts than
  // transactions means contention made the client retry (with backoff).
  let attempts = 0;
  const runTransaction = db.runTransaction.bind(db);
  db.runTransaction = ((fn, options) =>
    runTransaction((tx) => {
      attempts++;
      return fn(tx);
    }, options)) as typeof db.runTransaction;
  const uc = useCases(db, getAuth(app), defaultDeps);
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
        const m = await uc.proposeMovement(admin, {
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
          await uc.decideMovement(admin, {
            movementId: m.id,
            decision: 'approve',
            note: 'Duyệt (benchmark)',
            overrides: m.checks
              .filter((x) => x.outcome === 'fail' && x.overridable)
              .map((x) => ({ code: x.code, reason: 'Benchmark: chấp nhận ngoại lệ' })),
          });
          granted++;
        } catch (err) {
          if (isRefusal(err)) refusedAtApproval++;
          else throw err;
        } finally {
          decideTimes.push(performance.now() - t);
        }
      } catch (err) {
        if (isRefusal(err)) refusedAtProposal++;
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
    if (isOverAllocated(q)) oversubscribed++;
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
    `Firestore operations per movement: ${(ops.documentReads! / movements).toFixed(1)} reads, ${(ops.documentWrites! / movements).toFixed(1)} writes, ${(ops.queries! / movements).toFixed(1)} queries (transactions committed ${ops.transactionsCommitted}, aborted ${ops.transactionsAborted})`,
  );
  // Every proposal and decision runs one transaction; attempts beyond those are retries.
  const calls = movements + decideTimes.length;
  console.log(
    `transactions: ${calls} run (${ops.transactionsCommitted} committed, the rest refused), ${attempts - calls} retried after contention`,
  );
  const decideP95 = percentile(decideTimes, 0.95);
  console.log(
    `approval p95 ${decideP95 < DECIDE_P95_LIMIT_MS ? 'under' : 'NOT under'} ${DECIDE_P95_LIMIT_MS} ms`,
  );
  child.kill('SIGTERM');
  process.exit(oversubscribed === 0 && errors === 0 && decideP95 < DECIDE_P95_LIMIT_MS ? 0 : 1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
