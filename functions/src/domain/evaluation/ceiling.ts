/**
 * The HTXS ceiling (Decree 335 Art. 20; docs/legal-basis.md §13.5): within one
 * unit and one group of similar tasks, those rated HTXS may be at most a share
 * (20 %) of those rated HTT. canbo does not lower anybody's level by itself:
 * it reports, per group, who is within the ceiling and who exceeds it (the
 * moderation list), highest totals first, for the reviewers to decide.
 */
import type { Level } from '@canbo/model';
import type { EvaluationRules } from './rules';

export interface CeilingEntry {
  cadreId: string;
  /** The unit and the group of similar tasks, e.g. "18070/chuyen-mon". */
  group: string;
  total: number;
  level: Level;
}

export interface CeilingGroup {
  group: string;
  /** Those the share applies to: HTT, or HTT and HTXS (configuration). */
  base: number;
  /** How many may be HTXS. */
  allowed: number;
  /** Those rated HTXS, highest total first (ties by id), each within the ceiling or not. */
  candidates: { cadreId: string; total: number; withinCeiling: boolean }[];
  /** How many HTXS are over the ceiling. */
  exceeding: number;
}

/** How many of `base` may be rated HTXS at `share`, rounded down. */
export function htxsAllowed(base: number, share: number): number {
  return Math.floor(base * share + 1e-9);
}

/** The moderation list: every group with someone rated HTXS, with its ceiling. */
export function htxsModeration(
  entries: readonly CeilingEntry[],
  ceiling: EvaluationRules['htxsCeiling'],
  exceptional = false,
): CeilingGroup[] {
  const groups = new Map<string, CeilingEntry[]>();
  for (const e of entries) groups.set(e.group, [...(groups.get(e.group) ?? []), e]);
  const share = exceptional ? ceiling.exceptionalShare : ceiling.share;
  const out: CeilingGroup[] = [];
  for (const [group, members] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const htxs = members
      .filter((m) => m.level === 'HTXS')
      .sort((x, y) => y.total - x.total || (x.cadreId < y.cadreId ? -1 : x.cadreId > y.cadreId ? 1 : 0));
    if (htxs.length === 0) continue;
    const htt = members.filter((m) => m.level === 'HTT').length;
    const base = ceiling.base === 'htt_only' ? htt : htt + htxs.length;
    const allowed = htxsAllowed(base, share);
    out.push({
      group,
      base,
      allowed,
      candidates: htxs.map((m, i) => ({ cadreId: m.cadreId, total: m.total, withinCeiling: i < allowed })),
      exceeding: Math.max(0, htxs.length - allowed),
    });
  }
  return out;
}
