/**
 * What a group of ratings says before any estimate: how many, how many
 * satisfied (overall at or above `satisfiedFrom`), the mean of each criterion
 * and the trips (docs/satisfaction.md). Pure.
 */
import { CriterionId, type Rating, type RatingSummary, type SatisfactionConfig } from '@canbo/model';

/** The fields of a rating the scoring reads. */
export type ScoredRating = Pick<
  Rating,
  | 'id'
  | 'unitCode'
  | 'cadreId'
  | 'criteria'
  | 'trips'
  | 'submittedAt'
  | 'period'
  | 'clientSeq'
  | 'returnedOn'
  | 'review'
>;

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** The calendar day in Vietnam (UTC+7, no daylight saving) of an instant. */
export function vietnamDayOf(iso: string): string {
  return new Date(Date.parse(iso) + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The quarter (`2026-Q4`) of a calendar day `YYYY-MM-DD`. */
export function quarterOfDay(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The quarter a rating counts in: that of its submission, Vietnam time. */
export function periodOf(r: Pick<Rating, 'submittedAt' | 'period'>): string {
  return r.period ?? quarterOfDay(vietnamDayOf(r.submittedAt));
}

export function isSatisfied(
  r: Pick<Rating, 'criteria'>,
  config: Pick<SatisfactionConfig, 'satisfiedFrom'>,
): boolean {
  return r.criteria.overall >= config.satisfiedFrom;
}

export function summarize(
  ratings: readonly ScoredRating[],
  config: Pick<SatisfactionConfig, 'satisfiedFrom'>,
): RatingSummary {
  const sums = new Map<CriterionId, { total: number; n: number }>();
  const trips = { 0: 0, 1: 0, 2: 0 };
  let satisfied = 0;
  for (const r of ratings) {
    if (isSatisfied(r, config)) satisfied++;
    trips[r.trips]++;
    for (const id of CriterionId.options) {
      const score = r.criteria[id];
      if (score === undefined) continue;
      const s = sums.get(id) ?? { total: 0, n: 0 };
      sums.set(id, { total: s.total + score, n: s.n + 1 });
    }
  }
  const means: RatingSummary['means'] = {};
  for (const [id, s] of sums) means[id] = round(s.total / s.n, 4);
  return {
    count: ratings.length,
    satisfied,
    share: ratings.length === 0 ? null : satisfied / ratings.length,
    means,
    trips,
  };
}

/** `x` rounded to `digits` decimals (reports, not arithmetic). */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
