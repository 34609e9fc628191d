/**
 * Who may read a private dossier, for which purpose and which fields (issue
 * 13; docs/personal-data.md "Who reads a dossier", docs/legal-basis.md §16).
 * Pure: the service asks it inside the read's transaction, with the person as
 * read there, and writes the access-log entry only when it answers `allowed`.
 *
 * - province_admin: anyone of their province, for the province's purposes;
 * - auditor: anyone of their province, to inspect or handle a complaint;
 * - commune_admin: the people whose home unit (the quota they are on) is in
 *   their communes — the same people whose restrictions they record
 *   (recordRestrictions) — for a commune's purposes;
 * - cadre: their own dossier, purpose `self`;
 * - commune_viewer, area_monitor and any other role: never.
 * Data minimisation: a read returns at most the fields its purpose needs.
 */
import {
  DOSSIER_FIELDS,
  type DossierFieldName,
  type DossierPurposeCode,
  isDossierReaderRole,
  PURPOSE_FIELDS,
  PURPOSES_BY_ROLE,
} from '@canbo/model';

export interface DossierReader {
  role: string;
  province: string;
  communes: readonly string[];
  cadreId: string | null;
}

/** What of the person decides the scope: their province and home commune. */
export interface DossierSubject {
  id: string;
  provinceCode: string;
  /** The commune of the home unit (communeOf(homeUnitCode)); null for a provincial unit. */
  homeCommuneCode: string | null;
}

export type DossierRefusal =
  | { refusal: 'role' }
  | { refusal: 'purpose' }
  | { refusal: 'self_only' }
  | { refusal: 'not_own' }
  | { refusal: 'scope' }
  | { refusal: 'fields'; fields: DossierFieldName[] };

export type DossierAccess =
  { allowed: true; fields: DossierFieldName[] } | ({ allowed: false } & DossierRefusal);

/** Whether the role may state this purpose at all (asked before anything is read). */
export function purposeAllowed(
  reader: Pick<DossierReader, 'role'>,
  purpose: DossierPurposeCode,
): DossierAccess | null {
  if (!isDossierReaderRole(reader.role)) return { allowed: false, refusal: 'role' };
  if (purpose === 'self' && reader.role !== 'cadre') return { allowed: false, refusal: 'self_only' };
  if (!PURPOSES_BY_ROLE[reader.role].includes(purpose)) return { allowed: false, refusal: 'purpose' };
  return null;
}

/** The fields a read returns: those asked (all must be within the purpose), or all of the purpose's, in catalogue order. */
export function fieldsFor(
  purpose: DossierPurposeCode,
  asked: readonly DossierFieldName[] | undefined,
): DossierAccess {
  const allowed = PURPOSE_FIELDS[purpose];
  const wanted = asked ?? allowed;
  const outside = wanted.filter((f) => !allowed.includes(f));
  if (outside.length > 0) return { allowed: false, refusal: 'fields', fields: [...outside] };
  return { allowed: true, fields: DOSSIER_FIELDS.filter((f) => wanted.includes(f)) };
}

/** The whole decision for one read of `subject`'s dossier. */
export function dossierAccess(
  reader: DossierReader,
  subject: DossierSubject,
  purpose: DossierPurposeCode,
  asked?: readonly DossierFieldName[],
): DossierAccess {
  const refused = purposeAllowed(reader, purpose);
  if (refused) return refused;
  if (subject.provinceCode !== reader.province) return { allowed: false, refusal: 'scope' };
  switch (reader.role) {
    case 'cadre':
      if (reader.cadreId !== subject.id) return { allowed: false, refusal: 'not_own' };
      break;
    case 'commune_admin':
      if (subject.homeCommuneCode === null || !reader.communes.includes(subject.homeCommuneCode))
        return { allowed: false, refusal: 'scope' };
      break;
    default:
      // province_admin, auditor: the whole province.
      break;
  }
  return fieldsFor(purpose, asked);
}

/** The part of a profile a read returns: exactly `fields`. */
export function pickFields<P extends Record<DossierFieldName, unknown>>(
  profile: P,
  fields: readonly DossierFieldName[],
): Partial<Pick<P, DossierFieldName>> {
  const out: Partial<Pick<P, DossierFieldName>> = {};
  for (const f of fields) out[f] = profile[f];
  return out;
}
