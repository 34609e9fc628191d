/**
 * When a scheduled function is due, for `npm start`'s local scheduler.
 *
 * Parses the App Engine cron syntax that `onSchedule` schedules are written in
 * (Cloud Scheduler accepts it for Firebase functions) — the forms canbo uses:
 *
 *   every day 06:00                     daily at 06:00
 *   every monday,thursday 09:30         on those weekdays
 *   every 5 minutes | every 2 hours     at multiples of the interval from local midnight
 *   every 15 minutes from 08:00 to 17:00
 *   1 of jan,apr,jul,oct 02:00          on those days of those months (quarterly)
 *   1,15 of month 06:00                 on those days of every month
 *   2nd,4th monday of month 08:00       the 2nd and 4th Monday of every month
 *
 * and the unix-cron form Cloud Scheduler also takes (`0 6 * * *`, `0,30 8-17 * * 1-5`:
 * minute hour day-of-month month day-of-week, with lists, ranges and steps; when
 * both day fields are restricted, either matching is enough, as in cron).
 *
 * Times are local to the schedule's time zone. Only fixed-offset zones are
 * supported, which covers Vietnam (Asia/Ho_Chi_Minh is UTC+7 all year, no
 * daylight saving); an unknown zone is an error rather than a silent guess.
 * Pure: no clock, no I/O.
 */

/** Offsets from UTC in minutes of the zones that never change offset. */
const FIXED_OFFSETS: Readonly<Record<string, number>> = {
  'Asia/Ho_Chi_Minh': 7 * 60,
  'Asia/Saigon': 7 * 60,
  'Asia/Bangkok': 7 * 60,
  'Asia/Jakarta': 7 * 60,
  UTC: 0,
  'Etc/UTC': 0,
  GMT: 0,
  'Etc/GMT': 0,
};

export interface Schedule {
  spec: string;
  timeZone: string;
  /** Offset of the time zone from UTC, in minutes. */
  offsetMinutes: number;
  /** Minutes of the local day (0–1439) at which it fires on a matching day, ascending. */
  minutesOfDay: readonly number[];
  /** Local days of the month (1–31) it fires on; null: any. */
  daysOfMonth: ReadonlySet<number> | null;
  /** Local months (1–12) it fires in; null: any. */
  months: ReadonlySet<number> | null;
  /** Local weekdays (0 = Sunday … 6 = Saturday) it fires on; null: any. */
  weekdays: ReadonlySet<number> | null;
  /** unix-cron only: a day fires when its day of the month OR its weekday matches. */
  eitherDay?: boolean;
}

const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0,
  sun: 0,
  monday: 1,
  mon: 1,
  tuesday: 2,
  tue: 2,
  wednesday: 3,
  wed: 3,
  thursday: 4,
  thu: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6,
};

const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

const ORDINALS: Readonly<Record<string, number>> = {
  '1st': 1,
  first: 1,
  '2nd': 2,
  second: 2,
  '3rd': 3,
  third: 3,
  '4th': 4,
  fourth: 4,
  '5th': 5,
  fifth: 5,
};

function fail(spec: string, why: string): never {
  throw new Error(`schedule "${spec}": ${why}`);
}

/** "HH:MM" (24-hour) as minutes of the day. */
function timeOfDay(spec: string, text: string | undefined): number {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text ?? '');
  if (!m) fail(spec, `expected a time HH:MM, got "${text ?? ''}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function list<T>(spec: string, text: string, table: Readonly<Record<string, T>>, what: string): Set<T> {
  const out = new Set<T>();
  for (const word of text.split(',')) {
    const value = table[word];
    if (value === undefined) fail(spec, `unknown ${what} "${word}"`);
    out.add(value);
  }
  return out;
}

function monthsOf(spec: string, text: string): Set<number> | null {
  return text === 'month' ? null : list(spec, text, MONTHS, 'month');
}

export function parseSchedule(spec: string, timeZone: string | undefined): Schedule {
  if (!timeZone) fail(spec, 'no time zone (set timeZone on the function)');
  const offsetMinutes = FIXED_OFFSETS[timeZone];
  if (offsetMinutes === undefined)
    fail(
      spec,
      `time zone ${timeZone} is not supported locally (only ${Object.keys(FIXED_OFFSETS).join(', ')})`,
    );
  const words = spec.trim().toLowerCase().split(/\s+/);
  const base = { spec, timeZone, offsetMinutes, daysOfMonth: null, months: null, weekdays: null };
  // unix-cron: five fields, the minute made of digits, `*`, `,`, `-`, `/` only ("2nd,4th …" is not).
  if (words.length === 5 && /^[\d*,/-]+$/.test(words[0]!)) return parseCron(spec, words, base);

  if (words[0] === 'every' && /^\d+$/.test(words[1] ?? '')) {
    // every N minutes|hours [synchronized] [from HH:MM to HH:MM]
    const n = Number(words[1]);
    const unit = words[2] ?? '';
    const step = /^(minutes?|mins?)$/.test(unit)
      ? n
      : /^hours?$/.test(unit)
        ? n * 60
        : fail(spec, `unknown unit "${unit}"`);
    if (step < 1 || step > 24 * 60) fail(spec, 'the interval must be between 1 minute and 24 hours');
    let rest = words.slice(3);
    if (rest[0] === 'synchronized') rest = rest.slice(1);
    let from = 0;
    let to = 24 * 60 - 1;
    if (rest.length > 0) {
      if (rest.length !== 4 || rest[0] !== 'from' || rest[2] !== 'to')
        fail(spec, 'expected "from HH:MM to HH:MM"');
      from = timeOfDay(spec, rest[1]);
      to = timeOfDay(spec, rest[3]);
      if (to < from) fail(spec, 'a range across midnight is not supported');
    }
    const minutesOfDay: number[] = [];
    for (let m = from; m <= to; m += step) minutesOfDay.push(m);
    return { ...base, minutesOfDay };
  }

  const time = timeOfDay(spec, words[words.length - 1]);
  const head = words.slice(0, -1);
  if (head.length === 2 && head[0] === 'every') {
    // every day HH:MM | every monday,thursday HH:MM
    if (head[1] === 'day') return { ...base, minutesOfDay: [time] };
    return { ...base, minutesOfDay: [time], weekdays: list(spec, head[1]!, WEEKDAYS, 'weekday') };
  }
  if (head.length === 3 && head[1] === 'of') {
    // 1,15 of month HH:MM | 1 of jan,apr,jul,oct HH:MM
    const daysOfMonth = new Set<number>();
    for (const d of head[0]!.split(',')) {
      if (!/^\d+$/.test(d) || Number(d) < 1 || Number(d) > 31) fail(spec, `unknown day of the month "${d}"`);
      daysOfMonth.add(Number(d));
    }
    return { ...base, minutesOfDay: [time], daysOfMonth, months: monthsOf(spec, head[2]!) };
  }
  if (head.length === 4 && head[2] === 'of') {
    // 2nd,4th monday of month HH:MM: the n-th weekday falls on days 7(n-1)+1 … 7n.
    const daysOfMonth = new Set<number>();
    for (const n of list(spec, head[0]!, ORDINALS, 'ordinal'))
      for (let d = 7 * (n - 1) + 1; d <= Math.min(7 * n, 31); d++) daysOfMonth.add(d);
    return {
      ...base,
      minutesOfDay: [time],
      daysOfMonth,
      weekdays: list(spec, head[1]!, WEEKDAYS, 'weekday'),
      months: monthsOf(spec, head[3]!),
    };
  }
  return fail(spec, 'not a schedule this local scheduler understands');
}

/** One unix-cron field: `*`, `n`, `a-b`, with `/step`, comma-separated; null when it is `*` alone. */
function cronField(
  spec: string,
  text: string,
  min: number,
  max: number,
  names: Readonly<Record<string, number>> = {},
): Set<number> | null {
  if (text === '*') return null;
  const out = new Set<number>();
  const num = (t: string) => {
    const n = /^\d+$/.test(t) ? Number(t) : names[t];
    if (n === undefined || n < min || n > max) fail(spec, `"${t}" is out of range ${min}–${max}`);
    return n;
  };
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) fail(spec, `bad step "${stepText}"`);
    let [from, to] = [min, max];
    if (range !== '*') {
      const [a, b] = range!.split('-');
      from = num(a!);
      to = b === undefined ? (stepText === undefined ? from : max) : num(b);
    }
    if (to < from) fail(spec, `bad range "${range}"`);
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

function parseCron(
  spec: string,
  [minute, hour, dom, month, dow]: string[],
  base: Omit<Schedule, 'minutesOfDay'>,
): Schedule {
  const minutes = cronField(spec, minute!, 0, 59) ?? new Set(Array.from({ length: 60 }, (_, i) => i));
  const hours = cronField(spec, hour!, 0, 23) ?? new Set(Array.from({ length: 24 }, (_, i) => i));
  const minutesOfDay = [...hours].flatMap((h) => [...minutes].map((m) => h * 60 + m)).sort((a, b) => a - b);
  const weekdays = cronField(spec, dow!, 0, 7, WEEKDAYS);
  // 7 is Sunday too.
  if (weekdays?.delete(7)) weekdays.add(0);
  const daysOfMonth = cronField(spec, dom!, 1, 31);
  return {
    ...base,
    minutesOfDay,
    daysOfMonth,
    months: cronField(spec, month!, 1, 12, MONTHS),
    weekdays,
    eitherDay: daysOfMonth !== null && weekdays !== null,
  };
}

const DAY = 86_400_000;
const MINUTE = 60_000;

/** Whether the schedule fires on the local day that starts at `localMidnight` (ms, in local "UTC" terms). */
function firesOn(s: Schedule, localMidnight: number): boolean {
  const d = new Date(localMidnight);
  const dayOfMonth = s.daysOfMonth === null || s.daysOfMonth.has(d.getUTCDate());
  const weekday = s.weekdays === null || s.weekdays.has(d.getUTCDay());
  return (
    (s.months === null || s.months.has(d.getUTCMonth() + 1)) &&
    (s.eitherDay ? dayOfMonth || weekday : dayOfMonth && weekday)
  );
}

/** How far to look for a run: every form above fires at least once in five years. */
const HORIZON_DAYS = 5 * 366;

/** The first run strictly after `after`, or null if there is none within five years. */
export function nextRun(s: Schedule, after: Date): Date | null {
  const offset = s.offsetMinutes * MINUTE;
  const local = after.getTime() + offset;
  const firstMidnight = Math.floor(local / DAY) * DAY;
  for (let i = 0; i <= HORIZON_DAYS; i++) {
    const midnight = firstMidnight + i * DAY;
    if (!firesOn(s, midnight)) continue;
    for (const m of s.minutesOfDay) {
      const at = midnight + m * MINUTE - offset;
      if (at > after.getTime()) return new Date(at);
    }
  }
  return null;
}

/** The last run at or before `atOrBefore`, or null if there is none within five years. */
export function previousRun(s: Schedule, atOrBefore: Date): Date | null {
  const offset = s.offsetMinutes * MINUTE;
  const local = atOrBefore.getTime() + offset;
  const firstMidnight = Math.floor(local / DAY) * DAY;
  for (let i = 0; i <= HORIZON_DAYS; i++) {
    const midnight = firstMidnight - i * DAY;
    if (!firesOn(s, midnight)) continue;
    for (let k = s.minutesOfDay.length - 1; k >= 0; k--) {
      const at = midnight + s.minutesOfDay[k]! * MINUTE - offset;
      if (at <= atOrBefore.getTime()) return new Date(at);
    }
  }
  return null;
}

/** "2026-12-01 06:00" in the schedule's own time zone, for messages. */
export function localTime(s: Schedule, at: Date): string {
  return new Date(at.getTime() + s.offsetMinutes * MINUTE).toISOString().slice(0, 16).replace('T', ' ');
}
