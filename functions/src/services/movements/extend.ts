/**
 * extendMovement: a later planned end for an approved or active movement; a
 * secondment stays within 3 years of its start (docs/legal-basis.md).
 */
import { DEFAULT_CHECK_PARAMS, secondmentExtensionLimit } from '../../domain/movement-checks';
import { nextStatus } from '../../domain/movement-lifecycle';
import { requireRole, type Actor } from '../../lib/actor';
import { RulesViolated, ValidationFailed } from '../../lib/errors';
import { log } from '../../log';
import type { UseCaseDeps } from '../deps';
import { movementFor } from './context';
import { checkRule, message, type Movement, type TExtendMovementInput } from '@canbo/model';

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
    if (m.type === 'secondment' && input.plannedEndDate > secondmentExtensionLimit(m.startDate)) {
      const limit = secondmentExtensionLimit(m.startDate);
      const text = message('check.secondment_duration.extension_too_long', {
        months: DEFAULT_CHECK_PARAMS.secondmentMonths,
        start: m.startDate,
        limit,
      });
      const rule = checkRule('secondment_duration');
      throw new RulesViolated([
        {
          code: rule.code,
          outcome: 'fail',
          overridable: rule.overridable,
          basis: rule.basis.vi,
          basisEn: rule.basis.en,
          message: text.vi,
          messageEn: text.en,
        },
      ]);
    }
    const now = deps.clock.now().toISOString();
    const extended: Movement = {
      ...m,
      plannedEndDate: input.plannedEndDate,
      decision: input.decisionNo ? { number: input.decisionNo, date: now.slice(0, 10) } : m.decision,
      history: [
        ...m.history,
        {
          status: m.status,
          at: now,
          by: actor.uid,
          note: `Gia hạn đến ${input.plannedEndDate}: ${input.reason}`,
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
