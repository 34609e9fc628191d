/**
 * Report 3: movements (điều động, luân chuyển, biệt phái, bổ nhiệm, kiêm
 * nhiệm, thôi việc) by type and current status, for those whose start date is
 * in the period. One row per type, one column per status and the total.
 */
import { MovementStatus, MovementType, type Movement, type ReportTable } from '@canbo/model';
import { column, sumRow, text, viDate } from './table';

export type MovementRow = Pick<Movement, 'type' | 'status' | 'startDate'>;

export interface MovementsInput {
  unitName: string;
  asOf: string;
  from: string;
  to: string;
  movements: readonly MovementRow[];
}

/** Statuses shown (drafts are nobody's business yet). */
const STATUSES = MovementStatus.options.filter((s) => s !== 'draft');

/** Whether a start date is in [from, to] (calendar dates compare as strings). */
export function inPeriod(date: string, from: string, to: string): boolean {
  return date >= from && date <= to;
}

export function buildMovementsReport(input: MovementsInput): ReportTable {
  const columns = [
    ...STATUSES.map((s) => column(s, text(`movementStatus.${s}`), true, text('report.band.status'))),
    column('total', text('report.col.total')),
  ];
  const counts = new Map<string, number>();
  for (const m of input.movements) {
    if (m.status === 'draft' || !inPeriod(m.startDate, input.from, input.to)) continue;
    counts.set(`${m.type}/${m.status}`, (counts.get(`${m.type}/${m.status}`) ?? 0) + 1);
  }
  const rows = MovementType.options.map((type) => {
    const cells = STATUSES.map((s) => counts.get(`${type}/${s}`) ?? 0);
    return {
      key: type,
      label: text(`movementType.${type}`),
      cells: [...cells, cells.reduce((a, b) => a + b, 0)],
    };
  });
  return {
    kind: 'movements',
    title: text('report.movements.title'),
    subtitle: text('report.period.subtitle', { from: viDate(input.from), to: viDate(input.to) }),
    unitName: input.unitName,
    asOf: input.asOf,
    rowHeading: text('report.row.movementType'),
    columns,
    groups: [{ key: 'all', label: text('report.group.all'), rows, subtotal: null }],
    total: sumRow('total', text('report.total'), columns, rows),
    notes: [text('report.note.movements')],
    chart: [],
  };
}
