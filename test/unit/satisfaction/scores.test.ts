/**
 * Satisfaction scores (docs/satisfaction.md): counts, shares, means and trips;
 * the minimum below which an officer is "insufficient"; shrinkage toward the
 * unit's share that never passes it; gaming flags held out of the counts;
 * Decision 766's ratios; the mapping to the attitude points of Decree 335.
 * Expected values are written out (computed by hand or with scipy).
 */
import { DEFAULT_SATISFACTION_CONFIG, type SatisfactionConfig } from '@canbo/model';
import {
  attitudePoints,
  counts,
  decision766Ratios,
  gamingFlags,
  periodOf,
  quarterlySatisfaction,
  shrunkShare,
  summarize,
  vietnamDayOf,
  type ScoredRating,
} from '../../../functions/src/domain/satisfaction';

let seq = 0;
/** A rating of the fourth quarter of 2026, an hour apart from the previous one unless `at` says. */
function r(overall: 1 | 2 | 3 | 4 | 5, extra: Partial<ScoredRating> = {}): ScoredRating {
  seq++;
  return {
    id: `R-${String(seq).padStart(6, '0')}`,
    unitCode: '18073',
    cadreId: 'c-a',
    criteria: { overall, attitude: overall, timeliness: 4, guidance: 3 },
    trips: 0,
    submittedAt: new Date(Date.parse('2026-10-01T01:00:00Z') + seq * 3600_000).toISOString(),
    ...extra,
  };
}
const many = (n: number, overall: 1 | 2 | 3 | 4 | 5, extra: Partial<ScoredRating> = {}) =>
  Array.from({ length: n }, () => r(overall, extra));

const config: SatisfactionConfig = DEFAULT_SATISFACTION_CONFIG;

describe('summaries', () => {
  test('count, satisfied (overall 4 or 5), means per criterion and trips', () => {
    const s = summarize(
      [
        r(5, { trips: 0 }),
        r(4, { trips: 1 }),
        r(3, { trips: 2 }),
        r(1, { trips: 2, criteria: { overall: 1 } }),
      ],
      config,
    );
    expect(s).toEqual({
      count: 4,
      satisfied: 2,
      share: 0.5,
      means: { overall: 3.25, attitude: 4, timeliness: 4, guidance: 3 },
      trips: { 0: 1, 1: 1, 2: 2 },
    });
    expect(summarize([], config)).toEqual({
      count: 0,
      satisfied: 0,
      share: null,
      means: {},
      trips: { 0: 0, 1: 0, 2: 0 },
    });
  });

  test('a rating counts in the quarter of its submission, Vietnam time', () => {
    // 31 December 17:30 UTC is 1 January 00:30 in Vietnam.
    expect(periodOf({ submittedAt: '2026-12-31T17:30:00.000Z' })).toBe('2027-Q1');
    expect(periodOf({ submittedAt: '2026-12-31T16:59:00.000Z' })).toBe('2026-Q4');
    expect(periodOf({ submittedAt: '2026-07-01T00:00:00.000Z' })).toBe('2026-Q3');
    expect(periodOf({ submittedAt: '2026-07-01T00:00:00.000Z', period: '2026-Q2' })).toBe('2026-Q2');
  });
});

describe('small samples', () => {
  const officer = (ratings: ScoredRating[], cfg = config, cadreId = 'c-a') =>
    quarterlySatisfaction(ratings, '2026-Q4', cfg).officers.find((o) => o.cadreId === cadreId)!;

  test('below the minimum an officer is insufficient: a count, no share, no interval', () => {
    const o = officer([...many(9, 5), ...many(20, 4, { cadreId: 'c-b' })]);
    expect(o).toMatchObject({
      count: 9,
      satisfied: 9,
      status: 'insufficient',
      estimate: null,
      interval: null,
    });
  });

  test('at the minimum the officer is scored', () => {
    const o = officer([...many(10, 5), ...many(10, 2, { cadreId: 'c-b' })]);
    // unit 10 of 20 satisfied: (10 + 10 × 0.5) / (10 + 10) = 0.75
    expect(o.status).toBe('scored');
    expect(o.estimate).toBeCloseTo(0.75, 12);
  });

  test('two ratings of 1 cannot make an officer look worse than forty ratings at 80 % satisfied', () => {
    const ratings = [
      ...many(2, 1, { cadreId: 'c-a' }),
      ...many(32, 5, { cadreId: 'c-b' }),
      ...many(8, 2, { cadreId: 'c-b' }),
    ];
    const a = officer(ratings, config, 'c-a');
    const b = officer(ratings, config, 'c-b');
    // By default A has too few ratings to be scored: no number to rank below B, no attitude points lost.
    expect(a).toMatchObject({ count: 2, status: 'insufficient', estimate: null });
    expect(attitudePoints(a, 10, config)).toBeNull();
    // B: unit share 32/42; (32 + 10 × 32/42) / 50 = 0.79238…
    expect(b.estimate).toBeCloseTo(0.792381, 6);
    expect(b.interval!.low).toBeCloseTo(0.670888, 5);
    expect(b.interval!.high).toBeCloseTo(0.891773, 5);
    // Even with a minimum of 2, A's estimate is pulled toward the unit (0.63492…, not 0) and its
    // interval still contains B's estimate: two ratings cannot tell A from B.
    const lowMin = { ...config, minRatings: 2 };
    const a2 = officer(ratings, lowMin, 'c-a');
    expect(a2.estimate).toBeCloseTo(0.634921, 6);
    expect(a2.interval!.low).toBeCloseTo(0.357852, 5);
    expect(a2.interval!.high).toBeCloseTo(0.869557, 5);
    expect(a2.interval!.high).toBeGreaterThan(b.estimate!);
  });

  test('all 5s and all 1s', () => {
    const fives = officer(many(12, 5));
    expect(fives).toMatchObject({ count: 12, satisfied: 12, share: 1, estimate: 1, status: 'scored' });
    expect(fives.interval!.low).toBeCloseTo(0.890946, 5);
    expect(fives.interval!.high).toBeCloseTo(0.999977, 5);
    const ones = officer(many(12, 1));
    expect(ones).toMatchObject({ count: 12, satisfied: 0, share: 0, estimate: 0, status: 'scored' });
    expect(ones.interval!.low).toBeCloseTo(0.0000226, 6);
    expect(ones.interval!.high).toBeCloseTo(0.109054, 5);
  });

  test('shrinkage toward the unit: worked cases', () => {
    // 9 of 10 satisfied in a unit at 60 %, strength 10: (9 + 6) / 20.
    expect(shrunkShare(9, 10, 0.6, 10).estimate).toBe(0.75);
    // Strength 0 is the officer's own share.
    expect(shrunkShare(9, 10, 0.6, 0).estimate).toBe(0.9);
  });
});

describe('units', () => {
  test("a unit's share with Jeffreys' interval, and ratings without an officer count for the unit only", () => {
    const q = quarterlySatisfaction(
      [...many(32, 4, { cadreId: null }), ...many(10, 2, { cadreId: null })],
      '2026-Q4',
      config,
    );
    expect(q.officers).toEqual([]);
    expect(q.units).toHaveLength(1);
    expect(q.units[0]).toMatchObject({ unitCode: '18073', count: 42, satisfied: 32, flagged: 0 });
    expect(q.units[0]!.interval!.low).toBeCloseTo(0.618626, 5);
    expect(q.units[0]!.interval!.high).toBeCloseTo(0.870501, 5);
  });

  test('ratings of other quarters are left out', () => {
    const q = quarterlySatisfaction(
      [r(5), r(5, { submittedAt: '2026-09-30T10:00:00.000Z' })],
      '2026-Q4',
      config,
    );
    expect(q.units[0]!.count).toBe(1);
  });
});

describe('gaming flags', () => {
  test('a burst of ratings for one officer within the window is flagged, and held out of the counts', () => {
    const base = Date.parse('2026-11-02T02:00:00Z');
    const at = (min: number) => new Date(base + min * 60_000).toISOString();
    const burst = [0, 5, 10, 20, 30].map((m) => r(5, { cadreId: 'c-x', submittedAt: at(m) }));
    const apart = [0, 31, 62, 93].map((m) => r(5, { cadreId: 'c-y', submittedAt: at(m) }));
    const flags = gamingFlags([...burst, ...apart], config);
    expect(burst.map((x) => flags.get(x.id))).toEqual([
      ['burst'],
      ['burst'],
      ['burst'],
      ['burst'],
      ['burst'],
    ]);
    expect(apart.map((x) => flags.get(x.id))).toEqual([undefined, undefined, undefined, undefined]);
    const q = quarterlySatisfaction([...burst, ...apart], '2026-Q4', config);
    expect(q.officers.find((o) => o.cadreId === 'c-x')).toMatchObject({ count: 0, flagged: 5 });
    expect(q.units[0]).toMatchObject({ count: 4, flagged: 5 });
  });

  test('the sixth rating from one client on a day, and a rating before the return, are flagged', () => {
    const fifth = r(5, { clientSeq: 5 });
    const sixth = r(5, { clientSeq: 6 });
    const early = r(5, { submittedAt: '2026-11-09T10:00:00.000Z', returnedOn: '2026-11-10' });
    // 17:30 UTC on the 9th is the 10th in Vietnam: not before a return on the 10th.
    const sameDay = r(5, { submittedAt: '2026-11-09T17:30:00.000Z', returnedOn: '2026-11-10' });
    const withdrawn = r(5, { returnedOn: null });
    const legacy = r(5);
    const flags = gamingFlags([fifth, sixth, early, sameDay, withdrawn, legacy], config);
    expect([fifth, sixth, early, sameDay, withdrawn, legacy].map((x) => flags.get(x.id))).toEqual([
      undefined,
      ['many_from_client'],
      ['before_return'],
      undefined,
      ['before_return'],
      undefined,
    ]);
  });

  test("a reviewer's decision puts a flagged rating back, or keeps any rating out", () => {
    const kept = r(5, {
      clientSeq: 9,
      review: { decision: 'count', by: 'u-admin', at: '2026-12-01T00:00:00.000Z' },
    });
    const out = r(5, { review: { decision: 'exclude', by: 'u-admin', at: '2026-12-01T00:00:00.000Z' } });
    const q = quarterlySatisfaction([kept, out, r(4)], '2026-Q4', config);
    expect(q.units[0]).toMatchObject({ count: 2, flagged: 1 });
    expect(q.flagged).toEqual([{ id: kept.id, flags: ['many_from_client'] }]);
  });
});

describe("Decision 766's ratios", () => {
  test('satisfaction with procedures from the ratings, on-time returns from the receipts of the quarter', () => {
    const ratings = [...many(7, 5), ...many(2, 3), r(1), r(5, { unitCode: '18100' })];
    const receipts = [
      { unitCode: '18073', dueOn: '2026-10-10', returnedOn: '2026-10-10' },
      { unitCode: '18073', dueOn: '2026-10-10', returnedOn: '2026-10-09' },
      { unitCode: '18073', dueOn: '2026-10-10', returnedOn: '2026-10-12' },
      { unitCode: '18073', dueOn: null, returnedOn: '2026-10-12' },
      { unitCode: '18073', dueOn: '2026-09-10', returnedOn: '2026-09-10' },
      { unitCode: '18073', dueOn: '2026-12-30', returnedOn: null },
      { unitCode: '18100', dueOn: '2026-10-10', returnedOn: '2026-10-20' },
    ];
    expect(decision766Ratios('18073', '2026-Q4', ratings, receipts, 4)).toEqual({
      unitCode: '18073',
      period: '2026-Q4',
      procedureSatisfaction: { percent: 70, numerator: 7, denominator: 10 },
      onTimeReturn: { percent: 66.67, numerator: 2, denominator: 3 },
      feedbackHandledOnTime: null,
      feedbackSatisfaction: null,
    });
    expect(decision766Ratios('18200', '2026-Q4', ratings, receipts, 4).procedureSatisfaction).toEqual({
      percent: null,
      numerator: 0,
      denominator: 0,
    });
  });
});

describe("the attitude part of Decree 335's general points", () => {
  const scored = (estimate: number) => ({ status: 'scored' as const, estimate });

  test('the default bands give a fraction of the part by satisfied share', () => {
    expect(attitudePoints(scored(0.95), 10, config)).toEqual({ points: 10, max: 10, share: 0.95 });
    expect(attitudePoints(scored(0.9), 10, config)).toEqual({ points: 10, max: 10, share: 0.9 });
    expect(attitudePoints(scored(0.89), 10, config)).toEqual({ points: 8, max: 10, share: 0.89 });
    expect(attitudePoints(scored(0.7), 2, config)).toEqual({ points: 1.2, max: 2, share: 0.7 });
    expect(attitudePoints(scored(0.55), 10, config)).toEqual({ points: 4, max: 10, share: 0.55 });
    expect(attitudePoints(scored(0.1), 10, config)).toEqual({ points: 2, max: 10, share: 0.1 });
  });

  test('a weight gives satisfaction part of a mixed criterion; no band below the lowest gives 0', () => {
    const cfg = { attitude: { weight: 0.5, bands: [{ minShare: 0.8, fraction: 1 }] } };
    expect(attitudePoints(scored(0.85), 10, cfg)).toEqual({ points: 5, max: 5, share: 0.85 });
    expect(attitudePoints(scored(0.75), 10, cfg)).toEqual({ points: 0, max: 5, share: 0.75 });
    expect(attitudePoints({ status: 'insufficient', estimate: null }, 10, cfg)).toBeNull();
  });
});

describe('the Vietnam calendar day', () => {
  test('is the UTC+7 day of the instant, as YYYY-MM-DD', () => {
    expect(vietnamDayOf('2026-12-31T17:30:00.000Z')).toBe('2027-01-01');
    expect(vietnamDayOf('2026-12-31T16:59:59.000Z')).toBe('2026-12-31');
  });
});

describe('several units in one quarter', () => {
  const at = (day: string, min: number) =>
    new Date(Date.parse(`${day}T02:00:00Z`) + min * 60_000).toISOString();

  test("each unit's share counts only its own ratings, and each officer is shrunk toward their own unit", () => {
    const ratings = [
      ...many(10, 5, { unitCode: '18073', cadreId: 'c-a' }),
      ...many(6, 5, { unitCode: '18100', cadreId: 'c-b' }),
      ...many(4, 2, { unitCode: '18100', cadreId: 'c-b' }),
    ];
    const q = quarterlySatisfaction(ratings, '2026-Q4', config);
    expect(q.units).toEqual([
      {
        unitCode: '18073',
        period: '2026-Q4',
        count: 10,
        satisfied: 10,
        share: 1,
        means: { overall: 5, attitude: 5, timeliness: 4, guidance: 3 },
        trips: { 0: 10, 1: 0, 2: 0 },
        // Jeffreys: Beta(10.5, 0.5) (scipy.stats.beta.ppf).
        interval: { low: expect.closeTo(0.782804, 5), high: expect.closeTo(0.999952, 5) },
        flagged: 0,
      },
      {
        unitCode: '18100',
        period: '2026-Q4',
        count: 10,
        satisfied: 6,
        share: 0.6,
        means: { overall: 3.8, attitude: 3.8, timeliness: 4, guidance: 3 },
        trips: { 0: 10, 1: 0, 2: 0 },
        // Beta(6.5, 4.5).
        interval: { low: expect.closeTo(0.303679, 5), high: expect.closeTo(0.846933, 5) },
        flagged: 0,
      },
    ]);
    // c-a: (10 + 10 × 1) / 20 = 1, posterior Beta(20, ½); c-b: (6 + 10 × 0.6) / 20 = 0.6, Beta(12, 8).
    expect(q.officers.map((o) => [o.cadreId, o.unitCode, o.status, o.estimate])).toEqual([
      ['c-a', '18073', 'scored', 1],
      ['c-b', '18100', 'scored', 0.6],
    ]);
    expect(q.officers[0]!.interval).toEqual({
      low: expect.closeTo(0.880593, 5),
      high: expect.closeTo(0.999975, 5),
    });
    expect(q.officers[1]!.interval).toEqual({
      low: expect.closeTo(0.383578, 5),
      high: expect.closeTo(0.797479, 5),
    });
  });

  test('a unit whose every rating is held out has no share and no interval', () => {
    const burst = [0, 2, 4, 6, 8].map((m) =>
      r(5, { unitCode: '18200', cadreId: 'c-z', submittedAt: at('2026-11-16', m) }),
    );
    const q = quarterlySatisfaction(burst, '2026-Q4', config);
    expect(q.units).toEqual([
      {
        unitCode: '18200',
        period: '2026-Q4',
        count: 0,
        satisfied: 0,
        share: null,
        means: {},
        trips: { 0: 0, 1: 0, 2: 0 },
        interval: null,
        flagged: 5,
      },
    ]);
    expect(q.officers).toEqual([
      {
        cadreId: 'c-z',
        unitCode: '18200',
        period: '2026-Q4',
        count: 0,
        satisfied: 0,
        share: null,
        means: {},
        trips: { 0: 0, 1: 0, 2: 0 },
        status: 'insufficient',
        estimate: null,
        interval: null,
        flagged: 5,
      },
    ]);
    expect(q.counted).toEqual([]);
  });
});

describe('gaming flags: order, officers and several flags', () => {
  const at = (min: number) => new Date(Date.parse('2026-11-20T02:00:00Z') + min * 60_000).toISOString();

  test('a burst is found whatever order the ratings come in, and a late rating stays out of it', () => {
    const late = r(5, { cadreId: 'c-q', submittedAt: at(100) });
    const burst = [20, 0, 30, 5, 10].map((m) => r(5, { cadreId: 'c-q', submittedAt: at(m) }));
    const flags = gamingFlags([late, ...burst], config);
    expect([late, ...burst].map((x) => flags.get(x.id))).toEqual([
      undefined,
      ['burst'],
      ['burst'],
      ['burst'],
      ['burst'],
      ['burst'],
    ]);
  });

  test('ratings without an officer are never a burst, however close together', () => {
    const close = [0, 1, 2, 3, 4, 5].map((m) => r(5, { cadreId: null, submittedAt: at(m) }));
    expect(gamingFlags(close, config)).toEqual(new Map());
  });

  test('a rating with several flags carries them in alphabetical order', () => {
    const burst = [0, 1, 2, 3].map((m) => r(5, { cadreId: 'c-w', submittedAt: at(m) }));
    const all = r(5, { cadreId: 'c-w', submittedAt: at(4), clientSeq: 7, returnedOn: null });
    const flags = gamingFlags([...burst, all], config);
    expect(flags.get(all.id)).toEqual(['before_return', 'burst', 'many_from_client']);
  });

  test("whether a rating counts: a reviewer's decision first, else only without flags", () => {
    const by = { by: 'u-admin', at: '2026-12-01T00:00:00.000Z' };
    expect([
      counts({}, undefined),
      counts({}, []),
      counts({}, ['burst']),
      counts({ review: { decision: 'count', ...by } }, ['burst']),
      counts({ review: { decision: 'exclude', ...by } }, undefined),
      counts({ review: { decision: 'exclude', ...by } }, []),
    ]).toEqual([true, true, false, true, false, false]);
  });
});

describe('the attitude points: which ratings and which band', () => {
  test('only a scored officer with an estimate gets points', () => {
    expect(attitudePoints({ status: 'insufficient', estimate: 0.95 }, 10, config)).toBeNull();
    expect(attitudePoints({ status: 'scored', estimate: null }, 10, config)).toBeNull();
  });

  test('the bands apply highest first whatever order the configuration lists them in', () => {
    const bands = [
      { minShare: 0.5, fraction: 0.4 },
      { minShare: 0.9, fraction: 1 },
      { minShare: 0, fraction: 0.2 },
      { minShare: 0.7, fraction: 0.6 },
    ];
    const cfg = { attitude: { weight: 1, bands } };
    expect(
      [0.95, 0.9, 0.75, 0.6, 0.3].map(
        (e) => attitudePoints({ status: 'scored', estimate: e }, 10, cfg)?.points,
      ),
    ).toEqual([10, 10, 6, 4, 2]);
    // The configuration itself is left as it was.
    expect(bands.map((b) => b.minShare)).toEqual([0.5, 0.9, 0, 0.7]);
  });
});
