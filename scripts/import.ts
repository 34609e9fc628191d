/**
 * `npm run import -- cadres <file.xlsx|file.csv> --commune <code> [--dry-run] [--skip-invalid]`
 *
 * Validates every row and prints a row-by-row report. Nothing is written
 * unless every row is valid, or with --skip-invalid (then the valid rows
 * are). Writes go to FIRESTORE_EMULATOR_HOST (project demo-canbo unless
 * GCLOUD_PROJECT says otherwise), through the typed refs.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { collections } from '../functions/src/data/refs';
import { UnitStatsStore } from '../functions/src/data/unit-stats';
import { statsDelta, type UnitStatsDelta } from '../functions/src/domain/unit-stats';
import { mergeWithExisting, validateCadreRows, type Cell } from './import/cadres';
import { importReceipts } from './import/receipts';
import { loadOfficialUnits } from './seed/official';

/** Reads the first sheet of an .xlsx or a .csv into rows of plain cells. */
export async function readSheet(file: string): Promise<Cell[][]> {
  const workbook = new ExcelJS.Workbook();
  const ext = path.extname(file).toLowerCase();
  // CSV cells stay text: exceljs would turn "042075001234" (a national ID) into a number.
  const sheet =
    ext === '.csv'
      ? await workbook.csv.readFile(file, { map: (value: string) => value })
      : (await workbook.xlsx.readFile(file), workbook.worksheets[0]);
  if (!sheet) throw new Error(`${file} has no sheet`);
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).value;
      if (v === null || v === undefined) cells.push(null);
      else if (v instanceof Date || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        cells.push(v);
      else if (typeof v === 'object' && 'richText' in v) cells.push(v.richText.map((t) => t.text).join(''));
      else if (typeof v === 'object' && 'text' in v) cells.push(String(v.text));
      else if (typeof v === 'object' && 'result' in v) cells.push((v.result as Cell) ?? null);
      else cells.push(String(v));
    }
    rows[rowNumber - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      commune: { type: 'string' },
      // receipts (issue 11): the province whose one-stop offices the sheet comes from
      province: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'skip-invalid': { type: 'boolean', default: false },
    },
  });
  const [kind, file] = positionals;
  if (kind === 'receipts' && file) {
    // Issue 11 (H8): dossier receipts, checked and written by the registerReceipts use case.
    if (!values.province || !/^\d{2}$/.test(values.province))
      throw new Error('--province <2-digit code> is required');
    const dryRun = values['dry-run'] ?? false;
    if (!dryRun && !process.env.FIRESTORE_EMULATOR_HOST)
      throw new Error('FIRESTORE_EMULATOR_HOST is not set (start the local system with npm start).');
    process.env.METADATA_SERVER_DETECTION ??= 'none';
    const app = dryRun
      ? null
      : initializeApp({ projectId: process.env.GCLOUD_PROJECT ?? 'demo-canbo' }, 'import');
    const res = await importReceipts(app ? getFirestore(app) : null, await readSheet(file), {
      province: values.province,
      dryRun,
    });
    if (app) await deleteApp(app);
    if (res.refused > 0) process.exitCode = 2;
    return;
  }
  if (kind !== 'cadres' || !file)
    throw new Error(
      'usage: npm run import -- cadres <file.xlsx|file.csv> --commune <code> [--dry-run] [--skip-invalid]',
    );
  if (!values.commune) throw new Error('--commune <code> is required');
  const units = loadOfficialUnits();
  const commune = units.find((u) => u.code === values.commune && u.level === 'commune');
  if (!commune)
    throw new Error(`Mã xã ${values.commune} không tồn tại / unknown commune code ${values.commune}`);
  const provinces = new Set(units.filter((u) => u.level === 'province').map((u) => u.code));
  const rows = await readSheet(file);
  const result = validateCadreRows(rows, commune, provinces, new Date().toISOString());

  console.log(
    `${commune.name} (${commune.code}): ${result.rows} dòng / rows, ${result.valid.length} hợp lệ / valid, ${result.issues.length} lỗi / problems`,
  );
  for (const i of result.issues) console.log(`  dòng ${i.row} | ${i.column} | ${i.vi} / ${i.en}`);
  const invalidRows = new Set(result.issues.map((i) => i.row)).size;
  if (values['dry-run']) {
    console.log('Chạy thử: không ghi dữ liệu. / Dry run: nothing written.');
    return;
  }
  if (invalidRows > 0 && !values['skip-invalid']) {
    console.log(
      `Không ghi: ${invalidRows} dòng lỗi. Sửa tệp hoặc dùng --skip-invalid. / Nothing written: ${invalidRows} invalid rows. Fix the file or use --skip-invalid.`,
    );
    process.exitCode = 2;
    return;
  }
  if (!process.env.FIRESTORE_EMULATOR_HOST)
    throw new Error('FIRESTORE_EMULATOR_HOST is not set (start the local system with npm start).');
  process.env.METADATA_SERVER_DETECTION ??= 'none';
  const app = initializeApp({ projectId: process.env.GCLOUD_PROJECT ?? 'demo-canbo' }, 'import');
  const db = getFirestore(app);
  const c = collections(db);
  // People already in the system keep what the system recorded since (mergeWithExisting).
  const ids = result.valid.map((r) => r.cadre.id);
  const [cadres, profiles] = await Promise.all([
    Promise.all(ids.map((id) => c.cadres.doc(id).get())),
    Promise.all(ids.map((id) => c.cadrePrivate(id).get())),
  ]);
  const writer = db.bulkWriter({ throttling: false });
  let updated = 0;
  // The unit statistics follow each person written (docs/data-model.md,
  // "unitStats"): the increments of the people whose write succeeded, in one
  // batch after the writer closes. A failure in between is repaired by the
  // nightly rebuild (or `rebuildUnitStats`).
  const statsChanges: UnitStatsDelta[][] = [];
  const writes: Promise<unknown>[] = [];
  result.valid.forEach((row, i) => {
    const existing = { cadre: cadres[i]?.data(), profile: profiles[i]?.data() };
    if (existing.cadre) updated++;
    const { cadre, profile } = mergeWithExisting(row, existing);
    writes.push(
      writer
        .set(c.cadres.doc(cadre.id), cadre)
        .then(() => statsChanges.push(statsDelta(existing.cadre, cadre))),
    );
    void writer.set(c.cadrePrivate(cadre.id), profile);
  });
  await writer.close();
  await Promise.allSettled(writes);
  const statsBatch = db.batch();
  new UnitStatsStore(db).record(statsBatch, { people: statsChanges.flat() }, new Date().toISOString());
  await statsBatch.commit();
  await deleteApp(app);
  console.log(
    `Đã ghi ${result.valid.length} cán bộ (${updated} đã có, giữ nguyên công tác và hạn chế). / Wrote ${result.valid.length} cadres (${updated} already present, their posts and restrictions kept).`,
  );
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`import: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
