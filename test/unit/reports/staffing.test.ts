/**
 * Report 1 (biên chế by block for every commune): literal tables from a small
 * province of three communes, one with an agency of its own.
 */
import type { QuotaFigures } from '@canbo/model';
import { buildStaffingReport, type StaffingInput } from '../../../functions/src/domain/reports';

const q = (allocated: number, filled: number, reservedForReturn = 0, incoming = 0): QuotaFigures => ({
  allocated,
  filled,
  reservedForReturn,
  incoming,
  status: 'final',
  forecast: false,
});

const input: StaffingInput = {
  unitName: 'Tỉnh Nghệ An',
  asOf: '2026-12-01',
  year: 2026,
  communes: [
    { code: '16681', name: 'Phường Thành Vinh', type: 'phuong' },
    { code: '17011', name: 'Xã Yên Thành', type: 'xa' },
    { code: '16999', name: 'Xã Anh Sơn', type: 'xa' },
  ],
  stats: [
    { unitCode: '17011', quotas: { '2026': { government: q(32, 30, 1, 1), party: q(17, 16) } } },
    // An agency of Yên Thành: counted in its row.
    { unitCode: '17011-vp', quotas: { '2026': { public_service: q(5, 4) } } },
    // Another year is not this report's.
    { unitCode: '16999', quotas: { '2025': { government: q(30, 30) }, '2026': { government: q(30, 31) } } },
    { unitCode: '16681', quotas: { '2026': { government: q(35, 33, 0, 2), military: q(4, 4) } } },
    // A provincial agency is not a commune.
    { unitCode: '40-snv', quotas: { '2026': { government: q(60, 55) } } },
  ],
};

//                       government        party            military        public_service     all blocks
const Z = [0, 0, 0, 0, 0];

test('rows by commune, grouped xã then phường, with subtotals and the total; free = allocated − filled − reserved − incoming', () => {
  const t = buildStaffingReport(input);
  expect(t.title.vi).toBe('BÁO CÁO TÌNH HÌNH GIAO VÀ SỬ DỤNG BIÊN CHẾ CẤP XÃ');
  expect(t.subtitle).toEqual({ vi: 'Năm 2026', en: 'Year 2026' });
  expect(t.unitName).toBe('Tỉnh Nghệ An');
  expect(t.rowHeading.vi).toBe('Đơn vị hành chính cấp xã');
  expect(t.columns.slice(0, 5).map((c) => [c.key, c.label.vi, c.band?.vi])).toEqual([
    ['government.allocated', 'Biên chế được giao', 'Khối chính quyền (HĐND, UBND)'],
    ['government.filled', 'Đã bố trí', 'Khối chính quyền (HĐND, UBND)'],
    ['government.reserved', 'Biệt phái (giữ biên chế)', 'Khối chính quyền (HĐND, UBND)'],
    ['government.incoming', 'Chờ tiếp nhận', 'Khối chính quyền (HĐND, UBND)'],
    ['government.free', 'Còn trống', 'Khối chính quyền (HĐND, UBND)'],
  ]);
  expect(t.columns.map((c) => c.key).slice(20)).toEqual([
    'all.allocated',
    'all.filled',
    'all.reserved',
    'all.incoming',
    'all.free',
  ]);
  expect(t.columns[20]!.band).toEqual({ vi: 'Tổng số', en: 'All blocks' });
  expect(t.groups.map((g) => [g.key, g.label.vi, g.rows.map((r) => r.label.vi)])).toEqual([
    ['xa', 'Xã', ['Xã Anh Sơn', 'Xã Yên Thành']],
    ['phuong', 'Phường', ['Phường Thành Vinh']],
  ]);
  expect(t.groups[0]!.rows.map((r) => r.cells)).toEqual([
    // Anh Sơn: 31 people on 30 posts: free −1.
    [30, 31, 0, 0, -1, ...Z, ...Z, ...Z, 30, 31, 0, 0, -1],
    [32, 30, 1, 1, 0, 17, 16, 0, 0, 1, ...Z, 5, 4, 0, 0, 1, 54, 50, 1, 1, 2],
  ]);
  expect(t.groups[0]!.subtotal).toEqual({
    key: 'xa.subtotal',
    label: { vi: 'Cộng', en: 'Subtotal' },
    cells: [62, 61, 1, 1, -1, 17, 16, 0, 0, 1, ...Z, 5, 4, 0, 0, 1, 84, 81, 1, 1, 1],
  });
  expect(t.groups[1]!.rows[0]!.cells).toEqual([35, 33, 0, 2, 0, ...Z, 4, 4, 0, 0, 0, ...Z, 39, 37, 0, 2, 0]);
  expect(t.total).toEqual({
    key: 'total',
    label: { vi: 'Tổng cộng', en: 'Total' },
    cells: [97, 94, 1, 3, -1, 17, 16, 0, 0, 1, 4, 4, 0, 0, 0, 5, 4, 0, 0, 1, 123, 118, 1, 3, 1],
  });
  expect(t.chart).toEqual([
    {
      key: '16999',
      label: 'Xã Anh Sơn',
      values: { allocated: 30, filled: 31, reservedForReturn: 0, incoming: 0 },
    },
    {
      key: '17011',
      label: 'Xã Yên Thành',
      values: { allocated: 54, filled: 50, reservedForReturn: 1, incoming: 1 },
    },
    {
      key: '16681',
      label: 'Phường Thành Vinh',
      values: { allocated: 39, filled: 37, reservedForReturn: 0, incoming: 2 },
    },
  ]);
});

test('a commune without quota documents has a row of zeros; an empty group is left out', () => {
  const t = buildStaffingReport({
    ...input,
    communes: [{ code: '18000', name: 'Đặc khu X', type: 'dac_khu' }],
    stats: [],
  });
  expect(t.groups).toEqual([
    {
      key: 'dac_khu',
      label: { vi: 'Đặc khu', en: 'Special zones' },
      rows: [
        { key: '18000', label: { vi: 'Đặc khu X', en: 'Đặc khu X' }, cells: [...Z, ...Z, ...Z, ...Z, ...Z] },
      ],
      subtotal: {
        key: 'dac_khu.subtotal',
        label: { vi: 'Cộng', en: 'Subtotal' },
        cells: [...Z, ...Z, ...Z, ...Z, ...Z],
      },
    },
  ]);
});

test('a commune type outside xã, phường, đặc khu gets a group of its own, after them, named by the type', () => {
  const t = buildStaffingReport({
    ...input,
    communes: [
      { code: '16700', name: 'Thị trấn B', type: 'thi_tran' },
      { code: '16999', name: 'Xã Anh Sơn', type: 'xa' },
      { code: '16701', name: 'Thị trấn A', type: 'thi_tran' },
    ],
    stats: [
      // Only another year's figures: a row of zeros.
      { unitCode: '16700', quotas: { '2025': { government: q(10, 9) } } },
      { unitCode: '16701', quotas: { '2026': { party: q(8, 6, 1) } } },
    ],
  });
  expect(t.groups.map((g) => [g.key, g.label, g.rows.map((r) => [r.key, ...r.cells.slice(5, 10)])])).toEqual([
    ['xa', { vi: 'Xã', en: 'Communes' }, [['16999', 0, 0, 0, 0, 0]]],
    [
      'thi_tran',
      { vi: 'thi_tran', en: 'thi_tran' },
      [
        ['16701', 8, 6, 1, 0, 1],
        ['16700', 0, 0, 0, 0, 0],
      ],
    ],
  ]);
  expect(t.groups[1]!.rows[1]!.cells).toEqual([...Z, ...Z, ...Z, ...Z, ...Z]);
});

test('every column is a number under its band; the kind and the note name the year', () => {
  const t = buildStaffingReport(input);
  expect(t.kind).toBe('staffing');
  expect(t.columns.length).toBe(25);
  expect(t.columns.every((c) => c.numeric)).toBe(true);
  expect(t.title.en).toBe('REPORT ON COMMUNE STAFFING QUOTAS ALLOCATED AND USED');
  expect(t.notes).toEqual([
    {
      vi: 'Số liệu theo biên chế được giao năm 2026 của từng đơn vị (gồm cả cơ quan trực thuộc xã); "Còn trống" = được giao − đã bố trí − biệt phái − chờ tiếp nhận (số âm: vượt biên chế).',
      en: 'Figures of the 2026 quotas of each unit (its agencies included); "Free" = allocated − filled − seconded away − incoming (negative: over quota).',
    },
  ]);
});
