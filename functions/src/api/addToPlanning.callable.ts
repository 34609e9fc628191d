/** addToPlanning (docs/planning.md): one planning use case (services/planning). */
import { ZAddToPlanningInput } from '@canbo/model';
import { getPlanningUseCases } from '../services/planning';
import { callable } from './handler';

export const addToPlanning = callable(ZAddToPlanningInput, (actor, input) =>
  getPlanningUseCases().addToPlanning(actor, input),
);
