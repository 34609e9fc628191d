/**
 * startMovement, completeMovement, cancelMovement: a status transition with
 * its quota effects and its effect on the person (docs/api.md, "Quotas").
 */
import { applyToCadre, nextStatus } from '../../domain/movement-lifecycle';
import { requireRole, type Actor } from '../../lib/actor';
import { log, type LogEvent } from '../../log';
import type { UseCaseDeps } from '../deps';
import { movementFor, quotaChanges } from './context';
import type {
  Movement,
  TCancelMovementInput,
  TCompleteMovementInput,
  TStartMovementInput,
} from '@canbo/model';

export type MovementTransition = 'start' | 'complete' | 'cancel';

const EVENT: Record<MovementTransition, LogEvent> = {
  start: 'movement.started',
  complete: 'movement.completed',
  cancel: 'movement.cancelled',
};

/** The note recorded when a start gives none. */
const DEFAULT_START_NOTE = 'Bắt đầu thực hiện';

export async function transitionMovement(
  deps: UseCaseDeps,
  actor: Actor,
  movementId: string,
  transition: MovementTransition,
  note: string,
  endDate?: string,
): Promise<Movement> {
  const { db, repos } = deps;
  requireRole(actor, 'province_admin');
  const next = await db.runTransaction(async (tx) => {
    const m = await movementFor(tx, repos, actor, movementId);
    const now = deps.clock.now().toISOString();
    const status = nextStatus(m.status, transition);
    const quotas = await quotaChanges(tx, repos, m, transition, now);
    const cadre = await repos.cadres.get(m.cadreId, tx);
    const updatedCadre = transition === 'cancel' ? cadre : applyToCadre(cadre, m, transition, now);
    const moved: Movement = {
      ...m,
      status,
      actualEndDate: transition === 'complete' ? (endDate ?? now.slice(0, 10)) : m.actualEndDate,
      history: [...m.history, { status, at: now, by: actor.uid, note }],
      updatedAt: now,
    };
    for (const q of quotas) repos.quotas.save(tx, q.after);
    if (updatedCadre !== cadre) repos.cadres.save(tx, updatedCadre);
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
  return transitionMovement(deps, actor, input.movementId, 'start', input.note ?? DEFAULT_START_NOTE);
}

export function completeMovement(
  deps: UseCaseDeps,
  actor: Actor,
  input: TCompleteMovementInput,
): Promise<Movement> {
  return transitionMovement(deps, actor, input.movementId, 'complete', input.note, input.endDate);
}

export function cancelMovement(
  deps: UseCaseDeps,
  actor: Actor,
  input: TCancelMovementInput,
): Promise<Movement> {
  return transitionMovement(deps, actor, input.movementId, 'cancel', input.reason);
}
