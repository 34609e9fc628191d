/**
 * Small samples handled honestly (docs/satisfaction.md, "Scores"):
 * - below `minRatings` an officer's score is `insufficient`, never a number;
 * - above, the share is shrunk toward the unit's by a beta-binomial prior
 *   Beta(k·p, k·(1 − p)) with p the unit's share and k = `priorStrength`:
 *   the estimate is the posterior mean (s + k·p) / (n + k), a weighted mean
 *   of the officer's own share s/n (weight n) and the unit's (weight k), so it
 *   always lies between the two and never past the unit's;
 * - the 95 % interval is the central interval of the posterior
 *   Beta(s + k·p, n − s + k·(1 − p)), each side at least ½ (Jeffreys), so it
 *   exists when every rating is on one side;
 * - a unit's own interval is Jeffreys': Beta(s + ½, n − s + ½).
 * Pure.
 */
import type { Interval } from '@canbo/model';
import { betaInterval95 } from './beta';

export interface ShareEstimate {
  estimate: number;
  interval: Interval;
}

/** The officer's estimate from `satisfied` of `count` ratings, shrunk toward `unitShare` with strength `k`. */
export function shrunkShare(satisfied: number, count: number, unitShare: number, k: number): ShareEstimate {
  const a = satisfied + k * unitShare;
  const b = count - satisfied + k * (1 - unitShare);
  return { estimate: a / (count + k), interval: betaInterval95(Math.max(a, 0.5), Math.max(b, 0.5)) };
}

/** Jeffreys' 95 % interval of a share observed as `satisfied` of `count` (count > 0). */
export function jeffreysInterval(satisfied: number, count: number): Interval {
  return betaInterval95(satisfied + 0.5, count - satisfied + 0.5);
}
