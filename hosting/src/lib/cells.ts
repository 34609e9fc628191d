/**
 * Table cells: what a column yields for sorting and export, and their order
 * (numbers by value, text as Vietnamese sorts it, digits by number, empty
 * cells last). Pure (test/unit/hosting/format.test.ts).
 */
export type CellValue = string | number | boolean | null | undefined;

export function compareCells(a: CellValue, b: CellValue): number {
  if (a === b) return 0;
  if (a === null || a === undefined || a === '') return 1;
  if (b === null || b === undefined || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'vi', { numeric: true });
}
