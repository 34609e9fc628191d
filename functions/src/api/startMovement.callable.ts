/** startMovement({ movementId, note? }) */
import { ZStartMovementInput } from '@canbo/model';
import { callable } from './handler';

export const startMovement = callable(ZStartMovementInput, (actor, input, u) =>
  u.startMovement(actor, input),
);
