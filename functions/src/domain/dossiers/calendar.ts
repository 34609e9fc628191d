/**
 * Working days for the response time of a data subject's request (docs/legal-basis.md §16).
 * A working day is Monday to Friday; public holidays are not known to canbo
 * and count as working days, so a due date may fall earlier than the law's
 * (never later): the safe side for the person.
 */

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Whether `date` (YYYY-MM-DD) is Monday to Friday. */
export function isWorkingDay(date: string): boolean {
  const d = weekday(date);
  return d !== 0 && d !== 6;
}

/**
 * The last day of a period of `n` working days starting the day after
 * `from` (the day of the request does not count): a request of Friday with 2
 * working days is due on Tuesday.
 */
export function addWorkingDays(from: string, n: number): string {
  let day = from;
  let left = n;
  while (left > 0) {
    day = nextDay(day);
    if (isWorkingDay(day)) left--;
  }
  return day;
}
