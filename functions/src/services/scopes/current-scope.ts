/**
 * The caller's scope as it stands now (issue 13, docs/monitors.md): an area
 * monitor's communes are read from its scope document `userScopes/{uid}`,
 * which every assignment rewrites in its transaction, instead of being taken
 * from the ID token (refreshed only hourly). firestore.rules' `myCommunes()`
 * reads the same document, so the rules and the callables agree the moment a
 * commune is reassigned. Other roles are returned as they are, without a read.
 */
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import type { UserScopeRepository } from '../../data/repositories';
import { repositories } from '../../data/repositories';
import { withScopeDocument, type Actor } from '../../lib/actor';

/** The actor with an area monitor's current communes (one document read for monitors only). */
export async function currentScope(
  userScopes: Pick<UserScopeRepository, 'find'>,
  actor: Actor,
): Promise<Actor> {
  if (actor.role !== 'area_monitor') return actor;
  return withScopeDocument(actor, await userScopes.find(actor.uid));
}

let defaultScopes: UserScopeRepository | undefined;

/** `currentScope` over the default app: what api/handler.ts applies to every caller. */
export function withCurrentScope(actor: Actor): Promise<Actor> {
  if (actor.role !== 'area_monitor') return Promise.resolve(actor);
  if (!defaultScopes) {
    if (getApps().length === 0) initializeApp();
    defaultScopes = repositories(getFirestore()).userScopes;
  }
  return currentScope(defaultScopes, actor);
}
