/** Report 4: evaluation levels per unit (the reviewer's level counts), and the split of a large table into parts. */
import type { ReportTable } from '@canbo/model';
import {
  buildEvaluationsReport,
  joinTable,
  splitTable,
  tallyLevels,
} from '../../../functions/src/domain/reports';
import { joinParts } from '../../../hosting/src/pages/reports/sheet';

test('tallyLevels counts the reviewed level, and people not rated apart', () => {
  expect(
    tallyLevels([
      { rated: true, level: 'HTT' },
      {
        rated: true,
        level: 'HTT',
        review: { level: 'HTXS', reason: 'r', by: 'u', at: '2026-10-10T00:00:00.000Z' },
      },
      { rated: true, level: 'KHT' },
      { rated: false, level: null },
      { rated: true, level: 'HT' },
    ]),
  ).toEqual({ HTXS: 1, HTT: 1, HT: 1, KHT: 1, notRated: 1 });
});

test('provincial agencies first, then communes, with subtotals, the total and the HTXS + HTT share of those rated', () => {
  const t = buildEvaluationsReport({
    unitName: 'Tỉnh Nghệ An',
    asOf: '2026-12-01',
    quarter: '2026-Q3',
    units: [
      { code: '17011', name: 'Xã Yên Thành', level: 'commune', parentCode: '40' },
      { code: '40-snv', name: 'Sở Nội vụ', level: 'agency', parentCode: '40' },
      { code: '16681', name: 'Phường Thành Vinh', level: 'commune', parentCode: '40' },
      { code: '40', name: 'Tỉnh Nghệ An', level: 'province', parentCode: null },
    ],
    counts: {
      '17011': { HTXS: 2, HTT: 5, HT: 2, KHT: 1, notRated: 0 },
      '16681': { HTXS: 0, HTT: 1, HT: 2, KHT: 0, notRated: 1 },
      '40-snv': { HTXS: 1, HTT: 3, HT: 0, KHT: 0, notRated: 0 },
    },
  });
  expect(t.subtitle).toEqual({ vi: 'Quý 3 năm 2026', en: 'Quarter 3 of 2026' });
  expect(t.columns.map((c) => c.label.vi)).toEqual([
    'Tổng số người',
    'HTXS',
    'HTT',
    'HT',
    'KHT',
    'Chưa xếp loại',
    'Tỷ lệ HTXS + HTT (%)',
  ]);
  expect(
    t.groups.map((g) => [g.label.vi, g.rows.map((r) => [r.label.vi, ...r.cells]), g.subtotal!.cells]),
  ).toEqual([
    [
      'Các cơ quan, đơn vị cấp tỉnh',
      [
        ['Tỉnh Nghệ An', 0, 0, 0, 0, 0, 0, null],
        ['Sở Nội vụ', 4, 1, 3, 0, 0, 0, 100],
      ],
      [4, 1, 3, 0, 0, 0, 100],
    ],
    [
      'Các xã, phường, đặc khu',
      [
        ['Phường Thành Vinh', 4, 0, 1, 2, 0, 1, 33.3],
        ['Xã Yên Thành', 10, 2, 5, 2, 1, 0, 70],
      ],
      [14, 2, 6, 4, 1, 1, 61.5],
    ],
  ]);
  expect(t.total!.cells).toEqual([18, 3, 9, 4, 1, 1, 70.6]);
});

const bigTable = (rows: number): ReportTable => ({
  kind: 'movements',
  title: { vi: 'T', en: 'T' },
  subtitle: { vi: 'S', en: 'S' },
  unitName: 'U',
  asOf: '2026-12-01',
  rowHeading: { vi: 'R', en: 'R' },
  columns: [{ key: 'n', label: { vi: 'N', en: 'N' }, band: null, numeric: true }],
  groups: [
    {
      key: 'a',
      label: { vi: 'A', en: 'A' },
      rows: Array.from({ length: rows }, (_, i) => ({
        key: `r${i}`,
        label: { vi: `hàng ${i}`, en: `row ${i}` },
        cells: [i],
      })),
      subtotal: { key: 'a.s', label: { vi: 'Cộng', en: 'Subtotal' }, cells: [1] },
    },
    { key: 'b', label: { vi: 'B', en: 'B' }, rows: [], subtotal: null },
  ],
  total: null,
  notes: [],
  chart: [],
});

test('a table that fits stays whole; a larger one is split into parts under the limit and joins back identical', () => {
  const small = bigTable(3);
  expect(splitTable(small, 100_000)).toEqual({ head: small, parts: [] });
  const big = bigTable(400);
  const { head, parts } = splitTable(big, 4_000);
  expect(head.groups).toEqual([]);
  expect(parts.length).toBe(8);
  for (const p of parts) expect(JSON.stringify(p).length).toBeLessThanOrEqual(4_000);
  // Only the last piece of group a carries its subtotal.
  expect(parts.flat().filter((g) => g.key === 'a' && g.subtotal !== null).length).toBe(1);
  expect(joinTable(head, parts)).toEqual(big);
  // The web client joins them the same way.
  expect(joinParts(head, parts)).toEqual(big);
});
