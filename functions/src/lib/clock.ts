/**
 * Time, injected: services take a Clock so tests fix "now", and Vietnam's
 * calendar day is computed in one place.
 */
import { TIME_ZONE } from '../config';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at `iso` (tests, the seed). */
export function fixedClock(iso: string): Clock {
  return { now: () => new Date(iso) };
}

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (YYYY-MM-DD) in Vietnam at `at`: what "within 60 days" is counted in. */
export function vietnamDay(at: Date): string {
  return dayFormat.format(at);
}

/** Today in Vietnam by `clock`. */
export function today(clock: Clock): string {
  return vietnamDay(clock.now());
}
