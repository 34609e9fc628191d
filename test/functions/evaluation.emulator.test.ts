/**
 * The quarterly evaluation against the emulator (issue 12): the input,
 * preview, review and finalise callables with their scopes and refusals, and
 * the job's guarantees: a run scores every unit once and exactly; a re-run
 * with the same inputs writes nothing; a task that crashes half-way and is
 * retried leaves the results of a clean run; two runs started at once count
 * nothing twice; a finalised unit is left alone (docs/evaluation-job.md).
 */
import type { Firestore } from 'firebase-admin/firestore';
import { EvaluationStore } from '../../functions/src/data/evaluations';
import { systemClock } from '../../functions/src/lib/clock';
import type { Actor } from '../../functions/src/lib/actor';
import { defaultDeps, evaluationDeps } from '../../functions/src/services';
import {
  evaluateUnitTask,
  LeaseHeld,
  runEvaluation,
  startRun,
  type EvaluationDeps,
} from '../../functions/src/services/evaluation';
import { LEASE_MS } from '../../functions/src/services/evaluation/evaluate-unit';
import { LocalQueue } from '../../functions/src/services/evaluation/local-queue';
import { callableHarness, failure } from '../helpers/callable';
import { claims, evaluationInput, person, writeProvince } from '../helpers/province';

const { call, firestore, cleanup } = callableHarness('evaluation');

let now = new Date('2026-10-06T02:00:00.000Z');
jest.spyOn(systemClock, 'now').mockImplementation(() => now);

const admin: Actor = { uid: 'u-admin', role: 'province_admin', province: '42', communes: [], cadreId: null };
const monitor = { role: 'area_monitor', province: '42', communes: ['18073'] };

let db: Firestore;
let store: EvaluationStore;

/** The inputs of the fixture: three people of 18073 (a chief among them) and one of 18100. */
const scoringOf = (completed: number, leader = false) => {
  const base = evaluationInput('x', '2026-Q3').scoring;
  return {
    ...base,
    general: leader
      ? { politics: 5, ethics_discipline: 5, leadership: 16, service_attitude: 2, innovation: 2 }
      : base.general,
    products: base.products.map((p, i) => ({ ...p, completed: i < completed })),
    leader: leader ? { subordinateLevels: [], organisation: 'full' as const, thirdCriterion: 100 } : null,
  };
};

async function recordAll(period: string): Promise<void> {
  const rows: [string, ReturnType<typeof scoringOf>, Record<string, unknown>][] = [
    ['c-chief', scoringOf(4, true), claims.commune18073],
    ['c-good', scoringOf(4), claims.commune18073],
    ['c-weak', scoringOf(1), claims.commune18073],
    ['c-away', scoringOf(3), claims.admin],
  ];
  for (const [cadreId, scoring, token] of rows)
    await call('recordEvaluationInputs', { cadreId, period, scoring }, token, 'u-recorder');
}

const deps = (queue = new LocalQueue()): EvaluationDeps & { queue: LocalQueue } =>
  ({ ...evaluationDeps(db, defaultDeps, queue), queue }) as EvaluationDeps & { queue: LocalQueue };

async function results(period: string) {
  const snap = await store.results().where('provinceCode', '==', '42').where('period', '==', period).get();
  return new Map(snap.docs.map((d) => [d.id, { data: d.data(), updateTime: d.updateTime.toMillis() }]));
}

beforeAll(async () => {
  db = firestore();
  store = new EvaluationStore(db);
  await writeProvince(
    db,
    [],
    [
      { cadre: person('c-chief', '18073', 'xa_chu_tich_ubnd') },
      { cadre: person('c-good', '18073', 'xa_van_thu') },
      { cadre: person('c-weak', '18073', 'xa_ke_toan') },
      { cadre: person('c-away', '18100', 'xa_van_thu') },
    ],
  );
  await recordAll('2026-Q3');
});

afterAll(() => cleanup());

describe('recording inputs', () => {
  it('stores the input with who recorded it, and audits it', async () => {
    const input = (await store.inputs().doc('2026-Q3_c-good').get()).data()!;
    expect([
      input.unitCode,
      input.communeCode,
      input.taskGroup,
      input.updatedBy,
      input.selfAssessment,
    ]).toEqual(['18073', '18073', 'chung', 'u-recorder', null]);
    const audit = await db.collection('audit').where('target', '==', 'evaluationInputs/2026-Q3_c-good').get();
    expect(audit.docs.map((d) => [d.get('action'), d.get('reason')])).toEqual([
      [
        'evaluation.recordInputs',
        'Ghi nhận thông tin đánh giá quý 2026-Q3 / evaluation inputs recorded for 2026-Q3',
      ],
    ]);
  });

  it('refuses a commune admin for someone of another commune, and a viewer for anyone', async () => {
    const away = await failure(
      call(
        'recordEvaluationInputs',
        { cadreId: 'c-away', period: '2026-Q3', scoring: scoringOf(4) },
        claims.commune18073,
      ),
    );
    expect([away.code, away.message]).toEqual([
      'permission-denied',
      'Ngoài phạm vi quản lý / outside your scope',
    ]);
    const viewer = await failure(
      call(
        'recordEvaluationInputs',
        { cadreId: 'c-good', period: '2026-Q3', scoring: scoringOf(4) },
        claims.viewer,
      ),
    );
    expect(viewer.code).toBe('permission-denied');
  });

  it('refuses a general part over its maximum, naming the field', async () => {
    const bad = {
      ...scoringOf(4),
      general: { politics_ethics: 16, service_attitude: 10, self_criticism: 5 },
    };
    const f = await failure(
      call('recordEvaluationInputs', { cadreId: 'c-good', period: '2026-Q3', scoring: bad }),
    );
    expect([f.code, f.details?.fields]).toEqual([
      'invalid-argument',
      [
        {
          path: 'scoring.general.politics_ethics',
          message:
            'Tiêu chí chung "politics_ethics" được 16 điểm, vượt mức tối đa 15 / general criterion "politics_ethics" has 16 points, over its maximum of 15',
        },
      ],
    ]);
  });

  it('lets the person add a self-assessment to an existing form only', async () => {
    const cadre = { role: 'cadre', province: '42', cadreId: 'c-good' };
    await call(
      'recordSelfAssessment',
      { period: '2026-Q3', text: 'Hoàn thành tốt nhiệm vụ.' },
      cadre,
      'u-good',
    );
    expect((await store.inputs().doc('2026-Q3_c-good').get()).data()!.selfAssessment).toBe(
      'Hoàn thành tốt nhiệm vụ.',
    );
    const none = await failure(
      call('recordSelfAssessment', { period: '2026-Q1', text: 'x' }, cadre, 'u-good'),
    );
    expect([none.code, none.message]).toEqual([
      'not-found',
      'Quý 2026-Q1 chưa có phiếu đánh giá của c-good / no 2026-Q1 evaluation form for c-good yet',
    ]);
  });
});

describe('previewEvaluation', () => {
  it('answers every sub-score, the total, the level and why, saving nothing', async () => {
    const r = await call('previewEvaluation', { scoring: scoringOf(3) }, claims.viewer);
    // 3 of 4 done: 75 % of 70 = 52.5, + 30 = 82.5.
    expect(r).toEqual({
      rated: true,
      general: {
        points: 30,
        parts: [
          { id: 'politics_ethics', points: 15, max: 15 },
          { id: 'service_attitude', points: 10, max: 10 },
          { id: 'self_criticism', points: 5, max: 5 },
        ],
      },
      tasks: { a: 75, b: 75, c: 75, d: null, dd: null, e: null, percent: 75, points: 52.5 },
      total: 82.5,
      scoreLevel: 'HTT',
      level: 'HTT',
      reasons: [{ code: 'score', total: 82.5, level: 'HTT' }],
    });
  });

  it('refuses a cadre account', async () => {
    const f = await failure(
      call(
        'previewEvaluation',
        { scoring: scoringOf(3) },
        { role: 'cadre', province: '42', cadreId: 'c-good' },
      ),
    );
    expect(f.code).toBe('permission-denied');
  });
});

describe('the quarterly run', () => {
  it('scores every unit once, with exact progress', async () => {
    const d = deps();
    const started = await runEvaluation(d, admin, { period: '2026-Q3' });
    expect(started).toEqual({
      runId: 'evaluation_2026-Q3_42',
      generation: 1,
      enqueued: 4,
      total: 4,
      resumed: false,
      alreadyDone: false,
    });
    await d.queue.drain(d);
    const job = (await store.jobs().doc('evaluation_2026-Q3_42').get()).data()!;
    expect([job.state, job.progress, job.result, job.provinceCode, job.kind]).toEqual([
      'succeeded',
      { done: 4, total: 4 },
      { evaluated: 4, written: 4, problems: 0, locked: 0 },
      '42',
      'quarterly_evaluation',
    ]);
    const r = await results('2026-Q3');
    // c-weak: 1 of 4 → 17.5 + 30 = 47.5, KHT; the chief's d is then 50 %: (300 + 50 + 100 + 100) / 6 × 0.7 + 30 = 94.17.
    expect(
      [...r.values()].map(({ data }) => [data.cadreId, data.total, data.level, data.tasks?.d ?? null]),
    ).toEqual([
      ['c-away', 82.5, 'HTT', null],
      ['c-chief', 94.17, 'HTXS', 50],
      ['c-good', 100, 'HTXS', null],
      ['c-weak', 47.5, 'KHT', null],
    ]);
  });

  it('the schedule leaves a quarter that was run to the end alone', async () => {
    const d = deps();
    const r = await startRun(
      d,
      { period: '2026-Q3', provinceCode: '42', by: 'schedule' },
      { restartFinished: false },
    );
    expect(r).toEqual({
      runId: 'evaluation_2026-Q3_42',
      generation: 1,
      enqueued: 0,
      total: 4,
      resumed: false,
      alreadyDone: true,
    });
    expect(d.queue.pending).toEqual([]);
  });

  it('writes nothing when run again with the same inputs', async () => {
    const before = await results('2026-Q3');
    const d = deps();
    const again = await runEvaluation(d, admin, { period: '2026-Q3' });
    expect([again.generation, again.resumed]).toEqual([2, false]);
    await d.queue.drain(d);
    const job = (await store.jobs().doc('evaluation_2026-Q3_42').get()).data()!;
    expect([job.state, job.progress, job.result]).toEqual([
      'succeeded',
      { done: 4, total: 4 },
      { evaluated: 4, written: 0, problems: 0, locked: 0 },
    ]);
    const after = await results('2026-Q3');
    expect([...after.entries()].map(([id, v]) => [id, v.updateTime])).toEqual(
      [...before.entries()].map(([id, v]) => [id, v.updateTime]),
    );
  });

  it('writes only what a changed input changes: the person, and their leader when d moves', async () => {
    await call(
      'recordEvaluationInputs',
      { cadreId: 'c-weak', period: '2026-Q3', scoring: scoringOf(3) },
      claims.commune18073,
    );
    const d = deps();
    await runEvaluation(d, admin, { period: '2026-Q3' });
    await d.queue.drain(d);
    const job = (await store.jobs().doc('evaluation_2026-Q3_42').get()).data()!;
    expect(job.result).toEqual({ evaluated: 4, written: 2, problems: 0, locked: 0 });
    const r = await results('2026-Q3');
    expect([r.get('2026-Q3_c-weak')!.data.level, r.get('2026-Q3_c-chief')!.data.tasks?.d]).toEqual([
      'HTT',
      100,
    ]);
  });

  it('two runs started at once count every unit once', async () => {
    await recordAll('2026-Q2');
    const queue = new LocalQueue();
    const d = deps(queue);
    const [a, b] = await Promise.all([
      runEvaluation(d, admin, { period: '2026-Q2' }),
      runEvaluation(d, admin, { period: '2026-Q2' }),
    ]);
    expect([a.generation, b.generation, [a.resumed, b.resumed].sort()]).toEqual([1, 1, [false, true]]);
    expect(queue.pending.length).toBe(8);
    await queue.drain(d, { parallel: 4 });
    const job = (await store.jobs().doc('evaluation_2026-Q2_42').get()).data()!;
    expect([job.state, job.progress, job.result]).toEqual([
      'succeeded',
      { done: 4, total: 4 },
      { evaluated: 4, written: 4, problems: 0, locked: 0 },
    ]);
  });

  it('a task that crashes half-way and is retried leaves the results of a clean run', async () => {
    await recordAll('2026-Q1');
    const clean = await results('2026-Q2');
    const queue = new LocalQueue();
    const d = deps(queue);
    await runEvaluation(d, admin, { period: '2026-Q1' });
    const unitTask = queue.pending.find((t) => t.unitCode === '18073')!;
    // The first attempt writes one result of three and dies.
    const writeResults = EvaluationStore.prototype.writeResults;
    const write = jest
      .spyOn(EvaluationStore.prototype, 'writeResults')
      .mockImplementationOnce(async function (this: EvaluationStore, rs) {
        await writeResults.call(this, rs.slice(0, 1));
        throw new Error('worker died');
      });
    await expect(evaluateUnitTask(d, unitTask, 'task-18073')).rejects.toThrow('worker died');
    write.mockRestore();
    // Another task for the unit waits for the lease; the queue's retry of the same task takes it at once.
    await expect(evaluateUnitTask(d, unitTask, 'task-duplicate')).rejects.toBeInstanceOf(LeaseHeld);
    const retried = await evaluateUnitTask(d, unitTask, 'task-18073');
    expect(retried).toEqual({ state: 'done', evaluated: 3, written: 3, problems: 0 });
    await queue.drain(d);
    const crashed = await results('2026-Q1');
    const strip = (m: Awaited<ReturnType<typeof results>>) =>
      [...m.values()].map(({ data }) => ({
        ...data,
        id: data.cadreId,
        period: '-',
        inputsDigest: '-',
        inputsUpdatedAt: '-',
      }));
    expect(strip(crashed)).toEqual(strip(clean));
    const job = (await store.jobs().doc('evaluation_2026-Q1_42').get()).data()!;
    expect([job.state, job.progress]).toEqual(['succeeded', { done: 4, total: 4 }]);
  });

  it('a lease past its time may be taken over by another attempt', async () => {
    const queue = new LocalQueue();
    const d = deps(queue);
    await recordAll('2025-Q4');
    await runEvaluation(d, admin, { period: '2025-Q4' });
    const unitTask = queue.pending.find((t) => t.unitCode === '18073')!;
    jest.spyOn(EvaluationStore.prototype, 'inputsOfUnit').mockRejectedValueOnce(new Error('worker died'));
    await expect(evaluateUnitTask(d, unitTask, 'attempt-1')).rejects.toThrow('worker died');
    await expect(evaluateUnitTask(d, unitTask, 'attempt-2')).rejects.toBeInstanceOf(LeaseHeld);
    const saved = now;
    now = new Date(now.getTime() + LEASE_MS + 1000);
    try {
      expect(await evaluateUnitTask(d, unitTask, 'attempt-2')).toEqual({
        state: 'done',
        evaluated: 3,
        written: 3,
        problems: 0,
      });
    } finally {
      now = saved;
    }
  });
});

describe('review and finalisation', () => {
  it('an area monitor confirms or changes a level with a reason; a run keeps it', async () => {
    const r = await call(
      'reviewEvaluation',
      {
        cadreId: 'c-good',
        period: '2026-Q3',
        level: 'HTT',
        reason: 'Vượt tỷ lệ hoàn thành xuất sắc của đơn vị',
      },
      monitor,
      'u-monitor',
    );
    expect([r.level, r.review.level, r.review.by]).toEqual(['HTXS', 'HTT', 'u-monitor']);
    const d = deps();
    await runEvaluation(d, admin, { period: '2026-Q3' });
    await d.queue.drain(d);
    const kept = (await store.results().doc('2026-Q3_c-good').get()).data()!;
    expect([kept.level, kept.review?.level, kept.review?.reason]).toEqual([
      'HTXS',
      'HTT',
      'Vượt tỷ lệ hoàn thành xuất sắc của đơn vị',
    ]);
  });

  it('finalising locks the unit: inputs and reviews are refused, the run leaves it alone', async () => {
    expect(await call('finaliseEvaluations', { period: '2026-Q3', unitCode: '18073' })).toEqual({
      id: '2026-Q3_18073',
      evaluations: 3,
    });
    const input = await failure(
      call(
        'recordEvaluationInputs',
        { cadreId: 'c-good', period: '2026-Q3', scoring: scoringOf(1) },
        claims.commune18073,
      ),
    );
    expect([input.code, input.message]).toEqual([
      'failed-precondition',
      'Kết quả quý 2026-Q3 của đơn vị 18073 đã được chốt, không thể thay đổi / the 2026-Q3 results of unit 18073 are final and cannot change',
    ]);
    const review = await failure(
      call(
        'reviewEvaluation',
        { cadreId: 'c-good', period: '2026-Q3', level: 'HT', reason: 'x' },
        monitor,
        'u-monitor',
      ),
    );
    expect(review.code).toBe('failed-precondition');
    const again = await failure(call('finaliseEvaluations', { period: '2026-Q3', unitCode: '18073' }));
    expect(again.code).toBe('failed-precondition');
    const d = deps();
    await runEvaluation(d, admin, { period: '2026-Q3' });
    await d.queue.drain(d);
    const job = (await store.jobs().doc('evaluation_2026-Q3_42').get()).data()!;
    expect([job.state, job.result]).toEqual([
      'succeeded',
      { evaluated: 1, written: 0, problems: 0, locked: 1 },
    ]);
  });

  it('refuses to finalise a unit without results, and a commune admin', async () => {
    const none = await failure(call('finaliseEvaluations', { period: '2026-Q3', unitCode: '18115' }));
    expect([none.code, none.message]).toEqual([
      'failed-precondition',
      'Đơn vị 18115 chưa có kết quả đánh giá quý 2026-Q3 để chốt / unit 18115 has no 2026-Q3 results to finalise',
    ]);
    const commune = await failure(
      call('finaliseEvaluations', { period: '2026-Q3', unitCode: '18100' }, claims.commune18073),
    );
    expect(commune.code).toBe('permission-denied');
  });

  it('runEvaluation is for province admins of the province', async () => {
    const f = await failure(call('runEvaluation', { period: '2026-Q3' }, claims.commune18073));
    expect(f.code).toBe('permission-denied');
    const other = await failure(call('runEvaluation', { period: '2026-Q3', provinceCode: '40' }));
    expect(other.code).toBe('permission-denied');
  });
});
