/** getScreeningLists (docs/api.md): services/screening. */
import { ZGetScreeningListsInput } from '@canbo/model';
import { getEvaluationDeps } from '../services';
import { getScreeningLists as run } from '../services/screening';
import { callable } from './handler';

// Over the evaluation's deps (store, rules) rather than a bound use case: they are made on first use.
export const getScreeningLists = callable(ZGetScreeningListsInput, (actor, input) =>
  run(getEvaluationDeps(), actor, input),
);
