/**
 * The demo area monitors (issue 13, docs/monitors.md): the demo monitor
 * account `demo-area-monitor` follows the province's first three communes
 * (by code: the three scripts/start.ts gives that account and
 * test/e2e/web.e2e.test.ts expects), a second monitor `demo-area-monitor-2`
 * (a scope document only, no sign-in) the next three, so the province can
 * reassign a commune between them; each has its current assignment, and the
 * demo monitor a few work-log entries dated in the month before the seed's
 * date. Ids are fixed, so a second run overwrites. Written through the same
 * converters as the callables (zod on write).
 */
import type { BulkWriter, Firestore } from 'firebase-admin/firestore';
import type { MonitorAssignment, MonitorLogEntry, Unit, UserScope } from '@canbo/model';
import { monitorCollections } from '../../functions/src/data/monitors';
import { collections } from '../../functions/src/data/refs';
import type { GenerateOptions } from './context';

export const DEMO_MONITORS = ['demo-area-monitor', 'demo-area-monitor-2'] as const;

/** `date` moved by `days` (YYYY-MM-DD). */
function shift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface MonitorSeed {
  scopes: UserScope[];
  assignments: MonitorAssignment[];
  log: MonitorLogEntry[];
}

export function generateMonitors(units: readonly Unit[], options: GenerateOptions): MonitorSeed {
  const province = options.provinceCode;
  const communes = units
    .filter((u) => u.level === 'commune' && u.parentCode === province)
    .map((u) => u.code)
    .sort();
  const at = `${options.asOf}T08:00:00.000Z`;
  const from = `${options.asOf.slice(0, 4)}-01-02`;
  const areas = [communes.slice(0, 3), communes.slice(3, 6)];
  const scopes: UserScope[] = DEMO_MONITORS.map((uid, i) => ({
    uid,
    role: 'area_monitor',
    provinceCode: province,
    communes: areas[i]!,
    cadreId: null,
    version: 1,
    claimsAppliedVersion: 1,
    claimsPending: false,
    updatedAt: at,
    updatedBy: 'seed',
  }));
  const assignments: MonitorAssignment[] = DEMO_MONITORS.map((uid, i) => ({
    id: `ma-${province}-seed-${i + 1}`,
    provinceCode: province,
    monitorUid: uid,
    communes: areas[i]!,
    fields: i === 0 ? ['party_building', 'government'] : ['mass_organisations', 'socio_economic'],
    from: from <= options.asOf ? from : options.asOf,
    to: null,
    decision: `${i + 1}-QĐ/BTCTU`,
    reason: 'Phân công cán bộ theo dõi địa bàn (dữ liệu mẫu)',
    decidedBy: 'seed',
    decidedAt: at,
    endedBy: null,
    endReason: null,
  }));
  const [a, b, c] = areas[0]!;
  const entry = (
    n: number,
    communeCode: string | undefined,
    daysAgo: number,
    kind: MonitorLogEntry['kind'],
    field: MonitorLogEntry['field'],
    summary: string,
    followUp: MonitorLogEntry['followUp'],
  ): MonitorLogEntry | null => {
    if (!communeCode) return null;
    const date = shift(options.asOf, -daysAgo);
    return {
      id: `ml-${province}-seed-${n}`,
      provinceCode: province,
      communeCode,
      monitorUid: DEMO_MONITORS[0],
      kind,
      date,
      field,
      summary,
      followUp,
      dueDate: kind === 'recommendation' ? shift(options.asOf, 30) : null,
      history: followUp
        ? [{ state: followUp, note: null, by: DEMO_MONITORS[0], at: `${date}T09:00:00.000Z` }]
        : [],
      createdAt: `${date}T09:00:00.000Z`,
      updatedAt: `${date}T09:00:00.000Z`,
      updatedBy: DEMO_MONITORS[0],
    };
  };
  const log = [
    entry(1, a, 20, 'visit', 'government', 'Làm việc với UBND xã về bộ phận một cửa', null),
    entry(2, a, 20, 'finding', 'government', 'Hồ sơ đất đai trả chậm so với hẹn', 'in_progress'),
    entry(3, b, 12, 'visit', 'party_building', 'Dự sinh hoạt chi bộ thôn', null),
    entry(4, b, 12, 'recommendation', 'party_building', 'Kiện toàn cấp ủy chi bộ còn thiếu', 'open'),
    entry(5, c, 5, 'visit', 'government', 'Kiểm tra việc bố trí công chức chuyên môn', null),
  ].filter((e): e is MonitorLogEntry => e !== null);
  return { scopes, assignments, log };
}

/** The seed's writes, by collection, for scripts/seed/seed.ts's plan. */
export function monitorWrites(
  writer: BulkWriter,
  db: Firestore,
  units: readonly Unit[],
  options: GenerateOptions,
): Record<string, (() => unknown)[]> {
  const g = generateMonitors(units, options);
  const m = monitorCollections(db);
  const scopes = collections(db).userScopes;
  return {
    'userScopes (monitors)': g.scopes.map((s) => () => writer.set(scopes.doc(s.uid), s)),
    monitorAssignments: g.assignments.map((x) => () => writer.set(m.assignments.doc(x.id), x)),
    monitorLog: g.log.map((x) => () => writer.set(m.log.doc(x.id), x)),
  };
}
