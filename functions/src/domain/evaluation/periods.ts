/**
 * Evaluation periods: a quarter "2026-Q3" or a year "2026"
 * (packages/model/src/evaluations.ts `Period`). Consecutive means adjacent:
 * 2026-Q4 then 2027-Q1; a period without a result in between breaks a run.
 */

/** The quarter's ordinal (year × 4 + quarter − 1), or the year for an annual period. */
export function periodOrdinal(period: string): { kind: 'quarter' | 'year'; ordinal: number } {
  const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(period);
  if (!m) throw new RangeError(`not an evaluation period: ${period}`);
  const year = Number(m[1]);
  return m[2] === undefined
    ? { kind: 'year', ordinal: year }
    : { kind: 'quarter', ordinal: year * 4 + Number(m[2]) - 1 };
}

/** The four quarters of a year. */
export function quartersOf(year: number): string[] {
  return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
}

/** The quarter an ISO date falls in, e.g. 2026-08-15 → 2026-Q3. */
export function quarterOf(isoDate: string): string {
  const month = Number(isoDate.slice(5, 7));
  return `${isoDate.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The quarter before a quarter: 2027-Q1 → 2026-Q4. */
export function quarterBefore(quarter: string): string {
  const [year, q] = quarter.split('-Q').map(Number) as [number, number];
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** The quarter before the one an ISO date falls in: what the schedule evaluates a few days after it ends. */
export function previousQuarter(isoDate: string): string {
  return quarterBefore(quarterOf(isoDate));
}
