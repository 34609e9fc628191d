/** submitRating({ receiptNo, code, criteria, trips, comment? }): no account; one rating per receipt. */
import { ZSubmitRatingInput } from '@canbo/model';
import { citizenCallable } from './ratings-handler';

export const submitRating = citizenCallable(ZSubmitRatingInput, (ctx, input, u) =>
  u.submitRating(ctx, input),
);
