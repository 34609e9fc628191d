/** Calendar arithmetic on YYYY-MM-DD dates (UTC, no time of day). */

/** Adds whole months; the day is clamped to the month's length (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

/** Completed years between two dates (an age). */
export function yearsBetween(from: string, to: string): number {
  let years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  if (to.slice(5) < from.slice(5)) years--;
  return years;
}

/**
 * The statutory retirement date under the Labour Code 2019 (Art. 169) and
 * Decree 135/2020: from 2021 the age rises by 3 months a year for men (60y3m
 * in 2021, 62 from 2028) and by 4 months a year for women (55y4m in 2021, 60
 * from 2035). The age that applies is the one in force in the year reached
 * (docs/legal-basis.md §12, where its certainty is recorded).
 */
export function retirementDate(birthDate: string, gender: 'male' | 'female'): string {
  for (let year = 2021; year <= 2100; year++) {
    const steps = year - 2020;
    const months =
      gender === 'male' ? Math.min(62 * 12, 60 * 12 + 3 * steps) : Math.min(60 * 12, 55 * 12 + 4 * steps);
    const date = addMonths(birthDate, months);
    if (Number(date.slice(0, 4)) <= year) return date;
  }
  return addMonths(birthDate, gender === 'male' ? 62 * 12 : 60 * 12);
}
