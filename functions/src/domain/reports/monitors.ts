/**
 * Report 6: the area monitors' activity in a period — for each monitor, per
 * commune they recorded work in: visits, findings, recommendations, and how
 * many of those findings and recommendations are still open or done — with a
 * subtotal per monitor and the province's total. Each monitor's figures are
 * H-monitors' `monitorReport`, so they are the monitor page's own.
 */
import type { MonitorLogEntry, ReportGroup, ReportTable } from '@canbo/model';
import { monitorReport, periodRange } from '../monitors/report';
import { byName, column, same, sumRow, text, viDate } from './table';

export interface MonitorsReportInput {
  unitName: string;
  asOf: string;
  /** YYYY-Qn (or YYYY-MM) */
  period: string;
  entries: readonly MonitorLogEntry[];
  unitNames: Readonly<Record<string, string>>;
}

const FIGURES = ['visits', 'findings', 'recommendations', 'open', 'done'] as const;

export function buildMonitorsReport(input: MonitorsReportInput): ReportTable {
  const columns = FIGURES.map((f) => column(f, text(`report.col.${f}`)));
  const name = (code: string) => input.unitNames[code] ?? code;
  const monitors = [...new Set(input.entries.map((e) => e.monitorUid))].sort();
  const groups: ReportGroup[] = [];
  for (const uid of monitors) {
    const r = monitorReport(uid, input.period, input.entries);
    if (r.rows.length === 0) continue;
    const rows = r.rows
      .map((row) => ({
        key: `${uid}/${row.communeCode}`,
        label: same(name(row.communeCode)),
        cells: FIGURES.map((f) => row[f]),
      }))
      .sort((a, b) => byName(a.label.vi, b.label.vi));
    groups.push({
      key: uid,
      label: text('report.group.monitor', { uid }),
      rows,
      subtotal: {
        key: `${uid}.subtotal`,
        label: text('report.subtotal'),
        cells: FIGURES.map((f) => r.totals[f]),
      },
    });
  }
  const { from, to } = periodRange(input.period);
  return {
    kind: 'monitors',
    title: text('report.monitors.title'),
    subtitle: text('report.period.subtitle', { from: viDate(from), to: viDate(to) }),
    unitName: input.unitName,
    asOf: input.asOf,
    rowHeading: text('report.row.commune'),
    columns,
    groups,
    total: sumRow(
      'total',
      text('report.total'),
      columns,
      groups.map((g) => g.subtotal!),
    ),
    notes: [text('report.note.monitors')],
    chart: groups.map((g) => ({
      key: g.key,
      label: g.key,
      values: {
        visits: Number(g.subtotal!.cells[0]),
        findings: Number(g.subtotal!.cells[1]),
        recommendations: Number(g.subtotal!.cells[2]),
      },
    })),
  };
}
