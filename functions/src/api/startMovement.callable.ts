/** startMovement({ movementId, note? }) */
import { ZStartMovementInput } from '@canbo/model';
import { callable } from './handler';

export const startMovement = callable(ZStartMovementInput, (actor, input, s) =>
  s.movements.transition(actor, input.movementId, 'start', input.note ?? 'Bắt đầu thực hiện'),
);
