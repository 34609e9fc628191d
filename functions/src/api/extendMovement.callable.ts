/** extendMovement({ movementId, plannedEndDate, decisionNo?, reason }) */
import { ZExtendMovementInput } from '@canbo/model';
import { callable } from './handler';

export const extendMovement = callable(ZExtendMovementInput, (actor, input, u) =>
  u.extendMovement(actor, input),
);
