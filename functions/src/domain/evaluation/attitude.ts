/**
 * The "attitude toward citizens and businesses" part of the general criteria
 * (thái độ phục vụ nhân dân, doanh nghiệp), taken from the citizens' ratings
 * of the quarter when the rules say so (`attitudeFromSatisfaction`,
 * data/catalogue/evaluation.json). The law names the criterion but fixes no
 * link to ratings (docs/legal-basis.md §14): the mapping is the satisfaction
 * area's (domain/satisfaction `attitudePoints`, docs/satisfaction.md), with
 * its small-sample rule: an officer with too few ratings keeps the reviewer's
 * points. When the mapping decides only a share of the part (its weight), the
 * reviewer's points fill the rest, up to the part's maximum. Pure.
 */
import type {
  AttitudeFromRatings,
  OfficerSatisfaction,
  SatisfactionConfig,
  ScoringInput,
} from '@canbo/model';
import { attitudePoints } from '../satisfaction';
import type { EvaluationRules } from './rules';
import { generalParts, roundScore } from './score';

export interface WithAttitude {
  scoring: ScoringInput;
  /** The evidence, or undefined when the rules do not use ratings or the split has no attitude part. */
  attitude: AttitudeFromRatings | undefined;
}

/** The officer's satisfaction of the quarter as the evaluation needs it (no ratings: an empty record). */
export type OfficerRatings = Pick<OfficerSatisfaction, 'status' | 'estimate' | 'count'>;

export function withAttitudeFromRatings(
  scoring: ScoringInput,
  officer: OfficerRatings | undefined,
  rules: EvaluationRules,
  config: Pick<SatisfactionConfig, 'attitude'>,
): WithAttitude {
  if (!rules.attitudeFromSatisfaction) return { scoring, attitude: undefined };
  const part = generalParts(scoring.leader !== null, rules).find((p) => p.attitudeTowardCitizens);
  if (!part) return { scoring, attitude: undefined };
  const reviewerPoints = scoring.general[part.id] ?? null;
  const mine = officer ?? { status: 'insufficient' as const, estimate: null, count: 0 };
  const proposed = attitudePoints(mine, part.max, config);
  const evidence = { partId: part.id, ratings: mine.count, estimate: mine.estimate, reviewerPoints };
  if (proposed === null)
    return {
      scoring,
      attitude: { ...evidence, applied: false, satisfactionPoints: null, satisfactionMax: null },
    };
  const rest = Math.min(reviewerPoints ?? 0, Math.max(0, part.max - proposed.max));
  return {
    scoring: { ...scoring, general: { ...scoring.general, [part.id]: roundScore(proposed.points + rest) } },
    attitude: {
      ...evidence,
      applied: true,
      satisfactionPoints: proposed.points,
      satisfactionMax: proposed.max,
    },
  };
}
