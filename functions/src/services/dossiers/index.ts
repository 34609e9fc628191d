/**
 * The personal-dossier use cases (issue 13), bound like the others
 * (services/index.ts) but kept in this area: `dossierUseCases(db, deps,
 * settings)` for tests and `getDossierUseCases()` over the default app for the
 * callables and the retention job.
 */
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import type {
  CorrectionRequest,
  DossierSettings,
  DossierView,
  TDecideDossierCorrectionInput,
  TGetCadreDossierInput,
  TPreviewDossierRetentionInput,
  TRequestDossierCorrectionInput,
} from '@canbo/model';
import { DossierRepository } from '../../data/dossiers';
import { requireRole, type Actor } from '../../lib/actor';
import { defaultDeps, type ServiceDeps } from '../../lib/deps';
import { useCaseDeps } from '../deps';
import { decideDossierCorrection, requestDossierCorrection } from './corrections';
import type { DossierDeps } from './deps';
import { getCadreDossier } from './get-dossier';
import { runDossierRetention, type RetentionOptions, type RetentionReport } from './retention';
import { readDossierSettings, retentionDryRun } from './settings';

export { type DossierDeps } from './deps';
export { readDossierSettings, retentionDryRun, dossierParams } from './settings';
export { type RetentionOptions, type RetentionReport, SYSTEM_ACTOR_UID } from './retention';

export interface DossierUseCases {
  getCadreDossier(actor: Actor, input: TGetCadreDossierInput): Promise<DossierView>;
  requestDossierCorrection(actor: Actor, input: TRequestDossierCorrectionInput): Promise<CorrectionRequest>;
  decideDossierCorrection(actor: Actor, input: TDecideDossierCorrectionInput): Promise<CorrectionRequest>;
  /** What the retention job would do in the caller's province today (a dry run; province admins). */
  previewDossierRetention(actor: Actor, input: TPreviewDossierRetentionInput): Promise<RetentionReport>;
  /** The retention job itself, every province (jobs/dossierRetention.scheduler.ts). */
  runRetention(options: RetentionOptions): Promise<RetentionReport>;
}

export function dossierDeps(
  db: Firestore,
  deps: ServiceDeps = defaultDeps,
  settings: DossierSettings = readDossierSettings(),
): DossierDeps {
  return { ...useCaseDeps(db, deps), dossiers: new DossierRepository(db), settings };
}

export function dossierUseCases(
  db: Firestore,
  deps: ServiceDeps = defaultDeps,
  settings: DossierSettings = readDossierSettings(),
): DossierUseCases {
  const d = dossierDeps(db, deps, settings);
  return {
    getCadreDossier: (actor, input) => getCadreDossier(d, actor, input),
    requestDossierCorrection: (actor, input) => requestDossierCorrection(d, actor, input),
    decideDossierCorrection: (actor, input) => decideDossierCorrection(d, actor, input),
    previewDossierRetention: async (actor) => {
      requireRole(actor, 'province_admin');
      return runDossierRetention(d, { dryRun: true, provinceCode: actor.province });
    },
    runRetention: (options) => runDossierRetention(d, options),
  };
}

let bound: DossierUseCases | undefined;

/** The dossier use cases over the default app (initialised here on first use). */
export function getDossierUseCases(): DossierUseCases {
  if (!bound) {
    if (getApps().length === 0) initializeApp();
    bound = dossierUseCases(getFirestore());
  }
  return bound;
}

/** The scheduled run over the default app, dry or not as the deployment says. */
export function runScheduledRetention(): Promise<RetentionReport> {
  return getDossierUseCases().runRetention({ dryRun: retentionDryRun() });
}
