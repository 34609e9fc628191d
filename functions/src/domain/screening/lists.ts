/**
 * The screening and honours lists of a quarter (issue 13; docs/screening.md),
 * from each person's own results, never from comparisons between people:
 *
 * - screening: rated KHT in the last `consecutiveKhtPeriods` quarters up to
 *   and including the quarter (2 by default: this one and the one before), or
 *   a satisfied share of citizens strictly below `lowSatisfactionShare` over at
 *   least `lowSatisfactionMinRatings` counted ratings in the quarter, or rated
 *   KHT in each of the `consecutiveKhtYears` calendar years before the
 *   quarter's year (annual classification; 2 by default: for any quarter of
 *   2027, 2025 and 2026). A list for people to look at, not a decision:
 *   dismissal or a lower post follows Law 80/2025 Art. 27 through the normal
 *   movements.
 * - honours: rated HTXS in the quarter with at least `honours.minSatisfiedShare`
 *   satisfied over at least `honours.minRatings` ratings
 *   (domain/evaluation/flags.ts `honoursEligible`).
 *
 * The years' window is fixed by the quarter, not by which years happen to be
 * classified: the quarter's own year is not over, so it is left out, and a
 * year without an annual level in the window (not classified, not rated)
 * breaks the run, as a quarter without a level does.
 *
 * The level that counts is the reviewer's when there is one (a quarter); a
 * year's is the annual document's level (it is classified from the quarters'
 * levels that count, and has no review of its own). Thresholds are
 * configuration (data/catalogue/evaluation.json, "screening", "honours"). Pure.
 */
import type { Level, ScreeningReason, SatisfactionEvidence } from '@canbo/model';
import { honoursEligible } from '../evaluation/flags';
import { quarterBefore } from '../evaluation/periods';
import type { EvaluationRules } from '../evaluation/rules';

/** What the lists read about one person: their quarters' and years' levels and the quarter's satisfaction. */
export interface PersonRecord {
  cadreId: string;
  unitCode: string;
  communeCode: string | null;
  quarters: { period: string; level: Level | null; total: number | null }[];
  /** The annual levels of the years looked at (annualEvaluations), oldest first. */
  years: { year: number; level: Level | null }[];
  satisfaction: SatisfactionEvidence | null;
}

type Rules = Pick<EvaluationRules, 'screening' | 'honours'>;

/** The `n` quarters ending with `period`, oldest first: 2026-Q1, 2 → [2025-Q4, 2026-Q1]. */
export function quartersEnding(period: string, n: number): string[] {
  const out = [period];
  while (out.length < n) out.unshift(quarterBefore(out[0]!));
  return out;
}

/**
 * The `n` calendar years before `period`'s year, oldest first: 2027-Q1, 2 →
 * [2025, 2026] (the quarter's own year is not classified yet).
 */
export function yearsBefore(period: string, n: number): number[] {
  const year = Number(period.slice(0, 4));
  return Array.from({ length: n }, (_, i) => year - n + i);
}

function levelIn(person: PersonRecord, period: string): Level | null {
  return person.quarters.find((q) => q.period === period)?.level ?? null;
}

/** Why a person is on the screening list of `period` (empty: not on it). */
export function screeningReasons(person: PersonRecord, period: string, rules: Rules): ScreeningReason[] {
  const out: ScreeningReason[] = [];
  const window = quartersEnding(period, rules.screening.consecutiveKhtPeriods);
  if (window.every((q) => levelIn(person, q) === 'KHT')) out.push({ code: 'kht_quarters', periods: window });
  const years = yearsBefore(period, rules.screening.consecutiveKhtYears);
  if (years.length > 0 && years.every((y) => person.years.find((x) => x.year === y)?.level === 'KHT'))
    out.push({ code: 'kht_years', years });
  const s = person.satisfaction;
  if (
    s !== null &&
    s.share !== null &&
    s.ratings >= rules.screening.lowSatisfactionMinRatings &&
    s.share < rules.screening.lowSatisfactionShare
  )
    out.push({ code: 'low_satisfaction', share: s.share, ratings: s.ratings });
  return out;
}

/** Whether a person is on the honours list of `period`. */
export function onHonoursList(person: PersonRecord, period: string, rules: Rules): boolean {
  const s = person.satisfaction;
  return honoursEligible(
    levelIn(person, period),
    s && s.share !== null ? { ratings: s.ratings, satisfiedShare: s.share } : null,
    rules,
  );
}

const byUnitThenId = (a: PersonRecord, b: PersonRecord) =>
  a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : a.cadreId < b.cadreId ? -1 : 1;

/** Both lists of a quarter, ordered by unit then person, each entry with its evidence. */
export function screeningLists(
  people: readonly PersonRecord[],
  period: string,
  rules: Rules,
): {
  screening: (PersonRecord & { reasons: ScreeningReason[] })[];
  honours: PersonRecord[];
} {
  const sorted = [...people].sort(byUnitThenId);
  return {
    screening: sorted.flatMap((p) => {
      const reasons = screeningReasons(p, period, rules);
      return reasons.length > 0 ? [{ ...p, reasons }] : [];
    }),
    honours: sorted.filter((p) => onHonoursList(p, period, rules)),
  };
}

/** Satisfaction from counts (several units' ratings of one person added up). */
export function satisfactionOf(ratings: number, satisfied: number): SatisfactionEvidence {
  return { ratings, satisfied, share: ratings === 0 ? null : satisfied / ratings };
}
