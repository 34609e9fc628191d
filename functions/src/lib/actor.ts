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
