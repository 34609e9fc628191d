/** A monitor's periodic report (functions/src/domain/monitors/report.ts): periods and counts. */
import type { MonitorLogEntry } from '@canbo/model';
import { monitorReport, periodRange } from '../../../functions/src/domain/monitors/report';

const entry = (id: string, extra: Partial<MonitorLogEntry>): MonitorLogEntry => ({
  id,
  provinceCode: '42',
  communeCode: '18073',
  monitorUid: 'u-mon',
  kind: 'visit',
  date: '2026-11-10',
  field: 'government',
  summary: 'Làm việc',
  followUp: null,
  dueDate: null,
  history: [],
  createdAt: '2026-11-10T08:00:00.000Z',
  updatedAt: '2026-11-10T08:00:00.000Z',
  updatedBy: 'u-mon',
  ...extra,
});

describe('periodRange', () => {
  test.each([
    ['2026-11', '2026-11-01', '2026-11-30'],
    ['2026-12', '2026-12-01', '2026-12-31'],
    ['2028-02', '2028-02-01', '2028-02-29'],
    ['2027-02', '2027-02-01', '2027-02-28'],
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-Q4', '2026-10-01', '2026-12-31'],
  ])('%s runs from %s to %s', (period, from, to) => {
    expect(periodRange(period)).toEqual({ from, to });
  });

  test.each([
    '2026-13',
    '2026-00',
    '2026-Q5',
    '2026-1',
    'Q4-2026',
    'x2026-11',
    '2026-111',
    '2026-Q12',
    '12026-11',
  ])('%s is refused', (period) => {
    expect(() => periodRange(period)).toThrow(/invalid|không hợp lệ/i);
  });
});

describe('monitorReport', () => {
  test('counts per commune: visits, findings, recommendations, open (open or in progress) and done', () => {
    const report = monitorReport(
      'u-mon',
      '2026-11',
      [
        entry('a', {}),
        entry('b', { kind: 'finding', followUp: 'open' }),
        entry('c', { kind: 'recommendation', followUp: 'in_progress' }),
        entry('d', { kind: 'recommendation', followUp: 'done', communeCode: '18100' }),
        entry('e', { communeCode: '18100', date: '2026-11-30' }),
        // Left out: another monitor's, and dated outside the period on both sides.
        entry('f', { monitorUid: 'u-other' }),
        entry('g', { date: '2026-10-31' }),
        entry('h', { date: '2026-12-01' }),
      ],
      ['18115', '18073'],
    );
    expect(report).toEqual({
      monitorUid: 'u-mon',
      period: '2026-11',
      from: '2026-11-01',
      to: '2026-11-30',
      rows: [
        { communeCode: '18073', visits: 1, findings: 1, recommendations: 1, open: 2, done: 0 },
        { communeCode: '18100', visits: 1, findings: 0, recommendations: 1, open: 0, done: 1 },
        { communeCode: '18115', visits: 0, findings: 0, recommendations: 0, open: 0, done: 0 },
      ],
      totals: { visits: 2, findings: 1, recommendations: 2, open: 2, done: 1 },
    });
  });

  test('no entries and no communes: an empty report with zero totals', () => {
    expect(monitorReport('u-mon', '2026-Q3', [])).toEqual({
      monitorUid: 'u-mon',
      period: '2026-Q3',
      from: '2026-07-01',
      to: '2026-09-30',
      rows: [],
      totals: { visits: 0, findings: 0, recommendations: 0, open: 0, done: 0 },
    });
  });

  test('an entry on the first day of the period counts, one the day before does not', () => {
    const report = monitorReport('u-mon', '2026-Q4', [
      entry('a', { date: '2026-10-01' }),
      entry('b', { date: '2026-09-30' }),
      entry('c', { date: '2026-12-31', kind: 'finding', followUp: 'in_progress' }),
      entry('d', { date: '2027-01-01' }),
    ]);
    expect(report.rows).toEqual([
      { communeCode: '18073', visits: 1, findings: 1, recommendations: 0, open: 1, done: 0 },
    ]);
  });
});
