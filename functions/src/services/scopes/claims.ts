/**
 * Setting an account's custom claims from its committed scope document, and
 * recording which version Auth now carries. Used by setUserScope right after
 * its transaction and by the reconciler for scopes whose claims lag behind.
 */
import { claimsOfScope, type UserScope } from '@canbo/model';
import { log } from '../../log';
import type { ScopeDeps } from './set-user-scope';

/** At most this many newer versions are chased when the scope changes while its claims are set. */
const MAX_ROUNDS = 3;

/**
 * Sets the claims of `scope` and records them as applied; true once Auth
 * carries the latest committed version. If the scope changed while its
 * claims were being set, this write may have overwritten the newer claims,
 * so the newer version is set again: the last claims written follow the last
 * committed scope. A failure of Auth leaves the scope pending (false) for the
 * reconciler.
 */
export async function applyClaims(
  deps: Pick<ScopeDeps, 'auth' | 'repos'>,
  scope: UserScope,
): Promise<boolean> {
  let target = scope;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    try {
      await deps.auth.setCustomUserClaims(target.uid, claimsOfScope(target));
    } catch (err) {
      log.warn('scope.claimsPending', {
        uid: target.uid,
        version: target.version,
        error: err instanceof Error ? err.message : String(err),
      });
      return false;
    }
    const now = await deps.repos.userScopes.markApplied(target.uid, target.version);
    if (!now || now.version === target.version) return now !== undefined;
    target = now;
  }
  return false;
}
