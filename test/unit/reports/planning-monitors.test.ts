/** Reports 5 and 6: the planning structure against its targets per unit, and the area monitors' activity. */
import type { MonitorLogEntry, PlanningPerson, PlanningTargetsCatalogue } from '@canbo/model';
import { buildMonitorsReport, buildPlanningReport } from '../../../functions/src/domain/reports';

const target = (minShare: number) => ({
  minShare,
  basis: 'QĐ 377',
  certainty: 'unconfirmed' as const,
  note: 'n',
});
const targets: PlanningTargetsCatalogue = {
  about: { title: 't', description: 'd', example: false },
  ageBands: {
    bands: [
      { id: 'under45', vi: 'Dưới 45', en: 'Under 45', minAge: null, maxAge: 44, minShare: 0.3 },
      { id: '45to50', vi: '45–50', en: '45–50', minAge: 45, maxAge: 50, minShare: 0.3 },
      { id: 'over50', vi: 'Trên 50', en: 'Over 50', minAge: 51, maxAge: null, minShare: 0 },
    ],
    basis: 'QĐ 377',
    certainty: 'unconfirmed',
    note: 'n',
  },
  young: { ...target(0.15), underAge: 40 },
  women: target(0.25),
  ethnicMinority: target(0.1),
};

// Ages at the term's start (2026-07-01).
const person = (
  cadreId: string,
  birthDate: string,
  gender: 'male' | 'female',
  ethnicMinority = false,
): PlanningPerson => ({
  cadreId,
  fullName: cadreId,
  gender,
  birthDate,
  ethnicMinority,
  fromUnitCode: '17011',
  addedOn: '2026-03-01',
  addedBy: 'u',
  reason: 'NQ 1',
  flags: [],
  reviewedOn: null,
});

test('planning: per unit, the counts and shares of each figure against its target, and the province counting each person once', () => {
  const a = person('a', '1990-01-01', 'female'); // 36: under 45, young
  const b = person('b', '1978-06-30', 'male', true); // 48: 45–50
  const c = person('c', '1970-01-01', 'male'); // 56: over 50
  const t = buildPlanningReport({
    unitName: 'Tỉnh Nghệ An',
    asOf: '2026-12-01',
    term: '2026-2031',
    provinceCode: '40',
    units: [
      { code: '17011', name: 'Xã Yên Thành', level: 'commune', parentCode: '40' },
      { code: '16681', name: 'Phường Thành Vinh', level: 'commune', parentCode: '40' },
      { code: '40-snv', name: 'Sở Nội vụ', level: 'agency', parentCode: '40' },
    ],
    // b is planned in two units: once in the province's row.
    entries: { '17011': [a, b, b], '16681': [b, c], '40-snv': [] },
    targets,
  });
  expect(t.title.vi).toBe('BÁO CÁO CƠ CẤU CÁN BỘ TRONG QUY HOẠCH');
  expect(t.subtitle).toEqual({ vi: 'Nhiệm kỳ 2026-2031', en: 'Term 2026-2031' });
  expect(t.columns.map((col) => [col.label.vi, col.band?.vi ?? null]).slice(0, 3)).toEqual([
    ['Số người trong quy hoạch', null],
    ['Số người', 'Dưới 45 (mục tiêu ≥ 30%)'],
    ['Tỷ lệ (%)', 'Dưới 45 (mục tiêu ≥ 30%)'],
  ]);
  expect(t.columns.slice(7).map((col) => [col.label.vi, col.band?.vi ?? null])).toEqual([
    ['Số người', 'Cán bộ trẻ (mục tiêu ≥ 15%)'],
    ['Tỷ lệ (%)', 'Cán bộ trẻ (mục tiêu ≥ 15%)'],
    ['Số người', 'Cán bộ nữ (mục tiêu ≥ 25%)'],
    ['Tỷ lệ (%)', 'Cán bộ nữ (mục tiêu ≥ 25%)'],
    ['Số người', 'Dân tộc thiểu số (mục tiêu ≥ 10%)'],
    ['Tỷ lệ (%)', 'Dân tộc thiểu số (mục tiêu ≥ 10%)'],
    ['Số tiêu chí đạt', null],
  ]);
  // An agency with nobody planned has no row, and its group is left out.
  expect(
    t.groups.map((g) => [g.label.vi, g.rows.map((r) => [r.label.vi, ...r.cells]), g.subtotal!.cells]),
  ).toEqual([
    [
      'Các xã, phường, đặc khu',
      [
        ['Phường Thành Vinh', 2, 0, 0, 1, 50, 1, 50, 0, 0, 0, 0, 1, 50, '3/6'],
        ['Xã Yên Thành', 2, 1, 50, 1, 50, 0, 0, 1, 50, 1, 50, 1, 50, '6/6'],
      ],
      [3, 1, 33.3, 1, 33.3, 1, 33.3, 1, 33.3, 1, 33.3, 1, 33.3, '6/6'],
    ],
  ]);
  expect(t.total).toEqual({
    key: 'total',
    label: { vi: 'Tổng cộng', en: 'Total' },
    cells: [3, 1, 33.3, 1, 33.3, 1, 33.3, 1, 33.3, 1, 33.3, 1, 33.3, '6/6'],
  });
});

const entry = (id: string, extra: Partial<MonitorLogEntry>): MonitorLogEntry => ({
  id,
  provinceCode: '40',
  communeCode: '17011',
  monitorUid: 'mon-a',
  kind: 'visit',
  date: '2026-08-10',
  field: 'government',
  summary: 's',
  followUp: null,
  dueDate: null,
  history: [],
  createdAt: '2026-08-10T00:00:00.000Z',
  updatedAt: '2026-08-10T00:00:00.000Z',
  updatedBy: 'u',
  ...extra,
});

test('monitors: per monitor and commune, visits, findings, recommendations, open and done; the period only', () => {
  const t = buildMonitorsReport({
    unitName: 'Tỉnh Nghệ An',
    asOf: '2026-12-01',
    period: '2026-Q3',
    unitNames: { '17011': 'Xã Yên Thành', '16681': 'Phường Thành Vinh' },
    entries: [
      entry('1', {}),
      entry('2', { kind: 'finding', followUp: 'open' }),
      entry('3', { kind: 'recommendation', followUp: 'done', communeCode: '16681' }),
      entry('4', { monitorUid: 'mon-b', kind: 'visit', date: '2026-09-30' }),
      // Outside the quarter
      entry('5', { date: '2026-10-01' }),
    ],
  });
  expect(t.title.vi).toBe('BÁO CÁO HOẠT ĐỘNG CỦA CÁN BỘ THEO DÕI ĐỊA BÀN');
  expect(t.subtitle.vi).toBe('Từ ngày 01/07/2026 đến ngày 30/09/2026');
  expect(t.columns.map((c) => c.label.vi)).toEqual([
    'Lượt làm việc',
    'Phát hiện',
    'Kiến nghị',
    'Chưa xử lý xong',
    'Đã xử lý',
  ]);
  expect(
    t.groups.map((g) => [g.label.vi, g.rows.map((r) => [r.label.vi, ...r.cells]), g.subtotal!.cells]),
  ).toEqual([
    [
      'Cán bộ theo dõi: mon-a',
      [
        ['Phường Thành Vinh', 0, 0, 1, 0, 1],
        ['Xã Yên Thành', 1, 1, 0, 1, 0],
      ],
      [1, 1, 1, 1, 1],
    ],
    ['Cán bộ theo dõi: mon-b', [['Xã Yên Thành', 1, 0, 0, 0, 0]], [1, 0, 0, 0, 0]],
  ]);
  expect(t.total!.cells).toEqual([2, 1, 1, 1, 1]);
});

test('planning: provincial units in their own group, an agency of a commune with the communes, a unit without a list left out; keys, columns and chart', () => {
  const a = person('a', '1990-01-01', 'female'); // 36: under 45, young, a woman
  const b = person('b', '1978-06-30', 'male', true); // 48: 45–50, ethnic minority
  const c = person('c', '1970-01-01', 'male'); // 56: over 50
  const t = buildPlanningReport({
    unitName: 'Tỉnh Nghệ An',
    asOf: '2026-12-01',
    term: '2026-2031',
    provinceCode: '40',
    units: [
      { code: '40', name: 'Tỉnh Nghệ An', level: 'province', parentCode: null },
      { code: '17011-tt', name: 'Trung tâm xã Yên Thành', level: 'agency', parentCode: '17011' },
      { code: '40-snv', name: 'Sở Nội vụ', level: 'agency', parentCode: '40' },
      { code: '16681', name: 'Phường Thành Vinh', level: 'commune', parentCode: '40' },
    ],
    entries: { '40': [a], '40-snv': [c], '17011-tt': [b] },
    targets,
  });
  expect(t.kind).toBe('planning');
  expect(t.notes.length).toBe(1);
  expect(t.columns.map((col) => [col.key, col.numeric])).toEqual([
    ['people', true],
    ['f0.count', true],
    ['f0.share', true],
    ['f1.count', true],
    ['f1.share', true],
    ['f2.count', true],
    ['f2.share', true],
    ['f3.count', true],
    ['f3.share', true],
    ['f4.count', true],
    ['f4.share', true],
    ['f5.count', true],
    ['f5.share', true],
    ['met', false],
  ]);
  expect(
    t.groups.map((g) => [
      g.key,
      g.label.vi,
      g.rows.map((r) => [r.key, r.label.vi, ...r.cells]),
      g.subtotal!.key,
      g.subtotal!.cells,
    ]),
  ).toEqual([
    [
      'province',
      'Các cơ quan, đơn vị cấp tỉnh',
      [
        ['40-snv', 'Sở Nội vụ', 1, 0, 0, 0, 0, 1, 100, 0, 0, 0, 0, 0, 0, '1/6'],
        ['40', 'Tỉnh Nghệ An', 1, 1, 100, 0, 0, 0, 0, 1, 100, 1, 100, 0, 0, '4/6'],
      ],
      'province.subtotal',
      [2, 1, 50, 0, 0, 1, 50, 1, 50, 1, 50, 0, 0, '4/6'],
    ],
    [
      'communes',
      'Các xã, phường, đặc khu',
      [['17011-tt', 'Trung tâm xã Yên Thành', 1, 0, 0, 1, 100, 0, 0, 0, 0, 0, 0, 1, 100, '3/6']],
      'communes.subtotal',
      [1, 0, 0, 1, 100, 0, 0, 0, 0, 0, 0, 1, 100, '3/6'],
    ],
  ]);
  expect(t.total!.cells).toEqual([3, 1, 33.3, 1, 33.3, 1, 33.3, 1, 33.3, 1, 33.3, 1, 33.3, '6/6']);
  const values = (s: number[]) => ({
    'Dưới 45': s[0],
    '45–50': s[1],
    'Trên 50': s[2],
    'Cán bộ trẻ': s[3],
    'Cán bộ nữ': s[4],
    'Dân tộc thiểu số': s[5],
  });
  expect(t.chart).toEqual([
    { key: '40-snv', label: 'Sở Nội vụ', values: values([0, 0, 100, 0, 0, 0]) },
    { key: '40', label: 'Tỉnh Nghệ An', values: values([100, 0, 0, 100, 100, 0]) },
    { key: '17011-tt', label: 'Trung tâm xã Yên Thành', values: values([0, 100, 0, 0, 0, 100]) },
  ]);
});

test('monitors: groups by monitor id in order, a monitor with nothing in the period left out, a commune without a name shown by its code; keys and chart', () => {
  const t = buildMonitorsReport({
    unitName: 'Tỉnh Nghệ An',
    asOf: '2026-12-01',
    period: '2026-Q3',
    unitNames: { '17011': 'Xã Yên Thành' },
    entries: [
      entry('1', { monitorUid: 'mon-c', kind: 'finding', followUp: 'open', communeCode: '16999' }),
      entry('2', { monitorUid: 'mon-c', kind: 'visit' }),
      entry('3', { monitorUid: 'mon-b', date: '2026-06-30' }),
      entry('4', { monitorUid: 'mon-a', kind: 'recommendation', followUp: 'done' }),
    ],
  });
  expect(t.kind).toBe('monitors');
  expect(t.notes.length).toBe(1);
  expect(t.columns.map((c) => [c.key, c.numeric])).toEqual([
    ['visits', true],
    ['findings', true],
    ['recommendations', true],
    ['open', true],
    ['done', true],
  ]);
  expect(
    t.groups.map((g) => [
      g.key,
      g.rows.map((r) => [r.key, r.label, ...r.cells]),
      g.subtotal!.key,
      g.subtotal!.cells,
    ]),
  ).toEqual([
    [
      'mon-a',
      [['mon-a/17011', { vi: 'Xã Yên Thành', en: 'Xã Yên Thành' }, 0, 0, 1, 0, 1]],
      'mon-a.subtotal',
      [0, 0, 1, 0, 1],
    ],
    [
      'mon-c',
      [
        ['mon-c/16999', { vi: '16999', en: '16999' }, 0, 1, 0, 1, 0],
        ['mon-c/17011', { vi: 'Xã Yên Thành', en: 'Xã Yên Thành' }, 1, 0, 0, 0, 0],
      ],
      'mon-c.subtotal',
      [1, 1, 0, 1, 0],
    ],
  ]);
  expect(t.total).toEqual({ key: 'total', label: { vi: 'Tổng cộng', en: 'Total' }, cells: [1, 1, 1, 1, 1] });
  expect(t.chart).toEqual([
    { key: 'mon-a', label: 'mon-a', values: { visits: 0, findings: 0, recommendations: 1 } },
    { key: 'mon-c', label: 'mon-c', values: { visits: 1, findings: 1, recommendations: 0 } },
  ]);
});

test('monitors: within a monitor, communes in Vietnamese name order, not code order', () => {
  const t = buildMonitorsReport({
    unitName: 'Tỉnh Nghệ An',
    asOf: '2026-12-01',
    period: '2026-Q3',
    unitNames: { '16681': 'Xã Yên Thành', '17011': 'Phường Vinh' },
    entries: [entry('1', { communeCode: '16681' }), entry('2', { communeCode: '17011' })],
  });
  expect(t.groups[0]!.rows.map((r) => [r.key, r.label.vi])).toEqual([
    ['mon-a/17011', 'Phường Vinh'],
    ['mon-a/16681', 'Xã Yên Thành'],
  ]);
});
