/**
 * `npm run import -- receipts`: reading a one-stop export (Vietnamese
 * headers, dates as Date cells, dd/mm/yyyy or yyyy-mm-dd) into
 * registerReceipts rows with their sheet row numbers; the missing required
 * columns are named; the dry run reports unknown procedures and writes nothing.
 */
import { importReceipts, readReceiptRows, sheetDate } from '../../../scripts/import/receipts';

const header = [
  'Số biên nhận',
  'Mã thủ tục',
  'Mã đơn vị',
  'Mã cán bộ',
  'Ngày tiếp nhận',
  'Ngày hẹn trả',
  'Ngày trả kết quả',
];

test('rows become registerReceipts inputs with their sheet row numbers; blank lines are skipped', () => {
  const { rows, missing } = readReceiptRows([
    header,
    [
      'H42-261201-0001',
      'khai_sinh',
      '18073',
      '18073-0012',
      new Date('2026-11-10T00:00:00Z'),
      '18/11/2026',
      '2026-11-18',
    ],
    [null, null, null, null, null, null, null],
    ['H42-261201-0002', 'ket_hon', '18073', '', '1/12/2026', null, ''],
  ]);
  expect(missing).toEqual([]);
  expect(rows).toEqual([
    {
      row: 2,
      input: {
        receiptNo: 'H42-261201-0001',
        procedureId: 'khai_sinh',
        unitCode: '18073',
        cadreId: '18073-0012',
        receivedOn: '2026-11-10',
        dueOn: '2026-11-18',
        returnedOn: '2026-11-18',
      },
    },
    {
      row: 4,
      input: {
        receiptNo: 'H42-261201-0002',
        procedureId: 'ket_hon',
        unitCode: '18073',
        cadreId: null,
        receivedOn: '2026-12-01',
        dueOn: null,
        returnedOn: null,
      },
    },
  ]);
});

test('a sheet without the required columns names them', () => {
  expect(readReceiptRows([['Số biên nhận', 'Mã cán bộ']]).missing).toEqual([
    'mã thủ tục',
    'mã đơn vị',
    'ngày tiếp nhận',
  ]);
});

test('dates: Date cells, dd/mm/yyyy and yyyy-mm-dd; anything else is left for the schema to refuse', () => {
  expect(sheetDate(new Date('2026-03-05T00:00:00Z'))).toBe('2026-03-05');
  expect(sheetDate('5/3/2026')).toBe('2026-03-05');
  expect(sheetDate('2026-03-05')).toBe('2026-03-05');
  expect(sheetDate('mùng 5')).toBe('mùng 5');
  expect(sheetDate('')).toBeNull();
});

test('a dry run reports unknown procedures and writes nothing', async () => {
  const lines: string[] = [];
  const res = await importReceipts(
    null,
    [
      header,
      ['H42-1', 'khai_sinh', '18073', '', '2026-11-10', '', ''],
      ['H42-2', 'xyz', '18073', '', '2026-11-10', '', ''],
    ],
    { province: '42', dryRun: true },
    (l) => lines.push(l),
  );
  expect(res).toEqual({ created: 0, updated: 0, unchanged: 0, refused: 1 });
  expect(lines).toEqual([
    '  dòng 3 | Mã thủ tục xyz không có trong danh mục / unknown procedure',
    '2 dòng / rows. Chạy thử: không ghi dữ liệu. / Dry run: nothing written.',
  ]);
});
