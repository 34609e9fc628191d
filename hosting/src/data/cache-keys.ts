/**
 * Which figures the browser may keep, under which key, and for how long
 * (pure; unit tests in test/unit/hosting/cache-keys.test.ts). data/cache.ts
 * stores them in IndexedDB.
 *
 * A page shows what it read last time at once, says when that was, and
 * replaces it when the fresh read arrives (stale-while-revalidate). What one
 * account read is never shown to another: the key starts with the account's
 * uid and carries every part of its scope (role, province, communes, cadre),
 * so a change of claims reads afresh; entries of any other uid are deleted
 * when the signed-in account changes or signs out (data/cache.ts,
 * `keepOnly`).
 */
import type { Claims } from '@canbo/model';

/** Bumped when the shape of what is stored changes: older entries are then never read. */
export const CACHE_FORMAT = 2;

/** Figures older than this are not shown while the fresh ones load (a week: a board meets weekly). */
export const MAX_AGE_MS = 7 * 24 * 3_600_000;

/** A clock a minute ahead of the one that stored the entry is still believed. */
const CLOCK_SKEW_MS = 60_000;

export interface CacheEntry<T> {
  key: string;
  /** The account that read it. */
  uid: string;
  /** When it was read (ms since the epoch). */
  at: number;
  value: T;
}

/** The scope of the claims as one stable string (commune lists sorted: their order means nothing). */
export function scopeOf(claims: Claims): string {
  const communes = [...(claims.communes ?? [])].sort().join(',');
  return [claims.role, claims.province, communes, claims.cadreId ?? ''].join('|');
}

/**
 * The key of one page's figures: format, page, account, scope and the
 * page's own parameters (e.g. the year and the communes asked for; `null`
 * or absent parts are written as `*`).
 */
export function cacheKey(
  page: string,
  uid: string,
  claims: Claims,
  params: readonly (string | number | readonly string[] | null | undefined)[] = [],
): string {
  const part = (p: (typeof params)[number]): string =>
    p === null || p === undefined ? '*' : Array.isArray(p) ? [...p].sort().join(',') : String(p);
  return [`v${CACHE_FORMAT}`, page, uid, scopeOf(claims), ...params.map(part)].join('#');
}

/** Whether a stored entry may be shown to `uid` under `key` at `now`. */
export function usable<T>(
  entry: CacheEntry<T> | null | undefined,
  key: string,
  uid: string,
  now: number,
): boolean {
  if (!entry || entry.key !== key || entry.uid !== uid) return false;
  if (!Number.isFinite(entry.at) || entry.at > now + CLOCK_SKEW_MS) return false;
  return now - entry.at <= MAX_AGE_MS;
}

/** Whether an entry is to be deleted when `uid` is the signed-in account (null: nobody) at `now`. */
export function evictable(
  entry: Pick<CacheEntry<unknown>, 'uid' | 'at'>,
  uid: string | null,
  now: number,
): boolean {
  return entry.uid !== uid || !Number.isFinite(entry.at) || now - entry.at > MAX_AGE_MS;
}
