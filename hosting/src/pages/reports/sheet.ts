/**
 * A report's table as the rows of a sheet or a printed page, in one language:
 * the band headings, the column headings, each group's heading, its rows and
 * subtotal, and the total. Pure (no DOM, no Firebase): the XLSX export, the
 * screen and the print view all lay the same table out from it.
 */
import type { ReportCell, ReportGroup, ReportRow, ReportTable } from '@canbo/model';
import { message, type Lang } from '@canbo/model/messages';
import { UNIT_NAME_KINDS } from '@canbo/model/messages/reports';

export type SheetCell = string | number | null;
export type SheetRowKind = 'band' | 'heading' | 'group' | 'row' | 'subtotal' | 'total';
export interface SheetRow {
  kind: SheetRowKind;
  key: string;
  cells: SheetCell[];
}

export function cellText(cell: ReportCell, lang: Lang): SheetCell {
  if (cell === null || typeof cell === 'number' || typeof cell === 'string') return cell;
  return cell[lang];
}

/** Column bands: `[label, span]` in order (an empty label over columns without a band). */
export function bands(table: ReportTable, lang: Lang): [string, number][] {
  const out: [string, number][] = [];
  for (const c of table.columns) {
    const label = c.band ? c.band[lang] : '';
    const last = out[out.length - 1];
    if (last && last[0] === label && label !== '') last[1] += 1;
    else out.push([label, 1]);
  }
  return out;
}

export function sheetRows(table: ReportTable, lang: Lang): SheetRow[] {
  const rows: SheetRow[] = [];
  const line = (kind: SheetRowKind, r: ReportRow): SheetRow => ({
    kind,
    key: r.key,
    cells: [r.label[lang], ...r.cells.map((c) => cellText(c, lang))],
  });
  if (table.columns.some((c) => c.band)) {
    const cells: SheetCell[] = [''];
    for (const [label, span] of bands(table, lang))
      cells.push(label, ...Array<SheetCell>(span - 1).fill(null));
    rows.push({ kind: 'band', key: 'band', cells });
  }
  rows.push({
    kind: 'heading',
    key: 'heading',
    cells: [table.rowHeading[lang], ...table.columns.map((c) => c.label[lang])],
  });
  for (const g of table.groups) {
    if (table.groups.length > 1 || g.key !== 'all')
      rows.push({ kind: 'group', key: g.key, cells: [g.label[lang], ...table.columns.map(() => null)] });
    for (const r of g.rows) rows.push(line('row', r));
    if (g.subtotal) rows.push(line('subtotal', g.subtotal));
  }
  if (table.total) rows.push(line('total', table.total));
  return rows;
}

/** The place in "…, ngày … tháng … năm …": the unit's name without its kind ("Tỉnh Nghệ An" → "Nghệ An"). */
export function placeOf(unitName: string): string {
  const kind = UNIT_NAME_KINDS.find((k) => unitName.startsWith(`${k} `));
  return kind ? unitName.slice(kind.length).trimStart() : unitName;
}

/** The date line of a report: "Nghệ An, ngày 01 tháng 12 năm 2026". */
export function placeDate(table: Pick<ReportTable, 'unitName' | 'asOf'>, lang: Lang): string {
  const [y, m, d] = table.asOf.split('-');
  return message('report.print.placeDate', { place: placeOf(table.unitName), d: d!, m: m!, y: y! })[lang];
}

/**
 * The table from its head and parts: pieces of one group (no subtotal but the
 * last) joined again — the client's copy of the server's `joinTable`
 * (functions/src/domain/reports/table.ts; the client cannot import the server):
 * test/unit/reports/evaluations.test.ts checks both on the same parts.
 */
export function joinParts(head: ReportTable, parts: readonly (readonly ReportGroup[])[]): ReportTable {
  const groups: ReportGroup[] = [];
  for (const g of parts.flat()) {
    const last = groups[groups.length - 1];
    if (last && last.key === g.key && last.subtotal === null)
      groups[groups.length - 1] = { ...last, rows: [...last.rows, ...g.rows], subtotal: g.subtotal };
    else groups.push(g);
  }
  return { ...head, groups };
}
