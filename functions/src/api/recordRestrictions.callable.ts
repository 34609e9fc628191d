/** recordRestrictions({ cadreId, restrictions, reason, requestId? }) */
import { ZRecordRestrictionsInput } from '@canbo/model';
import { callable } from './handler';

export const recordRestrictions = callable(ZRecordRestrictionsInput, (actor, input, u) =>
  u.recordRestrictions(actor, input),
);
