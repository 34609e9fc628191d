/** getPlanningStructure (docs/planning.md): one planning use case (services/planning). */
import { ZGetPlanningStructureInput } from '@canbo/model';
import { getPlanningUseCases } from '../services/planning';
import { callable } from './handler';

export const getPlanningStructure = callable(ZGetPlanningStructureInput, (actor, input) =>
  getPlanningUseCases().getPlanningStructure(actor, input),
);
