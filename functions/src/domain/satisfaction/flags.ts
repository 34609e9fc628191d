/**
 * Signs of gaming, flagged for review rather than silently counted
 * (docs/satisfaction.md, "Gaming flags"):
 * - `burst`: at least `burstCount` ratings for one officer within
 *   `burstMinutes` (every rating of such a window is flagged);
 * - `many_from_client`: the `clientPerDay`-th or later rating accepted from
 *   one client address on one day (`clientSeq`, counted at submission; the
 *   address is never stored). A kiosk at the centre trips it too, which is
 *   why it is a flag for a reviewer and not a refusal;
 * - `before_return`: submitted before the day the result was returned (the
 *   receipt's return date was later corrected), or on a receipt whose return
 *   was withdrawn.
 * A flagged rating is held out of the scores until a reviewer settles it
 * (`review.decision`: `count` puts it back, `exclude` keeps it out). Pure.
 */
import type { GamingFlag, SatisfactionConfig } from '@canbo/model';
import { type ScoredRating, vietnamDayOf } from './summary';

export function gamingFlags(
  ratings: readonly ScoredRating[],
  config: Pick<SatisfactionConfig, 'flags'>,
): Map<string, GamingFlag[]> {
  const { burstCount, burstMinutes, clientPerDay } = config.flags;
  const flags = new Map<string, Set<GamingFlag>>();
  const add = (id: string, flag: GamingFlag) => flags.set(id, (flags.get(id) ?? new Set()).add(flag));

  for (const r of ratings) {
    if (r.clientSeq !== undefined && r.clientSeq >= clientPerDay) add(r.id, 'many_from_client');
    // undefined: a rating written before receipts carried a return date; nothing to compare.
    if (r.returnedOn === null || (r.returnedOn !== undefined && vietnamDayOf(r.submittedAt) < r.returnedOn))
      add(r.id, 'before_return');
  }

  const byOfficer = new Map<string, ScoredRating[]>();
  for (const r of ratings) if (r.cadreId) byOfficer.set(r.cadreId, [...(byOfficer.get(r.cadreId) ?? []), r]);
  const windowMs = burstMinutes * 60_000;
  for (const list of byOfficer.values()) {
    const sorted = [...list].sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt));
    let end = 0;
    for (let start = 0; start < sorted.length; start++) {
      const from = Date.parse(sorted[start]!.submittedAt);
      if (end < start) end = start;
      while (end + 1 < sorted.length && Date.parse(sorted[end + 1]!.submittedAt) - from <= windowMs) end++;
      if (end - start + 1 >= burstCount) for (let i = start; i <= end; i++) add(sorted[i]!.id, 'burst');
    }
  }
  return new Map([...flags].map(([id, set]) => [id, [...set].sort()]));
}

/** Whether a rating counts in the scores: unflagged, or flagged and put back by a reviewer; never when excluded. */
export function counts(r: Pick<ScoredRating, 'review'>, flags: readonly GamingFlag[] | undefined): boolean {
  if (r.review?.decision === 'exclude') return false;
  if (r.review?.decision === 'count') return true;
  return !flags || flags.length === 0;
}

/**
 * The evidence beside a `burst` flag: for each rating with an officer, how many
 * of that officer's ratings (itself included) were submitted within
 * `burstMinutes` before or after it. A reviewer reads 7 as "seven ratings for
 * this officer within half an hour of this one".
 */
export function officerNeighbours(
  ratings: readonly ScoredRating[],
  config: Pick<SatisfactionConfig, 'flags'>,
): Map<string, number> {
  const windowMs = config.flags.burstMinutes * 60_000;
  const byOfficer = new Map<string, number[]>();
  for (const r of ratings)
    if (r.cadreId) byOfficer.set(r.cadreId, [...(byOfficer.get(r.cadreId) ?? []), Date.parse(r.submittedAt)]);
  const out = new Map<string, number>();
  for (const r of ratings) {
    if (!r.cadreId) continue;
    const t = Date.parse(r.submittedAt);
    out.set(r.id, byOfficer.get(r.cadreId)!.filter((u) => Math.abs(u - t) <= windowMs).length);
  }
  return out;
}
