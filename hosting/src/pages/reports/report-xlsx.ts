/**
 * A report to an .xlsx file in the board's layout: the issuing body and the
 * national heading, the title and what the report covers, the table (band and
 * column headings, groups, subtotals and the total in bold), the notes, and
 * the place and date. write-excel-file is imported on the click, as in
 * lib/xlsx.ts (whose one-header-row export does not fit a report).
 */
import type { ReportTable } from '@canbo/model';
import { message, type Lang } from '@canbo/model/messages';
import { xlsxFileName } from '../../lib/xlsx';
import { placeDate, sheetRows, type SheetCell } from './sheet';

/** The rows of the sheet, as values (tested without the library). */
export function reportSheet(table: ReportTable, lang: Lang): { values: SheetCell[][]; bold: boolean[] } {
  const values: SheetCell[][] = [];
  const bold: boolean[] = [];
  const push = (cells: SheetCell[], isBold = false) => {
    values.push(cells);
    bold.push(isBold);
  };
  push(
    [
      message('report.print.issuer', { unit: table.unitName })[lang].toUpperCase(),
      null,
      null,
      message('report.print.nation')[lang],
    ],
    true,
  );
  push([null, null, null, message('report.print.motto')[lang]], true);
  push([null, null, null, placeDate(table, lang)]);
  push([table.title[lang]], true);
  push([table.subtitle[lang]]);
  push([null]);
  for (const r of sheetRows(table, lang)) push(r.cells, r.kind !== 'row');
  push([null]);
  for (const n of table.notes) push([n[lang]]);
  return { values, bold };
}

export async function exportReportXlsx(table: ReportTable, lang: Lang): Promise<void> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const { values, bold } = reportSheet(table, lang);
  const data = values.map((row, i) =>
    row.map((v) =>
      v === null || v === '' ? null : { value: v, ...(bold[i] ? { fontWeight: 'bold' as const } : {}) },
    ),
  );
  await writeXlsxFile(data, { sheet: message('report.sheet')[lang] }).toFile(
    xlsxFileName(table.title[lang], table.asOf),
  );
}
