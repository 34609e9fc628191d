/**
 * proposeMovement: runs every check and records the proposal; a legal
 * prohibition (a failed check that is not overridable) refuses it outright
 * and nothing is stored (docs/api.md).
 */
import { runChecks } from '../../domain/movement-checks';
import { newMovement } from '../../domain/movement-lifecycle';
import { statsDelta } from '../../domain/unit-stats';
import { POSITION_BY_ID, targetPostProblem } from '../../domain/positions';
import { requireRole, requireScope, type Actor } from '../../lib/actor';
import { Forbidden, ValidationFailed } from '../../lib/errors';
import { log } from '../../log';
import type { UseCaseDeps } from '../deps';
import { loadAdvisory, loadCheckContext, refusal, withOpenMovements } from './context';
import {
  communeOf,
  message,
  type Movement,
  type PersonRequest,
  type TProposeMovementInput,
} from '@canbo/model';

/**
 * The person's own request as the movement records it: who recorded it and
 * when, its note and, as a field of its own, the date it bears.
 */
function personRequestOf(input: TProposeMovementInput, actor: Actor, at: string): PersonRequest | null {
  if (!input.personRequest) return null;
  const { note, date } = input.personRequest;
  return { recordedBy: actor.uid, at, note, ...(date ? { date } : {}) };
}

export async function proposeMovement(
  deps: UseCaseDeps,
  actor: Actor,
  input: TProposeMovementInput,
): Promise<Movement> {
  const { db, repos } = deps;
  requireRole(actor, 'province_admin', 'commune_admin');
  if (input.type === 'secondment' && !input.plannedEndDate) {
    throw ValidationFailed.field('plannedEndDate', 'error.secondmentNeedsEnd');
  }
  // Units are reference data no use case changes: read without a lock, while
  // the transaction reads the person.
  const targetUnit = repos.units.get(input.toUnitCode);
  const now = deps.clock.now().toISOString();
  const movement = await db.runTransaction(async (tx) => {
    // The person is locked: their open movements decide whether another move
    // may be proposed, and this transaction adds the proposal to them.
    const [person, target] = await Promise.all([repos.cadres.getWithProfile(input.cadreId, tx), targetUnit]);
    const { cadre } = person;
    requireScope(actor, cadre.provinceCode, communeOf(cadre.homeUnitCode));
    if (target.provinceCode !== actor.province) throw new Forbidden('error.targetOutsideProvince');
    // The target is checked like the source, for every type: a commune office
    // places people (appointments and concurrent posts included) only in its
    // own communes; moves elsewhere are the province's (issue 9).
    requireScope(actor, target.provinceCode, communeOf(target.code));
    if (input.toPositionId) refuseTargetPost(input.toPositionId, target.code);
    const advisory = await loadAdvisory(repos, person, input.toUnitCode, input.toPositionId ?? null);
    const draft = {
      id: deps.newId(`mv-${cadre.provinceCode}`),
      type: input.type,
      toUnitCode: input.toUnitCode,
      toPositionId: input.toPositionId ?? null,
      startDate: input.startDate,
      plannedEndDate: input.plannedEndDate ?? null,
      personRequest: personRequestOf(input, actor, now),
      durationException: input.durationException ?? null,
    };
    // The target quota is read without a lock: a proposal changes no count,
    // and its approval re-checks the quota in the transaction that reserves it.
    const { context, open } = await loadCheckContext(tx, repos, person, draft, advisory, target, {
      lockTargetQuota: false,
      at: now,
    });
    // Includes open_movement: one move of a person at a time, read from the
    // person's document, which this transaction locks and rewrites, so two
    // concurrent proposals for one person cannot both pass (issue 9).
    const checks = runChecks(context);
    const prohibited = checks.filter((c) => c.outcome === 'fail' && !c.overridable);
    if (prohibited.length > 0) throw refusal(prohibited, context);
    const created = newMovement(cadre, draft, {
      status: 'proposed',
      at: now,
      by: actor.uid,
      reason: input.reason,
      note: input.reason,
      decision: input.decision ?? null,
      checks,
    });
    repos.movements.create(tx, created);
    const updatedCadre = withOpenMovements(cadre, open, created, now);
    repos.cadres.save(tx, updatedCadre);
    // A proposal moves no figure today (statsDelta is empty); kept so that
    // every write of a person goes with its statistics.
    deps.stats.record(tx, { people: statsDelta(cadre, updatedCadre) }, now);
    repos.audit.append(tx, {
      actor,
      action: 'movement.propose',
      target: `movements/${created.id}`,
      before: null,
      after: created,
      reason: input.reason,
    });
    return created;
  });
  log.info('movement.proposed', { movementId: movement.id, type: movement.type, by: actor.uid });
  return movement;
}

/** A target post outside the catalogue, or of another level than the unit, is refused before any check. */
function refuseTargetPost(positionId: string, unitCode: string): void {
  const problem = targetPostProblem(positionId, unitCode);
  if (problem === 'unknown')
    throw ValidationFailed.field('toPositionId', 'error.unknownPosition', { positionId });
  if (problem === 'level') {
    const level = POSITION_BY_ID.get(positionId)!.level;
    throw ValidationFailed.field('toPositionId', 'error.positionLevel', {
      positionId,
      unitCode,
      level: message(`level.${level}`).vi,
      levelEn: message(`level.${level}`).en,
    });
  }
}
