/**
 * The planning use cases' refusals, in the shape every callable error has
 * (lib/errors.ts): a code, the message in both languages, and details the
 * web client shows (`checks` with their basis, `fields`).
 */
import { message, type MessageParams, oneLine, type PlanningRuleResult } from '@canbo/model';
import { AppError } from '../../lib/errors';

/** failed-precondition: the QĐ 377 rules an addition breaks, each with its basis (docs/legal-basis.md §15). */
export class PlanningRefused extends AppError {
  constructor(readonly rules: PlanningRuleResult[]) {
    super(
      'failed-precondition',
      'planning.refused',
      { list: rules.map((r) => r.message).join(' '), listEn: rules.map((r) => r.messageEn).join(' ') },
      { checks: rules },
    );
  }
}

type FieldKey = 'planning.unknownPosition' | 'planning.levelMismatch' | 'planning.notLeadership';

/** invalid-argument on one field of the input, its message from the planning catalogue. */
export function planningField(path: string, key: FieldKey, params: MessageParams): AppError {
  return new AppError('invalid-argument', key, params, {
    fields: [{ path, message: oneLine(message(key, params)) }],
  });
}

/** not-found: the person is not on the list named. */
export function notOnList(cadreId: string, listId: string): AppError {
  return new AppError('not-found', 'planning.notOnList', { cadreId, listId });
}
