/**
 * Correction requests (Law 91/2025, the right to correction; docs/personal-data.md):
 * - requestDossierCorrection: the person (claims.cadreId) asks to correct one
 *   field of their profile; the request is due within the configured working
 *   days (domain/dossiers/corrections.ts).
 * - decideDossierCorrection: a province admin of the person's province
 *   accepts it — the profile's field is replaced in the same transaction as
 *   the request's status and the audit entry (which names the field, never
 *   its values) — or rejects it with a reason.
 */
import {
  communeOf,
  type CorrectionRequest,
  message,
  oneLine,
  type TDecideDossierCorrectionInput,
  type TRequestDossierCorrectionInput,
} from '@canbo/model';
import { applyCorrection, correctedValue, correctionDueOn } from '../../domain/dossiers';
import { requireRole, requireScope, type Actor } from '../../lib/actor';
import { vietnamDay } from '../../lib/clock';
import { NotFound, ValidationFailed } from '../../lib/errors';
import type { DossierDeps } from './deps';
import { dossierError } from './errors';
import { log } from '../../log';

/** The least length of a rejection's reason. */
export const REJECT_REASON_MIN = 10;

export async function requestDossierCorrection(
  deps: DossierDeps,
  actor: Actor,
  input: TRequestDossierCorrectionInput,
): Promise<CorrectionRequest> {
  requireRole(actor, 'cadre');
  const cadreId = actor.cadreId;
  if (!cadreId) throw dossierError('permission-denied', 'dossier.error.notOwnDossier');
  const created = await deps.db.runTransaction(async (tx) => {
    const { cadre, profile, mark } = await deps.dossiers.read(tx, cadreId);
    if (!cadre) throw new NotFound('error.unknownCadre', { id: cadreId });
    if (cadre.provinceCode !== actor.province) throw dossierError('permission-denied', 'error.outsideScope');
    if (!profile) {
      if (mark?.state === 'deleted')
        throw dossierError('not-found', 'dossier.error.deleted', { id: cadreId });
      throw new NotFound('error.missingProfile', { id: cadreId });
    }
    const now = deps.clock.now();
    const request: CorrectionRequest = {
      id: deps.newId('corr'),
      cadreId,
      provinceCode: cadre.provinceCode,
      communeCode: communeOf(cadre.homeUnitCode),
      field: input.field,
      proposedValue: input.proposedValue,
      reason: input.reason,
      status: 'open',
      requestedBy: actor.uid,
      requestedAt: now.toISOString(),
      dueOn: correctionDueOn(vietnamDay(now), deps.settings),
      responseWorkingDays: deps.settings.correction.workingDays,
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
    };
    deps.dossiers.createCorrection(tx, request);
    return request;
  });
  log.info('dossier.correctionRequested', {
    id: created.id,
    cadreId,
    field: created.field,
    dueOn: created.dueOn,
  });
  return created;
}

export async function decideDossierCorrection(
  deps: DossierDeps,
  actor: Actor,
  input: TDecideDossierCorrectionInput,
): Promise<CorrectionRequest> {
  requireRole(actor, 'province_admin');
  if (input.decision === 'reject' && input.note.length < REJECT_REASON_MIN) {
    throw new ValidationFailed([
      {
        path: 'note',
        message: oneLine(message('dossier.error.rejectReasonShort', { min: REJECT_REASON_MIN })),
      },
    ]);
  }
  const decided = await deps.db.runTransaction(async (tx) => {
    const request = await deps.dossiers.findCorrection(tx, input.correctionId);
    if (!request) {
      throw dossierError('not-found', 'dossier.error.unknownCorrection', { id: input.correctionId });
    }
    requireScope(actor, request.provinceCode, request.communeCode);
    const { cadre, profile, mark } = await deps.dossiers.read(tx, request.cadreId);
    if (request.status !== 'open') {
      throw dossierError('failed-precondition', 'dossier.error.correctionClosed', { status: request.status });
    }
    const now = deps.clock.now().toISOString();
    const after: CorrectionRequest = {
      ...request,
      status: input.decision === 'accept' ? 'accepted' : 'rejected',
      decidedBy: { uid: actor.uid, role: actor.role },
      decidedAt: now,
      decisionNote: input.note,
    };
    if (input.decision === 'accept') {
      if (!cadre) throw new NotFound('error.unknownCadre', { id: request.cadreId });
      if (!profile) {
        if (mark?.state === 'deleted')
          throw dossierError('not-found', 'dossier.error.deleted', { id: request.cadreId });
        throw new NotFound('error.missingProfile', { id: request.cadreId });
      }
      const value = correctedValue(request.field, request.proposedValue, input.value);
      if (!value.ok) {
        const key =
          value.problem === 'value_required'
            ? 'dossier.error.correctionValueRequired'
            : 'dossier.error.correctionValueInvalid';
        throw dossierError(
          'invalid-argument',
          key,
          { field: request.field },
          {
            fields: [{ path: 'value', message: request.field }],
          },
        );
      }
      deps.dossiers.saveProfile(
        tx,
        request.cadreId,
        applyCorrection(profile, request.field, value.value, now),
      );
    }
    deps.dossiers.saveCorrection(tx, after);
    // The audit entry names the field and the request, not the personal data itself.
    deps.repos.audit.append(tx, {
      actor,
      action: input.decision === 'accept' ? 'dossier.correctionAccepted' : 'dossier.correctionRejected',
      target:
        input.decision === 'accept'
          ? `cadres/${request.cadreId}/private/profile`
          : `correctionRequests/${request.id}`,
      before: { correctionId: request.id, field: request.field, status: request.status },
      after: { correctionId: request.id, field: request.field, status: after.status },
      reason: oneLine(
        input.decision === 'accept'
          ? message('dossier.audit.correctionAccepted', {
              field: request.field,
              id: request.id,
              note: input.note,
            })
          : message('dossier.audit.correctionRejected', { id: request.id, note: input.note }),
      ),
    });
    return after;
  });
  log.info('dossier.correctionDecided', {
    id: decided.id,
    cadreId: decided.cadreId,
    field: decided.field,
    status: decided.status,
    by: actor.uid,
  });
  return decided;
}
