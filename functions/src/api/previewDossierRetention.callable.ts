/** previewDossierRetention({}): what the retention job would mark, delete and unmark in the caller's province (dry run). */
import { ZPreviewDossierRetentionInput } from '@canbo/model';
import { getDossierUseCases } from '../services/dossiers';
import { callable } from './handler';

export const previewDossierRetention = callable(ZPreviewDossierRetentionInput, (actor, input) =>
  getDossierUseCases().previewDossierRetention(actor, input),
);
