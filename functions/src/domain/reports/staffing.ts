/**
 * Report 1: biên chế allocated, filled, seconded away (kept on the home
 * quota), incoming and free, by block, for every commune of the province (or
 * one commune), with subtotals by kind of unit (xã, phường, đặc khu) and the
 * province's total. Input: the quota figures kept in unitStats (a copy of each
 * quota document: docs/data-model.md, "unitStats") and the communes' names.
 * A commune's own agencies (`<commune>-<slug>`) are counted in its row.
 */
import {
  Block,
  communeOf,
  type QuotaFigures,
  type ReportColumn,
  type ReportGroup,
  type ReportRow,
  type ReportTable,
} from '@canbo/model';
import { column, same, sumRow, text, byName } from './table';

export interface StaffingCommune {
  code: string;
  name: string;
  /** xa, phuong, dac_khu */
  type: string;
}

export interface StaffingInput {
  unitName: string;
  asOf: string;
  year: number;
  communes: readonly StaffingCommune[];
  /** Per unit (commune or its agency): the quota figures of each year and block. */
  stats: readonly { unitCode: string; quotas: Record<string, Partial<Record<Block, QuotaFigures>>> }[];
}

const FIGURES = ['allocated', 'filled', 'reserved', 'incoming', 'free'] as const;
const BLOCKS = Block.options;
const GROUP_ORDER = ['xa', 'phuong', 'dac_khu'] as const;

export function staffingColumns(): ReportColumn[] {
  const cols: ReportColumn[] = [];
  for (const band of [...BLOCKS, 'all'] as const) {
    const bandLabel = band === 'all' ? text('report.band.allBlocks') : text(`block.${band}`);
    for (const f of FIGURES) cols.push(column(`${band}.${f}`, text(`report.col.${f}`), true, bandLabel));
  }
  return cols;
}

type Figures = Record<(typeof FIGURES)[number], number>;
const zero = (): Figures => ({ allocated: 0, filled: 0, reserved: 0, incoming: 0, free: 0 });

export function buildStaffingReport(input: StaffingInput): ReportTable {
  const columns = staffingColumns();
  const year = String(input.year);
  // Figures per commune and block, agencies of a commune summed into it.
  const perCommune = new Map<string, Record<Block, Figures>>();
  for (const s of input.stats) {
    const commune = communeOf(s.unitCode);
    if (commune === null) continue;
    const byBlock =
      perCommune.get(commune) ??
      (Object.fromEntries(BLOCKS.map((b) => [b, zero()])) as Record<Block, Figures>);
    for (const b of BLOCKS) {
      const q = s.quotas[year]?.[b];
      if (!q) continue;
      const f = byBlock[b];
      f.allocated += q.allocated;
      f.filled += q.filled;
      f.reserved += q.reservedForReturn;
      f.incoming += q.incoming;
      f.free += q.allocated - q.filled - q.reservedForReturn - q.incoming;
    }
    perCommune.set(commune, byBlock);
  }
  const rowOf = (c: StaffingCommune): ReportRow => {
    const byBlock = perCommune.get(c.code);
    const all = zero();
    const cells: number[] = [];
    for (const b of BLOCKS) {
      const f = byBlock?.[b] ?? zero();
      for (const k of FIGURES) {
        cells.push(f[k]);
        all[k] += f[k];
      }
    }
    for (const k of FIGURES) cells.push(all[k]);
    return { key: c.code, label: same(c.name), cells };
  };
  const groups: ReportGroup[] = [];
  const types = [
    ...GROUP_ORDER,
    ...new Set(input.communes.map((c) => c.type).filter((t) => !GROUP_ORDER.includes(t as never))),
  ];
  for (const type of types) {
    const members = input.communes.filter((c) => c.type === type).sort((a, b) => byName(a.name, b.name));
    if (members.length === 0) continue;
    const rows = members.map(rowOf);
    const label = GROUP_ORDER.includes(type as never)
      ? text(`report.group.${type as (typeof GROUP_ORDER)[number]}`)
      : same(type);
    groups.push({
      key: type,
      label,
      rows,
      subtotal: sumRow(`${type}.subtotal`, text('report.subtotal'), columns, rows),
    });
  }
  const allRows = groups.flatMap((g) => g.rows);
  const total = sumRow('total', text('report.total'), columns, allRows);
  return {
    kind: 'staffing',
    title: text('report.staffing.title'),
    subtitle: text('report.staffing.subtitle', { year: input.year }),
    unitName: input.unitName,
    asOf: input.asOf,
    rowHeading: text('report.row.commune'),
    columns,
    groups,
    total,
    notes: [text('report.note.staffing', { year: input.year })],
    chart: allRows.map((r) => ({
      key: r.key,
      label: r.label.vi,
      values: {
        allocated: num(r.cells[columns.length - 5]),
        filled: num(r.cells[columns.length - 4]),
        reservedForReturn: num(r.cells[columns.length - 3]),
        incoming: num(r.cells[columns.length - 2]),
      },
    })),
  };
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
