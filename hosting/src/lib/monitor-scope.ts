/**
 * An area monitor's current communes for the signed-in client (issue 13).
 * Kept apart from claims.ts, which unit tests import, because it loads the
 * Firestore reads (and so the browser-only Firebase setup) when it runs.
 */
import type { Claims } from '@canbo/model';
/**
 * The claims with an area monitor's current communes, read from its scope
 * document `userScopes/{uid}` (issue 13, docs/monitors.md): the token's
 * claims refresh only hourly, and a monitor scoped by setUserScope carries no
 * communes in them. The rules and the callables read the same document
 * (data/scope.ts `withScopeDocument` is the rule). Other roles: unchanged,
 * nothing read. The Firestore module is loaded only for monitors.
 */
export async function withMonitorScope(claims: Claims, uid: string): Promise<Claims> {
  if (claims.role !== 'area_monitor') return claims;
  const [{ readDoc }, { ownScopeDoc, withScopeDocument }] = await Promise.all([
    import('../data/reads'),
    import('../data/scope'),
  ]);
  const doc = await readDoc<{ role: string; provinceCode: string; communes: string[] }>(ownScopeDoc(uid));
  return withScopeDocument(claims, doc);
}
