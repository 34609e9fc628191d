/** completeMovement({ movementId, endDate?, note }): the return, or the end. */
import { ZCompleteMovementInput } from '@canbo/model';
import { callable } from './handler';

export const completeMovement = callable(ZCompleteMovementInput, (actor, input, u) =>
  u.completeMovement(actor, input),
);
