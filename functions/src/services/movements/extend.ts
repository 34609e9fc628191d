/**
 * extendMovement: a later planned end for an approved or active movement; a
 * secondment stays within 3 years of its start unless a specialised law
 * allows more: that exception (its basis and a note) is recorded on the
 * movement at proposal or with an extension (docs/legal-basis.md §4).
 */
import { checkExtension } from '../../domain/movement-checks';
import { nextStatus } from '../../domain/movement-lifecycle';
import { requireRole, type Actor } from '../../lib/actor';
import { today } from '../../lib/clock';
import { RulesViolated, ValidationFailed } from '../../lib/errors';
import { log } from '../../log';
import type { UseCaseDeps } from '../deps';
import { movementFor } from './context';
import { message, oneLine, type Movement, type TExtendMovementInput } from '@canbo/model';

export async function extendMovement(
  deps: UseCaseDeps,
  actor: Actor,
  input: TExtendMovementInput,
): Promise<Movement> {
  const { db, repos } = deps;
  requireRole(actor, 'province_admin');
  const next = await db.runTransaction(async (tx) => {
    const m = await movementFor(tx, repos, actor, input.movementId);
    nextStatus(m.status, 'extend');
    if (!m.plannedEndDate || input.plannedEndDate <= m.plannedEndDate) {
      throw ValidationFailed.field('plannedEndDate', 'error.endMustBeLater');
    }
    // A specialised law's exception to the 3-year limit is a secondment's only
    // (docs/legal-basis.md §4); given here, it is recorded with the extension
    // (and audited with it, in the movement's before and after).
    if (input.durationException && m.type !== 'secondment') {
      throw ValidationFailed.field('durationException', 'error.durationExceptionSecondmentOnly');
    }
    const durationException = input.durationException ?? m.durationException ?? null;
    // A secondment stays within its legal maximum from its start, unless the
    // movement records (or this extension brings) the exception.
    const check = checkExtension({ ...m, durationException }, input.plannedEndDate);
    if (check?.outcome === 'fail') throw new RulesViolated([check]);
    const now = deps.clock.now().toISOString();
    const extended: Movement = {
      ...m,
      plannedEndDate: input.plannedEndDate,
      ...(input.durationException ? { durationException: input.durationException } : {}),
      decision: input.decisionNo ? { number: input.decisionNo, date: today(deps.clock) } : m.decision,
      history: [
        ...m.history,
        {
          status: m.status,
          at: now,
          by: actor.uid,
          note: oneLine(message('history.extended', { end: input.plannedEndDate, reason: input.reason })),
        },
      ],
      updatedAt: now,
    };
    repos.movements.save(tx, extended);
    repos.audit.append(tx, {
      actor,
      action: 'movement.extend',
      target: `movements/${m.id}`,
      before: m,
      after: extended,
      reason: input.reason,
    });
    return extended;
  });
  log.info('movement.extended', { movementId: next.id, plannedEndDate: next.plannedEndDate, by: actor.uid });
  return next;
}
