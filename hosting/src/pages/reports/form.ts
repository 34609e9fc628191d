/** The reports page's form: its fields, the callable input they make, and the default quarter. */
import type { ReportKind, TGenerateReportInput } from '@canbo/model';

/** The quarter before the one `day` is in (the last one evaluated). */
export function lastQuarter(day: string): string {
  const y = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

export interface ReportForm {
  kind: ReportKind;
  scope: 'province' | 'commune';
  communeCode: string;
  year: string;
  from: string;
  to: string;
  quarter: string;
  term: '2026-2031' | '2031-2036';
}

/** The callable's input for the form: only the fields the kind needs. */
export function inputOf(f: ReportForm): TGenerateReportInput {
  const base: TGenerateReportInput = { kind: f.kind, scope: f.scope };
  if (f.scope === 'commune' && f.communeCode) base.communeCode = f.communeCode;
  if (f.kind === 'staffing') base.year = Number(f.year);
  if (f.kind === 'evaluations' || f.kind === 'monitors') base.quarter = f.quarter;
  if (f.kind === 'planning') base.term = f.term;
  if (f.kind === 'reinforcement' || f.kind === 'movements') {
    base.from = f.from;
    base.to = f.to;
  }
  return base;
}

/**
 * The filters of the list of recent reports, carrying the scope the rules
 * require (firestore.rules, reports): the province for every account, and for
 * others than the province-wide roles the account's own reports.
 */
export function recentReportsFilters(
  claims: { role: string; province: string },
  uid: string,
): { field: 'provinceCode' | 'startedBy'; value: string }[] {
  const filters: { field: 'provinceCode' | 'startedBy'; value: string }[] = [
    { field: 'provinceCode', value: claims.province },
  ];
  if (claims.role !== 'province_admin' && claims.role !== 'auditor')
    filters.push({ field: 'startedBy', value: uid });
  return filters;
}
