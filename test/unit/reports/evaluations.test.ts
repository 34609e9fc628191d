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

describe('the evaluations table written out whole', () => {
  const counts = (HTXS: number, HTT: number, HT: number, KHT: number, notRated: number) => ({
    HTXS,
    HTT,
    HT,
    KHT,
    notRated,
  });
  const levels = (vi: string, en: string) => ({ vi, en });
  const band = levels('Xếp loại', 'Rating');

  test('the province first, its agencies by name; an agency of a commune goes with the communes; the chart per unit', () => {
    const t = buildEvaluationsReport({
      unitName: 'Tỉnh Nghệ An',
      asOf: '2026-12-01',
      quarter: '2026-Q2',
      units: [
        { code: '40-stc', name: 'Sở Tài chính', level: 'agency', parentCode: '40' },
        { code: '40', name: 'Tỉnh Nghệ An', level: 'province', parentCode: null },
        { code: '40-btc', name: 'Ban Tổ chức Tỉnh ủy', level: 'agency', parentCode: '40' },
        {
          code: '17011-tt',
          name: 'Trung tâm Phục vụ hành chính công xã',
          level: 'agency',
          parentCode: '17011',
        },
        { code: '40-snv', name: 'Sở Nội vụ', level: 'agency', parentCode: '40' },
      ],
      counts: {
        '40': counts(1, 0, 0, 0, 0),
        '40-btc': counts(0, 2, 1, 0, 0),
        '40-snv': counts(1, 1, 0, 1, 1),
        '40-stc': counts(0, 0, 3, 0, 0),
        '17011-tt': counts(0, 1, 0, 0, 2),
      },
    });
    const row = (key: string, name: string, cells: (number | null)[]) => ({
      key,
      label: levels(name, name),
      cells,
    });
    expect(t).toEqual({
      kind: 'evaluations',
      title: levels(
        'BÁO CÁO KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC',
        'REPORT ON THE EVALUATION AND RATING OF CADRES AND CIVIL SERVANTS',
      ),
      subtitle: levels('Quý 2 năm 2026', 'Quarter 2 of 2026'),
      unitName: 'Tỉnh Nghệ An',
      asOf: '2026-12-01',
      rowHeading: levels('Cơ quan, đơn vị', 'Agency or unit'),
      columns: [
        { key: 'people', label: levels('Tổng số người', 'People'), band: null, numeric: true },
        { key: 'HTXS', label: levels('HTXS', 'HTXS'), band, numeric: true },
        { key: 'HTT', label: levels('HTT', 'HTT'), band, numeric: true },
        { key: 'HT', label: levels('HT', 'HT'), band, numeric: true },
        { key: 'KHT', label: levels('KHT', 'KHT'), band, numeric: true },
        { key: 'notRated', label: levels('Chưa xếp loại', 'Not rated'), band: null, numeric: true },
        {
          key: 'goodShare',
          label: levels('Tỷ lệ HTXS + HTT (%)', 'HTXS + HTT (%)'),
          band: null,
          numeric: true,
        },
      ],
      groups: [
        {
          key: 'province',
          label: levels('Các cơ quan, đơn vị cấp tỉnh', 'Provincial agencies'),
          rows: [
            row('40', 'Tỉnh Nghệ An', [1, 1, 0, 0, 0, 0, 100]),
            row('40-btc', 'Ban Tổ chức Tỉnh ủy', [3, 0, 2, 1, 0, 0, 66.7]),
            row('40-snv', 'Sở Nội vụ', [4, 1, 1, 0, 1, 1, 66.7]),
            row('40-stc', 'Sở Tài chính', [3, 0, 0, 3, 0, 0, 0]),
          ],
          subtotal: {
            key: 'province.subtotal',
            label: levels('Cộng', 'Subtotal'),
            cells: [11, 2, 3, 4, 1, 1, 50],
          },
        },
        {
          key: 'communes',
          label: levels('Các xã, phường, đặc khu', 'Communes, wards and special zones'),
          rows: [row('17011-tt', 'Trung tâm Phục vụ hành chính công xã', [3, 0, 1, 0, 0, 2, 100])],
          subtotal: {
            key: 'communes.subtotal',
            label: levels('Cộng', 'Subtotal'),
            cells: [3, 0, 1, 0, 0, 2, 100],
          },
        },
      ],
      total: { key: 'total', label: levels('Tổng cộng', 'Total'), cells: [14, 2, 4, 4, 1, 3, 54.5] },
      notes: [
        levels(
          'Xếp loại sau khi xem xét (nếu có); theo Nghị định 335/2025/NĐ-CP.',
          'Levels after review where there is one; under Decree 335/2025.',
        ),
      ],
      chart: [
        { key: '40', label: 'Tỉnh Nghệ An', values: { HTXS: 1, HTT: 0, HT: 0, KHT: 0 } },
        { key: '40-btc', label: 'Ban Tổ chức Tỉnh ủy', values: { HTXS: 0, HTT: 2, HT: 1, KHT: 0 } },
        { key: '40-snv', label: 'Sở Nội vụ', values: { HTXS: 1, HTT: 1, HT: 0, KHT: 1 } },
        { key: '40-stc', label: 'Sở Tài chính', values: { HTXS: 0, HTT: 0, HT: 3, KHT: 0 } },
        {
          key: '17011-tt',
          label: 'Trung tâm Phục vụ hành chính công xã',
          values: { HTXS: 0, HTT: 1, HT: 0, KHT: 0 },
        },
      ],
    });
  });

  test('a section without units has no group; a unit without results counts zero everywhere', () => {
    const t = buildEvaluationsReport({
      unitName: 'Xã Yên Thành',
      asOf: '2026-12-01',
      quarter: '2026-Q4',
      units: [{ code: '17011', name: 'Xã Yên Thành', level: 'commune', parentCode: '40' }],
      counts: {},
    });
    expect(t.groups).toEqual([
      {
        key: 'communes',
        label: levels('Các xã, phường, đặc khu', 'Communes, wards and special zones'),
        rows: [
          { key: '17011', label: levels('Xã Yên Thành', 'Xã Yên Thành'), cells: [0, 0, 0, 0, 0, 0, null] },
        ],
        subtotal: {
          key: 'communes.subtotal',
          label: levels('Cộng', 'Subtotal'),
          cells: [0, 0, 0, 0, 0, 0, null],
        },
      },
    ]);
    expect(t.total!.cells).toEqual([0, 0, 0, 0, 0, 0, null]);
    expect(t.chart).toEqual([
      { key: '17011', label: 'Xã Yên Thành', values: { HTXS: 0, HTT: 0, HT: 0, KHT: 0 } },
    ]);
  });
});
