/**
 * The satisfaction pages' pure parts (hosting/src/pages/satisfaction/queries.ts):
 * quarter arithmetic for the trend, the comment query that carries the scope
 * the rules require (and none for roles that may not read comments), and how
 * shares and intervals are written in each language. Also the domain's
 * evidence of a burst (officerNeighbours), which the review page shows.
 */
import type { Claims } from '@canbo/model';
import { officerNeighbours } from '../../../functions/src/domain/satisfaction';
import { DEFAULT_SATISFACTION_CONFIG } from '@canbo/model';
import {
  commentsOfOfficer,
  intervalText,
  percent,
  previousQuarter,
  quarterOf,
  quartersEndingWith,
  readsComments,
} from '../../../hosting/src/pages/satisfaction/queries';

describe('quarters', () => {
  test('the quarter of a day, and the one before, across a year', () => {
    expect(quarterOf('2026-12-01')).toBe('2026-Q4');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
    expect(previousQuarter('2026-Q3')).toBe('2026-Q2');
  });

  test('four quarters ending with one, oldest first', () => {
    expect(quartersEndingWith('2026-Q2', 4)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(quartersEndingWith('2026-Q2', 1)).toEqual(['2026-Q2']);
  });
});

describe("an officer's comments", () => {
  const admin: Claims = { role: 'province_admin', province: '42' };
  const auditor: Claims = { role: 'auditor', province: '42' };
  const leader: Claims = { role: 'commune_viewer', province: '42', communes: ['18073'] };
  const leader2: Claims = { role: 'commune_viewer', province: '42', communes: ['18073', '18100'] };

  test('the province reads them with the province filter, newest first', () => {
    expect(commentsOfOfficer(admin, 'c-a')).toEqual({
      collection: 'ratingComments',
      filters: [
        { field: 'provinceCode', op: '==', value: '42' },
        { field: 'cadreId', op: '==', value: 'c-a' },
      ],
      orderBy: [{ field: 'submittedAt', direction: 'desc' }],
      limit: 50,
    });
    expect(commentsOfOfficer(auditor, 'c-a')?.filters[0]).toEqual({
      field: 'provinceCode',
      op: '==',
      value: '42',
    });
  });

  test("the commune's leadership adds its communes", () => {
    expect(commentsOfOfficer(leader, 'c-a')?.filters).toEqual([
      { field: 'provinceCode', op: '==', value: '42' },
      { field: 'communeCode', op: '==', value: '18073' },
      { field: 'cadreId', op: '==', value: 'c-a' },
    ]);
    expect(commentsOfOfficer(leader2, 'c-a')?.filters[1]).toEqual({
      field: 'communeCode',
      op: 'in',
      value: ['18073', '18100'],
    });
  });

  test('commune admins, area monitors and cadres get no query at all', () => {
    for (const claims of [
      { role: 'commune_admin', province: '42', communes: ['18073'] },
      { role: 'area_monitor', province: '42', communes: ['18073'] },
      { role: 'cadre', province: '42', cadreId: 'c-a' },
    ] as Claims[]) {
      expect(readsComments(claims)).toBe(false);
      expect(commentsOfOfficer(claims, 'c-a')).toBeNull();
    }
    expect(commentsOfOfficer({ role: 'commune_viewer', province: '42', communes: [] }, 'c-a')).toBeNull();
  });
});

describe('shares as text', () => {
  test('one decimal, in each language; a dash without a share', () => {
    expect(percent(0.805, 'en')).toBe('80.5%');
    expect(percent(0.805, 'vi')).toBe('80,5 %');
    expect(percent(1, 'en')).toBe('100.0%');
    expect(percent(null, 'vi')).toBe('—');
    expect(intervalText({ low: 0.712, high: 0.89 }, 'en')).toBe('71.2–89.0%');
    expect(intervalText({ low: 0.712, high: 0.89 }, 'vi')).toBe('71,2–89,0 %');
    expect(intervalText(null, 'en')).toBe('—');
  });
});

describe('the evidence of a burst', () => {
  const at = (m: number) => new Date(Date.parse('2026-10-05T02:00:00Z') + m * 60_000).toISOString();
  const r = (id: string, cadreId: string | null, m: number) => ({
    id,
    unitCode: '18073',
    cadreId,
    criteria: { overall: 5 as const },
    trips: 0 as const,
    submittedAt: at(m),
  });

  test("counts the officer's ratings within the burst window either side, itself included", () => {
    const n = officerNeighbours(
      [r('a', 'c-a', 0), r('b', 'c-a', 10), r('c', 'c-a', 45), r('d', 'c-b', 5), r('e', null, 0)],
      DEFAULT_SATISFACTION_CONFIG,
    );
    // 30 minutes either side: a and b see each other; c is 35 minutes after b, alone; d is another officer.
    expect(n.get('a')).toBe(2);
    expect(n.get('b')).toBe(2);
    expect(n.get('c')).toBe(1);
    expect(n.get('d')).toBe(1);
    expect(n.has('e')).toBe(false);
  });

  test('a rating exactly the window away is a neighbour; one minute more is not', () => {
    const n = officerNeighbours(
      [r('a', 'c-a', 0), r('b', 'c-a', 30), r('c', 'c-a', 61)],
      DEFAULT_SATISFACTION_CONFIG,
    );
    expect([...n]).toEqual([
      ['a', 2],
      ['b', 2],
      ['c', 1],
    ]);
  });
});
