/** proposeMovement({ type, cadreId, toUnitCode, toPositionId?, startDate, plannedEndDate?, decision?, reason }) */
import { ZProposeMovementInput } from '@canbo/model';
import { callable } from './handler';

export const proposeMovement = callable(ZProposeMovementInput, (actor, input, u) =>
  u.proposeMovement(actor, input),
);
