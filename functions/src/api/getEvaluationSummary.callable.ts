/** getEvaluationSummary (docs/api.md): services/evaluation. */
import { ZGetEvaluationSummaryInput } from '@canbo/model';
import { getEvaluationDeps } from '../services';
import { getEvaluationSummary as run } from '../services/evaluation';
import { callable } from './handler';

// Over the evaluation's deps (store, rules) rather than a bound use case: they are made on first use.
export const getEvaluationSummary = callable(ZGetEvaluationSummaryInput, (actor, input) =>
  run(getEvaluationDeps(), actor, input),
);
