/** reconcileClaims({ requestId? }): a province admin applies the pending claims of their province's accounts. */
import { ZReconcileClaimsInput } from '@canbo/model';
import { callable } from './handler';

export const reconcileClaims = callable(ZReconcileClaimsInput, (actor, input, u) =>
  u.reconcileClaims(actor, input),
);
