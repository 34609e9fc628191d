/**
 * proposeMovement: runs every check and records the proposal; a legal
 * prohibition (a failed check that is not overridable) refuses it outright
 * and nothing is stored (docs/api.md).
 */
import { runChecks } from '../../domain/movement-checks';
import { requireRole, requireScope, type Actor } from '../../lib/actor';
import { Forbidden, ValidationFailed } from '../../lib/errors';
import { log } from '../../log';
import type { UseCaseDeps } from '../deps';
import { loadAdvisory, loadCheckContext, refusal, withOpenMovements } from './context';
import { communeOf, type Movement, type PersonRequest, type TProposeMovementInput } from '@canbo/model';

/**
 * The person's own request as the movement records it: who recorded it and
 * when. The legacy `requestedByCadre: true` records one whose note is the
 * proposal's reason.
 */
function personRequestOf(input: TProposeMovementInput, actor: Actor, at: string): PersonRequest | null {
  if (input.personRequest) {
    const { note, date } = input.personRequest;
    return { recordedBy: actor.uid, at, note: date ? `${note} (${date})` : note };
  }
  return input.requestedByCadre ? { recordedBy: actor.uid, at, note: input.reason } : null;
}

export async function proposeMovement(
  deps: UseCaseDeps,
  actor: Actor,
  input: TProposeMovementInput,
): Promise<Movement> {
  const { db, repos } = deps;
  requireRole(actor, 'province_admin', 'commune_admin');
  const pre = await repos.cadres.get(input.cadreId);
  requireScope(actor, pre.provinceCode, communeOf(pre.homeUnitCode));
  const target = await repos.units.get(input.toUnitCode);
  if (target.provinceCode !== actor.province) throw new Forbidden('error.targetOutsideProvince');
  // The target is checked like the source, for every type: a commune office
  // places people (appointments and concurrent posts included) only in its
  // own communes; moves elsewhere are the province's (issue 9).
  requireScope(actor, target.provinceCode, communeOf(target.code));
  if (input.type === 'secondment' && !input.plannedEndDate) {
    throw ValidationFailed.field('plannedEndDate', 'error.secondmentNeedsEnd');
  }
  const advisory = await loadAdvisory(repos, input.cadreId, input.toUnitCode, input.toPositionId ?? null);
  const now = deps.clock.now().toISOString();
  const movement = await db.runTransaction(async (tx) => {
    const cadre = await repos.cadres.get(input.cadreId, tx);
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
    const { context, open } = await loadCheckContext(tx, repos, cadre, draft, advisory);
    // Includes open_movement: one move of a person at a time, read from the
    // person's document, which this transaction locks and rewrites, so two
    // concurrent proposals for one person cannot both pass (issue 9).
    const checks = runChecks(context);
    const prohibited = checks.filter((c) => c.outcome === 'fail' && !c.overridable);
    if (prohibited.length > 0) throw refusal(prohibited, context);
    const created: Movement = {
      ...draft,
      status: 'proposed',
      cadreId: cadre.id,
      cadreName: cadre.fullName,
      provinceCode: cadre.provinceCode,
      block: cadre.block,
      fromUnitCode: cadre.homeUnitCode,
      fromPositionId: cadre.posts.find((p) => !p.concurrent)?.positionId ?? null,
      communeCodes: [
        ...new Set(
          [communeOf(cadre.homeUnitCode), communeOf(input.toUnitCode)].filter((x): x is string => x !== null),
        ),
      ],
      actualEndDate: null,
      decision: input.decision ?? null,
      reason: input.reason,
      checks,
      overrides: [],
      history: [{ status: 'proposed', at: now, by: actor.uid, note: input.reason }],
      createdBy: actor.uid,
      createdAt: now,
      updatedAt: now,
    };
    repos.movements.create(tx, created);
    repos.cadres.save(tx, withOpenMovements(cadre, open, created, now));
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
