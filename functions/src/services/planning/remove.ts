/**
 * removeFromPlanning: the province takes a person off a planning list, with
 * its reason (the annual review's flags, a decision): the list, the person's
 * `planning[]` and the audit entry change in one transaction
 * (docs/legal-basis.md §15).
 */
import { type PlanningList, planningListId, type TRemoveFromPlanningInput } from '@canbo/model';
import { requireRole, requireScope, type Actor } from '../../lib/actor';
import type { PlanningDeps } from './deps';
import { notOnList } from './errors';

export async function removeFromPlanning(
  deps: PlanningDeps,
  actor: Actor,
  input: TRemoveFromPlanningInput,
): Promise<{ list: PlanningList }> {
  requireRole(actor, 'province_admin');
  const id = planningListId(input.term, input.unitCode, input.positionId);
  const list = await deps.db.runTransaction(async (tx) => {
    const current = await deps.planning.find(input.term, input.unitCode, input.positionId, tx);
    if (current) requireScope(actor, current.provinceCode, current.communeCode);
    const removed = current?.entries.find((e) => e.cadreId === input.cadreId);
    if (!current || !removed) throw notOnList(input.cadreId, id);
    // The person may have left the system's records; the list is corrected all the same.
    const cadre = await deps.repos.cadres.findById(input.cadreId, tx);
    const now = deps.clock.now().toISOString();
    const next: PlanningList = {
      ...current,
      entries: current.entries.filter((e) => e.cadreId !== input.cadreId),
      cadreIds: current.cadreIds.filter((c) => c !== input.cadreId),
      updatedAt: now,
    };
    deps.planning.save(tx, next);
    if (cadre)
      deps.repos.cadres.save(tx, {
        ...cadre,
        planning: cadre.planning.filter(
          (e) =>
            !(e.term === input.term && e.unitCode === input.unitCode && e.positionId === input.positionId),
        ),
        updatedAt: now,
      });
    deps.repos.audit.append(tx, {
      actor,
      action: 'planning.remove',
      target: `planning/${id}`,
      before: { cadreIds: current.cadreIds, removed: { cadreId: removed.cadreId, flags: removed.flags } },
      after: { cadreIds: next.cadreIds },
      reason: input.reason,
    });
    return next;
  });
  return { list };
}
