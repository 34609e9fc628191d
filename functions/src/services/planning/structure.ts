/**
 * getPlanningStructure: the structure of a term's planning against its
 * targets (docs/legal-basis.md §15), for the province and for each unit with
 * lists (a commune's own units are summed into the commune). Province-wide
 * roles see the province and every unit; commune roles and area monitors see
 * their communes only.
 */
import type { PlanningList, PlanningStructure, TGetPlanningStructureInput } from '@canbo/model';
import { planningStructure } from '../../domain/planning';
import { inScope, requireRole, type Actor } from '../../lib/actor';
import type { PlanningDeps } from './deps';

export interface PlanningStructureResult {
  /** The whole province (null for roles scoped to communes). */
  province: PlanningStructure | null;
  /** Each commune with lists (its code), and the province's own posts (the province's code). */
  units: PlanningStructure[];
}

export async function getPlanningStructure(
  deps: PlanningDeps,
  actor: Actor,
  input: TGetPlanningStructureInput,
): Promise<PlanningStructureResult> {
  requireRole(actor, 'province_admin', 'auditor', 'area_monitor', 'commune_admin', 'commune_viewer');
  const all = await deps.planning.ofTerm(actor.province, input.term);
  const visible = all.filter((l) => inScope(actor, l.provinceCode, l.communeCode));
  const byUnit = new Map<string, PlanningList[]>();
  for (const l of visible) {
    const key = l.communeCode ?? l.provinceCode;
    byUnit.set(key, [...(byUnit.get(key) ?? []), l]);
  }
  const provinceWide = actor.role === 'province_admin' || actor.role === 'auditor';
  return {
    province: provinceWide ? planningStructure(visible, deps.targets, input.term, actor.province) : null,
    units: [...byUnit.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, lists]) => planningStructure(lists, deps.targets, input.term, code)),
  };
}
