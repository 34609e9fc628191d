/**
 * The web client's layout of a report (hosting/src/pages/reports): the rows a
 * sheet and the screen show, the XLSX's heading block in the board's layout,
 * the place and date line, and the callable input of the form.
 */
import type { ReportTable } from '@canbo/model';
import { inputOf, lastQuarter, recentReportsFilters } from '../../../hosting/src/pages/reports/form';
import { reportSheet } from '../../../hosting/src/pages/reports/report-xlsx';
import { bands, placeDate, placeOf, sheetRows } from '../../../hosting/src/pages/reports/sheet';

const table: ReportTable = {
  kind: 'staffing',
  title: { vi: 'BÁO CÁO BIÊN CHẾ', en: 'STAFFING REPORT' },
  subtitle: { vi: 'Năm 2026', en: 'Year 2026' },
  unitName: 'Tỉnh Nghệ An',
  asOf: '2026-12-01',
  rowHeading: { vi: 'Đơn vị', en: 'Unit' },
  columns: [
    {
      key: 'g.a',
      label: { vi: 'Giao', en: 'Allocated' },
      band: { vi: 'Chính quyền', en: 'Government' },
      numeric: true,
    },
    {
      key: 'g.f',
      label: { vi: 'Bố trí', en: 'Filled' },
      band: { vi: 'Chính quyền', en: 'Government' },
      numeric: true,
    },
    { key: 'note', label: { vi: 'Ghi chú', en: 'Note' }, band: null, numeric: false },
  ],
  groups: [
    {
      key: 'xa',
      label: { vi: 'Xã', en: 'Communes' },
      rows: [
        {
          key: '17011',
          label: { vi: 'Xã Yên Thành', en: 'Xã Yên Thành' },
          cells: [32, 30, { vi: 'đủ', en: 'ok' }],
        },
      ],
      subtotal: { key: 'xa.s', label: { vi: 'Cộng', en: 'Subtotal' }, cells: [32, 30, null] },
    },
  ],
  total: { key: 'total', label: { vi: 'Tổng cộng', en: 'Total' }, cells: [32, 30, null] },
  notes: [{ vi: 'Ghi chú chung', en: 'General note' }],
  chart: [],
};

test('bands and rows in the reader’s language', () => {
  expect(bands(table, 'vi')).toEqual([
    ['Chính quyền', 2],
    ['', 1],
  ]);
  expect(sheetRows(table, 'en')).toEqual([
    { kind: 'band', key: 'band', cells: ['', 'Government', null, ''] },
    { kind: 'heading', key: 'heading', cells: ['Unit', 'Allocated', 'Filled', 'Note'] },
    { kind: 'group', key: 'xa', cells: ['Communes', null, null, null] },
    { kind: 'row', key: '17011', cells: ['Xã Yên Thành', 32, 30, 'ok'] },
    { kind: 'subtotal', key: 'xa.s', cells: ['Subtotal', 32, 30, null] },
    { kind: 'total', key: 'total', cells: ['Total', 32, 30, null] },
  ]);
});

test('the sheet opens with the issuing body, the national heading, the place and date, the title', () => {
  const { values, bold } = reportSheet(table, 'vi');
  expect(values.slice(0, 6)).toEqual([
    ['UBND TỈNH NGHỆ AN', null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    [null, null, null, 'Độc lập - Tự do - Hạnh phúc'],
    [null, null, null, 'Nghệ An, ngày 01 tháng 12 năm 2026'],
    ['BÁO CÁO BIÊN CHẾ'],
    ['Năm 2026'],
    [null],
  ]);
  expect(values.slice(6)).toEqual([
    ['', 'Chính quyền', null, ''],
    ['Đơn vị', 'Giao', 'Bố trí', 'Ghi chú'],
    ['Xã', null, null, null],
    ['Xã Yên Thành', 32, 30, 'đủ'],
    ['Cộng', 32, 30, null],
    ['Tổng cộng', 32, 30, null],
    [null],
    ['Ghi chú chung'],
  ]);
  expect(bold).toEqual([
    true,
    true,
    false,
    true,
    false,
    false,
    true,
    true,
    true,
    false,
    true,
    true,
    false,
    false,
  ]);
});

test('place and date in both languages', () => {
  expect(placeOf('Phường Thành Vinh')).toBe('Thành Vinh');
  expect(placeDate(table, 'vi')).toBe('Nghệ An, ngày 01 tháng 12 năm 2026');
  expect(placeDate(table, 'en')).toBe('Nghệ An, 2026-12-01');
});

test('the form sends only what the kind needs; the default quarter is the last one ended', () => {
  const form = {
    kind: 'staffing' as const,
    scope: 'province' as const,
    communeCode: '17011',
    year: '2026',
    from: '2026-01-01',
    to: '2026-12-01',
    quarter: '2026-Q3',
    term: '2026-2031' as const,
  };
  expect(inputOf(form)).toEqual({ kind: 'staffing', scope: 'province', year: 2026 });
  expect(inputOf({ ...form, kind: 'movements', scope: 'commune' })).toEqual({
    kind: 'movements',
    scope: 'commune',
    communeCode: '17011',
    from: '2026-01-01',
    to: '2026-12-01',
  });
  expect(inputOf({ ...form, kind: 'evaluations' })).toEqual({
    kind: 'evaluations',
    scope: 'province',
    quarter: '2026-Q3',
  });
  expect(inputOf({ ...form, kind: 'planning' })).toEqual({
    kind: 'planning',
    scope: 'province',
    term: '2026-2031',
  });
  expect(inputOf({ ...form, kind: 'monitors' })).toEqual({
    kind: 'monitors',
    scope: 'province',
    quarter: '2026-Q3',
  });
  expect(lastQuarter('2026-12-01')).toBe('2026-Q3');
  expect(lastQuarter('2027-02-10')).toBe('2026-Q4');
});

test('the recent reports carry the province, and for commune roles the account’s own reports', () => {
  expect(recentReportsFilters({ role: 'auditor', province: '40' }, 'u1')).toEqual([
    { field: 'provinceCode', value: '40' },
  ]);
  expect(recentReportsFilters({ role: 'commune_admin', province: '40' }, 'u2')).toEqual([
    { field: 'provinceCode', value: '40' },
    { field: 'startedBy', value: 'u2' },
  ]);
});
