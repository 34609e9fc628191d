/**
 * The screening and honours lists (functions/src/domain/screening/lists.ts),
 * on both sides of each threshold of the configuration (2 consecutive KHT
 * quarters; KHT in the 2 years before the quarter's year; a satisfied share below 50 % over at least 20 ratings; honours:
 * HTXS with at least 90 % over at least 30 ratings).
 */
import type { Level } from '@canbo/model';
import { DEFAULT_EVALUATION_RULES as RULES } from '../../../functions/src/domain/evaluation/rules';
import {
  onHonoursList,
  quartersEnding,
  satisfactionOf,
  screeningLists,
  screeningReasons,
  yearsBefore,
  type PersonRecord,
} from '../../../functions/src/domain/screening/lists';

const person = (
  levels: Record<string, Level | null>,
  satisfaction: PersonRecord['satisfaction'] = null,
  id = 'c1',
  unitCode = '18073',
  years: Record<number, Level | null> = {},
): PersonRecord => ({
  cadreId: id,
  unitCode,
  communeCode: '18073',
  quarters: Object.entries(levels).map(([period, level]) => ({ period, level, total: null })),
  years: Object.entries(years).map(([year, level]) => ({ year: Number(year), level })),
  satisfaction,
});
/** A person with only annual levels. */
const yearly = (years: Record<number, Level | null>) => person({}, null, 'c1', '18073', years);

describe('quartersEnding', () => {
  it('goes back across a year', () => {
    expect(quartersEnding('2027-Q1', 2)).toEqual(['2026-Q4', '2027-Q1']);
    expect(quartersEnding('2026-Q3', 3)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(quartersEnding('2026-Q3', 1)).toEqual(['2026-Q3']);
  });
});

describe('screening: two consecutive KHT quarters', () => {
  it('lists KHT in this quarter and the one before', () => {
    expect(screeningReasons(person({ '2026-Q2': 'KHT', '2026-Q3': 'KHT' }), '2026-Q3', RULES)).toEqual([
      { code: 'kht_quarters', periods: ['2026-Q2', '2026-Q3'] },
    ]);
  });

  it('does not list one KHT quarter, nor two that are not adjacent, nor a run that ended before', () => {
    expect(screeningReasons(person({ '2026-Q2': 'HT', '2026-Q3': 'KHT' }), '2026-Q3', RULES)).toEqual([]);
    expect(screeningReasons(person({ '2026-Q1': 'KHT', '2026-Q3': 'KHT' }), '2026-Q3', RULES)).toEqual([]);
    expect(
      screeningReasons(person({ '2026-Q1': 'KHT', '2026-Q2': 'KHT', '2026-Q3': 'HT' }), '2026-Q3', RULES),
    ).toEqual([]);
    // A quarter without a level (not rated) breaks the run.
    expect(screeningReasons(person({ '2026-Q2': null, '2026-Q3': 'KHT' }), '2026-Q3', RULES)).toEqual([]);
  });
});

describe('yearsBefore', () => {
  it('gives the years before the quarter’s year, oldest first, whatever the quarter', () => {
    expect(yearsBefore('2027-Q1', 2)).toEqual([2025, 2026]);
    expect(yearsBefore('2027-Q4', 2)).toEqual([2025, 2026]);
    expect(yearsBefore('2028-Q2', 3)).toEqual([2025, 2026, 2027]);
    expect(yearsBefore('2028-Q2', 1)).toEqual([2027]);
  });
});

describe('screening: KHT in the consecutive years before the quarter’s year', () => {
  it('lists KHT in both years before', () => {
    expect(screeningReasons(yearly({ 2025: 'KHT', 2026: 'KHT' }), '2027-Q1', RULES)).toEqual([
      { code: 'kht_years', years: [2025, 2026] },
    ]);
  });

  it('does not list one KHT year, a year missing in between, or the quarter’s own year', () => {
    expect(screeningReasons(yearly({ 2025: 'HT', 2026: 'KHT' }), '2027-Q1', RULES)).toEqual([]);
    expect(screeningReasons(yearly({ 2026: 'KHT' }), '2027-Q1', RULES)).toEqual([]);
    // 2025 and 2027 are KHT, 2026 has no annual document: the run is broken.
    expect(screeningReasons(yearly({ 2025: 'KHT', 2027: 'KHT' }), '2028-Q1', RULES)).toEqual([]);
    // 2026 classified but not rated (no level) breaks it too.
    expect(screeningReasons(yearly({ 2025: 'KHT', 2026: null }), '2027-Q1', RULES)).toEqual([]);
    // The quarter's own year does not count, even classified KHT: 2026 and 2027 for a 2027 quarter is 2026 only.
    expect(screeningReasons(yearly({ 2026: 'KHT', 2027: 'KHT' }), '2027-Q3', RULES)).toEqual([]);
  });

  it('follows a configuration of three years', () => {
    const three = { ...RULES, screening: { ...RULES.screening, consecutiveKhtYears: 3 } };
    expect(screeningReasons(yearly({ 2026: 'KHT', 2027: 'KHT' }), '2028-Q1', three)).toEqual([]);
    expect(screeningReasons(yearly({ 2025: 'KHT', 2026: 'KHT', 2027: 'KHT' }), '2028-Q1', three)).toEqual([
      { code: 'kht_years', years: [2025, 2026, 2027] },
    ]);
  });

  it('gives the quarters and the years as two reasons when both hold', () => {
    expect(
      screeningReasons(
        person({ '2027-Q1': 'KHT', '2027-Q2': 'KHT' }, null, 'c1', '18073', { 2025: 'KHT', 2026: 'KHT' }),
        '2027-Q2',
        RULES,
      ),
    ).toEqual([
      { code: 'kht_quarters', periods: ['2027-Q1', '2027-Q2'] },
      { code: 'kht_years', years: [2025, 2026] },
    ]);
  });
});

describe('screening: low satisfaction over enough ratings', () => {
  it('lists 49.99 % over 20 ratings, not 50 %, and not 0 % over 19', () => {
    expect(
      screeningReasons(person({}, { ratings: 20, satisfied: 9, share: 0.4999 }), '2026-Q3', RULES),
    ).toEqual([{ code: 'low_satisfaction', share: 0.4999, ratings: 20 }]);
    expect(screeningReasons(person({}, satisfactionOf(20, 10)), '2026-Q3', RULES)).toEqual([]);
    expect(screeningReasons(person({}, satisfactionOf(19, 0)), '2026-Q3', RULES)).toEqual([]);
    expect(screeningReasons(person({}, satisfactionOf(0, 0)), '2026-Q3', RULES)).toEqual([]);
  });

  it('gives both reasons when both hold', () => {
    expect(
      screeningReasons(
        person({ '2026-Q2': 'KHT', '2026-Q3': 'KHT' }, satisfactionOf(40, 10)),
        '2026-Q3',
        RULES,
      ),
    ).toEqual([
      { code: 'kht_quarters', periods: ['2026-Q2', '2026-Q3'] },
      { code: 'low_satisfaction', share: 0.25, ratings: 40 },
    ]);
  });
});

describe('honours: HTXS with high satisfaction', () => {
  it('lists HTXS with 90 % over 30 ratings, not 89.99 %, not 29 ratings, not HTT', () => {
    expect(onHonoursList(person({ '2026-Q3': 'HTXS' }, satisfactionOf(30, 27)), '2026-Q3', RULES)).toBe(true);
    expect(
      onHonoursList(
        person({ '2026-Q3': 'HTXS' }, { ratings: 30, satisfied: 26, share: 0.8999 }),
        '2026-Q3',
        RULES,
      ),
    ).toBe(false);
    expect(onHonoursList(person({ '2026-Q3': 'HTXS' }, satisfactionOf(29, 29)), '2026-Q3', RULES)).toBe(
      false,
    );
    expect(onHonoursList(person({ '2026-Q3': 'HTT' }, satisfactionOf(50, 50)), '2026-Q3', RULES)).toBe(false);
    expect(onHonoursList(person({ '2026-Q3': 'HTXS' }, null), '2026-Q3', RULES)).toBe(false);
    // HTXS in an earlier quarter does not count for this one.
    expect(onHonoursList(person({ '2026-Q2': 'HTXS' }, satisfactionOf(50, 50)), '2026-Q3', RULES)).toBe(
      false,
    );
  });
});

describe('screeningLists', () => {
  it('puts each person on the lists their own results call for, ordered by unit then person', () => {
    const lists = screeningLists(
      [
        person({ '2026-Q3': 'HTXS' }, satisfactionOf(40, 38), 'c-star', '18100'),
        person({ '2026-Q2': 'KHT', '2026-Q3': 'KHT' }, null, 'c-weak', '18100'),
        person({ '2026-Q3': 'HT' }, satisfactionOf(25, 5), 'c-rude', '18073'),
        person({ '2026-Q3': 'HTT' }, satisfactionOf(25, 20), 'c-fine', '18073'),
      ],
      '2026-Q3',
      RULES,
    );
    expect(lists.screening.map((p) => [p.cadreId, p.reasons.map((r) => r.code)])).toEqual([
      ['c-rude', ['low_satisfaction']],
      ['c-weak', ['kht_quarters']],
    ]);
    expect(lists.honours.map((p) => p.cadreId)).toEqual(['c-star']);
  });

  it('follows a configuration of three quarters', () => {
    const three = { ...RULES, screening: { ...RULES.screening, consecutiveKhtPeriods: 3 } };
    const two = person({ '2026-Q2': 'KHT', '2026-Q3': 'KHT' });
    const all = person({ '2026-Q1': 'KHT', '2026-Q2': 'KHT', '2026-Q3': 'KHT' });
    expect([
      screeningReasons(two, '2026-Q3', three).length,
      screeningReasons(all, '2026-Q3', three).length,
    ]).toEqual([0, 1]);
  });

  it('orders by unit, then by person within a unit, whatever the input order', () => {
    const kht = { '2026-Q2': 'KHT', '2026-Q3': 'KHT' } as const;
    const lists = screeningLists(
      [
        person(kht, null, 'c-b', '18100'),
        person(kht, null, 'c-c', '18073'),
        person(kht, null, 'c-a', '18100'),
        person(kht, null, 'c-a', '18073'),
        person(kht, null, 'c-b', '18073'),
      ],
      '2026-Q3',
      RULES,
    );
    expect(lists.screening.map((p) => `${p.unitCode}/${p.cadreId}`)).toEqual([
      '18073/c-a',
      '18073/c-b',
      '18073/c-c',
      '18100/c-a',
      '18100/c-b',
    ]);
  });

  it('looks at no years when the configuration asks for none', () => {
    const none = { ...RULES, screening: { ...RULES.screening, consecutiveKhtYears: 0 } };
    expect(screeningReasons(yearly({ 2025: 'KHT', 2026: 'KHT' }), '2027-Q1', none)).toEqual([]);
  });
});

describe('satisfactionOf', () => {
  it('gives the share of satisfied ratings, and no share without ratings', () => {
    expect(satisfactionOf(4, 3)).toEqual({ ratings: 4, satisfied: 3, share: 0.75 });
    expect(satisfactionOf(0, 0)).toEqual({ ratings: 0, satisfied: 0, share: null });
  });
});
