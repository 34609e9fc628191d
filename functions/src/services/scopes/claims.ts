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
 * claims were being set, this write may have overwritten the newer claims:
 * markApplied then marks the scope pending in the same transaction that
 * finds the newer version, and the newer version is set again, so the last
 * claims written follow the last committed scope or the scope stays pending.
 * A failure of Auth, or of Firestore while recording, answers false: the
 * scope document is committed and pending, and the reconciler applies it.
 */
export async function applyClaims(
  deps: Pick<ScopeDeps, 'auth' | 'repos'>,
  scope: UserScope,
): Promise<boolean> {
  let target = scope;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const seenApplied = target.claimsAppliedVersion;
    let now: UserScope | undefined;
    try {
      await deps.auth.setCustomUserClaims(target.uid, claimsOfScope(target));
      now = await deps.repos.userScopes.markApplied(target.uid, target.version, seenApplied);
    } catch (err) {
      log.warn('scope.claimsPending', {
        uid: target.uid,
        version: target.version,
        error: err instanceof Error ? err.message : String(err),
      });
      return false;
    }
    if (!now) return false;
    if (now.claimsAppliedVersion === now.version && !now.claimsPending) return true;
    target = now;
  }
  return false;
}
