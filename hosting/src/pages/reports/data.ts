/**
 * The reports' calls and reads: `generateReport` through the callable (every
 * change goes through one), and reports/{id} with its parts read with
 * Firestore Lite by id (the rules let the requester and the province-wide
 * roles of the province read them; a get needs no scope filter). A running
 * report is polled until its job has written the table.
 */
import type {
  GenerateReportResult,
  Report,
  ReportGroup,
  ReportTable,
  TGenerateReportInput,
} from '@canbo/model';
import { collection, doc, getDoc, getDocs, limit, orderBy, query, where } from 'firebase/firestore/lite';
import { call } from '../../lib/api';
import { db } from '../../lib/firebase';
import { joinParts } from './sheet';

// generateReport is not yet in lib/api.ts's Callables (requested of its owner): the one narrow cast is here.
type GenerateCall = (name: 'generateReport', input: TGenerateReportInput) => Promise<GenerateReportResult>;

export function generateReport(input: TGenerateReportInput): Promise<GenerateReportResult> {
  return (call as unknown as GenerateCall)('generateReport', input);
}

/** What the page needs of a report document (read field by field: the client has no zod). */
export interface ReportView {
  id: string;
  state: Report['state'];
  progress: Report['progress'];
  error: string | null;
  table: ReportTable | null;
}

export async function loadReport(id: string): Promise<ReportView | null> {
  const snap = await getDoc(doc(db, 'reports', id));
  if (!snap.exists()) return null;
  const data = snap.data() as Partial<Report>;
  let table = data.table ?? null;
  if (table && data.state === 'succeeded' && (data.parts ?? 0) > 0) {
    const parts = await Promise.all(
      Array.from({ length: data.parts ?? 0 }, (_, i) =>
        getDoc(doc(db, 'reports', id, 'parts', String(i).padStart(4, '0'))),
      ),
    );
    table = joinParts(
      table,
      parts.map((p) => (p.data()?.groups ?? []) as ReportGroup[]),
    );
  }
  return {
    id,
    state: data.state ?? 'running',
    progress: data.progress ?? { done: 0, total: 0 },
    error: data.error ?? null,
    table,
  };
}

/** Polls a report until it is no longer running, telling `onProgress` each time. */
export async function waitForReport(
  id: string,
  onProgress: (r: ReportView) => void,
  isCancelled: () => boolean,
  intervalMs = 1000,
): Promise<ReportView | null> {
  for (;;) {
    const r = await loadReport(id);
    if (!r || isCancelled()) return r;
    onProgress(r);
    if (r.state !== 'running') return r;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A report in the list of recent ones. */
export interface RecentReport {
  id: string;
  kind: Report['kind'];
  scope: Report['scope'];
  communeCode: string | null;
  state: Report['state'];
  createdAt: string;
}

/** The ten most recent reports the account may read (newest first; firestore.indexes.json has the indexes). */
export async function loadRecentReports(
  filters: { field: string; value: string }[],
): Promise<RecentReport[]> {
  const snap = await getDocs(
    query(
      collection(db, 'reports'),
      ...filters.map((f) => where(f.field, '==', f.value)),
      orderBy('createdAt', 'desc'),
      limit(10),
    ),
  );
  return snap.docs.map((d) => {
    const r = d.data() as Partial<Report>;
    return {
      id: d.id,
      kind: r.kind ?? 'staffing',
      scope: r.scope ?? 'province',
      communeCode: r.communeCode ?? null,
      state: r.state ?? 'running',
      createdAt: r.createdAt ?? '',
    };
  });
}
