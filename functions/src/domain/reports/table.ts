/**
 * The pieces every report builder uses: bilingual texts from the catalogue,
 * columns, rows, sums, and the split of a large table into parts that each
 * fit in a Firestore document (1 MiB). Pure: no Firebase.
 */
import {
  message,
  type MessageKey,
  type MessageParams,
  type ReportCell,
  type ReportColumn,
  type ReportGroup,
  type ReportRow,
  type ReportTable,
  type ReportText,
} from '@canbo/model';

/** A catalogue text in both languages. */
export function text(key: MessageKey, params: MessageParams = {}): ReportText {
  return message(key, params);
}

/** The same string in both languages (a name, a code, a date). */
export function same(value: string): ReportText {
  return { vi: value, en: value };
}

export function column(
  key: string,
  label: ReportText,
  numeric = true,
  band: ReportText | null = null,
): ReportColumn {
  return { key, label, band, numeric };
}

/** The sum of the numeric cells of `rows`, column by column (text columns stay empty). */
export function sumRow(
  key: string,
  label: ReportText,
  columns: readonly ReportColumn[],
  rows: readonly ReportRow[],
): ReportRow {
  const cells: ReportCell[] = columns.map((c, i) => {
    if (!c.numeric) return null;
    let sum = 0;
    for (const r of rows) {
      const v = r.cells[i];
      if (typeof v === 'number') sum += v;
    }
    return sum;
  });
  return { key, label, cells };
}

/** dd/mm/yyyy, as officials write dates. */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The quarter of a calendar date: `{ year, q }`. */
export function quarterOf(iso: string): { year: number; q: number } {
  return { year: Number(iso.slice(0, 4)), q: Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1 };
}

/** A share in percent with one decimal (null when there is nothing to divide by). */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/** Vietnamese collation for unit and person names. */
export const byName = (a: string, b: string): number => a.localeCompare(b, 'vi');

/** The size of a value as stored (JSON length: close to Firestore's own count for strings and numbers). */
function sizeOf(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/**
 * A table that fits in one document as it is (`parts` empty), or the table
 * without its groups and the groups in parts of at most `maxBytes` each. A
 * group larger than `maxBytes` is cut into consecutive groups with the same
 * key, label and no subtotal except on its last piece, so joining the parts
 * in order gives the rows back in order. Only a single row (with the subtotal,
 * on the last piece) larger than `maxBytes` makes a piece larger than that.
 */
export function splitTable(
  table: ReportTable,
  maxBytes: number,
): { head: ReportTable; parts: ReportGroup[][] } {
  if (sizeOf(table) <= maxBytes) return { head: table, parts: [] };
  const pieces: ReportGroup[] = [];
  for (const g of table.groups) {
    if (sizeOf(g) <= maxBytes) {
      pieces.push(g);
      continue;
    }
    let rows: ReportRow[] = [];
    g.rows.forEach((r, i) => {
      // The last piece carries the subtotal, so it is measured with it.
      const subtotal = i === g.rows.length - 1 ? g.subtotal : null;
      if (rows.length > 0 && sizeOf({ ...g, rows: [...rows, r], subtotal }) > maxBytes) {
        pieces.push({ ...g, rows, subtotal: null });
        rows = [];
      }
      rows.push(r);
    });
    pieces.push({ ...g, rows, subtotal: g.subtotal });
  }
  const parts: ReportGroup[][] = [];
  let current: ReportGroup[] = [];
  for (const p of pieces) {
    if (current.length > 0 && sizeOf([...current, p]) > maxBytes) {
      parts.push(current);
      current = [];
    }
    current.push(p);
  }
  if (current.length > 0) parts.push(current);
  return { head: { ...table, groups: [] }, parts };
}

/** The table back from its head and parts (pieces of one group joined again). */
export function joinTable(head: ReportTable, parts: readonly (readonly ReportGroup[])[]): ReportTable {
  if (parts.length === 0) return head;
  const groups: ReportGroup[] = [];
  for (const g of parts.flat()) {
    const last = groups[groups.length - 1];
    if (last && last.key === g.key && last.subtotal === null) {
      groups[groups.length - 1] = { ...last, rows: [...last.rows, ...g.rows], subtotal: g.subtotal };
    } else groups.push(g);
  }
  return { ...head, groups };
}
