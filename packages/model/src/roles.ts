/**
 * Roles and the custom claims that carry a user's scope: `{ role, province,
 * communes?, cadreId? }`, kept under Firebase's 1,000-byte limit for claims.
 * The security rules read the same claims (firestore.rules).
 */
import { z } from 'zod';
import { CommuneCode, DocId, ProvinceCode } from './common';
import { labelsOf } from './messages/ui';

export const Role = z.enum([
  'province_admin',
  'area_monitor',
  'commune_admin',
  'commune_viewer',
  'cadre',
  'auditor',
  // Issue 11: the one-stop centre's system of a province; calls registerReceipts, reads nothing.
  'integration',
]);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = labelsOf('role', Role.options);

/** Roles whose scope is a list of communes. */
export const COMMUNE_ROLES: readonly Role[] = ['area_monitor', 'commune_admin', 'commune_viewer'];
/** Roles that see their whole province. */
export const PROVINCE_WIDE_ROLES: readonly Role[] = ['province_admin', 'auditor'];

/** The custom claims of a scoped account. */
export const Claims = z.object({
  role: Role,
  province: ProvinceCode,
  communes: z.array(CommuneCode).optional(),
  cadreId: DocId.optional(),
});
export type Claims = z.infer<typeof Claims>;

/** Firebase refuses custom claims of 1,000 bytes or more. */
export const MAX_CLAIMS_BYTES = 1000;
