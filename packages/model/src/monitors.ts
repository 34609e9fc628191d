/**
 * Area monitors (cán bộ theo dõi địa bàn, issue 13; docs/monitors.md): the
 * province assigns communes and fields of work to a monitor, and the monitor
 * keeps a work log per commune (visits, findings, recommendations and their
 * follow-up), from which a periodic report is drawn.
 *
 * Collections:
 * - `monitorAssignments/{id}`: one assignment of a monitor — the communes and
 *   fields, from/to dates, decided by whom and why. A monitor has at most one
 *   current assignment (`to: null`); a change closes it and opens the next, so
 *   the documents of one monitor are the history of their areas.
 * - `monitorLog/{id}`: one entry of the work log, in one commune.
 * - The monitor's CURRENT communes are the `communes` of `userScopes/{uid}`
 *   (packages/model/src/scopes.ts), written in the same transaction as the
 *   assignment: the security rules and the callables read that document, not
 *   the ID token's claims (which refresh only hourly), so a reassigned commune
 *   is closed to the monitor at once.
 */
import { z } from 'zod';
import { CommuneCode, DocId, IsoDate, IsoDateTime, ProvinceCode } from './common';
import { RequestId } from './idempotency';
import { oneLine } from './messages/format';
import { MONITOR_MESSAGES } from './messages/monitors';

/**
 * The fields of work (lĩnh vực) a monitor follows. Our own configuration of the
 * areas the provincial reports name (docs/monitors.md): Party building, the
 * government, the Fatherland Front and mass organisations, the economy and
 * society, defence and security.
 */
export const MONITOR_FIELDS = [
  'party_building',
  'government',
  'mass_organisations',
  'socio_economic',
  'defence_security',
] as const;
export const MonitorField = z.enum(MONITOR_FIELDS);
export type MonitorField = z.infer<typeof MonitorField>;

/** How many communes one assignment may hold (a whole province's communes fit; the scope document has no 1,000-byte limit). */
export const MAX_MONITOR_COMMUNES = 200;

const Uid = z.string().min(1).max(128);
const Text = (max: number) => z.string().trim().min(3).max(max);

export const MonitorAssignment = z.object({
  id: DocId,
  provinceCode: ProvinceCode,
  monitorUid: Uid,
  /** The communes followed (empty: the monitor follows none, e.g. the assignment was ended). */
  communes: z.array(CommuneCode).max(MAX_MONITOR_COMMUNES),
  fields: z.array(MonitorField),
  from: IsoDate,
  /** The last day; null while current. */
  to: IsoDate.nullable(),
  /** The decision (quyết định) that made the assignment, when there is one. */
  decision: z.string().max(120).nullable(),
  reason: z.string().min(1).max(2000),
  decidedBy: z.string().min(1),
  decidedAt: IsoDateTime,
  /** Who closed it and why (the next assignment's decider and reason). */
  endedBy: z.string().min(1).nullable(),
  endReason: z.string().max(2000).nullable(),
});
export type MonitorAssignment = z.infer<typeof MonitorAssignment>;

/** What a log entry records. */
export const MONITOR_ENTRY_KINDS = ['visit', 'finding', 'recommendation'] as const;
export const MonitorEntryKind = z.enum(MONITOR_ENTRY_KINDS);
export type MonitorEntryKind = z.infer<typeof MonitorEntryKind>;

/** The follow-up of a finding or recommendation (a visit has none). */
export const FOLLOW_UP_STATES = ['open', 'in_progress', 'done'] as const;
export const FollowUpState = z.enum(FOLLOW_UP_STATES);
export type FollowUpState = z.infer<typeof FollowUpState>;

export const FollowUpStep = z.object({
  state: FollowUpState,
  note: z.string().max(2000).nullable(),
  by: z.string().min(1),
  at: IsoDateTime,
});
export type FollowUpStep = z.infer<typeof FollowUpStep>;

export const MonitorLogEntry = z.object({
  id: DocId,
  provinceCode: ProvinceCode,
  communeCode: CommuneCode,
  monitorUid: Uid,
  kind: MonitorEntryKind,
  /** The day of the visit, or the day the finding or recommendation was made. */
  date: IsoDate,
  field: MonitorField,
  summary: z.string().min(1).max(4000),
  /** null for a visit. */
  followUp: FollowUpState.nullable(),
  /** The date a recommendation should be acted on, if set. */
  dueDate: IsoDate.nullable(),
  /** Every change of the follow-up state, oldest first. */
  history: z.array(FollowUpStep),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  updatedBy: z.string().min(1),
});
export type MonitorLogEntry = z.infer<typeof MonitorLogEntry>;

/** A report period: a month `2026-11` or a quarter `2026-Q4`. */
export const MonitorPeriod = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, oneLine(MONITOR_MESSAGES['monitor.field.period']));

/** One commune's line of a monitor's periodic report. */
export interface MonitorReportRow {
  communeCode: string;
  visits: number;
  findings: number;
  recommendations: number;
  /** Findings and recommendations of the period still open or in progress (as they stand now). */
  open: number;
  /** … and those done. */
  done: number;
}
export interface MonitorReport {
  monitorUid: string;
  period: string;
  /** First and last day of the period. */
  from: string;
  to: string;
  rows: MonitorReportRow[];
  totals: Omit<MonitorReportRow, 'communeCode'>;
}

// Callable inputs (strict: an unknown field is an error).

const requestId = RequestId.optional();

/** assignMonitor: province admins set a monitor's communes and fields (replacing the current assignment). */
export const ZAssignMonitorInput = z.strictObject({
  monitorUid: Uid,
  communes: z.array(CommuneCode).max(MAX_MONITOR_COMMUNES),
  fields: z.array(MonitorField).min(1),
  decision: z.string().trim().min(1).max(120).optional(),
  reason: Text(2000),
  requestId,
});
export type TAssignMonitorInput = z.infer<typeof ZAssignMonitorInput>;

/** reassignMonitorCommune: one commune moves from one monitor to another, both changes in one transaction. */
export const ZReassignMonitorCommuneInput = z.strictObject({
  communeCode: CommuneCode,
  fromUid: Uid,
  toUid: Uid,
  decision: z.string().trim().min(1).max(120).optional(),
  reason: Text(2000),
  requestId,
});
export type TReassignMonitorCommuneInput = z.infer<typeof ZReassignMonitorCommuneInput>;

/** recordMonitorEntry: a monitor records a visit, finding or recommendation in one of their communes. */
export const ZRecordMonitorEntryInput = z.strictObject({
  communeCode: CommuneCode,
  kind: MonitorEntryKind,
  date: IsoDate,
  field: MonitorField,
  summary: Text(4000),
  dueDate: IsoDate.optional(),
  requestId,
});
export type TRecordMonitorEntryInput = z.infer<typeof ZRecordMonitorEntryInput>;

/** updateMonitorEntry: a monitor of the commune moves a finding or recommendation along its follow-up. */
export const ZUpdateMonitorEntryInput = z.strictObject({
  id: DocId,
  followUp: FollowUpState,
  note: z.string().trim().max(2000).optional(),
  requestId,
});
export type TUpdateMonitorEntryInput = z.infer<typeof ZUpdateMonitorEntryInput>;

/** getMonitorReport: a monitor's own report, or any monitor's of the province for province-wide roles. */
export const ZGetMonitorReportInput = z.strictObject({
  monitorUid: Uid.optional(),
  period: MonitorPeriod,
});
export type TGetMonitorReportInput = z.infer<typeof ZGetMonitorReportInput>;
