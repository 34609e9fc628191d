/**
 * generateReport and the report's job (docs/reports.md).
 *
 * A report covers the units of its scope — every unit of the province, or a
 * commune and its agencies — read a page at a time (PAGE_SIZE units: one `in`
 * query per source and page). A commune report is built while the caller
 * waits. A province report is a job: reports/{id} is created running with its
 * progress (`done`/`total` units), and one Cloud Tasks task works through the
 * pages, recording each (with its units counted in the progress, once) in
 * reports/{id}/pages; when its time budget is spent it enqueues the next step
 * and returns, and a retried task skips the pages already recorded. The last
 * step builds the table from the pages and writes it — in the document, or
 * in parts when it would not fit in one document.
 */
import {
  communeOf,
  type GenerateReportResult,
  type Report,
  type ReportPart,
  type TGenerateReportInput,
  type Unit,
} from '@canbo/model';
import { splitTable } from '../../domain/reports';
import { Forbidden, NotFound } from '../../lib/errors';
import { requireRole, requireScope, type Actor } from '../../lib/actor';
import { today } from '../../lib/clock';
import type { ReportQueue, ReportStore } from '../../data/reports';
import type { UseCaseDeps } from '../deps';
import { buildTable, collectPage, type KindContext } from './kinds';

export interface ReportDeps extends UseCaseDeps {
  reports: ReportStore;
  queue: ReportQueue;
  /** Units per page (default PAGE_SIZE; tests use smaller pages). */
  pageSize?: number;
}

/** Units per page: Firestore's limit on the values of one `in` filter. */
export const PAGE_SIZE = 30;
/** A table larger than this is written in parts (a document holds at most 1 MiB). */
export const MAX_TABLE_BYTES = 700_000;
/** How long one task works before it hands over to the next step (a task may run 9 minutes). */
export const STEP_BUDGET_MS = 6 * 60_000;

const READERS = ['province_admin', 'auditor', 'area_monitor', 'commune_admin', 'commune_viewer'] as const;

export async function generateReport(
  deps: ReportDeps,
  actor: Actor,
  input: TGenerateReportInput,
): Promise<GenerateReportResult> {
  requireRole(actor, ...READERS);
  let communeCode: string | null = null;
  if (input.scope === 'province') requireRole(actor, 'province_admin', 'auditor');
  else {
    communeCode = input.communeCode ?? (actor.communes.length === 1 ? actor.communes[0]! : null);
    if (communeCode === null) throw new Forbidden('error.outsideScope');
    requireScope(actor, actor.province, communeCode);
  }
  const units = await deps.reports.unitsOfProvince(actor.province);
  if (communeCode !== null && !units.some((u) => u.code === communeCode))
    throw new NotFound('error.unknownUnit', { code: communeCode });
  const now = deps.clock.now().toISOString();
  const report: Report = {
    id: deps.newId(`report-${actor.province}`),
    kind: input.kind,
    scope: input.scope,
    provinceCode: actor.province,
    communeCode,
    params: {
      year: input.year ?? null,
      from: input.from ?? null,
      to: input.to ?? null,
      quarter: input.quarter ?? null,
      term: input.term ?? null,
    },
    state: 'running',
    progress: { done: 0, total: scopeUnits(units, actor.province, communeCode).length },
    startedBy: actor.uid,
    createdAt: now,
    updatedAt: now,
    error: null,
    table: null,
    parts: 0,
  };
  await deps.reports.create(report);
  if (input.scope === 'province') {
    await deps.queue.enqueue({ reportId: report.id, step: 0 });
    return { id: report.id, state: 'running', progress: report.progress, table: null };
  }
  let done: Report;
  try {
    done = await runReportStep(deps, report.id, { units });
  } catch (err) {
    await failReport(deps, report.id, err);
    throw err;
  }
  return { id: report.id, state: done.state, progress: done.progress, table: done.table };
}

/** The units a report covers, in a stable order: the province and its agencies, then each commune with its own. */
export function scopeUnits(units: readonly Unit[], provinceCode: string, communeCode: string | null): Unit[] {
  const inScope = units.filter((u) =>
    communeCode === null ? u.provinceCode === provinceCode : communeOf(u.code) === communeCode,
  );
  return inScope.sort((a, b) => a.code.localeCompare(b.code));
}

/** Pages of unit codes. */
function paginate(codes: readonly string[], size: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < codes.length; i += size) out.push(codes.slice(i, i + size));
  return out;
}

/**
 * One step of a report's job: records the pages not yet recorded until the
 * budget is spent (then enqueues the next step), or to the end, and then
 * writes the table. A report that is no longer running is left alone. An
 * error is thrown as it is: the caller decides whether the report failed.
 */
export async function runReportStep(
  deps: ReportDeps,
  reportId: string,
  options: { units?: readonly Unit[]; budgetMs?: number } = {},
): Promise<Report> {
  const started = Date.now();
  const report = await deps.reports.find(reportId);
  if (!report) throw new Error(`reports/${reportId} does not exist`);
  if (report.state !== 'running') return report;
  const units = options.units ?? (await deps.reports.unitsOfProvince(report.provinceCode));
  const covered = scopeUnits(units, report.provinceCode, report.communeCode);
  const top = units.find((u) => u.code === (report.communeCode ?? report.provinceCode));
  const ctx: KindContext = {
    store: deps.reports,
    report,
    units,
    scopeUnits: covered,
    unitName: top?.name ?? report.communeCode ?? report.provinceCode,
    asOf: today(deps.clock),
  };
  const pages = paginate(
    covered.map((u) => u.code),
    deps.pageSize ?? PAGE_SIZE,
  );
  const recorded = new Map((await deps.reports.pages(reportId)).map((p) => [p.index, p]));
  for (const [index, codes] of pages.entries()) {
    if (recorded.has(index)) continue;
    if (options.budgetMs !== undefined && Date.now() - started > options.budgetMs) {
      await deps.queue.enqueue({ reportId, step: recorded.size });
      return { ...report, progress: { done: countUnits(recorded), total: report.progress.total } };
    }
    const page = { index, units: codes, data: await collectPage(ctx, codes) };
    await deps.reports.savePage(reportId, page, deps.clock.now().toISOString());
    recorded.set(index, page);
  }
  const ordered = [...recorded.values()].sort((a, b) => a.index - b.index).map((p) => p.data);
  const table = buildTable(ctx, ordered);
  const { head, parts } = splitTable(table, MAX_TABLE_BYTES);
  const now = deps.clock.now().toISOString();
  const finished: Report = {
    ...report,
    state: 'succeeded',
    progress: { done: report.progress.total, total: report.progress.total },
    table: head,
    parts: parts.length,
    updatedAt: now,
  };
  const partDocs: ReportPart[] = parts.map((groups, index) => ({
    reportId,
    index,
    provinceCode: report.provinceCode,
    startedBy: report.startedBy,
    groups,
  }));
  await deps.reports.finish(finished, partDocs, now);
  return { ...finished, table };
}

/**
 * Marks a report failed, with the error. A commune report fails at once; a
 * job's step is retried by Cloud Tasks (the retry carries on from the pages
 * recorded), and only its last attempt marks the report failed.
 */
export async function failReport(deps: ReportDeps, reportId: string, err: unknown): Promise<void> {
  await deps.reports.fail(
    reportId,
    err instanceof Error ? err.message : String(err),
    deps.clock.now().toISOString(),
  );
}

function countUnits(recorded: ReadonlyMap<number, { units: string[] }>): number {
  let n = 0;
  for (const p of recorded.values()) n += p.units.length;
  return n;
}
