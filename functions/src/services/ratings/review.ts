/**
 * reviewRating (docs/api.md, "Receipts and citizen ratings"; docs/satisfaction.md,
 * "Review"): a province admin settles a rating that the scoring flagged as a
 * possible sign of gaming. `count` puts it back in the scores, `exclude` keeps
 * it out of them for good (domain/satisfaction `counts`).
 *
 * - Only a flagged rating can be reviewed the first time: the flags are
 *   computed again here from the officer's ratings of the quarter, so an
 *   admin cannot remove a genuine, unflagged rating from an officer's score.
 *   A rating reviewed before may be reviewed again (the decision changed).
 * - The same decision again changes nothing and writes no audit entry
 *   (idempotent without a requestId too; a requestId replays the first answer).
 * - The review and its audit entry (`rating.review`) are written in one
 *   transaction; the rating is read in it, so two reviewers never both
 *   believe theirs was the first.
 */
import {
  communeOf,
  DEFAULT_SATISFACTION_CONFIG,
  message,
  oneLine,
  type GamingFlag,
  type Rating,
  type ReviewRatingResult,
  type TReviewRatingInput,
} from '@canbo/model';
import { gamingFlags, periodOf } from '../../domain/satisfaction';
import { RatingRepository } from '../../data/ratings';
import { type Actor, requireRole, requireScope } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import type { UseCaseDeps } from '../deps';

/** The flags a rating carries among its officer's ratings of its quarter. */
async function flagsOf(repo: RatingRepository, rating: Rating): Promise<GamingFlag[]> {
  const period = periodOf(rating);
  const peers = rating.cadreId
    ? await repo.ratingsOfOfficer(rating.provinceCode, period, rating.cadreId)
    : [rating];
  const list = peers.some((p) => p.id === rating.id) ? peers : [...peers, rating];
  return gamingFlags(list, DEFAULT_SATISFACTION_CONFIG).get(rating.id) ?? [];
}

export async function reviewRating(
  d: UseCaseDeps,
  actor: Actor,
  input: TReviewRatingInput,
): Promise<ReviewRatingResult> {
  requireRole(actor, 'province_admin');
  const repo = new RatingRepository(d.db);
  const first = (await repo.c.ratings.doc(input.receiptNo).get()).data();
  if (!first || first.provinceCode !== actor.province)
    throw new AppError('not-found', 'rating.review.notFound', { receiptNo: input.receiptNo });
  requireScope(actor, first.provinceCode, communeOf(first.unitCode));
  const flags = await flagsOf(repo, first);

  return d.db.runTransaction(async (tx) => {
    const rating = await repo.readRating(tx, input.receiptNo);
    if (!rating) throw new AppError('not-found', 'rating.review.notFound', { receiptNo: input.receiptNo });
    const result = { receiptNo: rating.id, decision: input.decision, flags };
    if (rating.review?.decision === input.decision) return { ...result, changed: false };
    if (!rating.review && flags.length === 0)
      throw new AppError('failed-precondition', 'rating.review.notFlagged', { receiptNo: rating.id });
    const review = {
      decision: input.decision,
      by: actor.uid,
      at: d.clock.now().toISOString(),
      reason: input.reason,
    };
    repo.saveRating(tx, { ...rating, review });
    d.repos.audit.append(tx, {
      actor: { uid: actor.uid, role: actor.role, province: actor.province },
      action: 'rating.review',
      target: `ratings/${rating.id}`,
      before: rating.review ?? null,
      after: { ...review, flags },
      reason: oneLine(
        message(input.decision === 'count' ? 'rating.review.count' : 'rating.review.exclude', {
          reason: input.reason,
        }),
      ),
    });
    return { ...result, changed: true };
  });
}
