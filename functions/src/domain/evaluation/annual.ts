/**
 * The annual classification (Decree 335 Art. 21; docs/legal-basis.md §13.6):
 * by default the average of the rated periods' totals, then the thresholds
 * and the facts that force KHT; a count of period levels is configuration.
 * Periods without a result (absence, no products) are left out, so a person
 * absent part of the year is classified on the time actually worked. A
 * transferee's periods follow them: the caller passes every period of the
 * person, whatever unit rated it.
 */
import type { Level, OverrideFacts } from '@canbo/model';
import type { ScoreReason } from './score';
import { levelOf, roundScore } from './score';
import type { EvaluationRules } from './rules';

export interface PeriodResult {
  period: string;
  /** The period's total, or null when it was not rated. */
  total: number | null;
  level: Level | null;
}

export type AnnualReason =
  | { code: 'average'; average: number; periods: number; level: Level }
  | { code: 'count'; counts: Record<Level, number>; level: Level }
  | { code: 'override'; fact: keyof OverrideFacts }
  | { code: 'not_rated' };

export interface AnnualResult {
  rated: boolean;
  periodsRated: number;
  /** The average of the rated totals (two decimals); null under the count rule or when not rated. */
  average: number | null;
  level: Level | null;
  reasons: AnnualReason[];
}

function countLevels(rated: readonly PeriodResult[]): Record<Level, number> {
  const counts: Record<Level, number> = { HTXS: 0, HTT: 0, HT: 0, KHT: 0 };
  for (const p of rated) if (p.level) counts[p.level] += 1;
  return counts;
}

/** The level under the count rule. */
export function levelByCount(
  counts: Record<Level, number>,
  rule: Extract<EvaluationRules['annualRule'], { kind: 'count' }>,
): Level {
  if (counts.KHT >= rule.khtPeriods) return 'KHT';
  if (counts.KHT === 0 && counts.HTXS >= rule.htxsPeriods) return 'HTXS';
  if (counts.KHT === 0 && counts.HTXS + counts.HTT >= rule.httPeriods) return 'HTT';
  return 'HT';
}

/** Classifies a year from its period results and the facts of the year that force KHT. */
export function annualClassification(
  periods: readonly PeriodResult[],
  yearFacts: OverrideFacts,
  rules: EvaluationRules,
): AnnualResult {
  const rated = periods.filter((p) => p.total !== null && p.level !== null);
  const overrides: AnnualReason[] = (
    ['degradationConcluded', 'disciplineInYear', 'corruptionInDirectUnit'] as const
  )
    .filter((f) => yearFacts[f])
    .map((fact) => ({ code: 'override', fact }));
  if (rated.length === 0)
    return {
      rated: false,
      periodsRated: 0,
      average: null,
      level: null,
      reasons: [{ code: 'not_rated' }, ...overrides],
    };
  const rule = rules.annualRule;
  let byRule: AnnualReason & { level: Level };
  let average: number | null = null;
  if (rule.kind === 'average') {
    average = roundScore(rated.reduce((s, p) => s + (p.total ?? 0), 0) / rated.length);
    byRule = { code: 'average', average, periods: rated.length, level: levelOf(average, rules.thresholds) };
  } else {
    const counts = countLevels(rated);
    byRule = { code: 'count', counts, level: levelByCount(counts, rule) };
  }
  return {
    rated: true,
    periodsRated: rated.length,
    average,
    level: overrides.length > 0 ? 'KHT' : byRule.level,
    reasons: [byRule, ...overrides],
  };
}

/** The facts behind a period's forced KHT, as the annual classification wants them. */
export function overridesIn(reasons: readonly ScoreReason[]): (keyof OverrideFacts)[] {
  return reasons.flatMap((r) => (r.code === 'override' ? [r.fact] : []));
}
