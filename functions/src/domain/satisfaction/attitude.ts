/**
 * From an officer's satisfaction to the part of Decree 335's 30 general points
 * about attitude toward citizens and businesses (thái độ phục vụ nhân dân,
 * doanh nghiệp). The law names the criterion but fixes no formula linking it
 * to citizens' ratings (docs/legal-basis.md §14): this mapping is a province's
 * choice, configured in SatisfactionConfig.attitude and explained in
 * docs/satisfaction.md. The evaluation reads it through `attitudePoints`.
 * Pure.
 */
import type { OfficerSatisfaction, SatisfactionConfig } from '@canbo/model';
import { round } from './summary';

export interface AttitudePoints {
  /** Points proposed for the satisfaction-driven share of the part. */
  points: number;
  /** Out of: the part's maximum × the configured weight. */
  max: number;
  /** The estimate the points were read from. */
  share: number;
}

/**
 * The points an officer's satisfaction proposes for the attitude part whose
 * maximum is `partMax` (e.g. 10 or 2 points in a province's split of the 30).
 * Null when the score is insufficient: the reviewer assesses the part as
 * without ratings, and nobody gains or loses points on a handful of them.
 */
export function attitudePoints(
  officer: Pick<OfficerSatisfaction, 'status' | 'estimate'>,
  partMax: number,
  config: Pick<SatisfactionConfig, 'attitude'>,
): AttitudePoints | null {
  if (officer.status !== 'scored' || officer.estimate === null) return null;
  const max = partMax * config.attitude.weight;
  const bands = [...config.attitude.bands].sort((a, b) => b.minShare - a.minShare);
  const band = bands.find((b) => officer.estimate! >= b.minShare);
  return { points: round(max * (band?.fraction ?? 0), 2), max: round(max, 2), share: officer.estimate };
}
