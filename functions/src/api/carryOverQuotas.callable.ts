/** carryOverQuotas({ year, requestId? }): the yearly carry-over of the caller's province, on demand. */
import { ZCarryOverQuotasInput } from '@canbo/model';
import { callable } from './handler';

export const carryOverQuotas = callable(ZCarryOverQuotasInput, (actor, input, u) =>
  u.carryOverQuotas(actor, input),
);
