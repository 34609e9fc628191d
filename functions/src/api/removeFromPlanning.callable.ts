/** removeFromPlanning (docs/planning.md): one planning use case (services/planning). */
import { ZRemoveFromPlanningInput } from '@canbo/model';
import { getPlanningUseCases } from '../services/planning';
import { callable } from './handler';

export const removeFromPlanning = callable(ZRemoveFromPlanningInput, (actor, input) =>
  getPlanningUseCases().removeFromPlanning(actor, input),
);
