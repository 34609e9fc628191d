/** reviewRating({ receiptNo, decision, reason, requestId? }): a province admin settles a flagged rating. */
import { ZReviewRatingInput } from '@canbo/model';
import { getRatingUseCases } from '../services/ratings';
import { callable } from './handler';

export const reviewRating = callable(ZReviewRatingInput, (actor, input) =>
  getRatingUseCases().reviewRating(actor, input),
);
