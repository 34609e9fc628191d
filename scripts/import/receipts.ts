/**
 * `npm run import -- receipts <file.xlsx|file.csv> --province <code> [--dry-run]`
 *
 * For offices whose one-stop system exports a spreadsheet instead of calling
 * registerReceipts: one receipt per row, with Vietnamese headers
 * (`Số biên nhận`, `Mã thủ tục`, `Mã đơn vị`, `Mã cán bộ`, `Ngày tiếp nhận`,
 * `Ngày hẹn trả`, `Ngày trả kết quả`). The sheet is read here; every row is
 * then checked and written by the same use case as the callable (catalogue,
 * units and officers of the province, idempotent by receipt number), 200 at a
 * time, and its report is printed row by row with the sheet's row numbers and
 * each accepted row's rating link.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { PROCEDURE_BY_ID } from '../../functions/src/domain/catalogue';
import { ratingPath } from '../../functions/src/domain/rating-code';
import { ratingUseCases, readRatingSettings } from '../../functions/src/services/ratings';
import type { Cell } from './cadres';

const COLUMNS = {
  receiptNo: ['số biên nhận', 'so bien nhan', 'mã hồ sơ', 'receipt number'],
  procedureId: ['mã thủ tục', 'ma thu tuc', 'procedure'],
  unitCode: ['mã đơn vị', 'ma don vi', 'mã xã', 'unit'],
  cadreId: ['mã cán bộ', 'ma can bo', 'cán bộ xử lý', 'officer'],
  receivedOn: ['ngày tiếp nhận', 'ngay tiep nhan', 'received'],
  dueOn: ['ngày hẹn trả', 'ngay hen tra', 'due'],
  returnedOn: ['ngày trả kết quả', 'ngay tra ket qua', 'returned'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: readonly Column[] = ['receiptNo', 'procedureId', 'unitCode', 'receivedOn'];

const norm = (s: string) => s.normalize('NFC').trim().toLowerCase();

function text(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).normalize('NFC').trim();
}

/** Dates as spreadsheets hold them: Date cells, dd/mm/yyyy, or yyyy-mm-dd; anything else is kept for the schema to refuse. */
export function sheetDate(cell: Cell | undefined): string | null {
  const s = text(cell);
  if (s === '') return null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : s;
}

export interface SheetRow {
  /** The row number in the sheet (the header is row 1). */
  row: number;
  input: Record<string, string | null>;
}

/** The rows of the sheet as registerReceipts inputs, or the missing required columns. */
export function readReceiptRows(rows: Cell[][]): { rows: SheetRow[]; missing: string[] } {
  const header = (rows[0] ?? []).map((h) => norm(text(h)));
  const index = new Map<Column, number>();
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const i = header.findIndex((h) => (COLUMNS[column] as readonly string[]).includes(h));
    if (i >= 0) index.set(column, i);
  }
  const missing = REQUIRED.filter((c) => !index.has(c)).map((c) => COLUMNS[c][0]);
  if (missing.length > 0) return { rows: [], missing };
  const out: SheetRow[] = [];
  rows.slice(1).forEach((cells, k) => {
    if (cells.every((c) => text(c) === '')) return;
    const get = (c: Column) => (index.has(c) ? cells[index.get(c)!] : undefined);
    const input: Record<string, string | null> = {
      receiptNo: text(get('receiptNo')),
      procedureId: text(get('procedureId')),
      unitCode: text(get('unitCode')),
      receivedOn: sheetDate(get('receivedOn')) ?? '',
      dueOn: sheetDate(get('dueOn')),
      returnedOn: sheetDate(get('returnedOn')),
    };
    const cadre = text(get('cadreId'));
    input.cadreId = cadre === '' ? null : cadre;
    out.push({ row: k + 2, input });
  });
  return { rows: out, missing };
}

/** Reads, checks and (unless `dryRun`) registers the receipts of a sheet; prints the report. */
export async function importReceipts(
  db: Firestore | null,
  sheet: Cell[][],
  options: { province: string; dryRun: boolean },
  print: (line: string) => void = console.log,
): Promise<{ created: number; updated: number; unchanged: number; refused: number }> {
  const { rows, missing } = readReceiptRows(sheet);
  if (missing.length > 0) {
    for (const m of missing) print(`  dòng 1 | ${m} | Thiếu cột bắt buộc / Required column missing`);
    return { created: 0, updated: 0, unchanged: 0, refused: 0 };
  }
  if (options.dryRun || !db) {
    const unknown = rows.filter((r) => !PROCEDURE_BY_ID.has(r.input.procedureId ?? ''));
    for (const r of unknown)
      print(
        `  dòng ${r.row} | Mã thủ tục ${r.input.procedureId} không có trong danh mục / unknown procedure`,
      );
    print(`${rows.length} dòng / rows. Chạy thử: không ghi dữ liệu. / Dry run: nothing written.`);
    return { created: 0, updated: 0, unchanged: 0, refused: unknown.length };
  }
  const uc = ratingUseCases(db, readRatingSettings());
  const total = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const res = await uc.registerReceipts(
      { uid: 'import', role: 'province_admin', province: options.province, source: 'import' },
      { receipts: chunk.map((r) => r.input) },
    );
    for (const r of res.rows) {
      const link = r.code ? ` | ${ratingPath(r.receiptNo, r.code)}` : '';
      print(`  dòng ${chunk[r.index]!.row} | ${r.receiptNo} | ${r.message.vi} / ${r.message.en}${link}`);
    }
    total.created += res.created;
    total.updated += res.updated;
    total.unchanged += res.unchanged;
    total.refused += res.refused;
  }
  print(
    `Đã đăng ký ${total.created}, cập nhật ${total.updated}, không đổi ${total.unchanged}, từ chối ${total.refused}. / Registered ${total.created}, updated ${total.updated}, unchanged ${total.unchanged}, refused ${total.refused}.`,
  );
  return total;
}
