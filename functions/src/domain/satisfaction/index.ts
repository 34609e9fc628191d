/**
 * Citizen satisfaction per officer and per unit for one quarter
 * (docs/satisfaction.md): counts, shares, means per criterion and trips; the
 * officer's share shrunk toward the unit's with its interval, or
 * "insufficient"; gaming flags held out of the counts; Decision 766's ratios
 * (./decision-766.ts); the mapping to Decree 335's attitude points
 * (./attitude.ts). Pure: the web client's pages and the evaluation call it on
 * the ratings they read.
 */
import type { GamingFlag, OfficerSatisfaction, SatisfactionConfig, UnitSatisfaction } from '@canbo/model';
import { shrunkShare, jeffreysInterval } from './estimate';
import { counts, gamingFlags } from './flags';
import { periodOf, summarize, type ScoredRating } from './summary';

export { attitudePoints, type AttitudePoints } from './attitude';
export { decision766Ratios, type Decision766Ratios, type Ratio } from './decision-766';
export { betaCdf, betaQuantile, betaInterval95 } from './beta';
export { shrunkShare, jeffreysInterval } from './estimate';
export { counts, gamingFlags, officerNeighbours } from './flags';
export { isSatisfied, periodOf, quarterOfDay, summarize, vietnamDayOf, type ScoredRating } from './summary';

export interface QuarterlySatisfaction {
  period: string;
  units: UnitSatisfaction[];
  officers: OfficerSatisfaction[];
  /** Every rating of the quarter that carries a flag, with its flags (held out unless reviewed `count`). */
  flagged: { id: string; flags: GamingFlag[] }[];
  /** The ratings that count, for ratios computed beside (decision766Ratios). */
  counted: ScoredRating[];
}

/** Groups by key, keeping first-seen order. */
function groupBy<T>(items: readonly T[], key: (t: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
}

/** The satisfaction of every unit and officer in `ratings` for `period` (other quarters are ignored). */
export function quarterlySatisfaction(
  ratings: readonly ScoredRating[],
  period: string,
  config: SatisfactionConfig,
): QuarterlySatisfaction {
  const inPeriod = ratings.filter((r) => periodOf(r) === period);
  const flags = gamingFlags(inPeriod, config);
  const counted = inPeriod.filter((r) => counts(r, flags.get(r.id)));
  const held = (list: readonly ScoredRating[]) => list.filter((r) => !counts(r, flags.get(r.id))).length;

  const units: UnitSatisfaction[] = [];
  const unitShare = new Map<string, number | null>();
  for (const [unitCode, all] of groupBy(inPeriod, (r) => r.unitCode)) {
    const mine = counted.filter((r) => r.unitCode === unitCode);
    const summary = summarize(mine, config);
    unitShare.set(unitCode, summary.share);
    units.push({
      ...summary,
      unitCode,
      period,
      interval: summary.count === 0 ? null : jeffreysInterval(summary.satisfied, summary.count),
      flagged: held(all),
    });
  }

  const officers: OfficerSatisfaction[] = [];
  for (const [unitCode, unitAll] of groupBy(inPeriod, (r) => r.unitCode)) {
    const p = unitShare.get(unitCode) ?? null;
    for (const [cadreId, all] of groupBy(unitAll, (r) => r.cadreId)) {
      const summary = summarize(
        all.filter((r) => counts(r, flags.get(r.id))),
        config,
      );
      const enough = summary.count >= config.minRatings && p !== null;
      const est = enough ? shrunkShare(summary.satisfied, summary.count, p, config.priorStrength) : null;
      officers.push({
        ...summary,
        cadreId,
        unitCode,
        period,
        status: enough ? 'scored' : 'insufficient',
        estimate: est?.estimate ?? null,
        interval: est?.interval ?? null,
        flagged: held(all),
      });
    }
  }

  return {
    period,
    units,
    officers,
    flagged: [...flags].map(([id, f]) => ({ id, flags: f })),
    counted,
  };
}
