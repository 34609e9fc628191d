/**
 * Report 5: the structure of the people in planning against the province's
 * targets (QĐ 377-QĐ/TW: three age bands, young cadres, women, ethnic
 * minorities; targets are configuration, data/catalogue/planning-targets.json),
 * per unit for a term — provincial units, then communes — and the province as
 * a whole. Figures come from H-planning's `planningStructure`, so they are the
 * planning page's own; the province's row counts each person once across
 * units, so it is not the sum of the rows.
 */
import type {
  PlanningList,
  PlanningTargetsCatalogue,
  ReportGroup,
  ReportRow,
  ReportTable,
} from '@canbo/model';
import { planningStructure } from '../planning/structure';
import { byName, column, percent, same, text } from './table';

export type PlanningEntry = PlanningList['entries'][number];

export interface PlanningReportInput {
  unitName: string;
  asOf: string;
  term: PlanningList['term'];
  provinceCode: string;
  units: readonly {
    code: string;
    name: string;
    level: 'province' | 'commune' | 'agency';
    parentCode: string | null;
  }[];
  /** The people on the unit's lists for the term (all posts). */
  entries: Readonly<Record<string, readonly PlanningEntry[]>>;
  targets: PlanningTargetsCatalogue;
}

export function buildPlanningReport(input: PlanningReportInput): ReportTable {
  const t = input.targets;
  const labels = [
    ...t.ageBands.bands.map((b) => ({ vi: b.vi, en: b.en })),
    text('planning.figure.young'),
    text('planning.figure.women'),
    text('planning.figure.ethnicMinority'),
  ];
  const mins = [
    ...t.ageBands.bands.map((b) => b.minShare),
    t.young.minShare,
    t.women.minShare,
    t.ethnicMinority.minShare,
  ];
  const columns = [column('people', text('report.col.planned'))];
  labels.forEach((label, i) => {
    const min = Math.round(mins[i]! * 1000) / 10;
    const band = {
      vi: text('report.band.target', { label: label.vi, min }).vi,
      en: text('report.band.target', { label: label.en, min }).en,
    };
    columns.push(column(`f${i}.count`, text('report.col.count'), true, band));
    columns.push(column(`f${i}.share`, text('report.col.share'), true, band));
  });
  columns.push(column('met', text('report.row.targetsMet'), false));
  const rowOf = (key: string, label: ReportRow['label'], entries: readonly PlanningEntry[]): ReportRow => {
    const s = planningStructure([{ entries: [...entries] }], t, input.term, key);
    const cells: ReportRow['cells'] = [s.people];
    for (const f of s.figures) cells.push(f.count, percent(f.count, s.people));
    cells.push(`${s.figures.filter((f) => f.met).length}/${s.figures.length}`);
    return { key, label, cells };
  };
  const isProvinceLevel = (u: PlanningReportInput['units'][number]) =>
    u.level === 'province' || (u.level === 'agency' && /^\d{2}$/.test(u.parentCode ?? ''));
  const groups: ReportGroup[] = [];
  for (const [key, label, units] of [
    ['province', text('report.group.provinceUnits'), input.units.filter(isProvinceLevel)],
    ['communes', text('report.group.communes'), input.units.filter((u) => !isProvinceLevel(u))],
  ] as const) {
    const planned = units
      .filter((u) => (input.entries[u.code] ?? []).length > 0)
      .sort((a, b) => byName(a.name, b.name));
    if (planned.length === 0) continue;
    const rows = planned.map((u) => rowOf(u.code, same(u.name), input.entries[u.code]!));
    groups.push({
      key,
      label,
      rows,
      subtotal: rowOf(
        `${key}.subtotal`,
        text('report.subtotal'),
        planned.flatMap((u) => input.entries[u.code]!),
      ),
    });
  }
  const all = Object.values(input.entries).flat();
  const total = rowOf(input.provinceCode, text('report.total'), all);
  return {
    kind: 'planning',
    title: text('report.planning.title'),
    subtitle: text('report.planning.subtitle', { term: input.term }),
    unitName: input.unitName,
    asOf: input.asOf,
    rowHeading: text('report.row.unit'),
    columns,
    groups,
    total: { ...total, key: 'total' },
    notes: [text('report.note.planning')],
    chart: groups
      .flatMap((g) => g.rows)
      .map((r) => ({
        key: r.key,
        label: r.label.vi,
        values: Object.fromEntries(
          labels.map((l, i) => [
            l.vi,
            typeof r.cells[2 + 2 * i] === 'number' ? (r.cells[2 + 2 * i] as number) : 0,
          ]),
        ),
      })),
  };
}
