/** decideDossierCorrection({ correctionId, decision, value?, note, requestId? }): the province accepts or rejects. */
import { ZDecideDossierCorrectionInput } from '@canbo/model';
import { getDossierUseCases } from '../services/dossiers';
import { callable } from './handler';

export const decideDossierCorrection = callable(ZDecideDossierCorrectionInput, (actor, input) =>
  getDossierUseCases().decideDossierCorrection(actor, input),
);
