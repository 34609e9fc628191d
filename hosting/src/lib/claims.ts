/**
 * The signed-in account's scope, read from its ID token's custom claims
 * (`{ role, province, communes?, cadreId? }`, packages/model/src/roles.ts).
 * Checked by hand rather than with the zod schema, which would add zod to
 * every page; claims of another shape mean "no scope", as in firestore.rules.
 */
import type { Claims, Role } from '@canbo/model';

export const ROLES: readonly Role[] = [
  'province_admin',
  'area_monitor',
  'commune_admin',
  'commune_viewer',
  'cadre',
  'auditor',
];
export const PROVINCE_ROLES: readonly Role[] = ['province_admin', 'auditor'];
export const COMMUNE_SCOPED_ROLES: readonly Role[] = ['area_monitor', 'commune_admin', 'commune_viewer'];

/** The claims when they have the shape the rules accept, else null. */
export function parseClaims(raw: Record<string, unknown>): Claims | null {
  const { role, province, communes, cadreId } = raw;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) return null;
  if (typeof province !== 'string' || !/^\d{2}$/.test(province)) return null;
  if (communes !== undefined && !(Array.isArray(communes) && communes.every((c) => typeof c === 'string')))
    return null;
  if (cadreId !== undefined && typeof cadreId !== 'string') return null;
  const claims: Claims = { role: role as Role, province };
  if (Array.isArray(communes)) claims.communes = communes as string[];
  if (typeof cadreId === 'string') claims.cadreId = cadreId;
  return claims;
}

/** Where an account lands after signing in: the page of its scope (null: no page, e.g. a system account). */
export function homePath(claims: Claims): string | null {
  switch (claims.role) {
    case 'province_admin':
    case 'auditor':
      return '/dashboard';
    case 'area_monitor':
      return '/monitor';
    case 'commune_admin':
    case 'commune_viewer':
      return claims.communes?.[0] ? `/communes/${claims.communes[0]}` : null;
    case 'cadre':
      return '/me';
    default:
      // `integration` (the one-stop centre's system, issue 11) reads nothing.
      return null;
  }
}

/** Whether a commune is in the account's scope (its whole province, or its list of communes). */
export function seesCommune(claims: Claims, communeCode: string, provinceOfCommune: string): boolean {
  if (provinceOfCommune !== claims.province) return false;
  if (PROVINCE_ROLES.includes(claims.role)) return true;
  if (COMMUNE_SCOPED_ROLES.includes(claims.role)) return (claims.communes ?? []).includes(communeCode);
  return false;
}
