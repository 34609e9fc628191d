/**
 * The caller, from Firebase Auth custom claims `{ role, province, communes?,
 * cadreId? }` (docs/api.md, "Roles and scope"), and what their scope lets them touch.
 */
import { Claims, type Role } from '@canbo/model';
import { Forbidden, NotAuthenticated } from './errors';

export interface Actor {
  uid: string;
  role: Role;
  province: string;
  communes: string[];
  cadreId: string | null;
}

/** The actor of a request; unauthenticated or unscoped callers are refused. */
export function actorFrom(auth: { uid: string; token: Record<string, unknown> } | undefined): Actor {
  if (!auth) throw new NotAuthenticated();
  const claims = Claims.safeParse(auth.token);
  if (!claims.success) throw new Forbidden('error.noScope');
  return {
    uid: auth.uid,
    role: claims.data.role,
    province: claims.data.province,
    communes: claims.data.communes ?? [],
    cadreId: claims.data.cadreId ?? null,
  };
}

/**
 * An area monitor's communes as they stand now (issue 13, docs/monitors.md):
 * those of its scope document `userScopes/{uid}`, which every assignment
 * rewrites in its transaction, rather than the token's claims (refreshed only
 * hourly). The same rule as firestore.rules' `myCommunes()`: a scope document
 * that is not an area monitor's of the token's province gives no commune; an
 * account with no scope document at all keeps its claims. Every other role is
 * returned as it is.
 */
export function withScopeDocument(
  actor: Actor,
  scope: { role: Role; provinceCode: string; communes: readonly string[] } | undefined,
): Actor {
  if (actor.role !== 'area_monitor' || scope === undefined) return actor;
  const current = scope.role === 'area_monitor' && scope.provinceCode === actor.province;
  return { ...actor, communes: current ? [...scope.communes] : [] };
}

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) {
    throw new Forbidden('error.roleNotAllowed', { role: actor.role });
  }
}

/** Whether a unit (province, commune or agency code) is inside the actor's scope. */
export function inScope(actor: Actor, provinceCode: string, communeCode: string | null): boolean {
  if (provinceCode !== actor.province) return false;
  if (actor.role === 'province_admin' || actor.role === 'auditor') return true;
  return communeCode !== null && actor.communes.includes(communeCode);
}

export function requireScope(actor: Actor, provinceCode: string, communeCode: string | null): void {
  if (!inScope(actor, provinceCode, communeCode)) {
    throw new Forbidden('error.outsideScope');
  }
}
