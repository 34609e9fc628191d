/**
 * The seed replays the domain: its movements went through the checks and the
 * lifecycle the callables use, so each movement's checks, history, overrides
 * and the people it moved are what the system itself would have stored.
 */
import { generateProvince } from '../../../scripts/seed/generate';
import { loadOfficialUnits } from '../../../scripts/seed/official';

const units = loadOfficialUnits();
const asOf = '2026-11-25';
const g = generateProvince(units, { provinceCode: '42', scale: 0.5, seed: 5, asOf });
const cadre = (id: string) => g.cadres.find((c) => c.id === id)!;

test('stored checks are the checks the system runs: no made-up codes, no prohibition ignored', () => {
  const codes = new Set(g.movements.flatMap((m) => m.checks.map((c) => c.code)));
  expect(codes.has('quota' as never)).toBe(false);
  for (const code of ['cadre_status', 'prohibited_situations', 'target_quota', 'secondment_duration'])
    expect(codes.has(code as never)).toBe(true);
  for (const m of g.movements) {
    expect(m.checks.length).toBeGreaterThan(0);
    expect(m.checks.filter((c) => c.outcome === 'fail' && !c.overridable)).toEqual([]);
  }
});

test('an approved movement overrides each overridable failure, with a reason', () => {
  for (const m of g.movements.filter((x) => ['approved', 'active', 'completed'].includes(x.status))) {
    const failed = m.checks.filter((c) => c.outcome === 'fail').map((c) => c.code);
    const overridden = m.overrides.map((o) => o.code);
    for (const code of failed) expect(overridden).toContain(code);
    expect(m.overrides.every((o) => o.reason.length > 0)).toBe(true);
    expect(m.decision).not.toBeNull();
  }
});

test('histories follow the lifecycle', () => {
  const paths = new Set(g.movements.map((m) => `${m.status}: ${m.history.map((h) => h.status).join(' > ')}`));
  expect([...paths].sort()).toEqual([
    'active: proposed > approved > active',
    'approved: proposed > approved',
    'cancelled: proposed > cancelled',
    'completed: proposed > approved > active > completed',
    'draft: draft',
    'proposed: proposed',
    'rejected: proposed > rejected',
  ]);
  // Nothing is dated after the day the data describes; a start is recorded on the movement.
  for (const m of g.movements) {
    for (const h of m.history) expect(h.at.slice(0, 10) <= asOf).toBe(true);
    if (['active', 'completed'].includes(m.status)) expect(m.actualStartDate).toBe(m.startDate);
  }
  for (const m of g.movements.filter((x) => x.status === 'completed')) {
    expect(m.actualEndDate).not.toBeNull();
    expect(m.actualEndDate! < asOf).toBe(true);
  }
});

test('people are where their movements took them', () => {
  const of = (type: string, status: string) =>
    g.movements.filter((m) => m.type === type && m.status === status);
  expect(of('transfer', 'completed').length).toBeGreaterThan(5);
  for (const m of of('transfer', 'completed')) {
    const c = cadre(m.cadreId);
    expect([c.homeUnitCode, c.currentUnitCode, c.homeCommuneCode, c.posts[0]!.unitCode]).toEqual([
      m.toUnitCode,
      m.toUnitCode,
      m.toUnitCode,
      m.toUnitCode,
    ]);
  }
  for (const m of [...of('secondment', 'active'), ...of('rotation', 'active')]) {
    const c = cadre(m.cadreId);
    expect([c.status, c.currentUnitCode, c.homeUnitCode]).toEqual([
      'seconded_out',
      m.toUnitCode,
      m.fromUnitCode,
    ]);
  }
  for (const m of of('secondment', 'completed')) {
    const c = cadre(m.cadreId);
    expect([c.status, c.currentUnitCode]).toEqual(['active', c.homeUnitCode]);
  }
  for (const m of of('termination', 'completed')) expect(cadre(m.cadreId).status).toBe('left');
  for (const m of of('concurrent', 'active'))
    expect(cadre(m.cadreId).posts.some((p) => p.concurrent && p.positionId === m.toPositionId)).toBe(true);
  for (const m of of('appointment', 'completed'))
    expect(cadre(m.cadreId).posts[0]!.positionId).toBe(m.toPositionId);
  // Proposals and drafts have not moved anyone.
  for (const m of [
    ...of('transfer', 'proposed'),
    ...of('appointment', 'draft'),
    ...of('transfer', 'rejected'),
  ])
    expect(cadre(m.cadreId).homeUnitCode).toBe(m.fromUnitCode);
});

test('a unit that received a move is within its quota: approvals only took free posts', () => {
  // Communes may start over their quota (mergers kept everyone), but an approval needs a free post,
  // and nothing after it takes more: the counts of every target stay within the allocation.
  const moved = g.movements.filter(
    (m) =>
      ['transfer', 'rotation', 'appointment'].includes(m.type) &&
      ['approved', 'active', 'completed'].includes(m.status) &&
      m.toUnitCode !== m.fromUnitCode,
  );
  expect(moved.length).toBeGreaterThan(20);
  for (const m of moved) {
    const q = g.quotas.find((x) => x.unitCode === m.toUnitCode && x.block === m.block)!;
    expect(q.filled + q.reservedForReturn + q.incoming).toBeLessThanOrEqual(q.allocated);
  }
});
