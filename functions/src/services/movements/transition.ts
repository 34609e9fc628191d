/**
 * startMovement, completeMovement, cancelMovement: a status transition with
 * its date rules (docs/legal-basis.md §11), its quota effects and its effect
 * on the person (docs/api.md, "Quotas"). The day a start or an end takes
 * effect defaults to today in Vietnam.
 */
import {
  applyToCadre,
  transitionMovement as applyTransition,
  type Transition,
} from '../../domain/movement-lifecycle';
import { checkOpenMovement } from '../../domain/movement-checks';
import { statsDelta } from '../../domain/unit-stats';
import { requireRole, type Actor } from '../../lib/actor';
import { RulesViolated, ValidationFailed } from '../../lib/errors';
import { today } from '../../lib/clock';
import { log, type LogEvent } from '../../log';
import type { UseCaseDeps } from '../deps';
import { movementFor, openMovementsOf, quotaChanges, withOpenMovements } from './context';
import type {
  Movement,
  TCancelMovementInput,
  TCompleteMovementInput,
  TStartMovementInput,
} from '@canbo/model';
import { message, oneLine } from '@canbo/model';

export type MovementTransition = Extract<Transition, 'start' | 'complete' | 'cancel'>;

const EVENT: Record<MovementTransition, LogEvent> = {
  start: 'movement.started',
  complete: 'movement.completed',
  cancel: 'movement.cancelled',
};

/** The note recorded when a start gives none. */
const DEFAULT_START_NOTE = oneLine(message('history.started'));

export interface TransitionRequest {
  movementId: string;
  transition: MovementTransition;
  note: string;
  /** The day a start or an end takes effect (default: today in Vietnam). */
  on?: string;
  /** Why a start comes before the approved start date. */
  earlyStartReason?: string;
}

/** Runs one transition in a transaction: movement, quotas, person and audit entry together. */
export async function runTransition(
  deps: UseCaseDeps,
  actor: Actor,
  request: TransitionRequest,
): Promise<Movement> {
  const { db, repos } = deps;
  const { movementId, transition, note } = request;
  requireRole(actor, 'province_admin');
  // A start or an end records what happened: it cannot be dated after today
  // (docs/legal-basis.md §11); the quota effect lands today either way.
  const day = today(deps.clock);
  if (request.on && request.on > day) {
    throw ValidationFailed.field(transition === 'complete' ? 'endDate' : 'startDate', 'error.dateInFuture', {
      date: request.on,
      today: day,
    });
  }
  const next = await db.runTransaction(async (tx) => {
    const m = await movementFor(tx, repos, actor, movementId);
    const now = deps.clock.now().toISOString();
    const moved = applyTransition(m, transition, {
      at: now,
      by: actor.uid,
      note,
      on: request.on ?? day,
      earlyStartReason: request.earlyStartReason ?? null,
    });
    // The person and the quotas the transition moves, read together; the
    // person's open movements are checked before any quota error is reported.
    const [cadreRead, quotasRead] = await Promise.allSettled([
      repos.cadres.get(m.cadreId, tx),
      quotaChanges(tx, repos, m, transition, now),
    ]);
    if (cadreRead.status === 'rejected') throw cadreRead.reason;
    const cadre = cadreRead.value;
    const open = await openMovementsOf(tx, repos, cadre);
    if (transition === 'start') {
      // One move of a person at a time (issue 9): a start never moves a post
      // a pending move of the same person also moves (older data may hold two).
      const check = checkOpenMovement(
        m.type,
        open.filter((x) => x.id !== m.id),
      );
      if (check?.outcome === 'fail') throw new RulesViolated([check]);
    }
    if (quotasRead.status === 'rejected') throw quotasRead.reason;
    const quotas = quotasRead.value;
    const person = transition === 'cancel' ? cadre : applyToCadre(cadre, m, transition, now);
    const updatedCadre = withOpenMovements(person, open, moved, now);
    for (const q of quotas) repos.quotas.save(tx, q.after);
    repos.cadres.save(tx, updatedCadre);
    // The unit statistics follow the person and the quotas in the same
    // transaction (blind writes: the statistics are not read here).
    deps.stats.record(
      tx,
      { people: statsDelta(cadre, updatedCadre), quotas: quotas.map((q) => q.after) },
      now,
    );
    repos.movements.save(tx, moved);
    repos.audit.append(tx, {
      actor,
      action: `movement.${transition}`,
      target: `movements/${m.id}`,
      before: m,
      after: { ...moved, quotaChanges: quotas, cadre: updatedCadre },
      reason: note,
    });
    return moved;
  });
  log.info(EVENT[transition], { movementId: next.id, by: actor.uid });
  return next;
}

export function startMovement(
  deps: UseCaseDeps,
  actor: Actor,
  input: TStartMovementInput,
): Promise<Movement> {
  return runTransition(deps, actor, {
    movementId: input.movementId,
    transition: 'start',
    note: input.note ?? DEFAULT_START_NOTE,
    on: input.startDate,
    earlyStartReason: input.earlyStartReason,
  });
}

export function completeMovement(
  deps: UseCaseDeps,
  actor: Actor,
  input: TCompleteMovementInput,
): Promise<Movement> {
  return runTransition(deps, actor, {
    movementId: input.movementId,
    transition: 'complete',
    note: input.note,
    on: input.endDate,
  });
}

export function cancelMovement(
  deps: UseCaseDeps,
  actor: Actor,
  input: TCancelMovementInput,
): Promise<Movement> {
  return runTransition(deps, actor, {
    movementId: input.movementId,
    transition: 'cancel',
    note: input.reason,
  });
}
