/**
 * Quotas by year (docs/legal-basis.md §9): the year an effect lands in, on
 * both sides of Vietnam's new year; opening a year lazily; the yearly
 * carry-over plan and its idempotency; allocation decisions.
 */
import { vietnamDay } from '../../../functions/src/lib/clock';
import {
  allocate,
  isOpenQuota,
  openQuotaYear,
  planCarryOver,
  quotaYearOf,
} from '../../../functions/src/domain/quota-years';
import { quotaEffects } from '../../../functions/src/domain/movement-lifecycle';
import { quotaId, type Quota } from '@canbo/model';
import { movement, quota } from '../../helpers/province';

const AT = '2027-01-01T00:05:00.000Z';

describe('the year an effect lands in is the Vietnam year of the day it is recorded', () => {
  test('31 December 16:59 UTC is still 2026 in Vietnam; 17:00 UTC is 1 January 2027', () => {
    expect(vietnamDay(new Date('2026-12-31T16:59:59.999Z'))).toBe('2026-12-31');
    expect(quotaYearOf(vietnamDay(new Date('2026-12-31T16:59:59.999Z')))).toBe(2026);
    expect(vietnamDay(new Date('2026-12-31T17:00:00.000Z'))).toBe('2027-01-01');
    expect(quotaYearOf(vietnamDay(new Date('2026-12-31T17:00:00.000Z')))).toBe(2027);
  });

  test('a secondment started in 2026 and returned in 2027 moves the 2027 quota on return', () => {
    const m = movement('mv-s', 'secondment', {
      status: 'active',
      startDate: '2026-03-01',
      plannedEndDate: '2027-03-01',
    });
    expect(quotaEffects(m, 'complete', 'active', '2027-01-01')).toEqual([
      { unitCode: '18073', block: 'government', year: 2027, delta: { reservedForReturn: -1, filled: 1 } },
    ]);
    expect(quotaEffects(m, 'complete', 'active', '2026-12-31')).toEqual([
      { unitCode: '18073', block: 'government', year: 2026, delta: { reservedForReturn: -1, filled: 1 } },
    ]);
  });
});

describe('opening a year', () => {
  const closing = quota('18100', 32, 29, { year: 2026, reservedForReturn: 2, incoming: 1 });

  test('an open document is itself, nothing to write', () => {
    const open = quota('18100', 33, 28, { year: 2027, openedAt: '2027-01-01T00:05:00.000Z' });
    expect(openQuotaYear(open, closing, AT)).toEqual({ quota: open, opened: false });
    // Written before `openedAt` existed: live.
    const legacy = quota('18100', 33, 28, { year: 2027 });
    expect(openQuotaYear(legacy, closing, AT)).toEqual({ quota: legacy, opened: false });
  });

  test('a missing year opens from the year before, allocation carried as temporary', () => {
    expect(openQuotaYear(undefined, closing, AT)).toEqual({
      opened: true,
      quota: {
        ...closing,
        year: 2027,
        allocated: 32,
        status: 'temporary',
        decision: null,
        filled: 29,
        reservedForReturn: 2,
        incoming: 1,
        openedAt: AT,
        updatedAt: AT,
      },
    });
  });

  test('a forecast keeps its decided allocation and takes the closing counts', () => {
    const forecast = quota('18100', 30, 25, {
      year: 2027,
      decision: { number: '12/QĐ-UBND', date: '2026-12-15' },
      openedAt: null,
    });
    const opened = openQuotaYear(forecast, closing, AT)!;
    expect(opened.opened).toBe(true);
    expect(opened.quota).toMatchObject({
      year: 2027,
      allocated: 30,
      status: 'final',
      decision: { number: '12/QĐ-UBND', date: '2026-12-15' },
      filled: 29,
      reservedForReturn: 2,
      incoming: 1,
      openedAt: AT,
      // 32 taken, 30 allocated.
      flags: ['over_allocation'],
    });
  });

  test('a forecast with no year before opens as it is; nothing stored is no quota', () => {
    const forecast = quota('18100', 30, 4, { year: 2027, openedAt: null });
    expect(openQuotaYear(forecast, undefined, AT)).toEqual({
      opened: true,
      quota: { ...forecast, openedAt: AT, updatedAt: AT },
    });
    expect(openQuotaYear(undefined, undefined, AT)).toBeUndefined();
  });
});

describe('the yearly carry-over plan', () => {
  const a = quota('18073', 32, 30, { year: 2026, reservedForReturn: 1 });
  const b = quota('18100', 32, 31, { year: 2026, incoming: 1 });
  const c = quota('18115', 10, 10, { year: 2026 });

  test('creates missing years, refreshes forecasts, keeps open documents', () => {
    const forecastB = quota('18100', 40, 20, {
      year: 2027,
      decision: { number: '9/QĐ-UBND', date: '2026-12-01' },
      openedAt: null,
    });
    const openC = quota('18115', 10, 9, { year: 2027, openedAt: '2027-01-01T00:01:00.000Z' });
    const next = new Map<string, Quota>([
      [quotaId('18100', 'government', 2027), forecastB],
      [quotaId('18115', 'government', 2027), openC],
    ]);
    const plan = planCarryOver([a, b, c], next, AT);
    expect(plan.kept).toBe(1);
    expect(plan.create).toEqual([
      {
        ...a,
        year: 2027,
        status: 'temporary',
        decision: null,
        allocated: 32,
        filled: 30,
        reservedForReturn: 1,
        incoming: 0,
        openedAt: AT,
        updatedAt: AT,
      },
    ]);
    expect(plan.refresh).toEqual([
      {
        ...forecastB,
        allocated: 40,
        status: 'final',
        decision: { number: '9/QĐ-UBND', date: '2026-12-01' },
        filled: 31,
        reservedForReturn: 0,
        incoming: 1,
        openedAt: AT,
        updatedAt: AT,
      },
    ]);
  });

  test('running it over its own result plans nothing', () => {
    const first = planCarryOver([a, b, c], new Map(), AT);
    const stored = new Map(first.create.map((q) => [quotaId(q.unitCode, q.block, q.year), q]));
    expect(planCarryOver([a, b, c], stored, '2027-01-02T00:00:00.000Z')).toEqual({
      create: [],
      refresh: [],
      kept: 3,
    });
  });
});

describe('allocation decisions', () => {
  const identity = {
    provinceCode: '42',
    communeCode: '18100',
    unitCode: '18100',
    block: 'government' as const,
  };
  const decision = {
    allocated: 35,
    status: 'final' as const,
    decision: { number: '7/QĐ-UBND', date: '2026-12-10' },
  };

  test('a year not yet come is a forecast with the latest earlier counts', () => {
    const latest = quota('18100', 32, 31, { year: 2026, reservedForReturn: 1 });
    const r = allocate(
      { current: undefined, previous: latest, latestEarlier: latest, identity: { ...identity, year: 2027 } },
      decision,
      2026,
      '2026-12-10T03:00:00.000Z',
    );
    expect(r).toEqual({
      overAllocated: false,
      quota: {
        ...identity,
        year: 2027,
        allocated: 35,
        status: 'final',
        decision: { number: '7/QĐ-UBND', date: '2026-12-10' },
        filled: 31,
        reservedForReturn: 1,
        incoming: 0,
        openedAt: null,
        updatedAt: '2026-12-10T03:00:00.000Z',
      },
    });
  });

  test('no earlier year: zeros; the current year is open at once', () => {
    const r = allocate(
      {
        current: undefined,
        previous: undefined,
        latestEarlier: undefined,
        identity: { ...identity, year: 2026 },
      },
      { ...decision, status: 'temporary' },
      2026,
      '2026-12-10T03:00:00.000Z',
    );
    expect(r.quota).toMatchObject({
      allocated: 35,
      status: 'temporary',
      filled: 0,
      reservedForReturn: 0,
      incoming: 0,
      openedAt: '2026-12-10T03:00:00.000Z',
    });
  });

  test('a cut below the counts keeps the counts and is flagged', () => {
    const current = quota('18100', 32, 31, { year: 2026, incoming: 1 });
    const r = allocate(
      { current, previous: undefined, latestEarlier: undefined, identity: { ...identity, year: 2026 } },
      { ...decision, allocated: 30 },
      2026,
      '2026-12-10T03:00:00.000Z',
    );
    expect(r.overAllocated).toBe(true);
    expect(r.quota).toMatchObject({ allocated: 30, filled: 31, incoming: 1, flags: ['over_allocation'] });
  });
});

describe('quota years at their edges (issue 15)', () => {
  const AT2 = '2026-12-10T03:00:00.000Z';
  const identity = {
    provinceCode: '42',
    communeCode: '18100',
    unitCode: '18100',
    block: 'government' as const,
  };
  const decision = {
    allocated: 40,
    status: 'final' as const,
    decision: { number: '11/QĐ-UBND', date: '2026-12-09' },
  };

  test('the quota year is the calendar year of the day, on both sides of the new year', () => {
    expect(quotaYearOf('2026-12-31')).toBe(2026);
    expect(quotaYearOf('2027-01-01')).toBe(2027);
    expect(quotaYearOf('2028-02-29')).toBe(2028);
  });

  test('a document is open unless it is a forecast (openedAt null)', () => {
    expect(isOpenQuota({ openedAt: null })).toBe(false);
    expect(isOpenQuota({ openedAt: '2027-01-01T00:05:00.000Z' })).toBe(true);
    expect(isOpenQuota({})).toBe(true);
  });

  test('a flagged forecast opened from a year that fits its allocation loses the flag', () => {
    const closing = quota('18100', 32, 30, { year: 2026 });
    const forecast = quota('18100', 40, 45, { year: 2027, openedAt: null, flags: ['over_allocation'] });
    expect(openQuotaYear(forecast, closing, AT)).toEqual({
      opened: true,
      quota: {
        ...forecast,
        filled: 30,
        reservedForReturn: 0,
        incoming: 0,
        openedAt: AT,
        updatedAt: AT,
        flags: undefined,
      },
    });
    expect(openQuotaYear(forecast, closing, AT)!.quota).not.toHaveProperty('flags');
  });

  test('an allocation that lifts an open year above its counts drops the flag and keeps everything else', () => {
    const current = quota('18100', 30, 31, {
      year: 2026,
      incoming: 1,
      openedAt: '2026-01-01T00:05:00.000Z',
      flags: ['over_allocation'],
    });
    const r = allocate(
      { current, previous: undefined, latestEarlier: undefined, identity: { ...identity, year: 2026 } },
      decision,
      2026,
      AT2,
    );
    expect(r.overAllocated).toBe(false);
    expect(r.quota).toStrictEqual({
      ...identity,
      year: 2026,
      allocated: 40,
      status: 'final',
      decision: { number: '11/QĐ-UBND', date: '2026-12-09' },
      filled: 31,
      reservedForReturn: 0,
      incoming: 1,
      openedAt: '2026-01-01T00:05:00.000Z',
      updatedAt: AT2,
    });
  });

  test('an allocation at exactly the posts taken is not over-allocated', () => {
    const current = quota('18100', 30, 31, { year: 2026, reservedForReturn: 1 });
    const r = allocate(
      { current, previous: undefined, latestEarlier: undefined, identity: { ...identity, year: 2026 } },
      { ...decision, allocated: 32 },
      2026,
      AT2,
    );
    expect(r.overAllocated).toBe(false);
    expect(r.quota).not.toHaveProperty('flags');
    const cut = allocate(
      { current, previous: undefined, latestEarlier: undefined, identity: { ...identity, year: 2026 } },
      { ...decision, allocated: 31 },
      2026,
      AT2,
    );
    expect(cut.overAllocated).toBe(true);
    expect(cut.quota.flags).toEqual(['over_allocation']);
  });

  test('the current year with nothing stored for it or the year before: open, with the latest earlier counts', () => {
    const r = allocate(
      {
        current: undefined,
        previous: undefined,
        latestEarlier: { allocated: 20, filled: 18, reservedForReturn: 2, incoming: 1 },
        identity: { ...identity, year: 2026 },
      },
      decision,
      2026,
      AT2,
    );
    expect(r).toStrictEqual({
      overAllocated: false,
      quota: {
        ...identity,
        year: 2026,
        filled: 18,
        reservedForReturn: 2,
        incoming: 1,
        allocated: 40,
        status: 'final',
        decision: { number: '11/QĐ-UBND', date: '2026-12-09' },
        openedAt: AT2,
        updatedAt: AT2,
      },
    });
  });

  test('the current year missing but the year before stored: opened from it by the carry-over first', () => {
    const previous = quota('18100', 32, 29, { year: 2025, reservedForReturn: 1, incoming: 2 });
    const r = allocate(
      {
        current: undefined,
        previous,
        latestEarlier: { allocated: 1, filled: 1, reservedForReturn: 0, incoming: 0 },
        identity: { ...identity, year: 2026 },
      },
      decision,
      2026,
      AT2,
    );
    expect(r.quota).toStrictEqual({
      ...identity,
      year: 2026,
      allocated: 40,
      status: 'final',
      decision: { number: '11/QĐ-UBND', date: '2026-12-09' },
      filled: 29,
      reservedForReturn: 1,
      incoming: 2,
      openedAt: AT2,
      updatedAt: AT2,
    });
  });

  test('a later year already forecast keeps its counts and stays a forecast', () => {
    const forecast = quota('18100', 30, 20, {
      year: 2027,
      openedAt: null,
      updatedAt: '2026-06-01T00:00:00.000Z',
    });
    const r = allocate(
      {
        current: forecast,
        previous: undefined,
        latestEarlier: { allocated: 32, filled: 31, reservedForReturn: 1, incoming: 0 },
        identity: { ...identity, year: 2027 },
      },
      decision,
      2026,
      AT2,
    );
    expect(r.quota).toStrictEqual({
      ...forecast,
      allocated: 40,
      status: 'final',
      decision: { number: '11/QĐ-UBND', date: '2026-12-09' },
      openedAt: null,
      updatedAt: AT2,
    });
  });

  test('a later year with nothing earlier: a forecast of zeros', () => {
    const r = allocate(
      {
        current: undefined,
        previous: undefined,
        latestEarlier: undefined,
        identity: { ...identity, year: 2028 },
      },
      { ...decision, status: 'temporary' },
      2026,
      AT2,
    );
    expect(r).toStrictEqual({
      overAllocated: false,
      quota: {
        ...identity,
        year: 2028,
        filled: 0,
        reservedForReturn: 0,
        incoming: 0,
        allocated: 40,
        status: 'temporary',
        decision: { number: '11/QĐ-UBND', date: '2026-12-09' },
        openedAt: null,
        updatedAt: AT2,
      },
    });
  });

  test('the carry-over plan opens next year under next year’s id and counts each kind once', () => {
    const closing = [
      quota('18073', 32, 33, { year: 2026 }),
      quota('18100', 32, 30, { year: 2026, block: 'party' }),
    ];
    const plan = planCarryOver(closing, new Map(), AT);
    expect(plan.kept).toBe(0);
    expect(plan.refresh).toEqual([]);
    expect(plan.create.map((q) => [q.unitCode, q.block, q.year, q.status, q.flags])).toEqual([
      ['18073', 'government', 2027, 'temporary', ['over_allocation']],
      ['18100', 'party', 2027, 'temporary', undefined],
    ]);
    // A document stored under this year's id (not next year's) does not count as next year.
    const sameYear = new Map<string, Quota>([[quotaId('18073', 'government', 2026), closing[0]!]]);
    expect(planCarryOver(closing.slice(0, 1), sameYear, AT).create).toHaveLength(1);
  });
});
