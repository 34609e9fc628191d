/** startMovement({ movementId, note? }) */
import { ZStartMovementInput } from '../schemas/api';
import { callable } from './handler';

export const startMovement = callable(ZStartMovementInput, (actor, input, s) =>
  s.movements.transition(actor, input.movementId, 'start', input.note ?? 'Bắt đầu thực hiện'),
);
