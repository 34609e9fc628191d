/** decideMovement({ movementId, decision: 'approve' | 'reject', decisionNo?, decisionDate?, note, overrides? }) */
import { ZDecideMovementInput } from '@canbo/model';
import { callable } from './handler';

export const decideMovement = callable(ZDecideMovementInput, (actor, input, u) =>
  u.decideMovement(actor, input),
);
