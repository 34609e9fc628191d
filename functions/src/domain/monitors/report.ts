/**
 * A monitor's periodic report (issue 13, docs/monitors.md), pure: per commune,
 * the visits, findings and recommendations the monitor recorded in a month or
 * quarter, and how many of those findings and recommendations are still open
 * (open or in progress) or done as they stand now.
 */
import type { MonitorLogEntry, MonitorReport, MonitorReportRow } from '@canbo/model';
import { MonitorRuleBroken } from './rules';

/** First and last day of a period `YYYY-MM` or `YYYY-Qn`. */
export function periodRange(period: string): { from: string; to: string } {
  const m = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/.exec(period);
  if (!m) throw new MonitorRuleBroken('invalid-argument', 'error.invalidInput');
  const year = Number(m[1]);
  const firstMonth = m[2] ? Number(m[2]) : (Number(m[3]) - 1) * 3 + 1;
  const lastMonth = m[2] ? firstMonth : firstMonth + 2;
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const mm = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${mm(firstMonth)}-01`, to: `${year}-${mm(lastMonth)}-${mm(lastDay)}` };
}

const emptyRow = (communeCode: string): MonitorReportRow => ({
  communeCode,
  visits: 0,
  findings: 0,
  recommendations: 0,
  open: 0,
  done: 0,
});

/**
 * The report of `monitorUid` for `period` from log entries (any entries may be
 * given: those of other monitors or dated outside the period are left out).
 * Rows in commune-code order; `communes` adds rows of zeros for communes the
 * monitor follows but recorded nothing in.
 */
export function monitorReport(
  monitorUid: string,
  period: string,
  entries: readonly MonitorLogEntry[],
  communes: readonly string[] = [],
): MonitorReport {
  const { from, to } = periodRange(period);
  const rows = new Map<string, MonitorReportRow>(communes.map((c) => [c, emptyRow(c)]));
  for (const e of entries) {
    if (e.monitorUid !== monitorUid || e.date < from || e.date > to) continue;
    const row = rows.get(e.communeCode) ?? emptyRow(e.communeCode);
    rows.set(e.communeCode, row);
    if (e.kind === 'visit') row.visits++;
    else {
      if (e.kind === 'finding') row.findings++;
      else row.recommendations++;
      if (e.followUp === 'done') row.done++;
      else row.open++;
    }
  }
  const sorted = [...rows.values()].sort((a, b) => (a.communeCode < b.communeCode ? -1 : 1));
  const totals = { visits: 0, findings: 0, recommendations: 0, open: 0, done: 0 };
  for (const r of sorted) {
    totals.visits += r.visits;
    totals.findings += r.findings;
    totals.recommendations += r.recommendations;
    totals.open += r.open;
    totals.done += r.done;
  }
  return { monitorUid, period, from, to, rows: sorted, totals };
}
