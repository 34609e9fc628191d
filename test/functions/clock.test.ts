/** Vietnam's calendar day, the one the daily job and default dates count in (UTC+7). */
import { fixedClock, today, vietnamDay } from '../../functions/src/lib/clock';

test('the day turns at 17:00 UTC', () => {
  expect(vietnamDay(new Date('2026-11-30T16:59:59Z'))).toBe('2026-11-30');
  expect(vietnamDay(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12-01');
  expect(today(fixedClock('2026-12-31T18:30:00Z'))).toBe('2027-01-01');
});
