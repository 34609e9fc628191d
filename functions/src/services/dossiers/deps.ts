/** What the dossier use cases are given: the use cases' deps, the dossier repository and the settings. */
import type { DossierSettings } from '@canbo/model';
import type { DossierRepository } from '../../data/dossiers';
import type { UseCaseDeps } from '../deps';

export interface DossierDeps extends UseCaseDeps {
  dossiers: DossierRepository;
  settings: DossierSettings;
}
