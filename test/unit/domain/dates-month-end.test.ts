/**
 * Calendar arithmetic at month ends, leap days and year ends
 * (functions/src/domain/dates.ts). Every expected date is written out by hand:
 * none is computed with the code under test.
 */
import {
  addDays,
  addMonths,
  daysBetween,
  retirementDate,
  yearsBetween,
} from '../../../functions/src/domain/dates';

describe('addMonths clamps the day to the length of the month reached', () => {
  test.each([
    // From the 29th, 30th and 31st of January into February, leap and not.
    ['2024-01-29', 1, '2024-02-29'],
    ['2024-01-30', 1, '2024-02-29'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-29', 1, '2023-02-28'],
    ['2023-01-30', 1, '2023-02-28'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2023-01-28', 1, '2023-02-28'],
    // Century years: 2000 is a leap year, 2100 is not.
    ['2000-01-31', 1, '2000-02-29'],
    ['2100-01-31', 1, '2100-02-28'],
    // Into 30-day months.
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-08-31', 1, '2024-09-30'],
    ['2024-10-31', 1, '2024-11-30'],
    ['2024-03-30', 1, '2024-04-30'],
    // Into 31-day months: nothing to clamp.
    ['2024-06-30', 1, '2024-07-30'],
    ['2024-07-31', 1, '2024-08-31'],
    // Backwards.
    ['2024-03-31', -1, '2024-02-29'],
    ['2023-03-31', -1, '2023-02-28'],
    ['2024-05-31', -1, '2024-04-30'],
    ['2024-03-29', -1, '2024-02-29'],
    // Across year ends, both ways.
    ['2024-12-31', 1, '2025-01-31'],
    ['2024-12-15', 1, '2025-01-15'],
    ['2024-11-30', 2, '2025-01-30'],
    ['2025-01-15', -1, '2024-12-15'],
    ['2025-01-31', -2, '2024-11-30'],
    ['2025-02-28', -12, '2024-02-28'],
    // A leap day plus whole years.
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-02-29', -12, '2023-02-28'],
    // No change, in December and in the middle of the year.
    ['2024-12-10', 0, '2024-12-10'],
    ['2024-06-15', 0, '2024-06-15'],
    // Single-digit months and days keep their leading zero.
    ['2024-01-05', 1, '2024-02-05'],
    ['2024-08-09', 1, '2024-09-09'],
    // Long spans: 36 months (a rotation), 60 months.
    ['2026-08-31', 36, '2029-08-31'],
    ['2026-05-31', 60, '2031-05-31'],
    ['2026-01-31', 37, '2029-02-28'],
    // A year before 1000 keeps four digits.
    ['0999-11-15', 1, '0999-12-15'],
  ] as const)('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('addDays crosses month, leap-day and year boundaries', () => {
  test.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2023-03-01', -1, '2023-02-28'],
    ['2024-04-30', 1, '2024-05-01'],
    ['2024-01-31', 1, '2024-02-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-12-31', 0, '2024-12-31'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2023-01-01', 365, '2024-01-01'],
    ['2024-12-30', 3, '2025-01-02'],
  ] as const)('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('daysBetween counts whole days, negative backwards', () => {
  test.each([
    ['2024-02-01', '2024-03-01', 29],
    ['2023-02-01', '2023-03-01', 28],
    ['2024-12-31', '2025-01-01', 1],
    ['2025-01-01', '2024-12-31', -1],
    ['2024-01-01', '2025-01-01', 366],
    ['2023-01-01', '2024-01-01', 365],
    ['2024-06-15', '2024-06-15', 0],
    ['2024-01-31', '2024-02-29', 29],
  ] as const)('from %s to %s: %i', (a, b, expected) => {
    expect(daysBetween(a, b)).toBe(expected);
  });
});

describe('yearsBetween counts completed years (an age)', () => {
  test.each([
    ['1985-06-15', '2025-06-14', 39],
    ['1985-06-15', '2025-06-15', 40],
    ['1985-06-15', '2025-06-16', 40],
    ['1985-12-31', '2025-12-30', 39],
    ['1985-12-31', '2025-12-31', 40],
    ['1985-12-31', '2026-01-01', 40],
    ['1986-01-01', '2025-12-31', 39],
    // Born on a leap day: a year completes on 1 March in other years.
    ['2000-02-29', '2025-02-28', 24],
    ['2000-02-29', '2025-03-01', 25],
    ['2000-02-29', '2024-02-29', 24],
    ['2025-06-15', '2025-06-15', 0],
  ] as const)('from %s to %s: %i', (from, to, expected) => {
    expect(yearsBetween(from, to)).toBe(expected);
  });
});

describe('retirementDate: the age in force in the year it is reached (docs/legal-basis.md §12)', () => {
  test.each([
    // Men: 60y3m in 2021, +3 months a year, 62 from 2028.
    ['1961-01-15', '2021-04-15'], // 60y3m reached in 2021
    ['1960-10-15', '2021-01-15'], // 60y3m reached on the first of its steps
    ['1961-10-20', '2022-04-20'], // 60y3m falls in 2022, where 60y6m applies
    ['1962-05-31', '2022-11-30'], // 60y6m from 31 May ends on 30 November
    ['1963-05-31', '2024-05-31'], // passes 30 Nov 2023 and 29 Feb 2024 (clamped), then 61y
    ['1966-05-31', '2028-05-31'], // 62 from 2028
    ['1990-07-04', '2052-07-04'],
    ['1965-02-28', '2026-08-28'], // 61y6m in 2026
  ] as const)('a man born %s retires on %s', (birth, expected) => {
    expect(retirementDate(birth, 'male')).toBe(expected);
  });

  test.each([
    // Women: 55y4m in 2021, +4 months a year, 60 from 2035.
    ['1966-05-31', '2021-09-30'], // 55y4m from 31 May ends on 30 September
    ['1970-01-15', '2027-05-15'], // 57y4m in 2027
    ['1967-10-31', '2023-10-31'], // 56y in 2023, after 28 Feb and 30 Jun 2023 were too late
    ['1980-03-10', '2040-03-10'], // 60 from 2035
    ['1972-06-01', '2030-10-01'], // 58y4m in 2030, after 1 Feb and 1 Jun 2030 fell in later years
  ] as const)('a woman born %s retires on %s', (birth, expected) => {
    expect(retirementDate(birth, 'female')).toBe(expected);
  });

  test('after 2100 the final ages apply: 62 for men, 60 for women', () => {
    expect(retirementDate('2060-03-10', 'male')).toBe('2122-03-10');
    expect(retirementDate('2060-03-10', 'female')).toBe('2120-03-10');
  });
});
