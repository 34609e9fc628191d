/**
 * userScopes/{uid}: the scope of an account, the record the custom claims
 * follow. `setUserScope` writes it with its audit entry in one transaction
 * and only then sets the claims; `claimsAppliedVersion` says which version
 * Firebase Auth carries, so a failed claim update is visible and repaired by
 * the reconciler (`reconcileClaims`, docs/api.md).
 */
import { z } from 'zod';
import { CommuneCode, DocId, IsoDateTime, ProvinceCode } from './common';
import { type Claims, Role } from './roles';

export const UserScope = z.object({
  uid: z.string().min(1).max(128),
  role: Role,
  /** The province that granted the scope: only its admins may change it. */
  provinceCode: ProvinceCode,
  communes: z.array(CommuneCode),
  cadreId: DocId.nullable(),
  /** +1 on every change, starting at 1. */
  version: z.number().int().min(1),
  /** The version the account's custom claims carry (null: none applied yet). */
  claimsAppliedVersion: z.number().int().min(1).nullable(),
  /**
   * `claimsAppliedVersion !== version`, stored so the reconciler queries the
   * few pending scopes instead of reading every account every run.
   */
  claimsPending: z.boolean(),
  updatedAt: IsoDateTime,
  /** uid of the province admin who made the change. */
  updatedBy: z.string().min(1),
});
export type UserScope = z.infer<typeof UserScope>;

/** The custom claims a scope document stands for (empty lists and nulls are left out: claims stay small). */
export function claimsOfScope(
  scope: Pick<UserScope, 'role' | 'provinceCode' | 'communes' | 'cadreId'>,
): Claims {
  const claims: Claims = { role: scope.role, province: scope.provinceCode };
  if (scope.communes.length > 0) claims.communes = [...scope.communes];
  if (scope.cadreId !== null) claims.cadreId = scope.cadreId;
  return claims;
}

/** Whether the account's claims lag behind its scope document (the reconciler's work list). */
export function claimsPending(scope: Pick<UserScope, 'version' | 'claimsAppliedVersion'>): boolean {
  return scope.claimsAppliedVersion !== scope.version;
}
