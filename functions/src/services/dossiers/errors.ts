/** The refusals of the dossier use cases, as AppErrors with the dossier area's messages. */
import { message, type MessageKey, type MessageParams } from '@canbo/model';
import type { DossierRefusal } from '../../domain/dossiers';
import { AppError } from '../../lib/errors';

export function dossierError(
  code: 'permission-denied' | 'not-found' | 'invalid-argument' | 'failed-precondition',
  key: MessageKey,
  params: MessageParams = {},
  details: Record<string, unknown> = {},
): AppError {
  return new AppError(code, key, params, details);
}

function purposeText(code: string) {
  return message(`dossier.purpose.${code}` as MessageKey);
}

/** The error a refused read answers (nothing was read or logged). */
export function refusal(r: DossierRefusal, role: string, purpose: string): AppError {
  switch (r.refusal) {
    case 'role':
      return dossierError('permission-denied', 'dossier.error.roleNotAllowed', { role });
    case 'purpose':
      return dossierError('permission-denied', 'dossier.error.purposeNotAllowed', {
        role,
        purpose: purposeText(purpose).en,
        purposeVi: purposeText(purpose).vi,
      });
    case 'self_only':
      return dossierError('permission-denied', 'dossier.error.selfOnly');
    case 'not_own':
      return dossierError('permission-denied', 'dossier.error.notOwnDossier');
    case 'scope':
      return dossierError('permission-denied', 'error.outsideScope');
    case 'fields':
      return new AppError(
        'invalid-argument',
        'dossier.error.fieldsOutsidePurpose',
        {
          purpose: purposeText(purpose).en,
          purposeVi: purposeText(purpose).vi,
          fields: r.fields.join(', '),
        },
        { fields: [{ path: 'fields', message: r.fields.join(', ') }] },
      );
  }
}
