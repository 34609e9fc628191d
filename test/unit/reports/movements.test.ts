/** Reports 2 and 3: movements by type and status, and the reinforcement of communes' key posts. */
import { buildMovementsReport, buildReinforcementReport } from '../../../functions/src/domain/reports';
import { reinforcementMove } from '../../helpers/reports';

test('movements by type and status: start dates in the period only, drafts left out, totals by row and column', () => {
  const t = buildMovementsReport({
    unitName: 'Tỉnh Nghệ An',
    asOf: '2026-12-01',
    from: '2026-07-01',
    to: '2026-09-30',
    movements: [
      { type: 'transfer', status: 'active', startDate: '2026-07-01' },
      { type: 'transfer', status: 'active', startDate: '2026-09-30' },
      { type: 'transfer', status: 'proposed', startDate: '2026-08-15' },
      { type: 'secondment', status: 'completed', startDate: '2026-08-01' },
      { type: 'secondment', status: 'draft', startDate: '2026-08-01' },
      { type: 'rotation', status: 'rejected', startDate: '2026-07-20' },
      // Outside the period
      { type: 'transfer', status: 'active', startDate: '2026-06-30' },
      { type: 'appointment', status: 'approved', startDate: '2026-10-01' },
    ],
  });
  expect(t.title.vi).toBe('BÁO CÁO TÌNH HÌNH ĐIỀU ĐỘNG, LUÂN CHUYỂN, BIỆT PHÁI CÁN BỘ');
  expect(t.subtitle).toEqual({
    vi: 'Từ ngày 01/07/2026 đến ngày 30/09/2026',
    en: 'From 01/07/2026 to 30/09/2026',
  });
  expect(t.columns.map((c) => c.label.vi)).toEqual([
    'Đã đề xuất',
    'Đã phê duyệt',
    'Đang thực hiện',
    'Đã kết thúc',
    'Đã huỷ',
    'Không phê duyệt',
    'Tổng số',
  ]);
  expect(t.groups[0]!.rows.map((r) => [r.label.vi, ...r.cells])).toEqual([
    ['Điều động', 1, 0, 2, 0, 0, 0, 3],
    ['Luân chuyển', 0, 0, 0, 0, 0, 1, 1],
    ['Biệt phái', 0, 0, 0, 1, 0, 0, 1],
    ['Bổ nhiệm', 0, 0, 0, 0, 0, 0, 0],
    ['Kiêm nhiệm', 0, 0, 0, 0, 0, 0, 0],
    ['Thôi việc, nghỉ hưu', 0, 0, 0, 0, 0, 0, 0],
  ]);
  expect(t.total).toEqual({
    key: 'total',
    label: { vi: 'Tổng cộng', en: 'Total' },
    cells: [1, 0, 2, 1, 0, 1, 5],
  });
});

const move = reinforcementMove;

test('reinforcement: province-level unit to a commune key post, decided, started in the period; grouped by quarter', () => {
  const t = buildReinforcementReport({
    unitName: 'Tỉnh Nghệ An',
    asOf: '2026-12-01',
    from: '2026-01-01',
    to: '2026-06-30',
    unitNames: {
      '40': 'Tỉnh Nghệ An',
      '40-snv': 'Sở Nội vụ',
      '17011': 'Xã Yên Thành',
      '16681': 'Phường Thành Vinh',
    },
    positions: {
      xa_chu_tich_ubnd: { name: 'Chủ tịch UBND xã', nameEn: 'Commune chair', keyPost: true },
      xa_bi_thu: { name: 'Bí thư Đảng ủy xã', nameEn: 'Commune Party secretary', keyPost: true },
      xa_ke_toan: { name: 'Kế toán', nameEn: 'Accountant', keyPost: false },
    },
    movements: [
      move('m1', { cadreName: 'Trần Văn B' }),
      move('m2', {
        cadreName: 'Nguyễn Thị A',
        fromUnitCode: '40',
        toUnitCode: '16681',
        toPositionId: 'xa_bi_thu',
        type: 'transfer',
        status: 'completed',
        startDate: '2026-01-10',
      }),
      // Approved later than planned: counts from its actual start (Q2)
      move('m3', {
        cadreName: 'Lê Văn C',
        startDate: '2026-03-20',
        actualStartDate: '2026-04-02',
        type: 'secondment',
      }),
      // Not reinforcements: a commune-to-commune move, a post that is not key, a proposal, a cancelled one,
      // a concurrent post, and one outside the period.
      move('n1', { fromUnitCode: '16681' }),
      move('n2', { toPositionId: 'xa_ke_toan' }),
      move('n3', { status: 'proposed' }),
      move('n4', { status: 'cancelled' }),
      move('n5', { type: 'concurrent' }),
      move('n6', { startDate: '2026-07-01' }),
    ],
  });
  expect(t.title.vi).toBe('BÁO CÁO TĂNG CƯỜNG CÁN BỘ CẤP TỈNH VỀ CHỨC DANH CHỦ CHỐT CẤP XÃ');
  expect(t.columns.map((c) => c.label.vi)).toEqual([
    'Đơn vị công tác trước',
    'Đơn vị đến (cấp xã)',
    'Chức danh',
    'Hình thức',
    'Ngày bắt đầu',
    'Trạng thái',
  ]);
  expect(t.groups).toEqual([
    {
      key: '2026-Q1',
      label: { vi: 'Quý 1 năm 2026', en: 'Q1 2026' },
      rows: [
        {
          key: 'm2',
          label: { vi: 'Nguyễn Thị A', en: 'Nguyễn Thị A' },
          cells: [
            'Tỉnh Nghệ An',
            'Phường Thành Vinh',
            { vi: 'Bí thư Đảng ủy xã', en: 'Commune Party secretary' },
            { vi: 'Điều động', en: 'Transfer' },
            '10/01/2026',
            { vi: 'Đã kết thúc', en: 'Completed' },
          ],
        },
        {
          key: 'm1',
          label: { vi: 'Trần Văn B', en: 'Trần Văn B' },
          cells: [
            'Sở Nội vụ',
            'Xã Yên Thành',
            { vi: 'Chủ tịch UBND xã', en: 'Commune chair' },
            { vi: 'Luân chuyển', en: 'Rotation' },
            '01/03/2026',
            { vi: 'Đang thực hiện', en: 'Under way' },
          ],
        },
      ],
      subtotal: {
        key: '2026-Q1.subtotal',
        label: { vi: 'Cộng: 2 người', en: 'Subtotal: 2 people' },
        cells: [null, null, null, null, null, null],
      },
    },
    {
      key: '2026-Q2',
      label: { vi: 'Quý 2 năm 2026', en: 'Q2 2026' },
      rows: [
        {
          key: 'm3',
          label: { vi: 'Lê Văn C', en: 'Lê Văn C' },
          cells: [
            'Sở Nội vụ',
            'Xã Yên Thành',
            { vi: 'Chủ tịch UBND xã', en: 'Commune chair' },
            { vi: 'Biệt phái', en: 'Secondment' },
            '02/04/2026',
            { vi: 'Đang thực hiện', en: 'Under way' },
          ],
        },
      ],
      subtotal: {
        key: '2026-Q2.subtotal',
        label: { vi: 'Cộng: 1 người', en: 'Subtotal: 1 people' },
        cells: [null, null, null, null, null, null],
      },
    },
  ]);
  expect(t.total!.label).toEqual({ vi: 'Tổng cộng: 3 người', en: 'Total: 3 people' });
  expect(t.chart).toEqual([
    { key: '17011', label: 'Xã Yên Thành', values: { people: 2 } },
    { key: '16681', label: 'Phường Thành Vinh', values: { people: 1 } },
  ]);
});

test('movements: the whole table, one numeric column per status under the status band, then the total', () => {
  const t = buildMovementsReport({
    unitName: 'Xã Yên Thành',
    asOf: '2026-12-01',
    from: '2026-01-01',
    to: '2026-03-31',
    movements: [
      { type: 'appointment', status: 'approved', startDate: '2026-02-01' },
      { type: 'appointment', status: 'approved', startDate: '2026-03-31' },
      { type: 'termination', status: 'completed', startDate: '2026-01-01' },
      { type: 'termination', status: 'draft', startDate: '2026-01-02' },
    ],
  });
  const band = { vi: 'Trạng thái', en: 'Status' };
  const status = (key: string, vi: string, en: string) => ({ key, label: { vi, en }, band, numeric: true });
  const row = (key: string, vi: string, en: string, cells: number[]) => ({ key, label: { vi, en }, cells });
  expect(t).toEqual({
    kind: 'movements',
    title: {
      vi: 'BÁO CÁO TÌNH HÌNH ĐIỀU ĐỘNG, LUÂN CHUYỂN, BIỆT PHÁI CÁN BỘ',
      en: 'REPORT ON TRANSFERS, ROTATIONS AND SECONDMENTS OF CADRES',
    },
    subtitle: { vi: 'Từ ngày 01/01/2026 đến ngày 31/03/2026', en: 'From 01/01/2026 to 31/03/2026' },
    unitName: 'Xã Yên Thành',
    asOf: '2026-12-01',
    rowHeading: { vi: 'Hình thức', en: 'Type' },
    columns: [
      status('proposed', 'Đã đề xuất', 'Proposed'),
      status('approved', 'Đã phê duyệt', 'Approved'),
      status('active', 'Đang thực hiện', 'Under way'),
      status('completed', 'Đã kết thúc', 'Completed'),
      status('cancelled', 'Đã huỷ', 'Cancelled'),
      status('rejected', 'Không phê duyệt', 'Rejected'),
      { key: 'total', label: { vi: 'Tổng số', en: 'Total' }, band: null, numeric: true },
    ],
    groups: [
      {
        key: 'all',
        label: { vi: 'Tất cả', en: 'All' },
        rows: [
          row('transfer', 'Điều động', 'Transfer', [0, 0, 0, 0, 0, 0, 0]),
          row('rotation', 'Luân chuyển', 'Rotation', [0, 0, 0, 0, 0, 0, 0]),
          row('secondment', 'Biệt phái', 'Secondment', [0, 0, 0, 0, 0, 0, 0]),
          row('appointment', 'Bổ nhiệm', 'Appointment', [0, 2, 0, 0, 0, 0, 2]),
          row('concurrent', 'Kiêm nhiệm', 'Concurrent post', [0, 0, 0, 0, 0, 0, 0]),
          row('termination', 'Thôi việc, nghỉ hưu', 'Termination', [0, 0, 0, 1, 0, 0, 1]),
        ],
        subtotal: null,
      },
    ],
    total: { key: 'total', label: { vi: 'Tổng cộng', en: 'Total' }, cells: [0, 2, 0, 1, 0, 0, 3] },
    notes: [
      {
        vi: 'Đề xuất có ngày bắt đầu trong kỳ báo cáo, theo trạng thái hiện tại.',
        en: 'Proposals whose start date is in the period, by their current status.',
      },
    ],
    chart: [],
  });
});
