/** getReceiptForRating({ receiptNo, code }): no account; what the citizen page shows. */
import { ZGetReceiptForRatingInput } from '@canbo/model';
import { citizenCallable } from './ratings-handler';

export const getReceiptForRating = citizenCallable(ZGetReceiptForRatingInput, (ctx, input, u) =>
  u.getReceiptForRating(ctx, input),
);
