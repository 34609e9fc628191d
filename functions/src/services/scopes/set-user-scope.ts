/**
 * setUserScope: a province admin gives an account its role and scope, as
 * custom claims `{ role, province, communes?, cadreId? }` under 1,000 bytes
 * (docs/api.md), and the change is recorded in the audit log.
 */
import type { Auth, UserRecord } from 'firebase-admin/auth';
import { requireRole, type Actor } from '../../lib/actor';
import { Forbidden, Internal, NotFound, ValidationFailed } from '../../lib/errors';
import { log } from '../../log';
import type { UseCaseDeps } from '../deps';
import type { TSetUserScopeInput } from '@canbo/model';

export interface ScopeDeps extends UseCaseDeps {
  /** Only what the use case calls of Firebase Auth (tests pass a fake). */
  auth: Pick<Auth, 'getUser' | 'setCustomUserClaims'>;
}

export interface SetUserScopeResult {
  uid: string;
  claims: Record<string, unknown>;
}

/** Firebase Auth's own code for an unknown account; every other failure is ours (internal). */
const USER_NOT_FOUND = 'auth/user-not-found';

function isUserNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === USER_NOT_FOUND;
}

export async function setUserScope(
  deps: ScopeDeps,
  actor: Actor,
  input: TSetUserScopeInput,
): Promise<SetUserScopeResult> {
  requireRole(actor, 'province_admin');
  if (input.province !== actor.province) throw new Forbidden('error.ownProvinceOnly');
  const claims: Record<string, unknown> = { role: input.role, province: input.province };
  if (input.communes) claims.communes = input.communes;
  if (input.cadreId) claims.cadreId = input.cadreId;
  if (Buffer.byteLength(JSON.stringify(claims)) >= 1000) {
    throw ValidationFailed.field('communes', 'error.tooManyCommunes');
  }
  const before: UserRecord = await deps.auth.getUser(input.uid).catch((err: unknown) => {
    throw isUserNotFound(err) ? new NotFound('error.unknownUser', { uid: input.uid }) : new Internal(err);
  });
  await deps.auth.setCustomUserClaims(input.uid, claims);
  await deps.repos.audit.write({
    actor,
    action: 'user.setScope',
    target: `users/${input.uid}`,
    before: before.customClaims ?? null,
    after: claims,
    reason: 'Phân quyền tài khoản',
  });
  log.info('scope.set', { uid: input.uid, role: input.role, by: actor.uid });
  return { uid: input.uid, claims };
}
