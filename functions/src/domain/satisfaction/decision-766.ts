/**
 * The ratios of Quyết định 766/QĐ-TTg (23/6/2022) that canbo's data supports,
 * per unit and quarter (docs/legal-basis.md §14, formulas and certainty):
 * - satisfaction with receiving and handling procedures (satisfaction group):
 *   ratings with overall 4–5 ÷ ratings × 100. The Decision's own formula for
 *   this sub-item was not retrieved; this is canbo's reading of it;
 * - dossiers returned on time (progress group): receipts returned on or before
 *   their appointed date ÷ receipts returned in the quarter that carry one × 100.
 * The two feedback ratios of the satisfaction group (petitions handled on time,
 * satisfaction with petition handling) need petition data canbo does not hold:
 * they are reported as not available. Pure.
 */
import type { Receipt } from '@canbo/model';
import { isSatisfied, quarterOfDay, round, type ScoredRating } from './summary';

export interface Ratio {
  /** Percent, two decimals; null when the denominator is 0. */
  percent: number | null;
  numerator: number;
  denominator: number;
}

export interface Decision766Ratios {
  unitCode: string;
  period: string;
  procedureSatisfaction: Ratio;
  onTimeReturn: Ratio;
  /** Not available from canbo's data (petitions are not recorded here). */
  feedbackHandledOnTime: null;
  feedbackSatisfaction: null;
}

function ratio(numerator: number, denominator: number): Ratio {
  return {
    percent: denominator === 0 ? null : round((numerator / denominator) * 100, 2),
    numerator,
    denominator,
  };
}

/**
 * The ratios of `unitCode` in `period` from the ratings counted in that
 * quarter (already filtered by the caller: flagged ones held out) and the
 * unit's receipts (those returned in the quarter are read).
 */
export function decision766Ratios(
  unitCode: string,
  period: string,
  countedRatings: readonly ScoredRating[],
  receipts: readonly Pick<Receipt, 'unitCode' | 'dueOn' | 'returnedOn'>[],
  satisfiedFrom: number,
): Decision766Ratios {
  const ratings = countedRatings.filter((r) => r.unitCode === unitCode);
  const returned = receipts.filter(
    (r) => r.unitCode === unitCode && r.returnedOn && r.dueOn && quarterOfDay(r.returnedOn) === period,
  );
  const onTime = returned.filter((r) => r.returnedOn! <= r.dueOn!).length;
  return {
    unitCode,
    period,
    procedureSatisfaction: ratio(
      ratings.filter((r) => isSatisfied(r, { satisfiedFrom })).length,
      ratings.length,
    ),
    onTimeReturn: ratio(onTime, returned.length),
    feedbackHandledOnTime: null,
    feedbackSatisfaction: null,
  };
}
