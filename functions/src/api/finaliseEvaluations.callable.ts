/** finaliseEvaluations({ period, unitCode, requestId? }) */
import { ZFinaliseEvaluationsInput } from '@canbo/model';
import { callable } from './handler';

export const finaliseEvaluations = callable(ZFinaliseEvaluationsInput, (actor, input, u) =>
  u.finaliseEvaluations(actor, input),
);
