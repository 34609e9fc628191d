/**
 * The HTXS ceiling's moderation list, the annual classification (average and
 * count rules, partial years, overrides) and the screening and honours flags
 * (docs/legal-basis.md §13).
 */
import {
  annualClassification,
  levelByCount,
  overridesIn,
} from '../../../functions/src/domain/evaluation/annual';
import {
  type CeilingEntry,
  htxsAllowed,
  htxsModeration,
} from '../../../functions/src/domain/evaluation/ceiling';
import { honoursEligible } from '../../../functions/src/domain/evaluation/flags';
import {
  periodOrdinal,
  previousQuarter,
  quarterBefore,
  quarterOf,
  quartersOf,
} from '../../../functions/src/domain/evaluation/periods';
import { DEFAULT_EVALUATION_RULES as RULES } from '../../../functions/src/domain/evaluation/rules';
import { NO_OVERRIDES } from '../../helpers/evaluation';

const entry = (
  cadreId: string,
  level: CeilingEntry['level'],
  total: number,
  group = '18070/chuyen-mon',
): CeilingEntry => ({
  cadreId,
  group,
  total,
  level,
});

describe('the HTXS ceiling', () => {
  it('rounds the allowed number down, with a whole share exact', () => {
    expect([
      htxsAllowed(13, 0.2),
      htxsAllowed(10, 0.2),
      htxsAllowed(5, 0.2),
      htxsAllowed(4, 0.2),
      htxsAllowed(13, 0.25),
      htxsAllowed(0, 0.2),
    ]).toEqual([2, 2, 1, 0, 3, 0]);
  });

  const group = [
    ...Array.from({ length: 10 }, (_, i) => entry(`htt${i}`, 'HTT', 80)),
    entry('c', 'HTXS', 91),
    entry('a', 'HTXS', 95),
    entry('b', 'HTXS', 95),
    entry('d', 'HT', 60),
    entry('x', 'HTXS', 99, '18070/lanh-dao'),
  ];

  it('lists every group with HTXS, highest totals first, and who exceeds the ceiling', () => {
    expect(htxsModeration(group, RULES.htxsCeiling)).toEqual([
      {
        group: '18070/chuyen-mon',
        base: 13,
        allowed: 2,
        candidates: [
          { cadreId: 'a', total: 95, withinCeiling: true },
          { cadreId: 'b', total: 95, withinCeiling: true },
          { cadreId: 'c', total: 91, withinCeiling: false },
        ],
        exceeding: 1,
      },
      {
        group: '18070/lanh-dao',
        base: 1,
        allowed: 0,
        candidates: [{ cadreId: 'x', total: 99, withinCeiling: false }],
        exceeding: 1,
      },
    ]);
  });

  it('counts only those rated HTT in the base when configured so, and applies the exceptional share', () => {
    const httOnly = htxsModeration(group, { ...RULES.htxsCeiling, base: 'htt_only' });
    expect(httOnly.map((g) => [g.group, g.base, g.allowed, g.exceeding])).toEqual([
      ['18070/chuyen-mon', 10, 2, 1],
      ['18070/lanh-dao', 0, 0, 1],
    ]);
    const exceptional = htxsModeration(group, RULES.htxsCeiling, true);
    expect(exceptional.map((g) => [g.group, g.base, g.allowed, g.exceeding])).toEqual([
      ['18070/chuyen-mon', 13, 3, 0],
      ['18070/lanh-dao', 1, 0, 1],
    ]);
  });

  it('orders groups by name and candidates by total then id, whatever order the entries come in', () => {
    const entries = [
      entry('z', 'HTXS', 92, 'g3'),
      entry('b', 'HTXS', 95, 'g2'),
      entry('a', 'HTXS', 91, 'g2'),
      entry('c', 'HTXS', 95, 'g2'),
      entry('m', 'HTXS', 93, 'g1'),
      entry('e', 'HTXS', 91, 'g2'),
      entry('d', 'HTXS', 95, 'g2'),
    ];
    const order = (list: CeilingEntry[]) =>
      htxsModeration(list, RULES.htxsCeiling).map((g) => [g.group, g.candidates.map((c) => c.cadreId)]);
    const expected = [
      ['g1', ['m']],
      ['g2', ['b', 'c', 'd', 'a', 'e']],
      ['g3', ['z']],
    ];
    expect(order(entries)).toEqual(expected);
    expect(order([...entries].reverse())).toEqual(expected);
  });

  it('leaves out groups without HTXS', () => {
    expect(htxsModeration([entry('p', 'HTT', 80), entry('q', 'KHT', 40)], RULES.htxsCeiling)).toEqual([]);
  });
});

describe('the annual classification', () => {
  it('averages the rated periods, leaving out those without a result', () => {
    const r = annualClassification(
      [
        { period: '2026-Q1', total: 80, level: 'HTT' },
        { period: '2026-Q2', total: 92, level: 'HTXS' },
        { period: '2026-Q3', total: null, level: null },
        { period: '2026-Q4', total: 88, level: 'HTT' },
      ],
      NO_OVERRIDES,
      RULES,
    );
    expect(r).toEqual({
      rated: true,
      periodsRated: 3,
      average: 86.67,
      level: 'HTT',
      reasons: [{ code: 'average', average: 86.67, periods: 3, level: 'HTT' }],
    });
  });

  it('puts an average on a threshold, after rounding to two decimals, in the higher level', () => {
    const year = (a: number, b: number) =>
      annualClassification(
        [
          { period: '2026-Q1', total: a, level: 'HTT' },
          { period: '2026-Q2', total: b, level: 'HTXS' },
        ],
        NO_OVERRIDES,
        RULES,
      );
    expect([
      year(90, 90).level,
      year(89.99, 90).average,
      year(89.99, 90).level,
      year(89.98, 90).average,
      year(89.98, 90).level,
    ]).toEqual(['HTXS', 90, 'HTXS', 89.99, 'HTT']);
  });

  it('forces KHT for discipline in the year, keeping the average for the record', () => {
    const r = annualClassification(
      [{ period: '2026-Q1', total: 95, level: 'HTXS' }],
      { ...NO_OVERRIDES, disciplineInYear: true },
      RULES,
    );
    expect(r).toEqual({
      rated: true,
      periodsRated: 1,
      average: 95,
      level: 'KHT',
      reasons: [
        { code: 'average', average: 95, periods: 1, level: 'HTXS' },
        { code: 'override', fact: 'disciplineInYear' },
      ],
    });
  });

  it('does not classify a year without a rated period', () => {
    expect(
      annualClassification([{ period: '2026-Q1', total: null, level: null }], NO_OVERRIDES, RULES),
    ).toEqual({
      rated: false,
      periodsRated: 0,
      average: null,
      level: null,
      reasons: [{ code: 'not_rated' }],
    });
  });

  it('under the count rule, counts the period levels', () => {
    const rule = { kind: 'count' as const, htxsPeriods: 2, khtPeriods: 2, httPeriods: 2 };
    const zero = { HTXS: 0, HTT: 0, HT: 0, KHT: 0 };
    expect([
      levelByCount({ ...zero, HTXS: 2, HTT: 1, HT: 1 }, rule),
      levelByCount({ ...zero, HTXS: 2, HTT: 1, KHT: 1 }, rule),
      levelByCount({ ...zero, HTXS: 2, KHT: 2 }, rule),
      levelByCount({ ...zero, HTXS: 1, HTT: 1, HT: 2 }, rule),
      levelByCount({ ...zero, HTXS: 1, HT: 3 }, rule),
      levelByCount({ ...zero, HT: 4 }, rule),
    ]).toEqual(['HTXS', 'HT', 'KHT', 'HTT', 'HT', 'HT']);
    const r = annualClassification(
      [
        { period: '2026-Q1', total: 91, level: 'HTXS' },
        { period: '2026-Q2', total: 93, level: 'HTXS' },
        { period: '2026-Q3', total: 75, level: 'HTT' },
      ],
      NO_OVERRIDES,
      { ...RULES, annualRule: rule },
    );
    expect(r).toEqual({
      rated: true,
      periodsRated: 3,
      average: null,
      level: 'HTXS',
      reasons: [{ code: 'count', counts: { HTXS: 2, HTT: 1, HT: 0, KHT: 0 }, level: 'HTXS' }],
    });
  });

  it('counts a period only when it has both a total and a level', () => {
    const r = annualClassification(
      [
        { period: '2026-Q1', total: 80, level: 'HTT' },
        { period: '2026-Q2', total: 40, level: null },
        { period: '2026-Q3', total: null, level: 'KHT' },
      ],
      NO_OVERRIDES,
      RULES,
    );
    expect([r.periodsRated, r.average, r.level]).toEqual([1, 80, 'HTT']);
  });

  it('reports the facts of a year that was not rated', () => {
    expect(annualClassification([], { ...NO_OVERRIDES, degradationConcluded: true }, RULES).reasons).toEqual([
      { code: 'not_rated' },
      { code: 'override', fact: 'degradationConcluded' },
    ]);
  });

  it("reads the facts behind a period's forced KHT", () => {
    expect(
      overridesIn([
        { code: 'score', total: 95, level: 'HTXS' },
        { code: 'override', fact: 'disciplineInYear' },
      ]),
    ).toEqual(['disciplineInYear']);
    expect(overridesIn([{ code: 'not_rated', why: 'no_products', workingDays: null }])).toEqual([]);
  });
});

describe('honours (the lists and their KHT runs: test/unit/screening/lists.test.ts)', () => {
  it('honours HTXS with at least 90 % satisfied over at least 30 ratings', () => {
    expect([
      honoursEligible('HTXS', { ratings: 30, satisfiedShare: 0.9 }, RULES),
      honoursEligible('HTXS', { ratings: 29, satisfiedShare: 1 }, RULES),
      honoursEligible('HTXS', { ratings: 40, satisfiedShare: 0.89 }, RULES),
      honoursEligible('HTT', { ratings: 40, satisfiedShare: 1 }, RULES),
      honoursEligible('HTXS', null, RULES),
    ]).toEqual([true, false, false, false, false]);
  });
});

describe('periods', () => {
  it('orders quarters and years', () => {
    expect([
      periodOrdinal('2026-Q1'),
      periodOrdinal('2026-Q4'),
      periodOrdinal('2027-Q1'),
      periodOrdinal('2026'),
    ]).toEqual([
      { kind: 'quarter', ordinal: 8104 },
      { kind: 'quarter', ordinal: 8107 },
      { kind: 'quarter', ordinal: 8108 },
      { kind: 'year', ordinal: 2026 },
    ]);
    expect(() => periodOrdinal('2026-Q5')).toThrow('not an evaluation period: 2026-Q5');
    for (const bad of ['12026-Q1', 'FY2026', '2026-Q1x', '2026-Q', '26-Q1'])
      expect(() => periodOrdinal(bad)).toThrow(`not an evaluation period: ${bad}`);
  });

  it('finds the quarter of a date, at each quarter boundary', () => {
    expect(
      [
        '2026-01-01',
        '2026-03-31',
        '2026-04-01',
        '2026-06-30',
        '2026-07-01',
        '2026-09-30',
        '2026-10-01',
        '2026-12-31',
      ].map(quarterOf),
    ).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q2', '2026-Q3', '2026-Q3', '2026-Q4', '2026-Q4']);
    expect(quartersOf(2026)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });

  it('finds the quarter before, across a year, and the one before a date', () => {
    expect(['2027-Q1', '2026-Q4', '2026-Q2'].map(quarterBefore)).toEqual(['2026-Q4', '2026-Q3', '2026-Q1']);
    expect(['2027-01-05', '2026-10-03', '2026-07-01'].map(previousQuarter)).toEqual([
      '2026-Q4',
      '2026-Q3',
      '2026-Q2',
    ]);
  });
});
