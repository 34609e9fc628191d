/**
 * Dates and numbers as people in Vietnam write them: dd/mm/yyyy, and digit
 * groups with a dot (12.345) in Vietnamese, a comma in English. Pure: the
 * unit tests (test/unit/hosting/format.test.ts) call them without a browser.
 */
import type { Lang } from '@canbo/model/messages';

/** "2026-12-01" or "2026-12-01T08:30:00.000Z" → "01/12/2026" (the calendar date as written, no time zone shift). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** An instant in Vietnam time (UTC+7 all year): "01/12/2026 15:30". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const local = new Date(ms + 7 * 3_600_000).toISOString();
  return `${formatDate(local)} ${local.slice(11, 16)}`;
}

/** 12345 → "12.345" (vi) or "12,345" (en). */
export function formatNumber(n: number | null | undefined, lang: Lang): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  const sign = n < 0 ? '-' : '';
  const [int, frac] = Math.abs(n).toString().split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  return sign + grouped + (frac ? (lang === 'vi' ? ',' : '.') + frac : '');
}

/** A share as a percentage with one decimal: 0.1234 → "12,3%" (vi) or "12.3%" (en); no total → "—". */
export function formatPercent(part: number, total: number, lang: Lang): string {
  if (!total) return '—';
  const value = Math.round((part / total) * 1000) / 10;
  return `${formatNumber(value, lang)}%`;
}

/** Age in whole years on `today` (YYYY-MM-DD) of someone born on `birthDate`. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Today in Vietnam, YYYY-MM-DD (the calendar the server's rules use). */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
