/**
 * The evaluation summary, the annual classification and the screening and
 * honours lists against the emulator (issues 12 and 13): what each caller's
 * scope lets them see, the HTXS moderation list, the run's progress, each
 * person listed with the evidence (quarters' levels, satisfaction and rating
 * count), honour decisions audited, and annual documents written once.
 */
import type { AnnualEvaluation, Evaluation, Level, Rating } from '@canbo/model';
import type { Firestore } from 'firebase-admin/firestore';
import { callableHarness, failure } from '../helpers/callable';
import { claims, evaluation, job, person, rating, writeProvince } from '../helpers/province';

const { call, firestore, cleanup } = callableHarness('screening');
let db: Firestore;

/** A result of `total` at `level` (null: not rated), in 18073 unless told. */
const result = (cadreId: string, period: string, total: number | null, extra: Partial<Evaluation> = {}) => {
  const level =
    total === null ? null : total >= 90 ? 'HTXS' : total >= 70 ? 'HTT' : total >= 50 ? 'HT' : 'KHT';
  return evaluation(cadreId, period, {
    total,
    level,
    scoreLevel: level,
    rated: total !== null,
    reasons: total === null ? [] : [{ code: 'score', total, level: level! }],
    ...extra,
  });
};
const in18100 = { unitCode: '18100', communeCode: '18100' };

/** An annual classification (annualEvaluations/{year}_{cadreId}) at `level`, four quarters averaging `average`. */
const annual = (
  cadreId: string,
  year: number,
  level: Level,
  average: number,
  unitCode = '18073',
): AnnualEvaluation => ({
  id: `${year}_${cadreId}`,
  provinceCode: '42',
  communeCode: unitCode,
  year,
  cadreId,
  unitCode,
  quarters: [],
  rated: true,
  periodsRated: 4,
  average,
  level,
  reasons: [{ code: 'average', average, periods: 4, level }],
  digest: `d-${year}-${cadreId}`,
});

/** `n` ratings of one officer in 2026-Q3, an hour apart (no burst flag), `satisfied` of them 5, the rest 2. */
const ratingsOf = (cadreId: string, unitCode: string, n: number, satisfied: number): Rating[] =>
  Array.from({ length: n }, (_, i) =>
    rating(`r-${cadreId}-${i}`, unitCode, {
      cadreId,
      period: '2026-Q3',
      submittedAt: new Date(Date.UTC(2026, 7, 1) + i * 3_600_000).toISOString(),
      criteria: { overall: i < satisfied ? 5 : 2, attitude: 4, timeliness: 5, guidance: 4 },
    }),
  );

beforeAll(async () => {
  db = firestore();
  await writeProvince(
    db,
    [],
    ['c-star', 'c-h1', 'c-t1', 'c-t2', 'c-t3', 'c-weak', 'c-na', 'c-y2', 'c-gap']
      .map((id) => ({
        cadre: person(id, '18073', 'xa_van_thu'),
      }))
      .concat(['c-rude', 'c-b1', 'c-y1'].map((id) => ({ cadre: person(id, '18100', 'xa_van_thu') }))),
  );
  const batch = db.batch();
  for (const e of [
    result('c-star', '2026-Q3', 94.5),
    result('c-h1', '2026-Q3', 92),
    result('c-t1', '2026-Q3', 80),
    result('c-t2', '2026-Q3', 75),
    result('c-t3', '2026-Q3', 71),
    result('c-weak', '2026-Q2', 40),
    result('c-weak', '2026-Q3', 45.5),
    result('c-na', '2026-Q3', null),
    result('c-rude', '2026-Q3', 60, in18100),
    result('c-b1', '2026-Q3', 75, {
      ...in18100,
      review: { level: 'HT', reason: 'Chậm tiến độ', by: 'u-monitor', at: '2026-10-10T00:00:00.000Z' },
    }),
    // c-star's other quarters, for the year.
    result('c-star', '2026-Q1', 88),
    result('c-star', '2026-Q2', 91),
    result('c-star', '2026-Q4', 90.5),
  ])
    batch.set(db.collection('evaluations').doc(e.id), e);
  // Years 2027 and 2028, for the lists of 2029 (its two years before): c-y2 KHT both years, with no quarter
  // of 2029 at all; c-y1 KHT in 2028 only; c-gap KHT in 2028, not classified in 2027.
  for (const a of [
    annual('c-y2', 2027, 'KHT', 41),
    annual('c-y2', 2028, 'KHT', 44.5),
    annual('c-y1', 2027, 'HT', 55, '18100'),
    annual('c-y1', 2028, 'KHT', 45, '18100'),
    annual('c-gap', 2028, 'KHT', 30),
  ])
    batch.set(db.collection('annualEvaluations').doc(a.id), a);
  for (const r of [...ratingsOf('c-star', '18073', 30, 30), ...ratingsOf('c-rude', '18100', 20, 9)])
    batch.set(db.collection('ratings').doc(r.id), r);
  batch.set(
    db.collection('jobs').doc('evaluation_2026-Q3_42'),
    job('evaluation_2026-Q3_42', 'quarterly_evaluation', {
      state: 'running',
      progress: { done: 1, total: 4 },
      result: { evaluated: 8, written: 8, problems: 0, locked: 0 },
    }),
  );
  batch.set(db.collection('jobs').doc('evaluation_2026-Q3_42').collection('units').doc('18073'), {
    unitCode: '18073',
    state: 'done',
    lease: null,
    attempts: 1,
    generation: 1,
    digest: 'x',
    digests: {},
    evaluated: 8,
    written: 8,
    updatedAt: '2026-10-05T19:00:00.000Z',
  });
  await batch.commit();
});

afterAll(() => cleanup());

describe('getEvaluationSummary', () => {
  it('gives the province admin each unit with its levels, reviews, moderation list and the run', async () => {
    const s = await call('getEvaluationSummary', { period: '2026-Q3' });
    expect(s.totals).toEqual({ HTXS: 2, HTT: 3, HT: 2, KHT: 1, notRated: 1 });
    expect(
      s.units.map((u: { unitCode: string; levels: unknown; reviewed: number; averageTotal: number }) => [
        u.unitCode,
        u.levels,
        u.reviewed,
        u.averageTotal,
      ]),
    ).toEqual([
      ['18073', { HTXS: 2, HTT: 3, HT: 0, KHT: 1, notRated: 1 }, 0, 76.33],
      // c-b1's 75 is HTT by score, HT by review: the review counts.
      ['18100', { HTXS: 0, HTT: 0, HT: 2, KHT: 0, notRated: 0 }, 1, 67.5],
    ]);
    // 2 HTXS + 3 HTT = 5 people in the base, 20 %: 1 may be HTXS; c-h1 (92) exceeds.
    expect(s.units[0].moderation).toEqual([
      {
        group: '18073/chung',
        base: 5,
        allowed: 1,
        exceeding: 1,
        candidates: [
          { cadreId: 'c-star', fullName: 'Cán bộ c-star', total: 94.5, withinCeiling: true },
          { cadreId: 'c-h1', fullName: 'Cán bộ c-h1', total: 92, withinCeiling: false },
        ],
      },
    ]);
    expect(s.units[0].run).toEqual({ state: 'done', attempts: 1, evaluated: 8, written: 8 });
    expect(s.units[1].run).toBeNull();
    expect([s.run.state, s.run.progress]).toEqual(['running', { done: 1, total: 4 }]);
    expect(s.people).toBeNull();
  });

  it("gives a commune admin their commune only, and one unit's people on request", async () => {
    const s = await call('getEvaluationSummary', { period: '2026-Q3' }, claims.commune18073);
    expect(s.units.map((u: { unitCode: string }) => u.unitCode)).toEqual(['18073']);
    const one = await call('getEvaluationSummary', { period: '2026-Q3', unitCode: '18100' });
    expect(
      one.people.map((p: { cadreId: string; level: string; reviewLevel: string; effectiveLevel: string }) => [
        p.cadreId,
        p.level,
        p.reviewLevel,
        p.effectiveLevel,
      ]),
    ).toEqual([
      ['c-b1', 'HTT', 'HT', 'HT'],
      ['c-rude', 'HT', null, 'HT'],
    ]);
  });

  it('refuses a unit outside the caller scope, and a cadre account', async () => {
    const f = await failure(
      call('getEvaluationSummary', { period: '2026-Q3', unitCode: '18100' }, claims.commune18073),
    );
    expect(f.code).toBe('permission-denied');
    const c = await failure(
      call(
        'getEvaluationSummary',
        { period: '2026-Q3' },
        { role: 'cadre', province: '42', cadreId: 'c-star' },
      ),
    );
    expect(c.code).toBe('permission-denied');
  });
});

describe('getScreeningLists', () => {
  it('lists each person with the evidence: two KHT quarters, low satisfaction, HTXS with high satisfaction', async () => {
    const l = await call('getScreeningLists', { period: '2026-Q3' });
    expect(l.rules).toEqual({
      consecutiveKhtPeriods: 2,
      consecutiveKhtYears: 2,
      lowSatisfactionShare: 0.5,
      lowSatisfactionMinRatings: 20,
      honoursMinShare: 0.9,
      honoursMinRatings: 30,
    });
    expect(l.screening).toEqual([
      {
        cadreId: 'c-weak',
        fullName: 'Cán bộ c-weak',
        unitCode: '18073',
        communeCode: '18073',
        quarters: [
          { period: '2026-Q2', level: 'KHT', total: 40 },
          { period: '2026-Q3', level: 'KHT', total: 45.5 },
        ],
        years: [
          { year: 2024, level: null },
          { year: 2025, level: null },
        ],
        satisfaction: null,
        reasons: [{ code: 'kht_quarters', periods: ['2026-Q2', '2026-Q3'] }],
      },
      {
        cadreId: 'c-rude',
        fullName: 'Cán bộ c-rude',
        unitCode: '18100',
        communeCode: '18100',
        quarters: [
          { period: '2026-Q2', level: null, total: null },
          { period: '2026-Q3', level: 'HT', total: 60 },
        ],
        years: [
          { year: 2024, level: null },
          { year: 2025, level: null },
        ],
        satisfaction: { ratings: 20, satisfied: 9, share: 0.45 },
        reasons: [{ code: 'low_satisfaction', share: 0.45, ratings: 20 }],
      },
    ]);
    expect(
      l.honours.map((h: { cadreId: string; satisfaction: unknown; decision: unknown }) => [
        h.cadreId,
        h.satisfaction,
        h.decision,
      ]),
    ).toEqual([['c-star', { ratings: 30, satisfied: 30, share: 1 }, null]]);
  });

  it("keeps a commune admin to their commune's people", async () => {
    const l = await call('getScreeningLists', { period: '2026-Q3' }, claims.commune18073);
    expect(l.screening.map((p: { cadreId: string }) => p.cadreId)).toEqual(['c-weak']);
  });

  it('lists KHT in both years before the quarter’s, from the annual documents, without a quarter rated', async () => {
    const l = await call('getScreeningLists', { period: '2029-Q2' });
    expect(l.screening).toEqual([
      {
        cadreId: 'c-y2',
        fullName: 'Cán bộ c-y2',
        unitCode: '18073',
        communeCode: '18073',
        quarters: [
          { period: '2029-Q1', level: null, total: null },
          { period: '2029-Q2', level: null, total: null },
        ],
        years: [
          { year: 2027, level: 'KHT' },
          { year: 2028, level: 'KHT' },
        ],
        satisfaction: null,
        reasons: [{ code: 'kht_years', years: [2027, 2028] }],
      },
    ]);
    expect(l.honours).toEqual([]);
    // A commune admin reads their commune's annual documents only: c-y2 is in 18073.
    const c = await call('getScreeningLists', { period: '2029-Q2' }, claims.commune18073);
    expect(c.screening.map((p: { cadreId: string; reasons: unknown }) => [p.cadreId, p.reasons])).toEqual([
      ['c-y2', [{ code: 'kht_years', years: [2027, 2028] }]],
    ]);
    // The year's own quarters do not move the window: 2030's lists look at 2028 and 2029, and nobody is listed.
    const later = await call('getScreeningLists', { period: '2030-Q1' });
    expect(later.screening).toEqual([]);
  });
});

describe('recordHonour', () => {
  it('records the decision, audited, and the list shows it', async () => {
    const h = await call('recordHonour', {
      cadreId: 'c-star',
      period: '2026-Q3',
      decision: 'honoured',
      reason: 'Đề nghị tặng giấy khen',
    });
    expect([h.id, h.unitCode, h.decision, h.decidedBy]).toEqual([
      '2026-Q3_c-star',
      '18073',
      'honoured',
      'u-admin',
    ]);
    const audit = await db.collection('audit').where('target', '==', 'honours/2026-Q3_c-star').get();
    expect(audit.docs.map((d) => [d.get('action'), d.get('reason'), d.get('after')])).toEqual([
      [
        'screening.honour',
        'Đề nghị tặng giấy khen',
        { decision: 'honoured', reason: 'Đề nghị tặng giấy khen' },
      ],
    ]);
    const l = await call('getScreeningLists', { period: '2026-Q3' });
    expect(l.honours[0].decision).toEqual({
      decision: 'honoured',
      reason: 'Đề nghị tặng giấy khen',
      by: 'u-admin',
      at: h.decidedAt,
    });
  });

  it('refuses someone not rated HTXS, and a commune admin', async () => {
    const f = await failure(
      call('recordHonour', { cadreId: 'c-t1', period: '2026-Q3', decision: 'honoured', reason: 'x' }),
    );
    expect([f.code, f.message]).toEqual([
      'failed-precondition',
      'Quý 2026-Q3, c-t1 không được xếp loại Hoàn thành xuất sắc nhiệm vụ: không thuộc danh sách khen thưởng / c-t1 is not rated HTXS for 2026-Q3: not on the honours list',
    ]);
    const c = await failure(
      call(
        'recordHonour',
        { cadreId: 'c-star', period: '2026-Q3', decision: 'honoured', reason: 'x' },
        claims.commune18073,
      ),
    );
    expect(c.code).toBe('permission-denied');
  });
});

describe('classifyYear', () => {
  it('writes each person’s yearly level from the quarters once, and nothing on a second call', async () => {
    const first = await call('classifyYear', { year: 2026 });
    // c-star: 88, 91, 94.5, 90.5 → 91 HTXS; c-weak: 40, 45.5 → 42.75 KHT; c-na: not rated; c-b1 75 (its review
    // does not change the average rule); others one quarter each.
    expect([first.people, first.written, first.byLevel]).toEqual([
      9,
      9,
      { HTXS: 2, HTT: 4, HT: 1, KHT: 1, notRated: 1 },
    ]);
    const star = (await db.collection('annualEvaluations').doc('2026_c-star').get()).data();
    expect([star?.average, star?.level, star?.periodsRated, star?.unitCode, star?.reasons]).toEqual([
      91,
      'HTXS',
      4,
      '18073',
      [{ code: 'average', average: 91, periods: 4, level: 'HTXS' }],
    ]);
    const weak = (await db.collection('annualEvaluations').doc('2026_c-weak').get()).data();
    expect([weak?.average, weak?.level]).toEqual([42.75, 'KHT']);
    const again = await call('classifyYear', { year: 2026 });
    expect([again.people, again.written]).toEqual([9, 0]);
  });

  it('refuses a commune admin', async () => {
    const f = await failure(call('classifyYear', { year: 2026 }, claims.commune18073));
    expect(f.code).toBe('permission-denied');
  });
});
