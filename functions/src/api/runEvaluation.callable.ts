/** runEvaluation({ period, provinceCode?, requestId? }) */
import { ZRunEvaluationInput } from '@canbo/model';
import { callable } from './handler';

export const runEvaluation = callable(ZRunEvaluationInput, (actor, input, u) =>
  u.runEvaluation(actor, input),
);
