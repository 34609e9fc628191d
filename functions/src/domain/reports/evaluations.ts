/**
 * Report 4: the quarter's evaluation results by level (HTXS, HTT, HT, KHT,
 * not rated) per unit, provincial agencies first, then the communes, with
 * subtotals, the total and the share rated HTXS or HTT. The level that counts
 * is the reviewer's when there is one (`effectiveLevel`). The job reduces each
 * unit's results to counts (`tallyLevels`), so a province's 10,000 results
 * never travel together.
 */
import {
  effectiveLevel,
  Level,
  type Evaluation,
  type ReportGroup,
  type ReportRow,
  type ReportTable,
} from '@canbo/model';
import { byName, column, percent, same, sumRow, text } from './table';

export type LevelCounts = Record<Level | 'notRated', number>;

export function emptyCounts(): LevelCounts {
  return { HTXS: 0, HTT: 0, HT: 0, KHT: 0, notRated: 0 };
}

/** One unit's results counted by level. */
export function tallyLevels(results: readonly Pick<Evaluation, 'level' | 'review' | 'rated'>[]): LevelCounts {
  const counts = emptyCounts();
  for (const r of results) {
    const level = r.rated ? effectiveLevel(r) : null;
    counts[level ?? 'notRated'] += 1;
  }
  return counts;
}

export interface EvaluationsInput {
  unitName: string;
  asOf: string;
  quarter: string;
  /** The units reported on: level province (the province itself, its agencies) or commune. */
  units: readonly {
    code: string;
    name: string;
    level: 'province' | 'commune' | 'agency';
    parentCode: string | null;
  }[];
  counts: Readonly<Record<string, LevelCounts>>;
}

const LEVELS = Level.options;

export function buildEvaluationsReport(input: EvaluationsInput): ReportTable {
  const columns = [
    column('people', text('report.col.people')),
    ...LEVELS.map((l) => column(l, same(l), true, text('report.band.levels'))),
    column('notRated', text('report.col.notRated')),
    column('goodShare', text('report.col.goodShare')),
  ];
  const rowOf = (key: string, label: ReportRow['label'], c: LevelCounts): ReportRow => {
    const rated = c.HTXS + c.HTT + c.HT + c.KHT;
    return {
      key,
      label,
      cells: [rated + c.notRated, ...LEVELS.map((l) => c[l]), c.notRated, percent(c.HTXS + c.HTT, rated)],
    };
  };
  /** The share column of a sum row is the share of the sums, not a sum of shares. */
  const withShare = (r: ReportRow): ReportRow => {
    const [, htxs, htt, ht, kht] = r.cells as number[];
    const cells = [...r.cells];
    cells[cells.length - 1] = percent(htxs! + htt!, htxs! + htt! + ht! + kht!);
    return { ...r, cells };
  };
  const isProvinceLevel = (u: EvaluationsInput['units'][number]) =>
    u.level === 'province' || (u.level === 'agency' && /^\d{2}$/.test(u.parentCode ?? ''));
  const sections: { key: string; label: ReportRow['label']; units: EvaluationsInput['units'][number][] }[] = [
    {
      key: 'province',
      label: text('report.group.provinceUnits'),
      units: input.units.filter(isProvinceLevel),
    },
    {
      key: 'communes',
      label: text('report.group.communes'),
      units: input.units.filter((u) => !isProvinceLevel(u)),
    },
  ];
  const groups: ReportGroup[] = [];
  const chart: ReportTable['chart'] = [];
  for (const s of sections) {
    const units = [...s.units].sort((a, b) =>
      a.level === 'province' ? -1 : b.level === 'province' ? 1 : byName(a.name, b.name),
    );
    if (units.length === 0) continue;
    const rows = units.map((u) => rowOf(u.code, same(u.name), input.counts[u.code] ?? emptyCounts()));
    for (const u of units) {
      const c = input.counts[u.code] ?? emptyCounts();
      chart.push({ key: u.code, label: u.name, values: { HTXS: c.HTXS, HTT: c.HTT, HT: c.HT, KHT: c.KHT } });
    }
    groups.push({
      key: s.key,
      label: s.label,
      rows,
      subtotal: withShare(sumRow(`${s.key}.subtotal`, text('report.subtotal'), columns, rows)),
    });
  }
  const [year, q] = input.quarter.split('-Q');
  return {
    kind: 'evaluations',
    title: text('report.evaluations.title'),
    subtitle: text('report.evaluations.subtitle', { q: q!, year: year! }),
    unitName: input.unitName,
    asOf: input.asOf,
    rowHeading: text('report.row.unit'),
    columns,
    groups,
    total: withShare(
      sumRow(
        'total',
        text('report.total'),
        columns,
        groups.flatMap((g) => g.rows),
      ),
    ),
    notes: [text('report.note.evaluations')],
    chart,
  };
}
