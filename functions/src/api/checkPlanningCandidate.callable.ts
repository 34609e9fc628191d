/** checkPlanningCandidate (docs/planning.md): one planning use case (services/planning). */
import { ZCheckPlanningCandidateInput } from '@canbo/model';
import { getPlanningUseCases } from '../services/planning';
import { callable } from './handler';

export const checkPlanningCandidate = callable(ZCheckPlanningCandidateInput, (actor, input) =>
  getPlanningUseCases().checkPlanningCandidate(actor, input),
);
