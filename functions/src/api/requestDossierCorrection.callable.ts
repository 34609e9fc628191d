/** requestDossierCorrection({ field, proposedValue, reason, requestId? }): the person asks to correct their profile. */
import { ZRequestDossierCorrectionInput } from '@canbo/model';
import { getDossierUseCases } from '../services/dossiers';
import { callable } from './handler';

export const requestDossierCorrection = callable(ZRequestDossierCorrectionInput, (actor, input) =>
  getDossierUseCases().requestDossierCorrection(actor, input),
);
