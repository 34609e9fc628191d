/**
 * Report 2 (tăng cường cán bộ cho cơ sở) beyond the worked case in
 * movements.test.ts: which movements count, the order of rows that start on
 * the same day, the chart's order, and the whole table written out.
 */
import {
  buildReinforcementReport,
  isReinforcement,
  type ReinforcementMovement,
} from '../../../functions/src/domain/reports';
import { reinforcementMove } from '../../helpers/reports';

const positions = {
  xa_chu_tich_ubnd: { name: 'Chủ tịch UBND xã', nameEn: 'Commune chair', keyPost: true },
  xa_ke_toan: { name: 'Kế toán', nameEn: 'Accountant', keyPost: false },
};

const move = reinforcementMove;

describe('what counts as a reinforcement', () => {
  test('each decided status and each type of move from the province to a commune key post', () => {
    for (const status of ['approved', 'active', 'completed'] as const)
      for (const type of ['transfer', 'rotation', 'secondment', 'appointment'] as const)
        expect(isReinforcement(move('m', { status, type }), positions)).toBe(true);
  });

  test('not to a provincial unit, not to a post that is not key or not in the catalogue, not without a post', () => {
    expect(isReinforcement(move('m', { fromUnitCode: '40', toUnitCode: '40-snv' }), positions)).toBe(false);
    expect(isReinforcement(move('m', { toPositionId: 'xa_ke_toan' }), positions)).toBe(false);
    expect(isReinforcement(move('m', { toPositionId: 'no_such_post' }), positions)).toBe(false);
    expect(isReinforcement(move('m', { toPositionId: null }), positions)).toBe(false);
    expect(isReinforcement(move('m', { fromUnitCode: '16681' }), positions)).toBe(false);
    expect(isReinforcement(move('m', { status: 'proposed' }), positions)).toBe(false);
    expect(isReinforcement(move('m', { type: 'termination' }), positions)).toBe(false);
  });
});

test('the whole table: same-day starts by name then id; the chart by count, then commune code', () => {
  const t = buildReinforcementReport({
    unitName: 'Tỉnh Nghệ An',
    asOf: '2026-12-01',
    from: '2026-01-01',
    to: '2026-03-31',
    unitNames: { '40-snv': 'Sở Nội vụ', '17011': 'Xã Yên Thành' },
    positions,
    movements: [
      move('m9', { cadreName: 'Bùi Văn D', toUnitCode: '16681' }),
      move('m4', { cadreName: 'An Văn E', toUnitCode: '17011' }),
      move('m8', { cadreName: 'An Văn E', toUnitCode: '17011', startDate: '2026-03-01' }),
      move('m6', { cadreName: 'Cao Thị F', toUnitCode: '16681', startDate: '2026-01-05' }),
      move('n1', { toUnitCode: '40-snv' }),
      move('n2', { toPositionId: 'no_such_post' }),
    ],
  });
  const cells = (unit: string, commune: string, date: string) => [
    unit,
    commune,
    { vi: 'Chủ tịch UBND xã', en: 'Commune chair' },
    { vi: 'Luân chuyển', en: 'Rotation' },
    date,
    { vi: 'Đang thực hiện', en: 'Under way' },
  ];
  const none = [null, null, null, null, null, null];
  expect(t).toEqual({
    kind: 'reinforcement',
    title: {
      vi: 'BÁO CÁO TĂNG CƯỜNG CÁN BỘ CẤP TỈNH VỀ CHỨC DANH CHỦ CHỐT CẤP XÃ',
      en: 'REPORT ON PROVINCIAL CADRES SENT TO COMMUNE KEY POSTS',
    },
    subtitle: { vi: 'Từ ngày 01/01/2026 đến ngày 31/03/2026', en: 'From 01/01/2026 to 31/03/2026' },
    unitName: 'Tỉnh Nghệ An',
    asOf: '2026-12-01',
    rowHeading: { vi: 'Họ và tên', en: 'Full name' },
    columns: [
      { key: 'fromUnit', label: { vi: 'Đơn vị công tác trước', en: 'From' }, band: null, numeric: false },
      { key: 'toUnit', label: { vi: 'Đơn vị đến (cấp xã)', en: 'To (commune)' }, band: null, numeric: false },
      { key: 'post', label: { vi: 'Chức danh', en: 'Post' }, band: null, numeric: false },
      { key: 'type', label: { vi: 'Hình thức', en: 'Type' }, band: null, numeric: false },
      { key: 'startDate', label: { vi: 'Ngày bắt đầu', en: 'Start date' }, band: null, numeric: false },
      { key: 'status', label: { vi: 'Trạng thái', en: 'Status' }, band: null, numeric: false },
    ],
    groups: [
      {
        key: '2026-Q1',
        label: { vi: 'Quý 1 năm 2026', en: 'Q1 2026' },
        rows: [
          {
            key: 'm6',
            label: { vi: 'Cao Thị F', en: 'Cao Thị F' },
            cells: cells('Sở Nội vụ', '16681', '05/01/2026'),
          },
          {
            key: 'm4',
            label: { vi: 'An Văn E', en: 'An Văn E' },
            cells: cells('Sở Nội vụ', 'Xã Yên Thành', '01/03/2026'),
          },
          {
            key: 'm8',
            label: { vi: 'An Văn E', en: 'An Văn E' },
            cells: cells('Sở Nội vụ', 'Xã Yên Thành', '01/03/2026'),
          },
          {
            key: 'm9',
            label: { vi: 'Bùi Văn D', en: 'Bùi Văn D' },
            cells: cells('Sở Nội vụ', '16681', '01/03/2026'),
          },
        ],
        subtotal: {
          key: '2026-Q1.subtotal',
          label: { vi: 'Cộng: 4 người', en: 'Subtotal: 4 people' },
          cells: none,
        },
      },
    ],
    total: { key: 'total', label: { vi: 'Tổng cộng: 4 người', en: 'Total: 4 people' }, cells: none },
    notes: [
      {
        vi: 'Người chuyển từ cơ quan, đơn vị cấp tỉnh về chức danh chủ chốt của xã (điều động, luân chuyển, biệt phái, bổ nhiệm) đã được phê duyệt, theo ngày bắt đầu.',
        en: 'People moved from provincial agencies to commune key posts (transfer, rotation, secondment, appointment), approved, by start date.',
      },
    ],
    chart: [
      { key: '16681', label: '16681', values: { people: 2 } },
      { key: '17011', label: 'Xã Yên Thành', values: { people: 2 } },
    ],
  });
});

test('the chart puts the commune with more people first, whatever the order of the moves', () => {
  const chart = (movements: ReinforcementMovement[]) =>
    buildReinforcementReport({
      unitName: 'U',
      asOf: '2026-12-01',
      from: '2026-01-01',
      to: '2026-12-31',
      unitNames: {},
      positions,
      movements,
    }).chart.map((c) => [c.key, c.values['people']]);
  const a = move('a', { toUnitCode: '16681' });
  const b = move('b', { toUnitCode: '17011' });
  const c = move('c', { toUnitCode: '17011' });
  expect(chart([a, b, c])).toEqual([
    ['17011', 2],
    ['16681', 1],
  ]);
  expect(chart([b, c, a])).toEqual([
    ['17011', 2],
    ['16681', 1],
  ]);
});
