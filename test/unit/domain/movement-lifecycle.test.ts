/** Movement transitions, their quota effects on both sides, and the person's record. */
import { type Cadre, communeOf, type Movement } from '@canbo/model';
import {
  applyToCadre,
  InvalidTransition,
  nextStatus,
  quotaEffects,
} from '../../../functions/src/domain/movement-lifecycle';
import {
  applyQuotaDelta,
  carryOverQuota,
  isOverAllocated,
  QuotaExceeded,
  QuotaInvariantBroken,
  quotaStatus,
} from '../../../functions/src/domain/quota';
import { movement as fixture, quota } from '../../helpers/province';

const movement = (type: Movement['type'], extra: Partial<Movement> = {}) =>
  fixture('mv-42-00001', type, extra);

test('transitions follow draft → proposed → approved → active → completed, with cancel and reject', () => {
  expect(nextStatus('proposed', 'approve')).toBe('approved');
  expect(nextStatus('proposed', 'reject')).toBe('rejected');
  expect(nextStatus('approved', 'start')).toBe('active');
  expect(nextStatus('active', 'complete')).toBe('completed');
  expect(nextStatus('approved', 'cancel')).toBe('cancelled');
  expect(nextStatus('active', 'extend')).toBe('active');
  expect(() => nextStatus('active', 'cancel')).toThrow(InvalidTransition);
  expect(() => nextStatus('completed', 'start')).toThrow(InvalidTransition);
  expect(() => nextStatus('rejected', 'approve')).toThrow(InvalidTransition);
});

test('a transfer reserves the target post at approval and moves it at start', () => {
  const m = movement('transfer');
  expect(quotaEffects(m, 'approve', 'proposed')).toEqual([
    { unitCode: '18100', block: 'government', year: 2027, delta: { incoming: 1 } },
  ]);
  expect(quotaEffects(m, 'start', 'approved')).toEqual([
    { unitCode: '18100', block: 'government', year: 2027, delta: { incoming: -1, filled: 1 } },
    { unitCode: '18073', block: 'government', year: 2027, delta: { filled: -1 } },
  ]);
  expect(quotaEffects(m, 'cancel', 'approved')).toEqual([
    { unitCode: '18100', block: 'government', year: 2027, delta: { incoming: -1 } },
  ]);
  expect(quotaEffects(m, 'cancel', 'proposed')).toEqual([]);
});

test('a secondee stays on the home quota with a slot reserved for the return', () => {
  const m = movement('secondment');
  expect(quotaEffects(m, 'approve', 'proposed')).toEqual([]);
  expect(quotaEffects(m, 'start', 'approved')).toEqual([
    { unitCode: '18073', block: 'government', year: 2027, delta: { filled: -1, reservedForReturn: 1 } },
  ]);
  expect(quotaEffects(m, 'complete', 'active')).toEqual([
    // Without an event date the return counts in the year of the planned end.
    { unitCode: '18073', block: 'government', year: 2029, delta: { reservedForReturn: -1, filled: 1 } },
  ]);
  // The slot is there for the return even if the home unit filled every other post meanwhile.
  let home = { unitCode: '18073', allocated: 32, filled: 32, reservedForReturn: 0, incoming: 0 };
  home = applyQuotaDelta(home, { filled: -1, reservedForReturn: 1 });
  expect(quotaStatus(home).free).toBe(0);
  home = applyQuotaDelta(home, { reservedForReturn: -1, filled: 1 });
  expect(home).toMatchObject({ filled: 32, reservedForReturn: 0 });
});

test('taking a post that is not free is refused; moving or freeing one never is', () => {
  const full = { unitCode: '18100', allocated: 10, filled: 9, reservedForReturn: 0, incoming: 1 };
  expect(() => applyQuotaDelta(full, { incoming: 1 })).toThrow(QuotaExceeded);
  expect(applyQuotaDelta(full, { incoming: -1, filled: 1 })).toMatchObject({ filled: 10, incoming: 0 });
  const over = { unitCode: '18100', allocated: 10, filled: 12, reservedForReturn: 0, incoming: 0 };
  expect(applyQuotaDelta(over, { filled: -1 }).filled).toBe(11);
  expect(() => applyQuotaDelta(over, { filled: -13 })).toThrow(/negative/);
  expect(quotaStatus({ allocated: 32, filled: 28, reservedForReturn: 2, incoming: 1 }, 2)).toEqual({
    allocated: 32,
    filled: 28,
    reservedForReturn: 2,
    incoming: 1,
    free: 1,
    fits: false,
    delta: 2,
  });
});

test('the person record follows the movement', () => {
  const c = {
    id: 'c1',
    communeCode: '18073',
    homeUnitCode: '18073',
    currentUnitCode: '18073',
    status: 'active',
    posts: [
      {
        positionId: 'xa_ke_toan',
        unitCode: '18073',
        concurrent: false,
        since: '2020-01-01',
        decisionNo: null,
      },
    ],
  } as Cadre;
  const seconded = applyToCadre(c, movement('secondment'), 'start', 'T');
  expect(seconded).toMatchObject({
    status: 'seconded_out',
    homeUnitCode: '18073',
    currentUnitCode: '18100',
    communeCode: '18100',
  });
  expect(applyToCadre(seconded, movement('secondment'), 'complete', 'T')).toMatchObject({
    status: 'active',
    currentUnitCode: '18073',
    communeCode: '18073',
  });
  const moved = applyToCadre(c, movement('transfer', { toPositionId: 'xa_van_thu' }), 'start', 'T');
  expect(moved).toMatchObject({ homeUnitCode: '18100', currentUnitCode: '18100', communeCode: '18100' });
  expect(moved.posts).toEqual([
    {
      positionId: 'xa_van_thu',
      unitCode: '18100',
      concurrent: false,
      since: '2027-01-01',
      decisionNo: '1/QĐ',
    },
  ]);
  const concurrent = applyToCadre(
    c,
    movement('concurrent', { toUnitCode: '18073', toPositionId: 'xa_truong_ban_hdnd' }),
    'start',
    'T',
  );
  expect(concurrent.posts).toHaveLength(2);
  expect(
    applyToCadre(
      concurrent,
      movement('concurrent', { toUnitCode: '18073', toPositionId: 'xa_truong_ban_hdnd' }),
      'complete',
      'T',
    ).posts,
  ).toHaveLength(1);
  expect(communeOf('18073-ttpvhcc')).toBe('18073');
  expect(communeOf('42-snv')).toBeNull();
});

test('each quota effect lands in the year of its event: a return in the year of the return', () => {
  const m = movement('secondment', { status: 'active', startDate: '2026-06-01' });
  expect(quotaEffects(m, 'complete', 'active', '2027-02-10')).toEqual([
    { unitCode: '18073', block: 'government', year: 2027, delta: { reservedForReturn: -1, filled: 1 } },
  ]);
  // An approval decided in December for a January start reserves in the year of the decision.
  const t = movement('transfer', { startDate: '2027-01-15' });
  expect(quotaEffects(t, 'approve', 'proposed', '2026-12-20')).toEqual([
    { unitCode: '18100', block: 'government', year: 2026, delta: { incoming: 1 } },
  ]);
});

test('over-allocation: posts taken beyond the allocation, not at it', () => {
  expect(isOverAllocated({ allocated: 10, filled: 8, reservedForReturn: 1, incoming: 1 })).toBe(false);
  expect(isOverAllocated({ allocated: 10, filled: 8, reservedForReturn: 1, incoming: 2 })).toBe(true);
});

test('domain errors carry their HttpsError code and a bilingual catalogue message', () => {
  const broken = (() => {
    try {
      applyQuotaDelta(
        { unitCode: '18073', allocated: 5, filled: 0, reservedForReturn: 0, incoming: 0 },
        { filled: -1 },
      );
    } catch (e) {
      return e;
    }
  })();
  expect(broken).toBeInstanceOf(QuotaInvariantBroken);
  expect(broken).toMatchObject({
    code: 'failed-precondition',
    key: 'domain.quota_invariant',
    count: 'filled',
  });
  const full = (() => {
    try {
      applyQuotaDelta(
        { unitCode: '18100', allocated: 1, filled: 1, reservedForReturn: 0, incoming: 0 },
        { incoming: 1 },
      );
    } catch (e) {
      return e as QuotaExceeded;
    }
  })()!;
  expect(full).toMatchObject({
    code: 'failed-precondition',
    key: 'domain.quota_exceeded',
    unitCode: '18100',
  });
  expect(full.text).toEqual({
    vi: 'Hết biên chế tại 18100: còn 0, cần 1.',
    en: 'Quota of 18100 exceeded: 0 free, 1 needed.',
  });
  const invalid = (() => {
    try {
      nextStatus('completed', 'start');
    } catch (e) {
      return e as InvalidTransition;
    }
  })()!;
  expect(invalid).toMatchObject({ code: 'failed-precondition', transition: 'start', status: 'completed' });
  expect(invalid.text).toEqual({
    vi: 'Không thể bắt đầu đề xuất đang ở trạng thái đã kết thúc.',
    en: 'Cannot start a movement that is completed.',
  });
});

test('the carry-over opens next year with the counts as they stand, keeping an allocation already decided', () => {
  const closing = quota('18100', 32, 29, {
    year: 2026,
    reservedForReturn: 2,
    incoming: 1,
    flags: ['over_allocation'],
  });
  expect(carryOverQuota(closing, '2027-01-01T00:00:00.000Z')).toEqual({
    ...closing,
    year: 2027,
    status: 'temporary',
    decision: null,
    filled: 29,
    reservedForReturn: 2,
    incoming: 1,
    updatedAt: '2027-01-01T00:00:00.000Z',
    flags: undefined,
  });
  const decided = quota('18100', 35, 0, {
    year: 2027,
    decision: { number: '5/QĐ-UBND', date: '2026-12-20' },
  });
  expect(carryOverQuota(closing, '2027-01-01T00:00:00.000Z', decided)).toMatchObject({
    year: 2027,
    allocated: 35,
    status: 'final',
    decision: { number: '5/QĐ-UBND', date: '2026-12-20' },
    filled: 29,
    reservedForReturn: 2,
    incoming: 1,
  });
});
