/** classifyYear (docs/api.md): services/evaluation. */
import { ZClassifyYearInput } from '@canbo/model';
import { getEvaluationDeps } from '../services';
import { classifyYear as run } from '../services/evaluation';
import { callable } from './handler';

// Over the evaluation's deps (store, rules) rather than a bound use case: they are made on first use.
export const classifyYear = callable(ZClassifyYearInput, (actor, input) =>
  run(getEvaluationDeps(), actor, input),
);
