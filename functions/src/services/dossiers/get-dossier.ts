/**
 * getCadreDossier: serves a person's private profile to a reader whose role
 * and scope allow it, for a stated purpose, and records the read in the
 * access log (`dossierReads`) in the SAME transaction as the read
 * (docs/personal-data.md): the transaction reads the person and the profile,
 * decides (domain/dossiers/access.ts), creates the log entry and commits; the
 * answer is returned only after the commit. So a served read has exactly one
 * entry (a retried transaction leaves only its committed attempt), and a
 * refused read (role, purpose, scope, fields), an unknown person, a missing
 * or deleted profile or an invalid input has none.
 */
import { communeOf, type DossierView, type TGetCadreDossierInput } from '@canbo/model';
import { dossierAccess, pickFields, purposeAllowed } from '../../domain/dossiers';
import type { Actor } from '../../lib/actor';
import { NotFound } from '../../lib/errors';
import { log } from '../../log';
import type { DossierDeps } from './deps';
import { dossierError, refusal } from './errors';

export async function getCadreDossier(
  deps: DossierDeps,
  actor: Actor,
  input: TGetCadreDossierInput,
): Promise<DossierView> {
  // A role that may never read, or a purpose it may not state, is refused before anything is read.
  const early = purposeAllowed(actor, input.purpose.code);
  if (early && !early.allowed) throw refusal(early, actor.role, input.purpose.code);
  const served = await deps.db.runTransaction(async (tx) => {
    const { cadre, profile, mark } = await deps.dossiers.read(tx, input.cadreId);
    if (!cadre) throw new NotFound('error.unknownCadre', { id: input.cadreId });
    const access = dossierAccess(
      actor,
      { id: cadre.id, provinceCode: cadre.provinceCode, homeCommuneCode: communeOf(cadre.homeUnitCode) },
      input.purpose.code,
      input.fields,
    );
    if (!access.allowed) throw refusal(access, actor.role, input.purpose.code);
    if (!profile) {
      if (mark?.state === 'deleted')
        throw dossierError('not-found', 'dossier.error.deleted', { id: cadre.id });
      throw new NotFound('error.missingProfile', { id: cadre.id });
    }
    const id = deps.newId('dr');
    deps.dossiers.logRead(tx, {
      id,
      cadreId: cadre.id,
      provinceCode: cadre.provinceCode,
      communeCode: communeOf(cadre.homeUnitCode),
      reader: { uid: actor.uid, role: actor.role },
      self: actor.role === 'cadre',
      at: deps.clock.now().toISOString(),
      fields: access.fields,
      purpose: { code: input.purpose.code, detail: input.purpose.detail },
    });
    return {
      cadreId: cadre.id,
      fullName: cadre.fullName,
      readId: id,
      fields: access.fields,
      content: pickFields(profile, access.fields),
      updatedAt: profile.updatedAt,
    };
  });
  // Which fields and why, never their values: the log is not a place for personal data.
  log.info('dossier.read', {
    cadreId: served.cadreId,
    by: actor.uid,
    role: actor.role,
    purpose: input.purpose.code,
    fields: served.fields,
  });
  return served;
}
