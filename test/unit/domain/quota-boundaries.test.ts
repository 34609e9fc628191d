/**
 * Quota arithmetic at its boundaries (docs/legal-basis.md §9,
 * functions/src/domain/quota.ts): a take that fits, one that fills the unit
 * exactly, one post over; each count taking posts on its own; moves between
 * counts and releases in a unit over its quota; counts reaching zero and
 * going below it. Every expected count is written out.
 */
import {
  applyQuotaDelta,
  carryOverQuota,
  isOverAllocated,
  QuotaExceeded,
  QuotaInvariantBroken,
  quotaStatus,
  takenPosts,
} from '../../../functions/src/domain/quota';
import { quota } from '../../helpers/province';

/** 10 allocated, 8 taken (6 in post, 1 kept for a return, 1 arriving): 2 free. */
const unit = { unitCode: '18100', allocated: 10, filled: 6, reservedForReturn: 1, incoming: 1 };

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('takenPosts and quotaStatus', () => {
  test('posts taken add the three counts', () => {
    expect(takenPosts({ allocated: 0, filled: 3, reservedForReturn: 5, incoming: 7 })).toBe(15);
    expect(takenPosts({ allocated: 99, filled: 0, reservedForReturn: 0, incoming: 0 })).toBe(0);
  });

  test('the status reports the counts, what is free and whether one more post fits', () => {
    expect(quotaStatus(unit)).toEqual({
      allocated: 10,
      filled: 6,
      reservedForReturn: 1,
      incoming: 1,
      free: 2,
      fits: true,
      delta: 1,
    });
  });

  test('a need equal to the free posts fits, one more does not', () => {
    expect(quotaStatus(unit, 2)).toMatchObject({ free: 2, fits: true, delta: 2 });
    expect(quotaStatus(unit, 3)).toMatchObject({ free: 2, fits: false, delta: 3 });
    const lastOne = { allocated: 10, filled: 9, reservedForReturn: 0, incoming: 0 };
    expect(quotaStatus(lastOne)).toMatchObject({ free: 1, fits: true, delta: 1 });
    const full = { allocated: 10, filled: 9, reservedForReturn: 0, incoming: 1 };
    expect(quotaStatus(full)).toMatchObject({ free: 0, fits: false, delta: 1 });
    // Needing nothing fits even a full unit.
    expect(quotaStatus(full, 0)).toMatchObject({ free: 0, fits: true, delta: 0 });
  });

  test('the status of a unit over its quota has negative free posts', () => {
    expect(quotaStatus({ allocated: 10, filled: 11, reservedForReturn: 1, incoming: 0 })).toEqual({
      allocated: 10,
      filled: 11,
      reservedForReturn: 1,
      incoming: 0,
      free: -2,
      fits: false,
      delta: 1,
    });
  });

  test('the status carries only the counts, not the other fields of a document', () => {
    const status = quotaStatus(quota('18100', 32, 30, { year: 2026 }));
    expect(status).toEqual({
      allocated: 32,
      filled: 30,
      reservedForReturn: 0,
      incoming: 0,
      free: 2,
      fits: true,
      delta: 1,
    });
  });

  test('over-allocated means more taken than allocated: not at it, not under it', () => {
    expect(isOverAllocated({ allocated: 10, filled: 9, reservedForReturn: 0, incoming: 0 })).toBe(false);
    expect(isOverAllocated({ allocated: 10, filled: 8, reservedForReturn: 1, incoming: 1 })).toBe(false);
    expect(isOverAllocated({ allocated: 10, filled: 9, reservedForReturn: 1, incoming: 1 })).toBe(true);
    expect(isOverAllocated({ allocated: 10, filled: 0, reservedForReturn: 11, incoming: 0 })).toBe(true);
    expect(isOverAllocated({ allocated: 10, filled: 0, reservedForReturn: 0, incoming: 11 })).toBe(true);
    expect(isOverAllocated({ allocated: 0, filled: 0, reservedForReturn: 0, incoming: 0 })).toBe(false);
  });
});

describe('applyQuotaDelta: taking posts', () => {
  test('a take that fits returns the new counts and does not throw', () => {
    expect(applyQuotaDelta(unit, { incoming: 1 })).toEqual({
      unitCode: '18100',
      allocated: 10,
      filled: 6,
      reservedForReturn: 1,
      incoming: 2,
    });
    expect(applyQuotaDelta(unit, { filled: 1 })).toEqual({
      unitCode: '18100',
      allocated: 10,
      filled: 7,
      reservedForReturn: 1,
      incoming: 1,
    });
    expect(applyQuotaDelta(unit, { reservedForReturn: 1 })).toEqual({
      unitCode: '18100',
      allocated: 10,
      filled: 6,
      reservedForReturn: 2,
      incoming: 1,
    });
  });

  test('a take that fills the unit exactly is allowed', () => {
    expect(applyQuotaDelta(unit, { incoming: 2 })).toEqual({
      unitCode: '18100',
      allocated: 10,
      filled: 6,
      reservedForReturn: 1,
      incoming: 3,
    });
    expect(applyQuotaDelta(unit, { filled: 1, reservedForReturn: 1 })).toEqual({
      unitCode: '18100',
      allocated: 10,
      filled: 7,
      reservedForReturn: 2,
      incoming: 1,
    });
    const lastOne = { unitCode: '18100', allocated: 10, filled: 8, reservedForReturn: 1, incoming: 0 };
    expect(applyQuotaDelta(lastOne, { incoming: 1 })).toEqual({
      unitCode: '18100',
      allocated: 10,
      filled: 8,
      reservedForReturn: 1,
      incoming: 1,
    });
  });

  test('one post over is refused with the free posts and the need', () => {
    const e = thrown(() => applyQuotaDelta(unit, { incoming: 3 }));
    expect(e).toBeInstanceOf(QuotaExceeded);
    expect(e).toMatchObject({
      code: 'failed-precondition',
      key: 'domain.quota_exceeded',
      unitCode: '18100',
      params: { unit: '18100', free: 2, needed: 3 },
      status: {
        allocated: 10,
        filled: 6,
        reservedForReturn: 1,
        incoming: 1,
        free: 2,
        fits: false,
        delta: 3,
      },
    });
    const full = { unitCode: '18073', allocated: 10, filled: 8, reservedForReturn: 1, incoming: 1 };
    expect(thrown(() => applyQuotaDelta(full, { incoming: 1 }))).toMatchObject({
      unitCode: '18073',
      params: { unit: '18073', free: 0, needed: 1 },
    });
    expect(() => applyQuotaDelta(full, { filled: 1 })).toThrow(QuotaExceeded);
    expect(() => applyQuotaDelta(full, { reservedForReturn: 1 })).toThrow(QuotaExceeded);
  });

  test('every count of the change takes posts: together they may exceed what each alone fits', () => {
    // 2 free: each pair fits exactly, any three do not.
    expect(() => applyQuotaDelta(unit, { filled: 1, incoming: 2 })).toThrow(QuotaExceeded);
    expect(() => applyQuotaDelta(unit, { reservedForReturn: 2, incoming: 1 })).toThrow(QuotaExceeded);
    expect(() => applyQuotaDelta(unit, { filled: 2, reservedForReturn: 1 })).toThrow(QuotaExceeded);
    expect(
      thrown(() => applyQuotaDelta(unit, { filled: 1, reservedForReturn: 1, incoming: 1 })),
    ).toMatchObject({ params: { unit: '18100', free: 2, needed: 3 } });
  });

  test('the posts a change takes are net of what it frees', () => {
    // Two arrive in post, one arrival is dropped: one post taken, two free.
    expect(applyQuotaDelta(unit, { incoming: -1, filled: 2 })).toEqual({
      unitCode: '18100',
      allocated: 10,
      filled: 8,
      reservedForReturn: 1,
      incoming: 0,
    });
    const full = { unitCode: '18100', allocated: 10, filled: 9, reservedForReturn: 0, incoming: 1 };
    expect(thrown(() => applyQuotaDelta(full, { incoming: -1, filled: 2 }))).toMatchObject({
      params: { unit: '18100', free: 0, needed: 1 },
    });
  });

  test('the other fields of the document are kept and the input is not changed', () => {
    const doc = quota('18100', 32, 30, { year: 2026, incoming: 1 });
    expect(applyQuotaDelta(doc, { incoming: -1, filled: 1 })).toEqual({
      ...doc,
      filled: 31,
      incoming: 0,
    });
    expect(doc).toMatchObject({ filled: 30, incoming: 1 });
  });
});

describe('applyQuotaDelta: moving and freeing posts', () => {
  const over = { unitCode: '18100', allocated: 10, filled: 10, reservedForReturn: 1, incoming: 1 };

  test('moving a post between counts never needs a free post, even over the quota', () => {
    expect(applyQuotaDelta(over, { incoming: -1, filled: 1 })).toEqual({
      unitCode: '18100',
      allocated: 10,
      filled: 11,
      reservedForReturn: 1,
      incoming: 0,
    });
    expect(applyQuotaDelta(over, { filled: -1, reservedForReturn: 1 })).toEqual({
      unitCode: '18100',
      allocated: 10,
      filled: 9,
      reservedForReturn: 2,
      incoming: 1,
    });
    expect(applyQuotaDelta(over, { reservedForReturn: -1, filled: 1 })).toEqual({
      unitCode: '18100',
      allocated: 10,
      filled: 11,
      reservedForReturn: 0,
      incoming: 1,
    });
  });

  test('freeing posts always succeeds, and an empty change changes nothing', () => {
    expect(applyQuotaDelta(over, { incoming: -1 })).toEqual({
      unitCode: '18100',
      allocated: 10,
      filled: 10,
      reservedForReturn: 1,
      incoming: 0,
    });
    expect(applyQuotaDelta(over, {})).toEqual(over);
  });

  test('a count may reach zero', () => {
    expect(applyQuotaDelta(unit, { filled: -6, reservedForReturn: -1, incoming: -1 })).toEqual({
      unitCode: '18100',
      allocated: 10,
      filled: 0,
      reservedForReturn: 0,
      incoming: 0,
    });
  });

  test.each([
    [{ filled: -7 }, 'filled'],
    [{ reservedForReturn: -2 }, 'reservedForReturn'],
    [{ incoming: -2 }, 'incoming'],
    // The first count below zero is named, even when the change also takes posts.
    [{ filled: -7, incoming: 20 }, 'filled'],
    [{ reservedForReturn: -2, incoming: -2 }, 'reservedForReturn'],
  ] as const)('%j takes a count below zero: %s is named, a drift to reconcile', (delta, count) => {
    const e = thrown(() => applyQuotaDelta(unit, delta));
    expect(e).toBeInstanceOf(QuotaInvariantBroken);
    expect(e).toMatchObject({
      code: 'failed-precondition',
      key: 'domain.quota_invariant',
      unitCode: '18100',
      count,
      params: { unit: '18100', count },
    });
  });
});

describe('carryOverQuota', () => {
  test('next year takes the counts, the allocation as temporary, no decision and no flags', () => {
    const closing = quota('18073', 32, 33, {
      year: 2026,
      status: 'final',
      decision: { number: '3/QĐ-UBND', date: '2026-01-05' },
      reservedForReturn: 1,
      incoming: 2,
      flags: ['over_allocation'],
      openedAt: '2026-01-01T00:05:00.000Z',
    });
    const next = carryOverQuota(closing, '2027-01-01T00:05:00.000Z');
    expect(next).toStrictEqual({
      provinceCode: '42',
      communeCode: '18073',
      unitCode: '18073',
      block: 'government',
      year: 2027,
      allocated: 32,
      status: 'temporary',
      decision: null,
      filled: 33,
      reservedForReturn: 1,
      incoming: 2,
      openedAt: '2026-01-01T00:05:00.000Z',
      updatedAt: '2027-01-01T00:05:00.000Z',
    });
    // The closing year's document is unchanged.
    expect(closing).toMatchObject({ year: 2026, status: 'final', flags: ['over_allocation'] });
  });

  test('a decided next year keeps its allocation, status and decision, takes the counts, drops its flags', () => {
    const closing = quota('18073', 32, 30, { year: 2026, reservedForReturn: 1, incoming: 1 });
    const decided = quota('18073', 28, 0, {
      year: 2027,
      status: 'temporary',
      decision: { number: '8/QĐ-UBND', date: '2026-12-20' },
      flags: ['over_allocation'],
      openedAt: null,
    });
    expect(carryOverQuota(closing, '2027-01-01T00:05:00.000Z', decided)).toStrictEqual({
      provinceCode: '42',
      communeCode: '18073',
      unitCode: '18073',
      block: 'government',
      year: 2027,
      allocated: 28,
      status: 'temporary',
      decision: { number: '8/QĐ-UBND', date: '2026-12-20' },
      filled: 30,
      reservedForReturn: 1,
      incoming: 1,
      openedAt: null,
      updatedAt: '2027-01-01T00:05:00.000Z',
    });
  });
});
