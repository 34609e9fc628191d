/** allocateQuota({ unitCode, block, year, allocated, status, decision, reason, requestId? }) */
import { ZAllocateQuotaInput } from '@canbo/model';
import { callable } from './handler';

export const allocateQuota = callable(ZAllocateQuotaInput, (actor, input, u) =>
  u.allocateQuota(actor, input),
);
