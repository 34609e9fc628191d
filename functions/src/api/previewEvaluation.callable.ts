/** previewEvaluation({ scoring }) */
import { ZPreviewEvaluationInput } from '@canbo/model';
import { callable } from './handler';

export const previewEvaluation = callable(ZPreviewEvaluationInput, (actor, input, u) =>
  u.previewEvaluation(actor, input),
);
