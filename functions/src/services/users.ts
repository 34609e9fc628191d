/**
 * setUserScope: a province admin gives an account its role and scope, as
 * custom claims (design.md: `{ role, province, communes?, cadreId? }`, under
 * 1,000 bytes), and the change is recorded in the audit log.
 */
import type { Auth } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import { collections } from '../data/refs';
import { requireRole, type Actor } from '../lib/actor';
import { Forbidden, NotFound, ValidationFailed } from '../lib/errors';
import type { TSetUserScopeInput } from '@canbo/model';
import type { ServiceDeps } from './movements';

export class UserScopeService {
  constructor(
    private readonly db: Firestore,
    private readonly auth: Auth,
    private readonly deps: ServiceDeps,
  ) {}

  async setScope(
    actor: Actor,
    input: TSetUserScopeInput,
  ): Promise<{ uid: string; claims: Record<string, unknown> }> {
    requireRole(actor, 'province_admin');
    if (input.province !== actor.province)
      throw new Forbidden('Chỉ phân quyền trong tỉnh của mình / only within your province');
    const claims: Record<string, unknown> = { role: input.role, province: input.province };
    if (input.communes) claims.communes = input.communes;
    if (input.cadreId) claims.cadreId = input.cadreId;
    if (Buffer.byteLength(JSON.stringify(claims)) >= 1000) {
      throw new ValidationFailed([
        {
          path: 'communes',
          message: 'Quá nhiều xã cho một tài khoản / too many communes for claims (1,000 bytes)',
        },
      ]);
    }
    const auth = this.auth;
    const before = await auth.getUser(input.uid).catch(() => {
      throw new NotFound(`Không có tài khoản ${input.uid} / unknown user`);
    });
    await auth.setCustomUserClaims(input.uid, claims);
    const c = collections(this.db);
    const id = this.deps.newId('audit');
    await c.audit.doc(id).create({
      id,
      provinceCode: actor.province,
      actor: { uid: actor.uid, role: actor.role },
      action: 'user.setScope',
      target: `users/${input.uid}`,
      before: (before.customClaims as Record<string, unknown> | undefined) ?? null,
      after: claims,
      reason: 'Phân quyền tài khoản',
      at: this.deps.now().toISOString(),
    });
    return { uid: input.uid, claims };
  }
}
