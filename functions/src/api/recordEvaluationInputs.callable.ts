/** recordEvaluationInputs({ cadreId, period, taskGroup?, scoring, requestId? }) */
import { ZRecordEvaluationInputsInput } from '@canbo/model';
import { callable } from './handler';

export const recordEvaluationInputs = callable(ZRecordEvaluationInputsInput, (actor, input, u) =>
  u.recordEvaluationInputs(actor, input),
);
