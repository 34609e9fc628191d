/**
 * Setting an account's custom claims from its committed scope document, and
 * recording which version Auth now carries. Used by setUserScope right after
 * its transaction and by the reconciler for scopes whose claims lag behind.
 */
import { type Claims, claimsOfScope, type UserScope } from '@canbo/model';
import { log } from '../../log';
import type { ScopeDeps } from './set-user-scope';

/**
 * The custom claims Auth carries for a scope. An area monitor's carry no
 * communes (issue 13, docs/monitors.md): its communes are read from the scope
 * document itself by the rules and the callables, so they follow a
 * reassignment at once and a monitor of very many communes stays under the
 * 1,000-byte limit. Other roles carry their whole scope.
 */
export function claimsFor(scope: Pick<UserScope, 'role' | 'provinceCode' | 'communes' | 'cadreId'>): Claims {
  const claims = claimsOfScope(scope);
  if (scope.role === 'area_monitor') delete claims.communes;
  return claims;
}

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
      await deps.auth.setCustomUserClaims(target.uid, claimsFor(target));
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
