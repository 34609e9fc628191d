/**
 * The honours rule (docs/legal-basis.md §13.7): HTXS with high citizen
 * satisfaction over enough ratings. The screening and honours lists
 * themselves, with the KHT runs of quarters and years, are
 * domain/screening/lists.ts.
 */
import type { Level } from '@canbo/model';
import type { EvaluationRules } from './rules';

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
