/** recordHonour (docs/api.md): services/screening. */
import { ZRecordHonourInput } from '@canbo/model';
import { getEvaluationDeps } from '../services';
import { recordHonour as run } from '../services/screening';
import { callable } from './handler';

// Over the evaluation's deps (store, rules) rather than a bound use case: they are made on first use.
export const recordHonour = callable(ZRecordHonourInput, (actor, input) =>
  run(getEvaluationDeps(), actor, input),
);
