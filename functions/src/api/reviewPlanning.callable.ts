/** reviewPlanning (docs/planning.md): one planning use case (services/planning). */
import { ZReviewPlanningInput } from '@canbo/model';
import { getPlanningUseCases } from '../services/planning';
import { callable } from './handler';

export const reviewPlanning = callable(ZReviewPlanningInput, (actor, input) =>
  getPlanningUseCases().reviewPlanning(actor, input),
);
