/**
 * `npm run bench:quarterly [-- --scale 1]`: the quarterly evaluation of Nghệ An
 * (province 40) on this machine, and a naive implementation in the same run.
 *
 * Starts its own Firestore emulator on a free port, seeds the province (which
 * records the inputs of two past quarters), then evaluates the newer quarter:
 *
 * - canbo's job: startRun and the unit tasks (services/evaluation), six units
 *   at a time in this process, as Cloud Tasks would dispatch them with
 *   `maxConcurrentDispatches` 6 (the emulated task queue adds HTTP hops, not
 *   Firestore operations; `npm run evaluate` goes through it under `npm start`);
 * - a naive job on a sample of the units (`--naive-units`, 30 by default; it
 *   is slow): for each unit, list its people,
 *   then for each person read their input and their last result one by one,
 *   score them (a leader by reading each colleague's input again for criterion
 *   d), and save the result and the run's progress in a transaction each.
 *
 * Prints wall time, people per second, and Firestore reads and writes per
 * person from the emulator's operations counter, for both, and their ratio.
 * Targets (issue 12): under 60 s, at most 1.2 writes per person, at least
 * 5 times fewer operations than the naive way. Figures, not a timed test.
 */
import { parseArgs } from 'node:util';
import { initializeApp } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import type { EvaluationInput, Level } from '@canbo/model';
import { scoreEvaluation } from '../../functions/src/domain/evaluation/score';
import { DEFAULT_EVALUATION_RULES } from '../../functions/src/domain/evaluation/rules';
import { EvaluationStore } from '../../functions/src/data/evaluations';
import { collections } from '../../functions/src/data/refs';
import { systemClock, today } from '../../functions/src/lib/clock';
import { defaultDeps, evaluationDeps } from '../../functions/src/services';
import { startRun } from '../../functions/src/services/evaluation';
import { LocalQueue } from '../../functions/src/services/evaluation/local-queue';
import { pastQuarters } from '../seed/evaluations';
import { seedProvince } from '../seed/seed';
import { startEmulator } from './emulator-process';

const PROJECT = 'demo-bench-quarterly';
const PARALLEL = 6;

let base = '';
async function operations(): Promise<{ reads: number; writes: number }> {
  const res = (await (await fetch(`${base}/emulator/v1/projects/${PROJECT}/operations`)).json()) as Record<
    string,
    number
  >;
  return { reads: res.documentReads ?? 0, writes: res.documentWrites ?? 0 };
}
async function resetOperations(): Promise<void> {
  await fetch(`${base}/emulator/v1/projects/${PROJECT}/operations`, { method: 'DELETE' });
}

/** The naive job: every document one by one, progress in a transaction per person. */
async function naiveRun(db: Firestore, period: string, units: string[]): Promise<number> {
  const c = collections(db);
  const store = new EvaluationStore(db);
  const runRef = db.collection('naiveRuns').doc(period);
  await runRef.set({ done: 0 });
  const results = db.collection('naiveEvaluations');
  let evaluated = 0;
  const evaluate = async (unitCode: string) => {
    const people = await c.cadres
      .where('provinceCode', '==', '40')
      .where('currentUnitCode', '==', unitCode)
      .get();
    const levels = new Map<string, Level | null>();
    const inputs: EvaluationInput[] = [];
    for (const p of people.docs) {
      const input = await store.findInput(period, p.id);
      if (input) inputs.push(input);
    }
    const scoreOne = async (input: EvaluationInput) => {
      let scoring = input.scoring;
      if (scoring.leader) {
        // Criterion d from the colleagues' levels, each input read and scored again.
        const subordinateLevels: Level[] = [];
        for (const other of inputs) {
          if (other.cadreId === input.cadreId || other.scoring.leader) continue;
          const again = await store.findInput(period, other.cadreId);
          const level = again ? scoreEvaluation(again.scoring, DEFAULT_EVALUATION_RULES).level : null;
          if (level) subordinateLevels.push(level);
        }
        scoring = { ...scoring, leader: { ...scoring.leader, subordinateLevels } };
      }
      const r = scoreEvaluation(scoring, DEFAULT_EVALUATION_RULES);
      levels.set(input.cadreId, r.level);
      await db.runTransaction(async (tx) => {
        await tx.get(results.doc(input.id));
        tx.set(results.doc(input.id), { cadreId: input.cadreId, total: r.total, level: r.level });
      });
      await db.runTransaction(async (tx) => {
        const run = await tx.get(runRef);
        tx.update(runRef, { done: Number(run.get('done')) + 1 });
      });
      evaluated += 1;
    };
    for (const input of inputs) if (!input.scoring.leader) await scoreOne(input);
    for (const input of inputs) if (input.scoring.leader) await scoreOne(input);
  };
  const queue = [...units];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let u = queue.shift(); u; u = queue.shift()) await evaluate(u);
    }),
  );
  return evaluated;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: '1' }, 'naive-units': { type: 'string', default: '30' } },
  });
  const { child, port } = await startEmulator();
  base = `http://127.0.0.1:${port}`;
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${port}`;
  process.env.METADATA_SERVER_DETECTION = 'none';
  try {
    const db = getFirestore(initializeApp({ projectId: PROJECT }));
    const asOf = today(systemClock);
    const seeded = await seedProvince(db, { provinceCode: '40', scale: Number(values.scale), seed: 3, asOf });
    const period = pastQuarters(asOf)[1];
    console.log(
      `Nghệ An (40) at scale ${values.scale}: ${seeded.counts.cadres} people, ` +
        `${seeded.counts.evaluationInputs} evaluation inputs, seeded in ${seeded.seconds.toFixed(1)} s; quarter ${period}`,
    );

    const queue = new LocalQueue();
    const deps = evaluationDeps(db, defaultDeps, queue);
    await resetOperations();
    let t = performance.now();
    const run = await startRun(deps, { period, provinceCode: '40', by: 'bench' });
    await queue.drain(deps, { parallel: PARALLEL });
    const seconds = (performance.now() - t) / 1000;
    const ops = await operations();
    const job = (await deps.evaluations.jobs().doc(run.runId).get()).data()!;
    const people = job.result?.evaluated ?? 0;
    await resetOperations();
    t = performance.now();
    const again = await startRun(deps, { period, provinceCode: '40', by: 'bench' });
    await queue.drain(deps, { parallel: PARALLEL });
    const rerunSeconds = (performance.now() - t) / 1000;
    const rerunOps = await operations();
    const rerun = (await deps.evaluations.jobs().doc(again.runId).get()).data()!;

    await resetOperations();
    t = performance.now();
    // The naive job is slow: it runs on a sample of units (every k-th), and its figures are per person.
    const allUnits = await deps.evaluations.unitCodesOf('40');
    const sample = Math.min(allUnits.length, Number(values['naive-units']));
    const step = allUnits.length / sample;
    const sampled = Array.from({ length: sample }, (_, i) => allUnits[Math.floor(i * step)]!);
    const naivePeople = await naiveRun(db, period, sampled);
    const naiveSeconds = (performance.now() - t) / 1000;
    const naiveOps = await operations();

    const per = (n: number, d: number) => (d === 0 ? 'n/a' : (n / d).toFixed(2));
    console.log(`\ncanbo job (${run.total} unit tasks, ${PARALLEL} at a time):`);
    console.log(
      `  state ${job.state}, ${people} people evaluated, ${job.result?.written ?? 0} results written`,
    );
    console.log(`  wall ${seconds.toFixed(1)} s, ${(people / seconds).toFixed(0)} people/s`);
    console.log(
      `  Firestore: ${ops.reads} reads (${per(ops.reads, people)} per person), ${ops.writes} writes (${per(ops.writes, people)} per person)`,
    );
    console.log(
      `  re-run with the same inputs: ${rerunSeconds.toFixed(1)} s, ${rerun.result?.written ?? 0} results written, ` +
        `${rerunOps.reads} reads, ${rerunOps.writes} writes`,
    );
    console.log(`naive job (document by document), on ${sample} of the ${allUnits.length} units:`);
    console.log(
      `  ${naivePeople} people, wall ${naiveSeconds.toFixed(1)} s, ${(naivePeople / naiveSeconds).toFixed(0)} people/s`,
    );
    console.log(
      `  Firestore: ${naiveOps.reads} reads (${per(naiveOps.reads, naivePeople)} per person), ${naiveOps.writes} writes (${per(naiveOps.writes, naivePeople)} per person)`,
    );
    const ratio =
      (naiveOps.reads + naiveOps.writes) /
      Math.max(1, naivePeople) /
      ((ops.reads + ops.writes) / Math.max(1, people));
    const timeRatio = naiveSeconds / Math.max(1, naivePeople) / (seconds / Math.max(1, people));
    console.log(
      `ratio per person: the naive job makes ${ratio.toFixed(1)}× the Firestore operations of canbo's, and takes ${timeRatio.toFixed(1)}× the time`,
    );
    console.log(
      `targets: wall < 60 s: ${seconds < 60 ? 'met' : 'NOT met'}; writes/person ≤ 1.2: ${ops.writes / people <= 1.2 ? 'met' : 'NOT met'}; ≥ 5× fewer operations: ${ratio >= 5 ? 'met' : 'NOT met'}`,
    );
  } finally {
    child.kill();
  }
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
