/** getCadreDossier({ cadreId, purpose: { code, detail }, fields? }): a private profile, read and logged in one transaction. */
import { ZGetCadreDossierInput } from '@canbo/model';
import { getDossierUseCases } from '../services/dossiers';
import { callable } from './handler';

export const getCadreDossier = callable(ZGetCadreDossierInput, (actor, input) =>
  getDossierUseCases().getCadreDossier(actor, input),
);
