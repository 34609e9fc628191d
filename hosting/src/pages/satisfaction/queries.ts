/**
 * The satisfaction pages' pure parts, without Firebase (unit-tested in
 * test/unit/satisfaction/pages.test.ts; the comment query is run against the
 * rules in test/rules/ratings.rules.test.ts): quarter arithmetic, the scoped
 * query of an officer's comments, and how shares are written.
 */
import type { Claims, OfficerSatisfaction, SatisfactionReport } from '@canbo/model';
import type { QuerySpec } from '../../data/scope';

/** The quarter (`2026-Q4`) of a day `YYYY-MM-DD`. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The quarter before `period`. */
export function previousQuarter(period: string): string {
  const year = Number(period.slice(0, 4));
  const q = Number(period.slice(6));
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** `n` quarters ending with `last`, oldest first. */
export function quartersEndingWith(last: string, n: number): string[] {
  const out = [last];
  while (out.length < n) out.unshift(previousQuarter(out[0]!));
  return out;
}

/** `2026-Q4` → { q: 4, year: 2026 }, the parameters of `sat.quarter`. */
export const quarterParams = (period: string) => ({ q: Number(period.slice(6)), year: period.slice(0, 4) });

/** Whether an account may read citizens' comments (firestore.rules, ratingComments). */
export function readsComments(claims: Claims): boolean {
  return claims.role === 'province_admin' || claims.role === 'auditor' || claims.role === 'commune_viewer';
}

/**
 * The query of an officer's comments, newest first: the province, and for a
 * commune viewer their communes (the rules refuse anything wider). Null when
 * the account may not read comments.
 */
export function commentsOfOfficer(claims: Claims, cadreId: string, max = 50): QuerySpec | null {
  if (!readsComments(claims)) return null;
  const filters: QuerySpec['filters'] = [{ field: 'provinceCode', op: '==', value: claims.province }];
  if (claims.role === 'commune_viewer') {
    const communes = (claims.communes ?? []).slice(0, 30);
    if (communes.length === 0) return null;
    filters.push(
      communes.length === 1
        ? { field: 'communeCode', op: '==', value: communes[0]! }
        : { field: 'communeCode', op: 'in', value: communes },
    );
  }
  filters.push({ field: 'cadreId', op: '==', value: cadreId });
  return {
    collection: 'ratingComments',
    filters,
    orderBy: [{ field: 'submittedAt', direction: 'desc' }],
    limit: max,
  };
}

/** A share as a percent with one decimal (`80,5 %` / `80.5%`), or a dash. */
export function percent(share: number | null | undefined, lang: 'vi' | 'en'): string {
  if (share === null || share === undefined) return '—';
  const v = (share * 100).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return lang === 'vi' ? `${v} %` : `${v}%`;
}

/** An interval as `71,2–89,0 %`, or a dash. */
export function intervalText(i: { low: number; high: number } | null | undefined, lang: 'vi' | 'en'): string {
  if (!i) return '—';
  return `${percent(i.low, lang).replace(/\s?%$/, '')}–${percent(i.high, lang)}`;
}

/** The officer's row of a report: the unit where they had the most ratings. */
export function mainRow(report: SatisfactionReport, cadreId: string): OfficerSatisfaction | null {
  return report.officers.filter((o) => o.cadreId === cadreId).sort((a, b) => b.count - a.count)[0] ?? null;
}
