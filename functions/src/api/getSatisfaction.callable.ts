/** getSatisfaction({ period, unitCode?, cadreId? }): a quarter's satisfaction scores within the caller's scope. */
import { ZGetSatisfactionInput } from '@canbo/model';
import { getRatingUseCases } from '../services/ratings';
import { callable } from './handler';

export const getSatisfaction = callable(ZGetSatisfactionInput, (actor, input) =>
  getRatingUseCases().getSatisfaction(actor, input),
);
