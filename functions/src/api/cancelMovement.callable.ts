/** cancelMovement({ movementId, reason }) */
import { ZCancelMovementInput } from '@canbo/model';
import { callable } from './handler';

export const cancelMovement = callable(ZCancelMovementInput, (actor, input, u) =>
  u.cancelMovement(actor, input),
);
