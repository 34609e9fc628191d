/**
 * What the monitor pages read and call (issue 13, docs/monitors.md): the
 * callables' types (added to lib/api.ts's `Callables` by declaration
 * merging), the enums' values (./lists.ts) and loaders over data/scope.ts's
 * scoped queries.
 */
import type {
  Claims,
  MonitorAssignment,
  MonitorLogEntry,
  MonitorReport,
  TAssignMonitorInput,
  TGetMonitorReportInput,
  TReassignMonitorCommuneInput,
  TRecordMonitorEntryInput,
  TUpdateMonitorEntryInput,
} from '@canbo/model';
import { readDoc, runQueries, runQuery } from '../../data/reads';
import {
  areaMonitorsQuery,
  monitorAssignmentQuery,
  monitorLogQueries,
  ownScopeDoc,
  type ScopeDoc,
  withScopeDocument,
} from '../../data/scope';

declare module '../../lib/api' {
  interface Callables {
    assignMonitor: { input: TAssignMonitorInput; output: MonitorAssignment };
    reassignMonitorCommune: {
      input: TReassignMonitorCommuneInput;
      output: { from: MonitorAssignment; to: MonitorAssignment };
    };
    recordMonitorEntry: { input: TRecordMonitorEntryInput; output: MonitorLogEntry };
    updateMonitorEntry: { input: TUpdateMonitorEntryInput; output: MonitorLogEntry };
    getMonitorReport: { input: TGetMonitorReportInput; output: MonitorReport };
  }
}

export { FIELDS, FOLLOW_UPS, KINDS } from './lists';

export type LogRow = MonitorLogEntry & { _id: string };
export type AssignmentRow = MonitorAssignment & { _id: string };

/** The account's claims with its current communes (its scope document read now, not at sign-in). */
export async function currentClaims(claims: Claims, uid: string): Promise<Claims> {
  if (claims.role !== 'area_monitor') return claims;
  return withScopeDocument(claims, await readDoc<ScopeDoc>(ownScopeDoc(uid)));
}

/** The work log in scope, newest first (all the province for province-wide roles). */
export async function loadLog(claims: Claims): Promise<LogRow[]> {
  const specs = monitorLogQueries(claims);
  if (!specs) return [];
  const rows = await runQueries<MonitorLogEntry>(specs);
  return rows.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

export async function loadAssignments(claims: Claims, uid: string): Promise<AssignmentRow[]> {
  const spec = monitorAssignmentQuery(claims, uid);
  return spec ? runQuery<MonitorAssignment>(spec) : [];
}

/** The area monitors a province admin scoped: uid and current communes. */
export async function loadMonitors(claims: Claims): Promise<{ uid: string; communes: string[] }[]> {
  const spec = areaMonitorsQuery(claims);
  if (!spec) return [];
  const rows = await runQuery<{ uid: string; communes: string[] }>(spec);
  return rows
    .map((r) => ({ uid: r._id, communes: r.communes ?? [] }))
    .sort((a, b) => (a.uid < b.uid ? -1 : 1));
}

/** The current month, `YYYY-MM`, of a Vietnam date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}
