/**
 * The pieces every report builder uses (functions/src/domain/reports/table.ts):
 * columns, sums, dates, quarters, shares, Vietnamese name order, and the split
 * of a table into parts of at most a given size, on both sides of each limit.
 * Sizes are JSON bytes; the tables below are small so that each limit can be
 * written out.
 */
import type { ReportGroup, ReportTable } from '@canbo/model';
import {
  byName,
  column,
  joinTable,
  percent,
  quarterOf,
  same,
  splitTable,
  sumRow,
  viDate,
} from '../../../functions/src/domain/reports';

const t = (s: string) => ({ vi: s, en: s });
const row = (key: string, n: number) => ({ key, label: t(key), cells: [n] });
const group = (key: string, rows: string[], subtotal: boolean): ReportGroup => ({
  key,
  label: t(key),
  rows: rows.map((r, i) => row(r, i)),
  subtotal: subtotal ? { key: `${key}.s`, label: { vi: 'C', en: 'S' }, cells: [rows.length] } : null,
});
const table = (groups: ReportGroup[]): ReportTable => ({
  kind: 'movements',
  title: t('T'),
  subtitle: t('S'),
  unitName: 'U',
  asOf: '2026-12-01',
  rowHeading: t('R'),
  columns: [{ key: 'n', label: t('N'), band: null, numeric: true }],
  groups,
  total: null,
  notes: [],
  chart: [],
});
/** Each part as [group key, its row keys, its subtotal's key] (rows cut to 3 characters). */
const shape = (parts: ReportGroup[][]) =>
  parts.map((p) =>
    p.map((g) => [g.key, g.rows.map((r) => r.key.slice(0, 3)).join(','), g.subtotal?.key ?? null]),
  );

describe('columns, rows and cells', () => {
  test('a column is numeric unless told, without a band; same() puts one string in both languages', () => {
    expect(column('n', t('N'))).toEqual({ key: 'n', label: t('N'), band: null, numeric: true });
    expect(column('name', t('Tên'), false, t('B'))).toEqual({
      key: 'name',
      label: t('Tên'),
      band: t('B'),
      numeric: false,
    });
    expect(same('Xã Yên Thành')).toEqual({ vi: 'Xã Yên Thành', en: 'Xã Yên Thành' });
  });

  test('a sum row adds the numbers of numeric columns only, skipping empty and text cells', () => {
    const columns = [column('name', t('Tên'), false), column('a', t('A')), column('b', t('B'))];
    const rows = [
      { key: 'r1', label: t('1'), cells: ['Xã A', 2, null] },
      { key: 'r2', label: t('2'), cells: ['Xã B', 3, 4] },
      { key: 'r3', label: t('3'), cells: [null, t('x'), 5] },
    ];
    expect(sumRow('total', t('Tổng'), columns, rows)).toEqual({
      key: 'total',
      label: t('Tổng'),
      cells: [null, 5, 9],
    });
    expect(sumRow('total', t('Tổng'), columns, [])).toEqual({
      key: 'total',
      label: t('Tổng'),
      cells: [null, 0, 0],
    });
  });
});

describe('dates, quarters and shares', () => {
  test('dates are written dd/mm/yyyy', () => {
    expect(viDate('2026-03-05')).toBe('05/03/2026');
    expect(viDate('2025-12-31')).toBe('31/12/2025');
  });

  test('each month falls in its quarter', () => {
    expect(quarterOf('2026-01-01')).toEqual({ year: 2026, q: 1 });
    expect(quarterOf('2026-03-31')).toEqual({ year: 2026, q: 1 });
    expect(quarterOf('2026-04-01')).toEqual({ year: 2026, q: 2 });
    expect(quarterOf('2025-09-30')).toEqual({ year: 2025, q: 3 });
    expect(quarterOf('2025-10-01')).toEqual({ year: 2025, q: 4 });
    expect(quarterOf('2025-12-31')).toEqual({ year: 2025, q: 4 });
  });

  test('a share is in percent with one decimal, none when the whole is zero', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(3, 3)).toBe(100);
    expect(percent(0, 4)).toBe(0);
    expect(percent(0, 0)).toBeNull();
    expect(percent(5, 0)).toBeNull();
  });

  test('names sort in Vietnamese order', () => {
    expect(['Xã Yên Thành', 'Phường Thành Vinh', 'Xã An Sơn'].sort(byName)).toEqual([
      'Phường Thành Vinh',
      'Xã An Sơn',
      'Xã Yên Thành',
    ]);
  });
});

describe('a table in parts of at most a size', () => {
  // Sizes: the whole table 950 bytes; group a 333 (284 without its subtotal),
  // b 119, c 223; a with its first two rows and no subtotal 174, its first
  // three 229; a4 with the subtotal 168, a3 and a4 with it 223; b and c
  // together 345.
  const whole = table([
    group('a', ['a1', 'a2', 'a3', 'a4'], true),
    group('b', ['b1'], false),
    group('c', ['c1', 'c2'], true),
  ]);

  test('a table of exactly the size stays whole; one byte less and it is split', () => {
    expect(JSON.stringify(whole).length).toBe(950);
    expect(splitTable(whole, 950)).toEqual({ head: whole, parts: [] });
    const split = splitTable(whole, 949);
    expect(split.head).toEqual({ ...whole, groups: [] });
    expect(shape(split.parts)).toEqual([
      [
        ['a', 'a1,a2,a3,a4', 'a.s'],
        ['b', 'b1', null],
        ['c', 'c1,c2', 'c.s'],
      ],
    ]);
  });

  test('groups share a part while together they fit, to the byte', () => {
    expect(shape(splitTable(whole, 345).parts)).toEqual([
      [['a', 'a1,a2,a3,a4', 'a.s']],
      [
        ['b', 'b1', null],
        ['c', 'c1,c2', 'c.s'],
      ],
    ]);
    expect(shape(splitTable(whole, 344).parts)).toEqual([
      [['a', 'a1,a2,a3,a4', 'a.s']],
      [['b', 'b1', null]],
      [['c', 'c1,c2', 'c.s']],
    ]);
  });

  test('a group too large is cut between rows, a piece as full as the size allows; only its last piece has the subtotal', () => {
    const { head, parts } = splitTable(whole, 174);
    // a3 and a4 with the subtotal (223 bytes) would not fit: a4 takes it alone;
    // c likewise (223 bytes with its subtotal).
    expect(shape(parts)).toEqual([
      [['a', 'a1,a2', null]],
      [['a', 'a3', null]],
      [['a', 'a4', 'a.s']],
      [['b', 'b1', null]],
      [['c', 'c1', null]],
      [['c', 'c2', 'c.s']],
    ]);
    expect(parts[0]![0]).toEqual({
      key: 'a',
      label: t('a'),
      rows: [row('a1', 0), row('a2', 1)],
      subtotal: null,
    });
    expect(joinTable(head, parts)).toEqual(whole);
    expect(shape(splitTable(whole, 173).parts)).toEqual([
      [['a', 'a1', null]],
      [['a', 'a2', null]],
      [['a', 'a3', null]],
      [['a', 'a4', 'a.s']],
      [['b', 'b1', null]],
      [['c', 'c1', null]],
      [['c', 'c2', 'c.s']],
    ]);
  });

  test('the last piece of a cut group is measured with the subtotal it carries', () => {
    // a's rows fit in 300 bytes without the subtotal (284) but not with it (333):
    // the subtotal goes with a4 alone (168), which then shares a part with b.
    const { head, parts } = splitTable(whole, 300);
    expect(shape(parts)).toEqual([
      [['a', 'a1,a2,a3', null]],
      [
        ['a', 'a4', 'a.s'],
        ['b', 'b1', null],
      ],
      [['c', 'c1,c2', 'c.s']],
    ]);
    expect(parts.map((p) => p.map((g) => JSON.stringify(g).length))).toEqual([[229], [168, 119], [223]]);
    expect(joinTable(head, parts)).toEqual(whole);
  });

  test('a row larger than the size alone stands in a piece and a part of its own, with no empty one before it', () => {
    const wide = table([group('z', ['x'.repeat(300), 'z2'], true)]);
    const { head, parts } = splitTable(wide, 200);
    expect(shape(parts)).toEqual([[['z', 'xxx', null]], [['z', 'z2', 'z.s']]]);
    expect(joinTable(head, parts)).toEqual(wide);
  });

  test('a table too large without any group keeps its head and has no parts', () => {
    const noted = { ...table([]), notes: [{ vi: 'n'.repeat(300), en: 'n' }] };
    expect(splitTable(noted, 200)).toEqual({ head: noted, parts: [] });
  });
});

describe('a table joined from its parts', () => {
  test('no parts: the head is the table, groups included', () => {
    const whole = table([group('a', ['a1'], true)]);
    expect(joinTable(whole, [])).toEqual(whole);
  });

  test('pieces of one group join while the earlier has no subtotal; other groups stay apart', () => {
    const head = table([]);
    const joined = joinTable(head, [
      [group('a', ['a1'], false)],
      [group('a', ['a2'], true), group('b', ['b1'], false)],
      [group('c', ['c1'], false), group('x', ['x1'], true)],
      [group('x', ['x2'], true)],
    ]);
    expect(joined).toEqual({
      ...head,
      groups: [
        {
          key: 'a',
          label: t('a'),
          rows: [row('a1', 0), row('a2', 0)],
          subtotal: { key: 'a.s', label: { vi: 'C', en: 'S' }, cells: [1] },
        },
        group('b', ['b1'], false),
        group('c', ['c1'], false),
        group('x', ['x1'], true),
        group('x', ['x2'], true),
      ],
    });
  });
});
