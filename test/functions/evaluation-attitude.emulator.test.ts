/**
 * The quarterly job with the attitude part taken from citizens' ratings
 * (rules.attitudeFromSatisfaction; docs/evaluation-job.md): the unit's task
 * reads the quarter's ratings of its commune, scores them with the
 * satisfaction area's functions and its small-sample rule, and writes the
 * result with the attitude evidence; with the rule off, nothing is read and
 * the reviewer's points stand.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { EvaluationStore } from '../../functions/src/data/evaluations';
import { DEFAULT_EVALUATION_RULES } from '../../functions/src/domain/evaluation/rules';
import { defaultDeps, evaluationDeps } from '../../functions/src/services';
import { type EvaluationDeps, startRun } from '../../functions/src/services/evaluation';
import { LocalQueue } from '../../functions/src/services/evaluation/local-queue';
import { callableHarness } from '../helpers/callable';
import { evaluationInput, person, rating, writeProvince } from '../helpers/province';

const { firestore, cleanup } = callableHarness('evaluation-attitude');
let db: Firestore;

const deps = (attitudeFromSatisfaction: boolean) => {
  const queue = new LocalQueue();
  const d: EvaluationDeps = {
    ...evaluationDeps(db, defaultDeps, queue),
    rules: { ...DEFAULT_EVALUATION_RULES, attitudeFromSatisfaction },
  };
  return { d, queue };
};

beforeAll(async () => {
  db = firestore();
  await writeProvince(
    db,
    [],
    ['c-rated', 'c-few'].map((id) => ({ cadre: person(id, '18073', 'xa_van_thu') })),
  );
  const batch = db.batch();
  for (const id of ['c-rated', 'c-few']) {
    const input = evaluationInput(id, '2026-Q3');
    batch.set(db.collection('evaluationInputs').doc(input.id), input);
  }
  // c-rated: 25 ratings an hour apart, 22 satisfied (overall 5), 3 not (overall 2); c-few: 5 ratings, all satisfied.
  const ratings = [
    ...Array.from({ length: 25 }, (_, i) => ({
      id: `r-rated-${i}`,
      cadreId: 'c-rated',
      overall: i < 22 ? 5 : 2,
      i,
    })),
    ...Array.from({ length: 5 }, (_, i) => ({ id: `r-few-${i}`, cadreId: 'c-few', overall: 5, i: 100 + i })),
  ];
  for (const r of ratings)
    batch.set(
      db.collection('ratings').doc(r.id),
      rating(r.id, '18073', {
        cadreId: r.cadreId,
        period: '2026-Q3',
        submittedAt: new Date(Date.UTC(2026, 7, 1) + r.i * 3_600_000).toISOString(),
        criteria: { overall: r.overall as 2 | 5, attitude: 4, timeliness: 5, guidance: 4 },
      }),
    );
  await batch.commit();
});

afterAll(() => cleanup());

it('with the rule on, scores the attitude part from the ratings and records the evidence', async () => {
  const { d, queue } = deps(true);
  await startRun(d, { period: '2026-Q3', provinceCode: '42', by: 'test' });
  await queue.drain(d);
  const store = new EvaluationStore(db);
  const rated = (await store.results().doc('2026-Q3_c-rated').get()).data()!;
  // Unit share 27/30 = 0.9; c-rated shrunk: (22 + 10 × 0.9) / (25 + 10) = 31/35 ≈ 0.886 → band 0.8 → 8 of 10 points.
  // General 15 + 8 + 5 = 28, tasks 70: 98.
  expect([rated.general.points, rated.total, rated.level]).toEqual([28, 98, 'HTXS']);
  expect(rated.attitude).toEqual({
    partId: 'service_attitude',
    ratings: 25,
    estimate: 31 / 35,
    applied: true,
    satisfactionPoints: 8,
    satisfactionMax: 10,
    reviewerPoints: 10,
  });
  // 5 ratings are under the minimum of 10: the reviewer's 10 points stand.
  const few = (await store.results().doc('2026-Q3_c-few').get()).data()!;
  expect([few.general.points, few.total, few.attitude?.applied, few.attitude?.ratings]).toEqual([
    30,
    100,
    false,
    5,
  ]);
});

it('with the rule off (the default), the results carry no attitude evidence and keep the typed points', async () => {
  const { d, queue } = deps(false);
  const store = new EvaluationStore(db);
  await db.collection('jobs').doc('evaluation_2026-Q3_42').delete();
  for (const u of (await store.unitRuns('evaluation_2026-Q3_42').get()).docs) await u.ref.delete();
  await startRun(d, { period: '2026-Q3', provinceCode: '42', by: 'test' });
  await queue.drain(d);
  const rated = (await store.results().doc('2026-Q3_c-rated').get()).data()!;
  expect([rated.general.points, rated.total, rated.attitude]).toEqual([30, 100, null]);
});
