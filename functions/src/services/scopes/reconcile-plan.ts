/**
 * The reconciler's plan, pure: which scope documents need their claims
 * applied (their claims lag behind: `claimsAppliedVersion !== version`), in
 * a stable order. No Firebase here, so the rule is tested without a server.
 */
import { claimsPending, type UserScope } from '@canbo/model';

export function planClaimRepairs(scopes: readonly UserScope[]): UserScope[] {
  return scopes.filter(claimsPending).sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
}
