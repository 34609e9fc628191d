/**
 * Export of a table to an .xlsx file. write-excel-file is imported here, on
 * the click, so no page pays for it before someone exports.
 */
import type { CellValue } from './cells';

/** A file name from a caption: letters, digits and dashes, with the date. */
export function xlsxFileName(caption: string, today: string): string {
  const slug = caption
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\u0111/g, 'd') // đ
    .replace(/\u0110/g, 'D') // Đ
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `${slug || 'canbo'}-${today}.xlsx`;
}

export async function exportXlsx(caption: string, header: string[], rows: CellValue[][]): Promise<void> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const data = [
    header.map((h) => ({ value: h, fontWeight: 'bold' as const })),
    ...rows.map((r) => r.map((v) => (v === undefined || v === null ? null : { value: v }))),
  ];
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  await writeXlsxFile(data, { sheet: caption.slice(0, 31).replace(/[\\/?*[\]:]/g, ' ') }).toFile(
    xlsxFileName(caption, today),
  );
}
