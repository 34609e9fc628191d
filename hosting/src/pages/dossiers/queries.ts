/**
 * The dossier pages' reads, as pure descriptions (no Firebase): every query
 * carries the scope the rules require (firestore.rules, "personal dossiers"):
 * `provinceCode == <claims.province>`, and for a cadre `cadreId == <own id>`.
 * The access log is the auditor's and the person's; correction requests the
 * province's and the person's. Each query has its composite index in
 * firestore.indexes.json.
 */
import type { Claims } from '@canbo/model';

export type Constraint =
  | { kind: 'where'; field: string; op: '==' | '>=' | '<'; value: string }
  | { kind: 'orderBy'; field: string; dir: 'asc' | 'desc' }
  | { kind: 'limit'; n: number };

export interface DossierQuery {
  collection: 'dossierReads' | 'correctionRequests';
  constraints: Constraint[];
}

const eq = (field: string, value: string): Constraint => ({ kind: 'where', field, op: '==', value });

/** The most rows one list reads (newest first); the auditor narrows with the filters. */
export const LIST_LIMIT = 500;

/** Vietnam's midnight (UTC+7) of a YYYY-MM-DD day, as the ISO instant the log stores. */
export function vietnamDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+07:00`)).toISOString();
}

/** The reads of the person's own dossier, newest first (a cadre's claims). */
export function readsOfMine(c: Claims): DossierQuery | null {
  if (c.role !== 'cadre' || !c.cadreId) return null;
  return {
    collection: 'dossierReads',
    constraints: [
      eq('provinceCode', c.province),
      eq('cadreId', c.cadreId),
      { kind: 'orderBy', field: 'at', dir: 'desc' },
      { kind: 'limit', n: LIST_LIMIT },
    ],
  };
}

export interface ReadsFilter {
  /** YYYY-MM-DD, Vietnam days, inclusive. */
  from: string;
  to: string;
  cadreId: string;
  readerUid: string;
}

/**
 * The auditor's view of the province's log: optionally one person or one
 * reader (equality, with an index each), a date range, newest first.
 */
export function readsOfProvince(c: Claims, f: ReadsFilter): DossierQuery | null {
  if (c.role !== 'auditor') return null;
  const cs: Constraint[] = [eq('provinceCode', c.province)];
  if (f.cadreId.trim()) cs.push(eq('cadreId', f.cadreId.trim()));
  else if (f.readerUid.trim()) cs.push(eq('reader.uid', f.readerUid.trim()));
  if (f.from) cs.push({ kind: 'where', field: 'at', op: '>=', value: vietnamDayStart(f.from) });
  if (f.to) {
    const next = new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    cs.push({ kind: 'where', field: 'at', op: '<', value: vietnamDayStart(next) });
  }
  cs.push({ kind: 'orderBy', field: 'at', dir: 'desc' }, { kind: 'limit', n: LIST_LIMIT });
  return { collection: 'dossierReads', constraints: cs };
}

/** The person's own correction requests, newest first. */
export function correctionsOfMine(c: Claims): DossierQuery | null {
  if (c.role !== 'cadre' || !c.cadreId) return null;
  return {
    collection: 'correctionRequests',
    constraints: [
      eq('provinceCode', c.province),
      eq('cadreId', c.cadreId),
      { kind: 'orderBy', field: 'requestedAt', dir: 'desc' },
      { kind: 'limit', n: LIST_LIMIT },
    ],
  };
}

/** The province's open correction requests, the earliest due first (province admins and auditors). */
export function openCorrections(c: Claims): DossierQuery | null {
  if (c.role !== 'province_admin' && c.role !== 'auditor') return null;
  return {
    collection: 'correctionRequests',
    constraints: [
      eq('provinceCode', c.province),
      eq('status', 'open'),
      { kind: 'orderBy', field: 'dueOn', dir: 'asc' },
      { kind: 'limit', n: LIST_LIMIT },
    ],
  };
}

/** Open after its last day (`today`: the Vietnam calendar day). The server's rule is the same (isOverdue). */
export function overdue(r: { status: string; dueOn: string }, today: string): boolean {
  return r.status === 'open' && today > r.dueOn;
}
