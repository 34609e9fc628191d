/**
 * What the satisfaction pages read (docs/satisfaction.md, "Pages"):
 * - the scores through the callable getSatisfaction, which computes them on
 *   the server within the caller's scope (the client never reads raw ratings
 *   to score them: the flags and the shrinkage need the whole unit);
 * - citizens' comments from ratingComments, which the rules open only to the
 *   province (admins, auditors) and the commune's leadership (commune
 *   viewers): the query carries the province and, for a commune viewer, their
 *   communes, like every scoped query (data/scope.ts);
 * - reviewRating for a province admin's decision on a flagged rating.
 * The pure parts (quarters, the comment query, shares as text) are in ./queries.ts.
 */
import type {
  Claims,
  ReviewRatingResult,
  SatisfactionReport,
  TGetSatisfactionInput,
  TReviewRatingInput,
} from '@canbo/model';
import { runQuery } from '../../data/reads';
import { call } from '../../lib/api';
import { todayInVietnam } from '../../lib/format';
import { commentsOfOfficer, quarterOf } from './queries';

export * from './queries';

// The callables these pages use, typed for `call()` (lib/api.ts: an area augments `Callables`).
declare module '../../lib/api' {
  interface Callables {
    getSatisfaction: { input: TGetSatisfactionInput; output: SatisfactionReport };
    reviewRating: { input: TReviewRatingInput; output: ReviewRatingResult };
  }
}

export const getSatisfaction = (input: TGetSatisfactionInput) => call('getSatisfaction', input);
export const reviewRating = (input: TReviewRatingInput) => call('reviewRating', input);

/** The current quarter in Vietnam. */
export const currentQuarter = (): string => quarterOf(todayInVietnam());

/** The reports of several quarters (the trend), in the order asked. */
export function reportsOf(
  periods: readonly string[],
  narrow: Omit<TGetSatisfactionInput, 'period'> = {},
): Promise<SatisfactionReport[]> {
  return Promise.all(periods.map((period) => getSatisfaction({ period, ...narrow })));
}

export interface CommentRow {
  _id: string;
  unitCode: string;
  comment: string;
  submittedAt: string;
}

export async function loadComments(claims: Claims, cadreId: string): Promise<CommentRow[] | null> {
  const spec = commentsOfOfficer(claims, cadreId);
  return spec ? runQuery<CommentRow>(spec) : null;
}
