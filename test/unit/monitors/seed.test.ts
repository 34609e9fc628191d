/**
 * The seed's demo monitors (scripts/seed/monitors.ts): the demo monitor
 * account follows the province's first three communes by code (the three the
 * demo accounts and the browser tests expect), a second monitor the next
 * three; every document passes its schema.
 */
import { MonitorAssignment, MonitorLogEntry, UserScope, type Unit } from '@canbo/model';
import { generateMonitors } from '../../../scripts/seed/monitors';

const commune = (code: string, parentCode = '42'): Unit => ({
  code,
  name: `Xã ${code}`,
  type: 'xa',
  level: 'commune',
  provinceCode: parentCode,
  parentCode,
  region: 'lowland',
  population: 10000,
  estimated: true,
  validFrom: '2025-07-01',
  validTo: null,
  predecessors: [],
  legalBasis: null,
});

const units = ['18115', '18073', '16681', '18100', '18118', '18070', '18079', '18121'].map((c) =>
  commune(c, c === '16681' ? '40' : '42'),
);
const seed = generateMonitors(units, { provinceCode: '42', scale: 1, seed: 1, asOf: '2026-12-01' });

test('the demo monitor follows the first three communes of the province by code, the second the next three', () => {
  expect(seed.scopes.map((s) => [s.uid, s.communes])).toEqual([
    ['demo-area-monitor', ['18070', '18073', '18079']],
    ['demo-area-monitor-2', ['18100', '18115', '18118']],
  ]);
  expect(seed.assignments.map((a) => [a.monitorUid, a.communes, a.to])).toEqual([
    ['demo-area-monitor', ['18070', '18073', '18079'], null],
    ['demo-area-monitor-2', ['18100', '18115', '18118'], null],
  ]);
});

test('five log entries of the demo monitor in its communes, before the seed’s date; every document valid', () => {
  expect(seed.log.map((e) => [e.communeCode, e.kind, e.date, e.followUp])).toEqual([
    ['18070', 'visit', '2026-11-11', null],
    ['18070', 'finding', '2026-11-11', 'in_progress'],
    ['18073', 'visit', '2026-11-19', null],
    ['18073', 'recommendation', '2026-11-19', 'open'],
    ['18079', 'visit', '2026-11-26', null],
  ]);
  for (const s of seed.scopes) expect(UserScope.safeParse(s).success).toBe(true);
  for (const a of seed.assignments) expect(MonitorAssignment.safeParse(a).success).toBe(true);
  for (const e of seed.log) expect(MonitorLogEntry.safeParse(e).success).toBe(true);
});
