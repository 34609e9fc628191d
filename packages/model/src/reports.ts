/**
 * The board's standard reports (issue 13, docs/reports.md): the table model
 * every report is built into (headings, groups, totals, in Vietnamese and
 * English), the request of `generateReport`, and reports/{id}, where a
 * province-wide report's job keeps its progress and its table.
 *
 * A table carries both languages, so the client switches language without
 * asking the server again, and the XLSX and print views show exactly what the
 * screen shows.
 */
import { z } from 'zod';
import { CommuneCode, IsoDate, IsoDateTime, ProvinceCode } from './common';
import { Quarter } from './evaluations';
import { PlanningTerm } from './planning';
import { RequestId } from './idempotency';
import { message, oneLine } from './messages';

export const ReportKind = z.enum([
  // 1. biên chế allocated vs filled (reserved, incoming) by block, every commune
  'staffing',
  // 2. tăng cường cho cơ sở: people moved from province-level units to commune key posts
  'reinforcement',
  // 3. movements by type and status
  'movements',
  // 4. evaluation results by level per unit (a quarter)
  'evaluations',
  // 5. planning structure against its targets, per unit (a term)
  'planning',
  // 6. area monitors' activity: visits, findings, recommendations per commune (a quarter)
  'monitors',
]);
export type ReportKind = z.infer<typeof ReportKind>;
export const REPORT_KINDS: readonly ReportKind[] = ReportKind.options;

export const ReportScope = z.enum(['province', 'commune']);
export type ReportScope = z.infer<typeof ReportScope>;

const Text = z.object({ vi: z.string(), en: z.string() });
export type ReportText = z.infer<typeof Text>;

/** A cell: a figure, a text in both languages, a plain string (a name, a date), or empty. */
export const ReportCell = z.union([z.number(), z.string(), Text, z.null()]);
export type ReportCell = z.infer<typeof ReportCell>;

export const ReportColumn = z.object({
  key: z.string().min(1),
  label: Text,
  /** A heading spanning this column and its neighbours with the same band (e.g. a block). */
  band: Text.nullable(),
  numeric: z.boolean(),
});
export type ReportColumn = z.infer<typeof ReportColumn>;

export const ReportRow = z.object({
  key: z.string().min(1),
  /** The first column: a unit, a person, a type. */
  label: Text,
  /** One cell per column, in the order of `columns`. */
  cells: z.array(ReportCell),
});
export type ReportRow = z.infer<typeof ReportRow>;

export const ReportGroup = z.object({
  key: z.string().min(1),
  label: Text,
  rows: z.array(ReportRow),
  /** The group's sum (null: the report has none per group). */
  subtotal: ReportRow.nullable(),
});
export type ReportGroup = z.infer<typeof ReportGroup>;

export const ReportTable = z.object({
  kind: ReportKind,
  /** "BÁO CÁO BIÊN CHẾ …" */
  title: Text,
  /** What the report covers: the year, the period, the quarter. */
  subtitle: Text,
  /** The unit reported on (the province or the commune), as named in `units`. */
  unitName: z.string().min(1),
  /** The date the figures are taken at (Vietnam calendar date). */
  asOf: IsoDate,
  /** The heading of the first column (unit, person, type). */
  rowHeading: Text,
  columns: z.array(ReportColumn),
  groups: z.array(ReportGroup),
  total: ReportRow.nullable(),
  /** Explanations printed under the table (sources, what a figure counts). */
  notes: z.array(Text),
  /** Units compared in a chart: label and the figures to draw (empty: no chart). */
  chart: z.array(z.object({ key: z.string(), label: z.string(), values: z.record(z.string(), z.number()) })),
});
export type ReportTable = z.infer<typeof ReportTable>;

/** What a report is asked for; which fields a kind needs is checked by `ZGenerateReportInput`. */
export const ReportParams = z.object({
  /** staffing: the quota year. */
  year: z.number().int().min(2025).max(2100).nullable(),
  /** reinforcement, movements: the period of start dates (inclusive). */
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
  /** evaluations, monitors: the quarter. */
  quarter: Quarter.nullable(),
  /** planning: the term. */
  term: PlanningTerm.nullable().optional(),
});
export type ReportParams = z.infer<typeof ReportParams>;

export const ZGenerateReportInput = z
  .strictObject({
    kind: ReportKind,
    scope: ReportScope,
    /** The commune of a commune report (the caller's only commune when omitted). */
    communeCode: CommuneCode.optional(),
    year: z.number().int().min(2025).max(2100).optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    quarter: Quarter.optional(),
    term: PlanningTerm.optional(),
    requestId: RequestId.optional(),
  })
  .superRefine((input, ctx) => {
    const need = (field: 'year' | 'from' | 'to' | 'quarter' | 'term') => {
      if (input[field] === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: oneLine(message('report.input.needed')),
        });
    };
    if (input.kind === 'staffing') need('year');
    if (input.kind === 'evaluations' || input.kind === 'monitors') need('quarter');
    if (input.kind === 'planning') need('term');
    if (input.kind === 'reinforcement' || input.kind === 'movements') {
      need('from');
      need('to');
      if (input.from && input.to && input.from > input.to)
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: oneLine(message('report.input.endBeforeStart')),
        });
    }
  });
export type TGenerateReportInput = z.infer<typeof ZGenerateReportInput>;

export const ReportState = z.enum(['running', 'succeeded', 'failed']);
export type ReportState = z.infer<typeof ReportState>;

/**
 * reports/{id}: one generated report. A commune report is built while the
 * caller waits and stored succeeded; a province report is a job whose
 * progress counts units (`done`/`total`) until its table is written. The table
 * is in the document, or — when it would not fit in one document's 1 MiB —
 * split by groups into reports/{id}/parts/{index} (`parts` of them).
 */
export const Report = z.object({
  id: z.string().min(1),
  kind: ReportKind,
  scope: ReportScope,
  provinceCode: ProvinceCode,
  communeCode: CommuneCode.nullable(),
  params: ReportParams,
  state: ReportState,
  progress: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  startedBy: z.string().min(1),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  error: z.string().nullable(),
  table: ReportTable.nullable(),
  parts: z.number().int().nonnegative(),
});
export type Report = z.infer<typeof Report>;

/** reports/{id}/parts/{index}: some groups of a large table (scope fields copied for the rules). */
export const ReportPart = z.object({
  reportId: z.string().min(1),
  index: z.number().int().nonnegative(),
  provinceCode: ProvinceCode,
  startedBy: z.string().min(1),
  groups: z.array(ReportGroup),
});
export type ReportPart = z.infer<typeof ReportPart>;

/** What `generateReport` answers: the report's id and state, and the table when it is done. */
export interface GenerateReportResult {
  id: string;
  state: ReportState;
  progress: { done: number; total: number };
  table: ReportTable | null;
}
