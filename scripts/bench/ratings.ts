/**
 * `npm run bench:ratings`: citizen ratings under load (issue 11).
 *
 * Starts its own Firestore emulator on a free port, writes Hà Tĩnh's units
 * and a handful of desk officers, registers RECEIPTS dossier receipts through
 * registerReceipts (200 per call), then sends SUBMISSIONS (default 20,000)
 * submitRating calls, CONCURRENCY at a time, through the same use cases the
 * callables call, from ADDRESSES client addresses:
 * - one first rating of every registered receipt (some not yet returned,
 *   some past the window: refused);
 * - repeats of receipts already rated or being rated (some at the same
 *   moment as the first), which must all be refused;
 * - forged codes and unknown receipts;
 * - one address sending far beyond its limit.
 * It prints accepted, refused by reason, duplicates accepted (must be 0:
 * checked against what is stored), p50/p95 latency and the Firestore
 * operations per rating (the emulator's operation counts), and exits 1 if a
 * receipt was rated twice or a call failed for any reason but a refusal.
 */
import { performance } from 'node:perf_hooks';
import { initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import type { ReceiptInput } from '@canbo/model';
import { collections } from '../../functions/src/data/refs';
import { ratingCollections } from '../../functions/src/data/ratings';
import { addDays } from '../../functions/src/domain/dates';
import { ratingCode } from '../../functions/src/domain/rating-code';
import { systemClock, today } from '../../functions/src/lib/clock';
import { ratingUseCases, type RatingSettings } from '../../functions/src/services/ratings';
import { DEFAULT_CRITERIA } from '@canbo/model';
import { loadOfficialUnits } from '../seed/official';
import { startEmulator } from './emulator-process';

const PROJECT = 'demo-bench-ratings';
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 20000);
const RECEIPTS = Math.round(SUBMISSIONS / 2);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const ADDRESSES = Math.max(100, Math.round(SUBMISSIONS / 4));
const ATTACKER = '203.0.113.66';

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

/** A small deterministic generator (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(): Promise<void> {
  const { child, port } = await startEmulator();
  try {
    await run(port);
  } finally {
    child.kill('SIGTERM');
  }
}

async function run(port: number): Promise<void> {
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${port}`;
  process.env.METADATA_SERVER_DETECTION = 'none';
  const app = initializeApp({ projectId: PROJECT });
  const db = getFirestore(app);
  const c = collections(db);
  const rc = ratingCollections(db);
  const rand = random(11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

  // Hà Tĩnh's communes and two desk officers in each of the first 40.
  const units = loadOfficialUnits().filter((u) => u.provinceCode === '42');
  const communes = units.filter((u) => u.level === 'commune').slice(0, 40);
  let batch = db.batch();
  for (const u of units) batch.set(c.units.doc(u.code), u);
  await batch.commit();
  batch = db.batch();
  const officers: { id: string; unitCode: string }[] = [];
  for (const u of communes)
    for (const n of [1, 2]) {
      const id = `${u.code}-desk${n}`;
      officers.push({ id, unitCode: u.code });
      batch.set(c.cadres.doc(id), {
        id,
        provinceCode: '42',
        communeCode: u.code,
        fullName: `Cán bộ một cửa ${n}`,
        gender: n === 1 ? 'female' : 'male',
        birthDate: '1988-03-12',
        ethnicity: 'Kinh',
        ethnicMinority: false,
        hometown: { provinceCode: '42', communeCode: null, text: 'Hà Tĩnh' },
        category: 'civil_servant',
        block: 'government',
        education: { level: 'bachelor', major: 'Luật' },
        politicalTheory: 'elementary',
        partyMember: false,
        partyJoinDate: null,
        startedWorkOn: '2012-08-01',
        yearsInProvince: 10,
        homeUnitCode: u.code,
        homeCommuneCode: u.code,
        currentUnitCode: u.code,
        posts: [
          {
            positionId: 'xa_tiep_nhan_tthc',
            unitCode: u.code,
            concurrent: false,
            since: '2025-07-01',
            decisionNo: null,
          },
        ],
        planning: [],
        status: 'active',
        updatedAt: new Date().toISOString(),
      });
    }
  await batch.commit();

  const settings: RatingSettings = {
    secret: 'bench-secret',
    enforceAppCheck: false,
    windowDays: 30,
    perMinute: 10,
    perDay: 300,
    criteria: [...DEFAULT_CRITERIA],
  };
  const uc = ratingUseCases(db, settings);
  const todayVn = today(systemClock);
  const receipts: ReceiptInput[] = Array.from({ length: RECEIPTS }, (_, i) => {
    const officer = pick(officers);
    const roll = rand();
    // 85 % returned within the window, 10 % not yet returned, 5 % returned too long ago.
    const returnedOn =
      roll < 0.85 ? addDays(todayVn, -Math.floor(rand() * 25)) : roll < 0.95 ? null : addDays(todayVn, -45);
    const receivedOn = addDays(returnedOn ?? todayVn, -5);
    return {
      receiptNo: `000.00.18.H42-B${String(i).padStart(6, '0')}`,
      procedureId: 'khai_sinh',
      unitCode: officer.unitCode,
      cadreId: officer.id,
      receivedOn,
      dueOn: addDays(receivedOn, 5),
      returnedOn,
    };
  });
  const registrar = { uid: 'svc-bench', role: 'integration' as const, province: '42' };
  let t = performance.now();
  for (let i = 0; i < receipts.length; i += 200) {
    const res = await uc.registerReceipts(registrar, { receipts: receipts.slice(i, i + 200) });
    if (res.refused > 0)
      throw new Error(`registration refused ${res.refused} rows: ${JSON.stringify(res.rows[0])}`);
  }
  console.log(
    `registered ${receipts.length} receipts in ${((performance.now() - t) / 1000).toFixed(1)} s (200 per call)`,
  );

  // The submissions, in a shuffled order: each receipt once, then repeats, forgeries, unknowns, the flood.
  type Attempt = { receiptNo: string; code: string; address: string; kind: string };
  const address = () => `10.${Math.floor(rand() * ADDRESSES) >> 8}.${Math.floor(rand() * ADDRESSES) & 255}.7`;
  const attempts: Attempt[] = receipts.map((r) => ({
    receiptNo: r.receiptNo,
    code: ratingCode(settings.secret, r.receiptNo),
    address: address(),
    kind: 'first',
  }));
  const extra = SUBMISSIONS - attempts.length;
  for (let i = 0; i < extra; i++) {
    const roll = rand();
    const r = pick(receipts);
    if (roll < 0.4)
      attempts.push({
        receiptNo: r.receiptNo,
        code: ratingCode(settings.secret, r.receiptNo),
        address: address(),
        kind: 'repeat',
      });
    else if (roll < 0.65)
      attempts.push({
        receiptNo: r.receiptNo,
        code: ratingCode(settings.secret, `${r.receiptNo}x`),
        address: address(),
        kind: 'forged',
      });
    else if (roll < 0.85) {
      const n = `000.00.18.H42-U${String(i).padStart(6, '0')}`;
      attempts.push({
        receiptNo: n,
        code: ratingCode(settings.secret, n),
        address: address(),
        kind: 'unknown',
      });
    } else
      attempts.push({
        receiptNo: r.receiptNo,
        code: ratingCode(settings.secret, `${r.receiptNo}y`),
        address: ATTACKER,
        kind: 'flood',
      });
  }
  for (let i = attempts.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [attempts[i], attempts[j]] = [attempts[j]!, attempts[i]!];
  }

  const opsUrl = `http://127.0.0.1:${port}/emulator/v1/projects/${PROJECT}/operations`;
  await fetch(opsUrl, { method: 'DELETE' });
  const times: number[] = [];
  const refused = new Map<string, number>();
  const acceptedReceipts: string[] = [];
  let errors = 0;
  let next = 0;
  t = performance.now();
  const worker = async () => {
    while (next < attempts.length) {
      const a = attempts[next++]!;
      const started = performance.now();
      try {
        await uc.submitRating(
          { address: a.address, appCheck: false },
          {
            receiptNo: a.receiptNo,
            code: a.code,
            criteria: { overall: 1 + Math.floor(rand() * 5), attitude: 4, timeliness: 4, guidance: 5 },
            trips: 0,
          },
        );
        acceptedReceipts.push(a.receiptNo);
      } catch (err) {
        const e = err as { code?: string; key?: string; message?: string };
        if (e.code && e.key)
          refused.set(`${e.code} (${e.key})`, (refused.get(`${e.code} (${e.key})`) ?? 0) + 1);
        else {
          errors++;
          if (errors <= 3) console.error('error:', e.message);
        }
      } finally {
        times.push(performance.now() - started);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - t) / 1000;
  const ops = (await (await fetch(opsUrl)).json()) as Record<string, number>;

  const stored = (await rc.ratings.count().get()).data().count;
  const duplicates =
    acceptedReceipts.length - new Set(acceptedReceipts).size + Math.abs(stored - acceptedReceipts.length);
  const accepted = acceptedReceipts.length;
  console.log(
    `${attempts.length} submissions, ${CONCURRENCY} at a time, from ${ADDRESSES} addresses and one flooding address, in ${seconds.toFixed(1)} s (${(attempts.length / seconds).toFixed(0)}/s)`,
  );
  console.log(`accepted: ${accepted} (ratings stored: ${stored})`);
  console.log('refused by reason:');
  for (const [reason, n] of [...refused].sort((a, b) => b[1] - a[1])) console.log(`  ${reason}: ${n}`);
  console.log(`errors (not refusals): ${errors}`);
  console.log(`duplicates accepted: ${duplicates}`);
  console.log(
    `latency p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms`,
  );
  console.log(
    `Firestore operations per accepted rating: ${(ops.documentReads! / accepted).toFixed(2)} reads, ${(ops.documentWrites! / accepted).toFixed(2)} writes; per submission: ${(ops.documentReads! / attempts.length).toFixed(2)} reads, ${(ops.documentWrites! / attempts.length).toFixed(2)} writes (transactions committed ${ops.transactionsCommitted}, aborted ${ops.transactionsAborted})`,
  );
  if (duplicates > 0 || errors > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(`bench:ratings: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
