/** cancelMovement({ movementId, reason }) */
import { ZCancelMovementInput } from '../schemas/api';
import { callable } from './handler';

export const cancelMovement = callable(ZCancelMovementInput, (actor, input, s) =>
  s.movements.cancel(actor, input),
);
