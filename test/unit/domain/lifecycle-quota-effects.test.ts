/**
 * Movements through their whole life (functions/src/domain/movement-lifecycle.ts):
 * which transition is allowed from which status, the quota effects of each
 * transition for each movement type, rotation, secondment and termination
 * from proposal to the end with the counts of both units written out after
 * every step (docs/legal-basis.md §9), the person's record and the movement's
 * own history and dates (§11).
 */
import { type Cadre, type Movement, type MovementStatus } from '@canbo/model';
import { ChecksFailed } from '../../../functions/src/domain/errors';
import {
  applyToCadre,
  InvalidTransition,
  newMovement,
  nextStatus,
  quotaEffects,
  type QuotaEffect,
  type Transition,
  transitionMovement,
} from '../../../functions/src/domain/movement-lifecycle';
import { applyQuotaDelta } from '../../../functions/src/domain/quota';
import { movement, person } from '../../helpers/province';

const STATUSES: MovementStatus[] = [
  'draft',
  'proposed',
  'approved',
  'active',
  'completed',
  'cancelled',
  'rejected',
];

describe('nextStatus: every transition from every status', () => {
  const allowed: Record<Transition, Partial<Record<MovementStatus, MovementStatus>>> = {
    approve: { proposed: 'approved' },
    reject: { proposed: 'rejected' },
    start: { approved: 'active' },
    complete: { active: 'completed' },
    extend: { active: 'active', approved: 'approved' },
    cancel: { draft: 'cancelled', proposed: 'cancelled', approved: 'cancelled' },
  };
  for (const [transition, results] of Object.entries(allowed) as [Transition, typeof allowed.approve][]) {
    for (const status of STATUSES) {
      const expected = results[status];
      if (expected)
        test(`${transition} from ${status} gives ${expected}`, () => {
          expect(nextStatus(status, transition)).toBe(expected);
        });
      else
        test(`${transition} from ${status} is refused`, () => {
          expect(() => nextStatus(status, transition)).toThrow(InvalidTransition);
          expect(() => nextStatus(status, transition)).toThrow(
            expect.objectContaining({ transition, status, code: 'failed-precondition' }),
          );
        });
    }
  }
});

describe('quotaEffects for each type and transition (home 18073, target 18100, start 2027-01-01)', () => {
  const home = (delta: QuotaEffect['delta'], year = 2027): QuotaEffect => ({
    unitCode: '18073',
    block: 'government',
    year,
    delta,
  });
  const target = (delta: QuotaEffect['delta'], year = 2027): QuotaEffect => ({
    unitCode: '18100',
    block: 'government',
    year,
    delta,
  });

  test('approve: a move that takes a post elsewhere counts an arrival at the target; the others nothing', () => {
    expect(quotaEffects(movement('m', 'transfer'), 'approve', 'proposed')).toEqual([target({ incoming: 1 })]);
    expect(quotaEffects(movement('m', 'rotation'), 'approve', 'proposed')).toEqual([target({ incoming: 1 })]);
    expect(quotaEffects(movement('m', 'appointment'), 'approve', 'proposed')).toEqual([
      target({ incoming: 1 }),
    ]);
    expect(quotaEffects(movement('m', 'secondment'), 'approve', 'proposed')).toEqual([]);
    expect(quotaEffects(movement('m', 'termination'), 'approve', 'proposed')).toEqual([]);
    expect(quotaEffects(movement('m', 'concurrent'), 'approve', 'proposed')).toEqual([]);
    // An appointment within the person's own unit takes no new post.
    const inPlace = movement('m', 'appointment', { toUnitCode: '18073' });
    expect(quotaEffects(inPlace, 'approve', 'proposed')).toEqual([]);
    expect(quotaEffects(inPlace, 'start', 'approved')).toEqual([]);
    expect(quotaEffects(inPlace, 'cancel', 'approved')).toEqual([]);
    const transferInPlace = movement('m', 'transfer', { toUnitCode: '18073' });
    expect(quotaEffects(transferInPlace, 'approve', 'proposed')).toEqual([]);
    expect(quotaEffects(transferInPlace, 'start', 'approved')).toEqual([]);
  });

  test('cancel releases the arrival only once approved', () => {
    for (const type of ['transfer', 'rotation', 'appointment'] as const) {
      expect(quotaEffects(movement('m', type), 'cancel', 'approved')).toEqual([target({ incoming: -1 })]);
      expect(quotaEffects(movement('m', type), 'cancel', 'proposed')).toEqual([]);
      expect(quotaEffects(movement('m', type), 'cancel', 'draft')).toEqual([]);
    }
    for (const type of ['secondment', 'termination', 'concurrent'] as const)
      expect(quotaEffects(movement('m', type), 'cancel', 'approved')).toEqual([]);
  });

  test('start: each type moves its posts', () => {
    expect(quotaEffects(movement('m', 'transfer'), 'start', 'approved')).toEqual([
      target({ incoming: -1, filled: 1 }),
      home({ filled: -1 }),
    ]);
    expect(quotaEffects(movement('m', 'appointment'), 'start', 'approved')).toEqual([
      target({ incoming: -1, filled: 1 }),
      home({ filled: -1 }),
    ]);
    expect(quotaEffects(movement('m', 'rotation'), 'start', 'approved')).toEqual([
      target({ incoming: -1, filled: 1 }),
      home({ filled: -1, reservedForReturn: 1 }),
    ]);
    expect(quotaEffects(movement('m', 'secondment'), 'start', 'approved')).toEqual([
      home({ filled: -1, reservedForReturn: 1 }),
    ]);
    expect(quotaEffects(movement('m', 'termination'), 'start', 'approved')).toEqual([home({ filled: -1 })]);
    expect(quotaEffects(movement('m', 'concurrent'), 'start', 'approved')).toEqual([]);
  });

  test('complete: a secondee or rotated cadre comes back to the reserved slot; the others change nothing', () => {
    expect(quotaEffects(movement('m', 'secondment'), 'complete', 'active', '2029-01-02')).toEqual([
      home({ reservedForReturn: -1, filled: 1 }, 2029),
    ]);
    expect(quotaEffects(movement('m', 'rotation'), 'complete', 'active', '2029-01-02')).toEqual([
      target({ filled: -1 }, 2029),
      home({ reservedForReturn: -1, filled: 1 }, 2029),
    ]);
    for (const type of ['transfer', 'appointment', 'termination', 'concurrent'] as const)
      expect(quotaEffects(movement('m', type), 'complete', 'active')).toEqual([]);
  });

  test('reject and extend change no quota', () => {
    for (const type of ['transfer', 'rotation', 'appointment', 'secondment', 'termination'] as const) {
      expect(quotaEffects(movement('m', type), 'reject', 'proposed')).toEqual([]);
      expect(quotaEffects(movement('m', type, { status: 'active' }), 'extend', 'active')).toEqual([]);
    }
  });

  test('without an event date: the start date, the actual start, then the actual or planned end', () => {
    const m = movement('m', 'rotation', { startDate: '2027-03-01', plannedEndDate: '2030-03-01' });
    expect(quotaEffects(m, 'approve', 'proposed')[0]!.year).toBe(2027);
    expect(quotaEffects(m, 'cancel', 'approved')[0]!.year).toBe(2027);
    // Only a start reads the actual start date.
    expect(quotaEffects({ ...m, actualStartDate: '2026-12-30' }, 'cancel', 'approved')[0]!.year).toBe(2027);
    expect(quotaEffects({ ...m, actualStartDate: '2026-12-30' }, 'approve', 'proposed')[0]!.year).toBe(2027);
    expect(quotaEffects(m, 'start', 'approved').map((e) => e.year)).toEqual([2027, 2027]);
    expect(quotaEffects({ ...m, actualStartDate: '2026-12-30' }, 'start', 'approved')[0]!.year).toBe(2026);
    expect(quotaEffects(m, 'complete', 'active').map((e) => e.year)).toEqual([2030, 2030]);
    expect(quotaEffects({ ...m, actualEndDate: '2029-06-30' }, 'complete', 'active')[0]!.year).toBe(2029);
    expect(
      quotaEffects({ ...m, type: 'secondment', plannedEndDate: null }, 'complete', 'active')[0]!.year,
    ).toBe(2027);
    // An event date given wins over every stored date.
    expect(
      quotaEffects({ ...m, actualEndDate: '2029-06-30' }, 'complete', 'active', '2031-01-01')[0]!.year,
    ).toBe(2031);
  });
});

/** The quotas of both units as a test ledger: unit code → year → counts. */
type Ledger = Record<
  string,
  { allocated: number; filled: number; reservedForReturn: number; incoming: number }
>;

function applyEffects(ledger: Ledger, effects: QuotaEffect[]): Ledger {
  const next = { ...ledger };
  for (const e of effects) {
    const key = `${e.unitCode}/${e.year}`;
    const q = next[key];
    if (!q) throw new Error(`no quota ${key}`);
    const after = applyQuotaDelta({ unitCode: e.unitCode, ...q }, e.delta);
    next[key] = {
      allocated: after.allocated,
      filled: after.filled,
      reservedForReturn: after.reservedForReturn,
      incoming: after.incoming,
    };
  }
  return next;
}

const cadre: Cadre = person('c1', '18073', 'xa_ke_toan', {
  posts: [
    { positionId: 'xa_ke_toan', unitCode: '18073', concurrent: false, since: '2020-01-01', decisionNo: null },
    {
      positionId: 'xa_truong_ban_hdnd',
      unitCode: '18073',
      concurrent: true,
      since: '2022-01-01',
      decisionNo: '4/QĐ',
    },
  ],
});

describe('a rotation from proposal to return', () => {
  const ledger: Ledger = {
    '18073/2026': { allocated: 32, filled: 30, reservedForReturn: 0, incoming: 0 },
    '18100/2026': { allocated: 32, filled: 28, reservedForReturn: 1, incoming: 0 },
    '18073/2027': { allocated: 32, filled: 30, reservedForReturn: 0, incoming: 1 },
    '18100/2027': { allocated: 32, filled: 28, reservedForReturn: 1, incoming: 1 },
    '18073/2029': { allocated: 32, filled: 29, reservedForReturn: 1, incoming: 0 },
    '18100/2029': { allocated: 32, filled: 29, reservedForReturn: 1, incoming: 0 },
  };
  const proposed = movement('mv-42-00009', 'rotation', {
    startDate: '2027-01-04',
    plannedEndDate: '2029-01-04',
    history: [{ status: 'proposed', at: '2026-11-20T02:00:00.000Z', by: 'u-1', note: 'Đề xuất' }],
  });

  test('approve → start → complete: the counts of both units after each step, and the person', () => {
    // Approved on 10 December 2026: an arrival is counted at the target in 2026.
    const approved = transitionMovement(proposed, 'approve', {
      at: '2026-12-10T03:00:00.000Z',
      by: 'u-admin',
      note: 'Phê duyệt',
    });
    expect(approved.status).toBe('approved');
    let counts = applyEffects(ledger, quotaEffects(proposed, 'approve', 'proposed', '2026-12-10'));
    expect(counts['18100/2026']).toEqual({ allocated: 32, filled: 28, reservedForReturn: 1, incoming: 1 });
    expect(counts['18073/2026']).toEqual({ allocated: 32, filled: 30, reservedForReturn: 0, incoming: 0 });
    expect(applyToCadre(cadre, approved, 'approve', '2026-12-10T03:00:00.000Z')).toBe(cadre);

    // Started on 4 January 2027 (the carry-over brought the arrival into 2027).
    const active = transitionMovement(approved, 'start', {
      at: '2027-01-04T01:00:00.000Z',
      by: 'u-admin',
      note: 'Bắt đầu',
    });
    expect(active).toMatchObject({ status: 'active', actualStartDate: '2027-01-04' });
    counts = applyEffects(counts, quotaEffects(approved, 'start', 'approved', '2027-01-04'));
    expect(counts['18100/2027']).toEqual({ allocated: 32, filled: 29, reservedForReturn: 1, incoming: 0 });
    expect(counts['18073/2027']).toEqual({ allocated: 32, filled: 29, reservedForReturn: 1, incoming: 1 });
    const away = applyToCadre(cadre, active, 'start', '2027-01-04T01:00:00.000Z');
    expect(away).toEqual({
      ...cadre,
      status: 'seconded_out',
      currentUnitCode: '18100',
      communeCode: '18100',
      updatedAt: '2027-01-04T01:00:00.000Z',
    });

    // Back on 4 January 2029: the slot kept at home is filled again, the post at the target freed.
    const completed = transitionMovement(active, 'complete', {
      at: '2029-01-04T01:00:00.000Z',
      by: 'u-admin',
      note: 'Kết thúc',
    });
    expect(completed).toMatchObject({
      status: 'completed',
      actualStartDate: '2027-01-04',
      actualEndDate: '2029-01-04',
    });
    counts = applyEffects(counts, quotaEffects(active, 'complete', 'active', '2029-01-04'));
    expect(counts['18100/2029']).toEqual({ allocated: 32, filled: 28, reservedForReturn: 1, incoming: 0 });
    expect(counts['18073/2029']).toEqual({ allocated: 32, filled: 30, reservedForReturn: 0, incoming: 0 });
    expect(applyToCadre(away, completed, 'complete', '2029-01-04T01:00:00.000Z')).toEqual({
      ...cadre,
      status: 'active',
      currentUnitCode: '18073',
      communeCode: '18073',
      updatedAt: '2029-01-04T01:00:00.000Z',
    });
    expect(completed.history).toEqual([
      { status: 'proposed', at: '2026-11-20T02:00:00.000Z', by: 'u-1', note: 'Đề xuất' },
      { status: 'approved', at: '2026-12-10T03:00:00.000Z', by: 'u-admin', note: 'Phê duyệt' },
      { status: 'active', at: '2027-01-04T01:00:00.000Z', by: 'u-admin', note: 'Bắt đầu' },
      { status: 'completed', at: '2029-01-04T01:00:00.000Z', by: 'u-admin', note: 'Kết thúc' },
    ]);
  });

  test('approve → cancel releases the arrival', () => {
    let counts = applyEffects(ledger, quotaEffects(proposed, 'approve', 'proposed', '2026-12-10'));
    counts = applyEffects(counts, quotaEffects(proposed, 'cancel', 'approved', '2026-12-20'));
    expect(counts['18100/2026']).toEqual({ allocated: 32, filled: 28, reservedForReturn: 1, incoming: 0 });
  });

  test('a full target refuses the approval', () => {
    const full: Ledger = {
      ...ledger,
      '18100/2026': { allocated: 32, filled: 30, reservedForReturn: 1, incoming: 1 },
    };
    expect(() => applyEffects(full, quotaEffects(proposed, 'approve', 'proposed', '2026-12-10'))).toThrow(
      expect.objectContaining({ key: 'domain.quota_exceeded', unitCode: '18100' }),
    );
  });
});

describe('a termination from proposal to the end', () => {
  const ledger: Ledger = { '18073/2027': { allocated: 32, filled: 30, reservedForReturn: 1, incoming: 0 } };
  const proposed = movement('mv-42-00010', 'termination', { toUnitCode: '18073', toPositionId: null });

  test('approval takes nothing, the start frees the post at home, completion changes nothing more', () => {
    let counts = applyEffects(ledger, quotaEffects(proposed, 'approve', 'proposed'));
    expect(counts['18073/2027']).toEqual({ allocated: 32, filled: 30, reservedForReturn: 1, incoming: 0 });
    const approved = transitionMovement(proposed, 'approve', {
      at: '2026-12-10T03:00:00.000Z',
      by: 'u',
      note: '',
    });
    const active = transitionMovement(approved, 'start', {
      at: '2027-01-02T03:00:00.000Z',
      by: 'u',
      note: '',
      on: '2027-01-02',
    });
    counts = applyEffects(counts, quotaEffects(approved, 'start', 'approved'));
    expect(counts['18073/2027']).toEqual({ allocated: 32, filled: 29, reservedForReturn: 1, incoming: 0 });
    const left = applyToCadre(cadre, active, 'start', '2027-01-02T03:00:00.000Z');
    expect(left).toEqual({ ...cadre, status: 'left', updatedAt: '2027-01-02T03:00:00.000Z' });
    counts = applyEffects(counts, quotaEffects(active, 'complete', 'active'));
    expect(counts['18073/2027']).toEqual({ allocated: 32, filled: 29, reservedForReturn: 1, incoming: 0 });
    expect(applyToCadre(left, active, 'complete', '2027-02-01T03:00:00.000Z')).toEqual({
      ...left,
      updatedAt: '2027-02-01T03:00:00.000Z',
    });
  });

  test('the last person of a unit may leave; one more is a drift to reconcile', () => {
    const last: Ledger = { '18073/2027': { allocated: 32, filled: 1, reservedForReturn: 0, incoming: 0 } };
    const empty = applyEffects(last, quotaEffects(proposed, 'start', 'approved'));
    expect(empty['18073/2027']).toEqual({ allocated: 32, filled: 0, reservedForReturn: 0, incoming: 0 });
    expect(() => applyEffects(empty, quotaEffects(proposed, 'start', 'approved'))).toThrow(
      expect.objectContaining({ key: 'domain.quota_invariant', count: 'filled' }),
    );
  });
});

describe('a secondment from proposal to return', () => {
  test('the home unit keeps the slot while away; the target is untouched', () => {
    const ledger: Ledger = {
      '18073/2027': { allocated: 32, filled: 32, reservedForReturn: 0, incoming: 0 },
      '18100/2027': { allocated: 32, filled: 32, reservedForReturn: 0, incoming: 0 },
    };
    const m = movement('mv-42-00011', 'secondment', { status: 'approved', plannedEndDate: '2027-12-31' });
    let counts = applyEffects(ledger, quotaEffects(m, 'approve', 'proposed'));
    expect(counts).toEqual(ledger);
    counts = applyEffects(counts, quotaEffects(m, 'start', 'approved'));
    expect(counts).toEqual({
      '18073/2027': { allocated: 32, filled: 31, reservedForReturn: 1, incoming: 0 },
      '18100/2027': { allocated: 32, filled: 32, reservedForReturn: 0, incoming: 0 },
    });
    counts = applyEffects(counts, quotaEffects(m, 'complete', 'active'));
    expect(counts).toEqual(ledger);
  });
});

describe('applyToCadre for each type', () => {
  test('a transfer: the new main post, the concurrent posts held in the target unit kept, others ended', () => {
    const holder = person('c2', '18073', 'xa_ke_toan', {
      posts: [
        {
          positionId: 'xa_ke_toan',
          unitCode: '18073',
          concurrent: false,
          since: '2020-01-01',
          decisionNo: null,
        },
        { positionId: 'xa_a', unitCode: '18073', concurrent: true, since: '2021-01-01', decisionNo: null },
        { positionId: 'xa_b', unitCode: '18100', concurrent: true, since: '2022-01-01', decisionNo: '2/QĐ' },
        {
          positionId: 'xa_c',
          unitCode: '18100-ttpvhcc',
          concurrent: true,
          since: '2022-01-01',
          decisionNo: null,
        },
      ],
    });
    const m = movement('m', 'transfer', {
      toUnitCode: '18100',
      toPositionId: 'xa_van_thu',
      startDate: '2027-02-01',
    });
    expect(applyToCadre(holder, m, 'start', 'T')).toEqual({
      ...holder,
      homeUnitCode: '18100',
      homeCommuneCode: '18100',
      currentUnitCode: '18100',
      communeCode: '18100',
      posts: [
        {
          positionId: 'xa_van_thu',
          unitCode: '18100',
          concurrent: false,
          since: '2027-02-01',
          decisionNo: '1/QĐ',
        },
        { positionId: 'xa_b', unitCode: '18100', concurrent: true, since: '2022-01-01', decisionNo: '2/QĐ' },
      ],
      updatedAt: 'T',
    });
    // The person's document is not changed in place.
    expect(holder.posts).toHaveLength(4);
    expect(holder.homeUnitCode).toBe('18073');
  });

  test('a transfer to a commune body: the commune is the body’s; without a target post the main post is kept', () => {
    const m = movement('m', 'transfer', { toUnitCode: '18100-ttpvhcc', toPositionId: null, decision: null });
    expect(applyToCadre(cadre, m, 'start', 'T')).toMatchObject({
      homeUnitCode: '18100-ttpvhcc',
      homeCommuneCode: '18100',
      currentUnitCode: '18100-ttpvhcc',
      communeCode: '18100',
      posts: [
        {
          positionId: 'xa_ke_toan',
          unitCode: '18100-ttpvhcc',
          concurrent: false,
          since: '2027-01-01',
          decisionNo: null,
        },
      ],
    });
    const noMain = person('c3', '18073', 'xa_a', {
      posts: [
        { positionId: 'xa_a', unitCode: '18073', concurrent: true, since: '2021-01-01', decisionNo: null },
      ],
    });
    expect(applyToCadre(noMain, m, 'start', 'T').posts).toEqual([
      { positionId: '', unitCode: '18100-ttpvhcc', concurrent: false, since: '2027-01-01', decisionNo: null },
    ]);
  });

  test('an appointment within the unit replaces the main post and keeps the concurrent ones there', () => {
    const m = movement('m', 'appointment', { toUnitCode: '18073', toPositionId: 'xa_pho_chu_tich' });
    expect(applyToCadre(cadre, m, 'start', 'T')).toEqual({
      ...cadre,
      posts: [
        {
          positionId: 'xa_pho_chu_tich',
          unitCode: '18073',
          concurrent: false,
          since: '2027-01-01',
          decisionNo: '1/QĐ',
        },
        {
          positionId: 'xa_truong_ban_hdnd',
          unitCode: '18073',
          concurrent: true,
          since: '2022-01-01',
          decisionNo: '4/QĐ',
        },
      ],
      updatedAt: 'T',
    });
  });

  test('a secondment: away, home unchanged, posts kept; back: active at home', () => {
    const m = movement('m', 'secondment', { toUnitCode: '18100-ttpvhcc' });
    const away = applyToCadre(cadre, m, 'start', 'T1');
    expect(away).toEqual({
      ...cadre,
      status: 'seconded_out',
      currentUnitCode: '18100-ttpvhcc',
      communeCode: '18100',
      updatedAt: 'T1',
    });
    expect(applyToCadre(away, m, 'complete', 'T2')).toEqual({
      ...cadre,
      status: 'active',
      currentUnitCode: '18073',
      communeCode: '18073',
      updatedAt: 'T2',
    });
  });

  test('a concurrent post is added at start and only that one removed at the end', () => {
    const m = movement('m', 'concurrent', {
      toUnitCode: '18100',
      toPositionId: 'xa_truong_ban_hdnd',
      startDate: '2027-03-01',
    });
    const both = applyToCadre(cadre, m, 'start', 'T');
    expect(both).toEqual({
      ...cadre,
      posts: [
        ...cadre.posts,
        {
          positionId: 'xa_truong_ban_hdnd',
          unitCode: '18100',
          concurrent: true,
          since: '2027-03-01',
          decisionNo: '1/QĐ',
        },
      ],
      updatedAt: 'T',
    });
    // The same position held concurrently in the home unit stays.
    expect(applyToCadre(both, m, 'complete', 'T2')).toEqual({ ...cadre, updatedAt: 'T2' });
    // Without a decision the post names none.
    expect(applyToCadre(cadre, { ...m, decision: null }, 'start', 'T').posts[2]).toEqual({
      positionId: 'xa_truong_ban_hdnd',
      unitCode: '18100',
      concurrent: true,
      since: '2027-03-01',
      decisionNo: null,
    });
    // Without a target post nothing is added.
    expect(applyToCadre(cadre, { ...m, toPositionId: null }, 'start', 'T')).toEqual({
      ...cadre,
      updatedAt: 'T',
    });
    // A main post of the same position and unit is not removed at the end.
    const main = person('c4', '18100', 'xa_truong_ban_hdnd');
    expect(applyToCadre(main, m, 'complete', 'T3')).toEqual({ ...main, updatedAt: 'T3' });
  });

  test('the end of a secondment keeps a concurrent post held at the target in the same position', () => {
    const holder = person('c6', '18073', 'xa_ke_toan', {
      status: 'seconded_out',
      currentUnitCode: '18100',
      posts: [
        {
          positionId: 'xa_ke_toan',
          unitCode: '18073',
          concurrent: false,
          since: '2020-01-01',
          decisionNo: null,
        },
        {
          positionId: 'xa_ke_toan',
          unitCode: '18100',
          concurrent: true,
          since: '2027-01-01',
          decisionNo: null,
        },
      ],
    });
    expect(applyToCadre(holder, movement('m', 'secondment'), 'complete', 'T')).toEqual({
      ...holder,
      status: 'active',
      currentUnitCode: '18073',
      communeCode: '18073',
      updatedAt: 'T',
    });
  });

  test('transitions other than start and complete leave the person as is', () => {
    for (const t of ['approve', 'reject', 'extend', 'cancel'] as const)
      expect(applyToCadre(cadre, movement('m', 'transfer'), t, 'T')).toBe(cadre);
    expect(applyToCadre(cadre, movement('m', 'transfer'), 'complete', 'T')).toEqual({
      ...cadre,
      updatedAt: 'T',
    });
  });
});

describe('transitionMovement: history, actual dates and the date rules', () => {
  const approved = movement('mv-1', 'transfer', { status: 'approved', startDate: '2027-03-01' });

  test('an approval only changes the status, the history and the time', () => {
    const proposed = movement('mv-1', 'transfer');
    expect(
      transitionMovement(proposed, 'approve', { at: '2026-12-01T01:00:00.000Z', by: 'u', note: 'ok' }),
    ).toEqual({
      ...proposed,
      status: 'approved',
      history: [{ status: 'approved', at: '2026-12-01T01:00:00.000Z', by: 'u', note: 'ok' }],
      updatedAt: '2026-12-01T01:00:00.000Z',
    });
  });

  test('a start on the approved day: no reason stored', () => {
    expect(
      transitionMovement(approved, 'start', { at: '2027-03-01T01:00:00.000Z', by: 'u', note: '' }),
    ).toEqual({
      ...approved,
      status: 'active',
      actualStartDate: '2027-03-01',
      history: [{ status: 'active', at: '2027-03-01T01:00:00.000Z', by: 'u', note: '' }],
      updatedAt: '2027-03-01T01:00:00.000Z',
    });
  });

  test('a later start records its day; an earlier one needs a reason, stored trimmed', () => {
    expect(
      transitionMovement(approved, 'start', {
        at: '2027-03-20T01:00:00.000Z',
        by: 'u',
        note: '',
        on: '2027-03-02',
      }),
    ).toMatchObject({ actualStartDate: '2027-03-02' });
    const early = transitionMovement(approved, 'start', {
      at: '2027-02-28T01:00:00.000Z',
      by: 'u',
      note: '',
      earlyStartReason: '  Cần người gấp  ',
    });
    expect(early).toMatchObject({ actualStartDate: '2027-02-28', earlyStartReason: 'Cần người gấp' });
    const e = (() => {
      try {
        transitionMovement(approved, 'start', {
          at: '2027-02-28T01:00:00.000Z',
          by: 'u',
          note: '',
          earlyStartReason: '  ',
        });
      } catch (err) {
        return err as ChecksFailed;
      }
    })();
    expect(e).toBeInstanceOf(ChecksFailed);
    expect(e!.checks).toMatchObject([{ code: 'start_date', outcome: 'fail' }]);
  });

  test('completion on the start day is allowed, the day before is refused', () => {
    const active = { ...approved, status: 'active' as const, actualStartDate: '2027-03-05' };
    expect(
      transitionMovement(active, 'complete', { at: '2027-03-05T01:00:00.000Z', by: 'u', note: '' }),
    ).toMatchObject({ status: 'completed', actualEndDate: '2027-03-05' });
    const refused = (() => {
      try {
        transitionMovement(active, 'complete', {
          at: '2027-03-05T01:00:00.000Z',
          by: 'u',
          note: '',
          on: '2027-03-04',
        });
      } catch (err) {
        return err as ChecksFailed;
      }
    })();
    expect(refused).toBeInstanceOf(ChecksFailed);
    expect(refused!.checks).toMatchObject([{ code: 'end_date', outcome: 'fail' }]);
  });

  test('a refused transition throws before any check', () => {
    expect(() =>
      transitionMovement(approved, 'complete', { at: '2027-03-05T01:00:00.000Z', by: 'u', note: '' }),
    ).toThrow(InvalidTransition);
  });
});

describe('newMovement', () => {
  const draft = {
    id: 'mv-42-00020',
    type: 'transfer' as const,
    toUnitCode: '18100',
    toPositionId: 'xa_van_thu',
    startDate: '2027-01-01',
    plannedEndDate: null,
  };

  test('a proposal from the person’s home unit and main post, naming both communes', () => {
    expect(
      newMovement(cadre, draft, {
        status: 'proposed',
        at: 'T',
        by: 'u-1',
        reason: 'Nhu cầu',
        note: 'Đề xuất',
      }),
    ).toEqual({
      ...draft,
      status: 'proposed',
      cadreId: 'c1',
      cadreName: 'Cán bộ c1',
      provinceCode: '42',
      block: 'government',
      fromUnitCode: '18073',
      fromPositionId: 'xa_ke_toan',
      communeCodes: ['18073', '18100'],
      actualEndDate: null,
      decision: null,
      reason: 'Nhu cầu',
      checks: [],
      overrides: [],
      history: [{ status: 'proposed', at: 'T', by: 'u-1', note: 'Đề xuất' }],
      createdBy: 'u-1',
      createdAt: 'T',
      updatedAt: 'T',
    });
  });

  test('one commune when both sides are in it; a provincial agency names none; decision and checks kept', () => {
    const decision = { number: '9/QĐ', date: '2026-12-01' };
    const checks = [
      {
        code: 'target_quota' as const,
        outcome: 'pass' as const,
        overridable: false,
        basis: 'b',
        basisEn: 'b',
        message: 'm',
        messageEn: 'm',
      },
    ];
    const within = newMovement(
      cadre,
      { ...draft, toUnitCode: '18073-ttpvhcc' },
      { status: 'draft', at: 'T', by: 'u', reason: '', note: '', decision, checks },
    );
    expect(within).toMatchObject({ status: 'draft', communeCodes: ['18073'], decision, checks });
    expect(
      newMovement(
        cadre,
        { ...draft, toUnitCode: '42-snv' },
        { status: 'draft', at: 'T', by: 'u', reason: '', note: '' },
      ).communeCodes,
    ).toEqual(['18073']);
    const noMain = person('c5', '18073', 'xa_a', {
      posts: [
        { positionId: 'xa_a', unitCode: '18073', concurrent: true, since: '2021-01-01', decisionNo: null },
      ],
    });
    expect(
      newMovement(noMain, draft, { status: 'draft', at: 'T', by: 'u', reason: '', note: '' }).fromPositionId,
    ).toBeNull();
  });
});

describe('statuses other than proposed', () => {
  test('a movement already active or closed cannot be approved, started or cancelled', () => {
    for (const status of ['active', 'completed', 'cancelled', 'rejected'] as const) {
      const m: Movement = movement('m', 'transfer', { status });
      expect(() => transitionMovement(m, 'approve', { at: 'T', by: 'u', note: '' })).toThrow(
        InvalidTransition,
      );
      expect(() => transitionMovement(m, 'start', { at: 'T', by: 'u', note: '' })).toThrow(InvalidTransition);
      if (status !== 'active')
        expect(() => transitionMovement(m, 'complete', { at: 'T', by: 'u', note: '' })).toThrow(
          InvalidTransition,
        );
    }
  });
});
