/**
 * The people the reports ask about (docs/legal-basis.md §13.7): the screening
 * list (KHT in consecutive periods or years: candidates for a lower post or
 * dismissal under Law 80/2025 Art. 27, a decision people take, not canbo) and
 * the honours list (HTXS with high citizen satisfaction over enough ratings).
 * Both carry their evidence.
 */
import type { Level } from '@canbo/model';
import { periodOrdinal } from './periods';
import type { EvaluationRules } from './rules';

export interface LevelInPeriod {
  period: string;
  level: Level | null;
}

/**
 * The longest run of adjacent periods rated KHT, if it is at least `min`
 * long: quarters with quarters and years with years (a period without a
 * result breaks a run).
 */
export function khtRun(
  results: readonly LevelInPeriod[],
  kind: 'quarter' | 'year',
  min: number,
): string[] | null {
  const khts = results
    .filter((r) => r.level === 'KHT')
    .map((r) => ({ period: r.period, ...periodOrdinal(r.period) }))
    .filter((r) => r.kind === kind)
    .sort((a, b) => a.ordinal - b.ordinal);
  let best: string[] = [];
  let run: string[] = [];
  let last = Number.NaN;
  for (const r of khts) {
    if (r.ordinal === last) continue;
    run = r.ordinal === last + 1 ? [...run, r.period] : [r.period];
    last = r.ordinal;
    if (run.length > best.length) best = run;
  }
  return best.length >= min ? best : null;
}

export type ScreeningReason = { code: 'kht_periods' | 'kht_years'; periods: string[] };

/** Why a person is on the screening list, or an empty list. */
export function screeningReasons(
  results: readonly LevelInPeriod[],
  rules: EvaluationRules,
): ScreeningReason[] {
  const out: ScreeningReason[] = [];
  const quarters = khtRun(results, 'quarter', rules.screening.consecutiveKhtPeriods);
  if (quarters) out.push({ code: 'kht_periods', periods: quarters });
  const years = khtRun(results, 'year', rules.screening.consecutiveKhtYears);
  if (years) out.push({ code: 'kht_years', periods: years });
  return out;
}

/** Whether an HTXS result with this satisfaction earns a place on the honours list. */
export function honoursEligible(
  level: Level | null,
  satisfaction: { ratings: number; satisfiedShare: number } | null,
  rules: Pick<EvaluationRules, 'honours'>,
): boolean {
  return (
    level === 'HTXS' &&
    satisfaction !== null &&
    satisfaction.ratings >= rules.honours.minRatings &&
    satisfaction.satisfiedShare >= rules.honours.minSatisfiedShare
  );
}
