/**
 * What the dossier pages read and call (docs/personal-data.md, "Pages"):
 * - getCadreDossier (the profile is never read directly: the rules refuse it),
 *   requestDossierCorrection and decideDossierCorrection through `call()`;
 * - the access log and the correction requests with Firestore Lite, through
 *   the scoped descriptions of ./queries.ts.
 */
import type {
  CorrectionRequest,
  DossierRead,
  DossierView,
  TDecideDossierCorrectionInput,
  TGetCadreDossierInput,
  TRequestDossierCorrectionInput,
} from '@canbo/model';
import {
  collection,
  getDocs,
  limit,
  orderBy,
  query,
  where,
  type DocumentData,
  type QueryConstraint,
} from 'firebase/firestore/lite';
import { call } from '../../lib/api';
import { db } from '../../lib/firebase';
import type { DossierQuery } from './queries';

export * from './queries';

// The callables of these pages, typed for `call()` (lib/api.ts: an area augments `Callables`).
declare module '../../lib/api' {
  interface Callables {
    getCadreDossier: { input: TGetCadreDossierInput; output: DossierView };
    requestDossierCorrection: { input: TRequestDossierCorrectionInput; output: CorrectionRequest };
    decideDossierCorrection: { input: TDecideDossierCorrectionInput; output: CorrectionRequest };
  }
}

export const getCadreDossier = (input: TGetCadreDossierInput) => call('getCadreDossier', input);
export const requestCorrection = (input: TRequestDossierCorrectionInput) =>
  call('requestDossierCorrection', input);
export const decideCorrection = (input: TDecideDossierCorrectionInput) =>
  call('decideDossierCorrection', input);

function constraintsOf(q: DossierQuery): QueryConstraint[] {
  return q.constraints.map((c) =>
    c.kind === 'where'
      ? where(c.field, c.op, c.value)
      : c.kind === 'orderBy'
        ? orderBy(c.field, c.dir)
        : limit(c.n),
  );
}

/**
 * The documents of one description. The documents were written by the
 * callables through the server's zod converters (functions/src/data/dossiers.ts),
 * so their shape is trusted here, as data/reads.ts does for the other collections.
 */
async function run<T>(q: DossierQuery): Promise<T[]> {
  const snap = await getDocs(query(collection(db, q.collection), ...constraintsOf(q)));
  return snap.docs.map((d) => typed<T>(d.data()));
}

function typed<T>(data: DocumentData): T {
  return data as T;
}

export const loadReads = (q: DossierQuery | null): Promise<DossierRead[]> =>
  q ? run<DossierRead>(q) : Promise.resolve([]);
export const loadCorrections = (q: DossierQuery | null): Promise<CorrectionRequest[]> =>
  q ? run<CorrectionRequest>(q) : Promise.resolve([]);
