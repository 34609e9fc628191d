/**
 * Correction requests (Law 91/2025: the person's right to have their data
 * corrected; docs/legal-basis.md §16, docs/personal-data.md): when one is
 * due, whether it is overdue, and the profile a decision to accept writes.
 * Pure: the service reads and writes in one transaction.
 */
import {
  type CadrePrivate,
  type CorrectionRequest,
  DOSSIER_FIELD_SCHEMAS,
  type DossierFieldName,
  type DossierSettings,
} from '@canbo/model';
import { addWorkingDays } from './calendar';

/** The last day to answer a request made on `requestedOn` (Vietnam calendar). */
export function correctionDueOn(requestedOn: string, settings: DossierSettings): string {
  return addWorkingDays(requestedOn, settings.correction.workingDays);
}

/** Open after its last day: `today` is the Vietnam calendar day. */
export function isOverdue(request: Pick<CorrectionRequest, 'status' | 'dueOn'>, today: string): boolean {
  return request.status === 'open' && today > request.dueOn;
}

/** The open requests of a list that are overdue on `today`, the oldest due first. */
export function overdueRequests<R extends Pick<CorrectionRequest, 'status' | 'dueOn'>>(
  requests: readonly R[],
  today: string,
): R[] {
  return requests.filter((r) => isOverdue(r, today)).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** Fields whose corrected value is the proposed text itself when the admin gives none. */
const TEXT_FIELDS: readonly DossierFieldName[] = ['nationalId', 'phone'];

export type CorrectionValue =
  | { ok: true; value: CadrePrivate[DossierFieldName] }
  | { ok: false; problem: 'value_required' | 'value_invalid' };

/**
 * The value an acceptance writes into `field`: `value` when given, else for
 * the national ID and the phone the proposed text; it must satisfy the
 * profile's schema of that field.
 */
export function correctedValue(
  field: DossierFieldName,
  proposedValue: string,
  value: unknown,
): CorrectionValue {
  const candidate =
    value !== undefined ? value : TEXT_FIELDS.includes(field) ? proposedValue.trim() : undefined;
  if (candidate === undefined) return { ok: false, problem: 'value_required' };
  const parsed = DOSSIER_FIELD_SCHEMAS[field].safeParse(candidate);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: 'value_invalid' };
}

/** The profile with `field` replaced (the other fields kept). */
export function applyCorrection(
  profile: CadrePrivate,
  field: DossierFieldName,
  value: CadrePrivate[DossierFieldName],
  now: string,
): CadrePrivate {
  return { ...profile, [field]: value, updatedAt: now };
}
