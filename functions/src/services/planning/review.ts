/**
 * reviewPlanning: the annual review of a term's lists in the province
 * (QĐ 377: planning is reviewed every year; docs/legal-basis.md §15). For
 * every person on every list it computes the flags (KHT, discipline in its
 * waiting period, retirement before the term's end, standards, no longer in
 * service) and stores them on the list with the review's date; a list whose
 * flags changed is written in a transaction of its own with an audit entry.
 * Nobody is removed: removal is the province's decision (removeFromPlanning).
 */
import {
  message,
  oneLine,
  type PlanningFlag,
  type PlanningList,
  type TReviewPlanningInput,
} from '@canbo/model';
import { reviewFlags } from '../../domain/planning';
import { requireRole, type Actor } from '../../lib/actor';
import { today } from '../../lib/clock';
import type { PlanningDeps } from './deps';

export interface ReviewPlanningResult {
  term: string;
  year: number;
  lists: number;
  /** Lists whose flags changed (written). */
  changed: number;
  /** People flagged on at least one list. */
  flagged: number;
}

const sameFlags = (a: readonly PlanningFlag[], b: readonly PlanningFlag[]) =>
  JSON.stringify(a) === JSON.stringify(b);

export async function reviewPlanning(
  deps: PlanningDeps,
  actor: Actor,
  input: TReviewPlanningInput,
): Promise<ReviewPlanningResult> {
  requireRole(actor, 'province_admin');
  return reviewProvince(deps, actor, actor.province, input);
}

/** The review of one province (the callable's, and a scheduled run's with a system actor). */
export async function reviewProvince(
  deps: PlanningDeps,
  actor: Pick<Actor, 'uid' | 'role' | 'province'>,
  provinceCode: string,
  input: TReviewPlanningInput,
): Promise<ReviewPlanningResult> {
  const on = today(deps.clock);
  const year = input.year ?? Number(on.slice(0, 4));
  const lists = await deps.planning.ofTerm(provinceCode, input.term);
  const ids = [...new Set(lists.flatMap((l) => l.cadreIds))];
  const people = new Map((await deps.repos.cadres.findMany(ids)).map((c) => [c.id, c]));
  const facts = new Map(
    await Promise.all(
      ids.map(
        async (id) =>
          [
            id,
            {
              discipline: (await deps.repos.cadres.findPrivateProfile(id))?.discipline ?? [],
              results: await deps.planning.resultsOf(id, year),
            },
          ] as const,
      ),
    ),
  );
  const flaggedPeople = new Set<string>();
  let changed = 0;
  for (const list of lists) {
    const position = deps.positions.get(list.positionId);
    if (!position) continue;
    const flagsOf = new Map<string, PlanningFlag[]>();
    for (const e of list.entries) {
      const cadre = people.get(e.cadreId);
      const f = facts.get(e.cadreId);
      const flags = cadre
        ? reviewFlags({
            cadre,
            discipline: f?.discipline ?? [],
            evaluations: f?.results ?? [],
            year,
            term: list.term,
            position,
            on,
            params: deps.params,
          })
        : [];
      flagsOf.set(e.cadreId, flags);
      if (flags.length > 0) flaggedPeople.add(e.cadreId);
    }
    const differs = list.entries.some(
      (e) => !sameFlags(e.flags, flagsOf.get(e.cadreId) ?? []) || e.reviewedOn !== on,
    );
    if (!differs) continue;
    changed += 1;
    await deps.db.runTransaction(async (tx) => {
      // Re-read: an addition or removal since the first read keeps its entry; only flags are set.
      const current = await deps.planning.find(list.term, list.unitCode, list.positionId, tx);
      if (!current) return;
      const next: PlanningList = {
        ...current,
        entries: current.entries.map((e) =>
          flagsOf.has(e.cadreId) ? { ...e, flags: flagsOf.get(e.cadreId)!, reviewedOn: on } : e,
        ),
        updatedAt: deps.clock.now().toISOString(),
      };
      deps.planning.save(tx, next);
      deps.repos.audit.append(tx, {
        actor,
        action: 'planning.review',
        target: `planning/${current.id}`,
        before: {
          flags: Object.fromEntries(current.entries.map((e) => [e.cadreId, e.flags.map((f) => f.code)])),
        },
        after: {
          flags: Object.fromEntries(next.entries.map((e) => [e.cadreId, e.flags.map((f) => f.code)])),
        },
        reason: oneLine(message('planning.review.reason', { year })),
      });
    });
  }
  const result = { term: input.term, year, lists: lists.length, changed, flagged: flaggedPeople.size };
  return result;
}
