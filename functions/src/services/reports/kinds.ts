/**
 * What each kind of report reads for a page of units and how it builds its
 * table from all the pages (the pure builders in domain/reports). A page's
 * figures are small (counts per unit, or the few movements that qualify), so
 * a province's job keeps them in its pages and builds the table once at the
 * end; a retried task re-reads only the pages not yet recorded.
 */
import { z } from 'zod';
import {
  Block,
  communeOf,
  MonitorLogEntry,
  MovementStatus,
  MovementType,
  PlanningPerson,
  QuotaFigures,
  type Report,
  type ReportTable,
  type Unit,
} from '@canbo/model';
import { CATALOGUE_POSITIONS } from '../../domain/catalogue';
import { periodRange } from '../../domain/monitors/report';
import { PLANNING_TARGETS } from '../../domain/planning/targets';
import {
  buildEvaluationsReport,
  buildMonitorsReport,
  buildPlanningReport,
  buildMovementsReport,
  buildStaffingReport,
  buildReinforcementReport,
  inPeriod,
  isReinforcement,
  tallyLevels,
  type LevelCounts,
} from '../../domain/reports';
import type { ReportStore } from '../../data/reports';

export interface KindContext {
  store: ReportStore;
  report: Report;
  /** Every unit of the province (names, levels, types). */
  units: readonly Unit[];
  /** The units the report covers, in page order. */
  scopeUnits: readonly Unit[];
  unitName: string;
  asOf: string;
}

interface Kind<P> {
  schema: z.ZodType<P>;
  collect(ctx: KindContext, page: readonly string[]): Promise<P>;
  build(ctx: KindContext, pages: readonly P[]): ReportTable;
}

const POSITIONS = Object.fromEntries(
  CATALOGUE_POSITIONS.map((p) => [p.id, { name: p.name, nameEn: p.nameEn, keyPost: p.keyPost }]),
);

const names = (units: readonly Unit[]) => Object.fromEntries(units.map((u) => [u.code, u.name]));

const Staffing = z.record(z.string(), z.partialRecord(Block, QuotaFigures));
const staffing: Kind<z.infer<typeof Staffing>> = {
  schema: Staffing,
  async collect(ctx, page) {
    const year = String(ctx.report.params.year);
    const stats = await ctx.store.unitStats(ctx.report.provinceCode, page);
    return Object.fromEntries(stats.map((s) => [s.unitCode, s.quotas[year] ?? {}]));
  },
  build(ctx, pages) {
    const year = ctx.report.params.year!;
    const stats = pages.flatMap((p) =>
      Object.entries(p).map(([unitCode, q]) => ({ unitCode, quotas: { [year]: q } })),
    );
    const communes = ctx.scopeUnits
      .filter((u) => u.level === 'commune')
      .map((u) => ({ code: u.code, name: u.name, type: u.type }));
    return buildStaffingReport({ unitName: ctx.unitName, asOf: ctx.asOf, year, communes, stats });
  },
};

const MovementRows = z.array(
  z.object({ id: z.string(), type: MovementType, status: MovementStatus, startDate: z.string() }),
);
const movements: Kind<z.infer<typeof MovementRows>> = {
  schema: MovementRows,
  async collect(ctx, page) {
    const { provinceCode, params, scope } = ctx.report;
    // Province-wide, each movement is counted where it leaves from (every one leaves from a unit of the province);
    // for a commune, those leaving and those arriving.
    const found = await ctx.store.movements(provinceCode, 'fromUnitCode', page);
    if (scope === 'commune') found.push(...(await ctx.store.movements(provinceCode, 'toUnitCode', page)));
    const seen = new Set<string>();
    return found
      .filter((m) => m.status !== 'draft' && inPeriod(m.startDate, params.from!, params.to!))
      .filter((m) => !seen.has(m.id) && seen.add(m.id))
      .map((m) => ({ id: m.id, type: m.type, status: m.status, startDate: m.startDate }));
  },
  build(ctx, pages) {
    const seen = new Set<string>();
    const rows = pages.flat().filter((m) => !seen.has(m.id) && seen.add(m.id));
    const { from, to } = ctx.report.params;
    return buildMovementsReport({
      unitName: ctx.unitName,
      asOf: ctx.asOf,
      from: from!,
      to: to!,
      movements: rows,
    });
  },
};

const ReinforcementRows = z.array(
  z.object({
    id: z.string(),
    type: MovementType,
    status: MovementStatus,
    cadreName: z.string(),
    fromUnitCode: z.string(),
    toUnitCode: z.string(),
    toPositionId: z.string().nullable(),
    startDate: z.string(),
    actualStartDate: z.string().nullable().optional(),
  }),
);
const reinforcement: Kind<z.infer<typeof ReinforcementRows>> = {
  schema: ReinforcementRows,
  async collect(ctx, page) {
    const found = await ctx.store.movements(ctx.report.provinceCode, 'toUnitCode', page);
    return found
      .filter((m) => isReinforcement(m, POSITIONS))
      .map((m) => ({
        id: m.id,
        type: m.type,
        status: m.status,
        cadreName: m.cadreName,
        fromUnitCode: m.fromUnitCode,
        toUnitCode: m.toUnitCode,
        toPositionId: m.toPositionId,
        startDate: m.startDate,
        actualStartDate: m.actualStartDate ?? null,
      }));
  },
  build(ctx, pages) {
    const { from, to } = ctx.report.params;
    return buildReinforcementReport({
      unitName: ctx.unitName,
      asOf: ctx.asOf,
      from: from!,
      to: to!,
      movements: pages.flat().map((m) => ({ ...m, actualStartDate: m.actualStartDate ?? null })),
      unitNames: names(ctx.units),
      positions: POSITIONS,
    });
  },
};

const Counts = z.record(
  z.string(),
  z.object({ HTXS: z.number(), HTT: z.number(), HT: z.number(), KHT: z.number(), notRated: z.number() }),
);
const evaluations: Kind<z.infer<typeof Counts>> = {
  schema: Counts,
  async collect(ctx, page) {
    const results = await ctx.store.levels(ctx.report.provinceCode, ctx.report.params.quarter!, page);
    const byUnit = new Map<string, typeof results>();
    for (const r of results) byUnit.set(r.unitCode, [...(byUnit.get(r.unitCode) ?? []), r]);
    const counts: Record<string, LevelCounts> = {};
    for (const [unit, rs] of byUnit) counts[unit] = tallyLevels(rs);
    return counts;
  },
  build(ctx, pages) {
    return buildEvaluationsReport({
      unitName: ctx.unitName,
      asOf: ctx.asOf,
      quarter: ctx.report.params.quarter!,
      units: ctx.scopeUnits.map((u) => ({
        code: u.code,
        name: u.name,
        level: u.level,
        parentCode: u.parentCode,
      })),
      counts: Object.assign({}, ...pages),
    });
  },
};

const Planned = z.record(z.string(), z.array(PlanningPerson));
const planning: Kind<z.infer<typeof Planned>> = {
  schema: Planned,
  async collect(ctx, page) {
    const lists = await ctx.store.planning(ctx.report.provinceCode, ctx.report.params.term!, page);
    const byUnit: Record<string, PlanningPerson[]> = {};
    for (const l of lists) (byUnit[l.unitCode] ??= []).push(...l.entries);
    return byUnit;
  },
  build(ctx, pages) {
    return buildPlanningReport({
      unitName: ctx.unitName,
      asOf: ctx.asOf,
      term: ctx.report.params.term!,
      provinceCode: ctx.report.provinceCode,
      units: ctx.scopeUnits.map((u) => ({
        code: u.code,
        name: u.name,
        level: u.level,
        parentCode: u.parentCode,
      })),
      entries: Object.assign({}, ...pages),
      targets: PLANNING_TARGETS,
    });
  },
};

const MonitorEntries = z.array(MonitorLogEntry);
const monitors: Kind<z.infer<typeof MonitorEntries>> = {
  schema: MonitorEntries,
  async collect(ctx, page) {
    // The log is kept per commune: the page's communes (a commune's agency, maybe on another page, adds none).
    const communes = page.filter((code) => communeOf(code) === code);
    if (communes.length === 0) return [];
    const { from, to } = periodRange(ctx.report.params.quarter!);
    const entries = await ctx.store.monitorLog(ctx.report.provinceCode, communes);
    return entries.filter((e) => e.date >= from && e.date <= to);
  },
  build(ctx, pages) {
    return buildMonitorsReport({
      unitName: ctx.unitName,
      asOf: ctx.asOf,
      period: ctx.report.params.quarter!,
      entries: pages.flat(),
      unitNames: names(ctx.units),
    });
  },
};

export const KINDS = { staffing, movements, reinforcement, evaluations, planning, monitors } as const;

/** Collects one page for the report's kind. */
export function collectPage(ctx: KindContext, page: readonly string[]): Promise<unknown> {
  return KINDS[ctx.report.kind].collect(ctx, page);
}

/** Builds the table from the recorded pages, each parsed with its kind's schema. */
export function buildTable(ctx: KindContext, pages: readonly unknown[]): ReportTable {
  const kind = KINDS[ctx.report.kind] as Kind<unknown>;
  return kind.build(
    ctx,
    pages.map((p) => kind.schema.parse(p)),
  );
}
