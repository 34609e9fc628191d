/**
 * addToPlanning and checkPlanningCandidate: the province plans a person for a
 * post of a unit and a term, within the rules of QĐ 377-QĐ/TW
 * (docs/legal-basis.md §15, docs/planning.md).
 *
 * Who: a province admin, for posts and people of their province. Planning is
 * approved by the Party committee that manages the post; after the 2025
 * reform the commune's key posts are managed by the province, so commune
 * admins read their communes' lists but do not write them (docs/planning.md).
 *
 * One transaction reads the person with their private profile (discipline),
 * the list, and the person's open appointments; checks every rule; and writes
 * the list, the person's `planning[]` entry and the audit entry together, so
 * the list and the person never disagree and the caps hold under concurrent
 * additions (both documents are read in the transaction).
 */
import {
  type Cadre,
  communeOf,
  message,
  type PlanningList,
  planningListId,
  type PlanningPerson,
  type PlanningRuleResult,
  type Position,
  type TAddToPlanningInput,
  type TCheckPlanningCandidateInput,
} from '@canbo/model';
import type { Transaction } from 'firebase-admin/firestore';
import { additionRules, failedRules, type PendingAppointment } from '../../domain/planning';
import { targetPostProblem } from '../../domain/positions';
import { requireRole, requireScope, type Actor } from '../../lib/actor';
import { today } from '../../lib/clock';
import type { PlanningDeps } from './deps';
import { PlanningRefused, planningField } from './errors';

type Target = Pick<TAddToPlanningInput, 'cadreId' | 'term' | 'unitCode' | 'positionId'>;

/** The planned post, refused when unknown, of another level than the unit, or not a leadership post. */
export function plannedPost(deps: PlanningDeps, unitCode: string, positionId: string): Position {
  const problem = targetPostProblem(positionId, unitCode);
  const position = deps.positions.get(positionId);
  if (problem === 'unknown' || !position)
    throw planningField('positionId', 'planning.unknownPosition', { positionId });
  if (problem === 'level') {
    const name = message(`planning.level.${position.level}`);
    const level = { levelVi: name.vi, level: name.en };
    throw planningField('positionId', 'planning.levelMismatch', { positionId, unitCode, ...level });
  }
  if (!position.leadership) throw planningField('positionId', 'planning.notLeadership', { positionId });
  return position;
}

/** The person's proposed or approved appointments, with their target (read in `tx`). */
async function pendingAppointments(
  deps: PlanningDeps,
  cadre: Cadre,
  tx: Transaction,
): Promise<PendingAppointment[]> {
  const open = cadre.openMovements
    ? await Promise.all(
        cadre.openMovements
          .filter((m) => m.type === 'appointment' && m.status !== 'active')
          .map((m) => deps.repos.movements.findById(m.id, tx)),
      )
    : await deps.repos.movements.openForCadre(cadre.id, tx);
  return open.flatMap((m) =>
    m && m.type === 'appointment'
      ? [{ id: m.id, status: m.status, toUnitCode: m.toUnitCode, toPositionId: m.toPositionId }]
      : [],
  );
}

interface Gathered {
  cadre: Cadre;
  list: PlanningList | undefined;
  position: Position;
  results: PlanningRuleResult[];
  on: string;
}

/** Reads what the rules need inside `tx` and runs them (scope checked on the post and the person). */
async function gather(deps: PlanningDeps, actor: Actor, input: Target, tx: Transaction): Promise<Gathered> {
  const position = plannedPost(deps, input.unitCode, input.positionId);
  const unit = await deps.repos.units.get(input.unitCode, tx);
  requireScope(actor, unit.provinceCode, communeOf(input.unitCode));
  const { cadre, profile } = await deps.repos.cadres.getWithProfile(input.cadreId, tx);
  requireScope(actor, cadre.provinceCode, cadre.homeCommuneCode);
  const list = await deps.planning.find(input.term, input.unitCode, input.positionId, tx);
  const on = today(deps.clock);
  const results = additionRules({
    cadre,
    discipline: profile.discipline,
    term: input.term,
    unitCode: input.unitCode,
    position,
    list,
    positions: deps.positions,
    pendingAppointments: await pendingAppointments(deps, cadre, tx),
    on,
    params: deps.params,
  });
  return { cadre, list, position, results, on };
}

export interface CheckPlanningCandidateResult {
  listId: string;
  /** Every rule with its outcome, in order. */
  rules: PlanningRuleResult[];
  allowed: boolean;
}

/** The rules an addition would meet, without adding (the form shows them before the decision). */
export async function checkPlanningCandidate(
  deps: PlanningDeps,
  actor: Actor,
  input: TCheckPlanningCandidateInput,
): Promise<CheckPlanningCandidateResult> {
  requireRole(actor, 'province_admin');
  const { results } = await deps.db.runTransaction((tx) => gather(deps, actor, input, tx), {
    readOnly: true,
  });
  return {
    listId: planningListId(input.term, input.unitCode, input.positionId),
    rules: results,
    allowed: failedRules(results).length === 0,
  };
}

export interface AddToPlanningResult {
  list: PlanningList;
  rules: PlanningRuleResult[];
}

export async function addToPlanning(
  deps: PlanningDeps,
  actor: Actor,
  input: TAddToPlanningInput,
): Promise<AddToPlanningResult> {
  requireRole(actor, 'province_admin');
  const result = await deps.db.runTransaction(async (tx) => {
    const { cadre, list, position, results, on } = await gather(deps, actor, input, tx);
    const failed = failedRules(results);
    if (failed.length > 0) throw new PlanningRefused(failed);
    const now = deps.clock.now().toISOString();
    const person: PlanningPerson = {
      cadreId: cadre.id,
      fullName: cadre.fullName,
      gender: cadre.gender,
      birthDate: cadre.birthDate,
      ethnicMinority: cadre.ethnicMinority,
      fromUnitCode: cadre.currentUnitCode,
      addedOn: on,
      addedBy: actor.uid,
      reason: input.reason,
      flags: [],
      reviewedOn: null,
    };
    const id = planningListId(input.term, input.unitCode, input.positionId);
    const before = list?.cadreIds ?? [];
    const next: PlanningList = {
      id,
      provinceCode: cadre.provinceCode,
      communeCode: communeOf(input.unitCode),
      term: input.term,
      unitCode: input.unitCode,
      positionId: position.id,
      level: position.level,
      rank: position.rank,
      entries: [...(list?.entries ?? []), person],
      cadreIds: [...before, cadre.id],
      updatedAt: now,
    };
    deps.planning.save(tx, next);
    deps.repos.cadres.save(tx, {
      ...cadre,
      planning: [
        ...cadre.planning,
        { positionId: position.id, unitCode: input.unitCode, term: input.term, addedOn: on },
      ],
      updatedAt: now,
    });
    deps.repos.audit.append(tx, {
      actor,
      action: 'planning.add',
      target: `planning/${id}`,
      before: { cadreIds: before },
      after: { cadreIds: next.cadreIds, added: cadre.id },
      reason: input.reason,
    });
    return { list: next, rules: results };
  });
  return result;
}
