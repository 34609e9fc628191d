/**
 * setUserScope over the emulator with a stand-in for Firebase Auth: the
 * claims it sets, the audit entry it writes through the one AuditLog, and how
 * Auth failures reach the client (only an unknown account is not-found).
 */
import type { UserRecord } from 'firebase-admin/auth';
import { collections } from '../../functions/src/data/refs';
import type { Actor } from '../../functions/src/lib/actor';
import { fixedClock } from '../../functions/src/lib/clock';
import { toHttpsError } from '../../functions/src/lib/errors';
import { useCaseDeps } from '../../functions/src/services';
import { setUserScope, type ScopeDeps } from '../../functions/src/services/scopes/set-user-scope';
import { adminFirestore, closeClients, uniqueProjectId } from '../helpers/firestore';

afterAll(closeClients);

const db = adminFirestore(uniqueProjectId('scope'));
const admin: Actor = { uid: 'u-admin', role: 'province_admin', province: '42', communes: [], cadreId: null };
const input = { uid: 'u-new', role: 'commune_admin' as const, province: '42', communes: ['18073'] };

/** A stand-in for Firebase Auth that fails getUser with `failure`, or knows `u-new`. */
function fakeAuth(failure?: { code: string; message: string }) {
  const set: { uid: string; claims: object | null }[] = [];
  const auth: ScopeDeps['auth'] = {
    getUser: async (uid) => {
      if (failure) throw Object.assign(new Error(failure.message), { code: failure.code });
      const user: Pick<UserRecord, 'uid' | 'customClaims'> = { uid, customClaims: { role: 'cadre' } };
      return user as UserRecord; // only these two fields are read
    },
    setCustomUserClaims: async (uid, claims) => {
      set.push({ uid, claims });
    },
  };
  return { auth, set };
}

const deps = (auth: ScopeDeps['auth']): ScopeDeps => ({
  ...useCaseDeps(db, { clock: fixedClock('2026-11-25T08:00:00.000Z'), newId: (p) => `${p}-scope-1` }),
  auth,
});

test('sets the claims and records the change through the audit log', async () => {
  const { auth, set } = fakeAuth();
  expect(await setUserScope(deps(auth), admin, input)).toEqual({
    uid: 'u-new',
    claims: { role: 'commune_admin', province: '42', communes: ['18073'] },
  });
  expect(set).toEqual([
    { uid: 'u-new', claims: { role: 'commune_admin', province: '42', communes: ['18073'] } },
  ]);
  expect((await collections(db).audit.doc('audit-scope-1').get()).data()).toEqual({
    id: 'audit-scope-1',
    provinceCode: '42',
    actor: { uid: 'u-admin', role: 'province_admin' },
    action: 'user.setScope',
    target: 'users/u-new',
    before: { role: 'cadre' },
    after: { role: 'commune_admin', province: '42', communes: ['18073'] },
    reason: 'Phân quyền tài khoản',
    at: '2026-11-25T08:00:00.000Z',
  });
});

test('an unknown account is not-found; any other Auth failure is internal and says nothing of it', async () => {
  const unknown = fakeAuth({ code: 'auth/user-not-found', message: 'no user record' });
  const notFound = toHttpsError(
    await setUserScope(deps(unknown.auth), admin, input).catch((e: unknown) => e),
  );
  expect(notFound.code).toBe('not-found');
  expect(notFound.message).toBe('Không có tài khoản u-new / unknown user u-new');

  const broken = fakeAuth({ code: 'auth/internal-error', message: 'backend exploded at 10.0.0.7' });
  const internal = toHttpsError(await setUserScope(deps(broken.auth), admin, input).catch((e: unknown) => e));
  expect(internal.code).toBe('internal');
  expect(internal.message).toBe('Lỗi hệ thống / internal error');
  expect(JSON.stringify(internal.details)).not.toContain('10.0.0.7');
  expect(broken.set).toEqual([]);
});

test('only within the admin’s own province', async () => {
  const { auth, set } = fakeAuth();
  const err = toHttpsError(
    await setUserScope(deps(auth), admin, { ...input, province: '40' }).catch((e: unknown) => e),
  );
  expect(err.code).toBe('permission-denied');
  expect(set).toEqual([]);
});
