/**
 * What the browser keeps of a page's figures (hosting/src/data/cache-keys.ts):
 * the key names the account and its whole scope, entries are shown only to
 * the account that read them and only for a week, and signing out or
 * another account evicts them.
 */
import type { Claims } from '@canbo/model';
import {
  cacheKey,
  evictable,
  MAX_AGE_MS,
  scopeOf,
  usable,
  type CacheEntry,
} from '../../../hosting/src/data/cache-keys';

const admin: Claims = { role: 'province_admin', province: '40' };
const monitor: Claims = { role: 'area_monitor', province: '40', communes: ['17000', '16681'] };
const NOW = Date.UTC(2026, 11, 1, 9, 0, 0);
const DAY = 24 * 3_600_000;

describe('the key of a page’s figures', () => {
  test('names the format, the page, the account, its scope and the page’s parameters', () => {
    expect(cacheKey('overview', 'uid-a', admin, [2026, null])).toBe(
      'v2#overview#uid-a#province_admin|40||#2026#*',
    );
    expect(cacheKey('overview', 'uid-m', monitor, [2026, ['17000', '16681']])).toBe(
      'v2#overview#uid-m#area_monitor|40|16681,17000|#2026#16681,17000',
    );
  });

  test('the order of a commune list does not matter, its content does', () => {
    const reordered: Claims = { ...monitor, communes: ['16681', '17000'] };
    expect(scopeOf(reordered)).toBe(scopeOf(monitor));
    expect(scopeOf({ ...monitor, communes: ['16681'] })).toBe('area_monitor|40|16681|');
  });

  test('another account, role, province or cadre gives another key', () => {
    const keys = new Set([
      cacheKey('overview', 'uid-a', admin, [2026]),
      cacheKey('overview', 'uid-b', admin, [2026]),
      cacheKey('overview', 'uid-a', { ...admin, role: 'auditor' }, [2026]),
      cacheKey('overview', 'uid-a', { ...admin, province: '42' }, [2026]),
      cacheKey('overview', 'uid-a', { role: 'cadre', province: '40', cadreId: 'c1' }, [2026]),
      cacheKey('overview', 'uid-a', admin, [2025]),
    ]);
    expect(keys.size).toBe(6);
  });
});

describe('which stored figures may be shown', () => {
  const key = 'v2#overview#uid-a#province_admin|40||#2026#*';
  const entry = (over: Partial<CacheEntry<string>> = {}): CacheEntry<string> => ({
    key,
    uid: 'uid-a',
    at: NOW - DAY,
    value: 'figures',
    ...over,
  });

  test('those of the same key and account, read within the week', () => {
    expect(usable(entry(), key, 'uid-a', NOW)).toBe(true);
    expect(usable(entry({ at: NOW - 7 * DAY }), key, 'uid-a', NOW)).toBe(true);
    expect(MAX_AGE_MS).toBe(604_800_000);
  });

  test('never another account’s, even under the same key', () => {
    expect(usable(entry({ uid: 'uid-b' }), key, 'uid-a', NOW)).toBe(false);
  });

  test('not those of another key (another scope or an older format)', () => {
    expect(usable(entry({ key: 'v1#overview#uid-a#province_admin|40||#2026#*' }), key, 'uid-a', NOW)).toBe(
      false,
    );
  });

  test('not those older than a week, nor from a clock more than a minute ahead, nor without a time', () => {
    expect(usable(entry({ at: NOW - 7 * DAY - 1 }), key, 'uid-a', NOW)).toBe(false);
    expect(usable(entry({ at: NOW + 60_000 }), key, 'uid-a', NOW)).toBe(true);
    expect(usable(entry({ at: NOW + 60_001 }), key, 'uid-a', NOW)).toBe(false);
    expect(usable(entry({ at: Number.NaN }), key, 'uid-a', NOW)).toBe(false);
    expect(usable(null, key, 'uid-a', NOW)).toBe(false);
  });
});

describe('which stored figures are deleted', () => {
  test('every entry when nobody is signed in (after signing out)', () => {
    expect(evictable({ uid: 'uid-a', at: NOW }, null, NOW)).toBe(true);
  });

  test('another account’s when one signs in; the account’s own are kept for a week', () => {
    expect(evictable({ uid: 'uid-a', at: NOW }, 'uid-b', NOW)).toBe(true);
    expect(evictable({ uid: 'uid-b', at: NOW - DAY }, 'uid-b', NOW)).toBe(false);
    expect(evictable({ uid: 'uid-b', at: NOW - 8 * DAY }, 'uid-b', NOW)).toBe(true);
    expect(evictable({ uid: 'uid-b', at: Number.NaN }, 'uid-b', NOW)).toBe(true);
  });
});
