/**
 * Per-client rate limits of the citizen callables (docs/satisfaction.md,
 * "Rate limits"): at most `perMinute` requests in a calendar minute and
 * `perDay` in a Vietnam day from one client address, counted on one document
 * per address and day, in the same transaction as the request. Every request
 * counts, refused ones included: that is what makes guessing codes slow.
 */
import type { RateCounter } from '../../data/ratings';
import { addDays } from '../../domain/dates';
import { vietnamDayOf } from '../../domain/satisfaction';

export interface Limits {
  perMinute: number;
  perDay: number;
}

export type RateDecision =
  | { allowed: true; counter: RateCounter }
  | { allowed: false; retryAfterSeconds: number; limit: 'minute' | 'day' };

/** The counter document of a client on the Vietnam day of `now`. */
export function counterId(key: string, now: Date): string {
  return `${key}_${vietnamDayOf(now.toISOString()).replace(/-/g, '')}`;
}

/** Whether one more request is allowed, and the counter after it. */
export function decide(
  key: string,
  current: RateCounter | undefined,
  now: Date,
  limits: Limits,
): RateDecision {
  const minute = now.toISOString().slice(0, 16);
  const day = vietnamDayOf(now.toISOString());
  const count = current?.count ?? 0;
  const minuteCount = current?.minute === minute ? current.minuteCount : 0;
  if (count >= limits.perDay) {
    // Until midnight in Vietnam (UTC+7), the next day's counter.
    const next = Date.parse(`${addDays(day, 1)}T00:00:00+07:00`);
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((next - now.getTime()) / 1000)),
      limit: 'day',
    };
  }
  if (minuteCount >= limits.perMinute) {
    return { allowed: false, retryAfterSeconds: 60 - now.getUTCSeconds(), limit: 'minute' };
  }
  return {
    allowed: true,
    counter: {
      id: counterId(key, now),
      count: count + 1,
      accepted: current?.accepted ?? 0,
      minute,
      minuteCount: minuteCount + 1,
      expiresAt: new Date(now.getTime() + 2 * 86_400_000).toISOString(),
    },
  };
}
