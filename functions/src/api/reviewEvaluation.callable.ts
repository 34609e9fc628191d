/** reviewEvaluation({ cadreId, period, level, reason, requestId? }) */
import { ZReviewEvaluationInput } from '@canbo/model';
import { callable } from './handler';

export const reviewEvaluation = callable(ZReviewEvaluationInput, (actor, input, u) =>
  u.reviewEvaluation(actor, input),
);
