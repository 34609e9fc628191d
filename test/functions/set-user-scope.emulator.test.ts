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
import { reconcileAllClaims, reconcileClaims } from '../../functions/src/services/scopes/reconcile-claims';
import { setUserScope, type ScopeDeps } from '../../functions/src/services/scopes/set-user-scope';
import { adminFirestore, closeClients, uniqueProjectId } from '../helpers/firestore';
import { person, unit, writeProvince } from '../helpers/province';
import type { TSetUserScopeInput } from '@canbo/model';

afterAll(closeClients);

const db = adminFirestore(uniqueProjectId('scope'));
const admin: Actor = { uid: 'u-admin', role: 'province_admin', province: '42', communes: [], cadreId: null };
const input = { uid: 'u-new', role: 'commune_admin' as const, province: '42', communes: ['18073'] };

/**
 * A stand-in for Firebase Auth that fails getUser with `failure`, or knows
 * every account with `claims`; with `failSet`, setting claims fails.
 */
function fakeAuth(
  failure?: { code: string; message: string },
  claims: Record<string, unknown> | null = { role: 'cadre' },
  failSet = false,
) {
  const set: { uid: string; claims: object | null }[] = [];
  const auth: ScopeDeps['auth'] = {
    getUser: async (uid) => {
      if (failure) throw Object.assign(new Error(failure.message), { code: failure.code });
      const user: Pick<UserRecord, 'uid' | 'customClaims'> = { uid, customClaims: claims ?? undefined };
      return user as UserRecord; // only these two fields are read
    },
    setCustomUserClaims: async (uid, claims) => {
      if (failSet)
        throw Object.assign(new Error('auth backend unavailable'), { code: 'auth/internal-error' });
      set.push({ uid, claims });
    },
  };
  return { auth, set };
}

const deps = (auth: ScopeDeps['auth']): ScopeDeps => ({
  ...useCaseDeps(db, { clock: fixedClock('2026-11-25T08:00:00.000Z'), newId: (p) => `${p}-scope-1` }),
  auth,
});

beforeAll(() => writeProvince(db, [], []));

// The result now also says which scope version was written and whether Auth took the claims (issue 9).
test('sets the claims and records the change through the audit log', async () => {
  const { auth, set } = fakeAuth();
  expect(await setUserScope(deps(auth), admin, input)).toEqual({
    uid: 'u-new',
    claims: { role: 'commune_admin', province: '42', communes: ['18073'] },
    version: 1,
    claimsApplied: true,
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
    // Bilingual since issue 8 (the audit reason comes from the message catalogue, audit.setScope).
    reason: 'Phân quyền tài khoản / account scope set',
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

/*
 * Issue 9: a province admin grants only inside their own province. Every
 * commune and the cadre are read from the data; an account that another
 * province scoped is not theirs to change. Each of these tests failed on the
 * code before the fix (the grant was accepted and the claims set).
 */
describe('scopes stay inside the granting province', () => {
  let n = 0;
  const depsN = (auth: ScopeDeps['auth']): ScopeDeps => ({
    ...useCaseDeps(db, { clock: fixedClock('2026-11-25T09:00:00.000Z'), newId: (p) => `${p}-p-${++n}` }),
    auth,
  });

  beforeAll(async () => {
    const c = collections(db);
    await writeProvince(db, [], [{ cadre: person('c-42', '18073', 'xa_van_thu') }]);
    await c.units
      .doc('16681')
      .set({ ...unit('16681', 'Xã của tỉnh 40'), provinceCode: '40', parentCode: '40' });
    await c.cadres.doc('c-40').set(person('c-40', '16681', 'xa_van_thu', { provinceCode: '40' }));
  });

  const refused = async (auth: ScopeDeps['auth'], grant: TSetUserScopeInput) =>
    toHttpsError(await setUserScope(depsN(auth), admin, grant).catch((e: unknown) => e));

  test('a commune of another province is permission-denied, in both languages, and nothing is set', async () => {
    const { auth, set } = fakeAuth();
    const err = await refused(auth, { ...input, uid: 'u-x1', communes: ['18073', '16681'] });
    expect(err.code).toBe('permission-denied');
    expect(err.message).toBe('Xã 16681 không thuộc tỉnh của bạn / commune 16681 is not in your province');
    expect(set).toEqual([]);
    expect((await collections(db).userScopes.doc('u-x1').get()).exists).toBe(false);
  });

  test('an admin cannot change their own scope', async () => {
    const { auth, set } = fakeAuth();
    const err = await refused(auth, { ...input, uid: admin.uid });
    expect(err.code).toBe('permission-denied');
    expect(err.message).toBe(
      'Không tự thay đổi phạm vi của chính mình: nhờ một quản trị khác của tỉnh / you cannot change your own scope: ask another administrator of the province',
    );
    expect(set).toEqual([]);
  });

  test('a commune that is not a unit is not-found', async () => {
    const { auth, set } = fakeAuth();
    const err = await refused(auth, { ...input, uid: 'u-x2', communes: ['18999'] });
    expect(err.code).toBe('not-found');
    expect(err.message).toBe('Không có đơn vị 18999 / unknown unit 18999');
    expect(set).toEqual([]);
  });

  // Review of issue 9: an agency of the admin's own province was reported as "commune outside province".
  test('a unit of the province that is not a commune is invalid-argument on its field, in both languages', async () => {
    await collections(db)
      .units.doc('18998')
      .set({ ...unit('18998', 'Trung tâm dịch vụ công'), type: 'tinh', level: 'agency' });
    const { auth, set } = fakeAuth();
    const err = await refused(auth, { ...input, uid: 'u-x4', communes: ['18073', '18998'] });
    expect(err.code).toBe('invalid-argument');
    expect(err.message).toBe('Đơn vị 18998 không phải là xã, phường, đặc khu / unit 18998 is not a commune');
    expect((err.details as { fields: { path: string }[] }).fields.map((f) => f.path)).toEqual(['communes.1']);
    expect(set).toEqual([]);
    expect((await collections(db).userScopes.doc('u-x4').get()).exists).toBe(false);
  });

  test('a cadre of another province is permission-denied; an unknown cadre is not-found', async () => {
    const { auth, set } = fakeAuth();
    const other = await refused(auth, { uid: 'u-x3', role: 'cadre', province: '42', cadreId: 'c-40' });
    expect(other.code).toBe('permission-denied');
    expect(other.message).toBe('Cán bộ c-40 không thuộc tỉnh của bạn / cadre c-40 is not in your province');
    const unknown = await refused(auth, { uid: 'u-x3', role: 'cadre', province: '42', cadreId: 'c-none' });
    expect(unknown.code).toBe('not-found');
    expect(unknown.message).toBe('Không có cán bộ c-none / unknown cadre c-none');
    expect(set).toEqual([]);
  });

  test('an account scoped by another province cannot be re-scoped or demoted', async () => {
    for (const claims of [
      { role: 'province_admin', province: '40' },
      { role: 'auditor', province: '40' },
      { role: 'commune_admin', province: '40', communes: ['16681'] },
    ]) {
      const { auth, set } = fakeAuth(undefined, claims);
      const err = await refused(auth, {
        uid: 'u-admin-40',
        role: 'commune_viewer',
        province: '42',
        communes: ['18073'],
      });
      expect(err.code).toBe('permission-denied');
      expect(err.message).toBe(
        'Tài khoản u-admin-40 thuộc tỉnh khác / account u-admin-40 belongs to another province',
      );
      expect(set).toEqual([]);
    }
    expect((await collections(db).userScopes.doc('u-admin-40').get()).exists).toBe(false);
  });

  test('an account with no claims may be scoped; a cadre of the province may be named', async () => {
    const { auth, set } = fakeAuth(undefined, null);
    expect(
      await setUserScope(depsN(auth), admin, { uid: 'u-x5', role: 'cadre', province: '42', cadreId: 'c-42' }),
    ).toEqual({
      uid: 'u-x5',
      claims: { role: 'cadre', province: '42', cadreId: 'c-42' },
      version: 1,
      claimsApplied: true,
    });
    expect(set).toEqual([{ uid: 'u-x5', claims: { role: 'cadre', province: '42', cadreId: 'c-42' } }]);
  });
});

describe('claims follow the scope document', () => {
  let n = 0;
  const depsN = (auth: ScopeDeps['auth'], newId?: ScopeDeps['newId']): ScopeDeps => ({
    ...useCaseDeps(db, {
      clock: fixedClock('2026-11-25T10:00:00.000Z'),
      newId: newId ?? ((p) => `${p}-d-${++n}`),
    }),
    auth,
  });

  test('the scope document and its audit entry are written together; each change is a new version', async () => {
    const { auth, set } = fakeAuth(undefined, null);
    await setUserScope(depsN(auth), admin, { ...input, uid: 'u-doc' });
    const second = await setUserScope(depsN(auth), admin, {
      ...input,
      uid: 'u-doc',
      communes: ['18073', '18100'],
    });
    expect(second).toEqual({
      uid: 'u-doc',
      claims: { role: 'commune_admin', province: '42', communes: ['18073', '18100'] },
      version: 2,
      claimsApplied: true,
    });
    expect((await collections(db).userScopes.doc('u-doc').get()).data()).toEqual({
      uid: 'u-doc',
      role: 'commune_admin',
      provinceCode: '42',
      communes: ['18073', '18100'],
      cadreId: null,
      version: 2,
      claimsAppliedVersion: 2,
      claimsPending: false,
      updatedAt: '2026-11-25T10:00:00.000Z',
      updatedBy: 'u-admin',
    });
    expect(set.map((s) => s.claims)).toEqual([
      { role: 'commune_admin', province: '42', communes: ['18073'] },
      { role: 'commune_admin', province: '42', communes: ['18073', '18100'] },
    ]);
    const audit = await collections(db).audit.where('target', '==', 'users/u-doc').get();
    const entries = audit.docs.map((d) => [d.data().before, d.data().after]);
    expect(entries).toHaveLength(2);
    expect(entries).toEqual(
      expect.arrayContaining([
        [null, { role: 'commune_admin', province: '42', communes: ['18073'] }],
        [
          { role: 'commune_admin', province: '42', communes: ['18073'] },
          { role: 'commune_admin', province: '42', communes: ['18073', '18100'] },
        ],
      ]),
    );
  });

  test('when the transaction fails (its audit entry cannot be written), the claims are not changed', async () => {
    const { auth, set } = fakeAuth(undefined, null);
    // audit-scope-1 exists (first test above): the audit create fails, so the transaction does.
    const err = toHttpsError(
      await setUserScope(
        depsN(auth, (p) => `${p}-scope-1`),
        admin,
        { ...input, uid: 'u-tx' },
      ).catch((e: unknown) => e),
    );
    expect(err.code).toBe('internal');
    expect(set).toEqual([]);
    expect((await collections(db).userScopes.doc('u-tx').get()).exists).toBe(false);
  });

  test('a failed claim update is recorded as pending and the reconciler applies it later', async () => {
    const broken = fakeAuth(undefined, null, true);
    const result = await setUserScope(depsN(broken.auth), admin, { ...input, uid: 'u-late' });
    expect(result).toEqual({
      uid: 'u-late',
      claims: { role: 'commune_admin', province: '42', communes: ['18073'] },
      version: 1,
      claimsApplied: false,
    });
    expect(broken.set).toEqual([]);
    expect((await collections(db).userScopes.doc('u-late').get()).data()).toMatchObject({
      version: 1,
      claimsAppliedVersion: null,
      claimsPending: true,
    });

    const working = fakeAuth(undefined, null);
    const report = await reconcileClaims(depsN(working.auth), admin, {});
    expect(report.applied).toEqual(['u-late']);
    expect(working.set).toEqual([
      { uid: 'u-late', claims: { role: 'commune_admin', province: '42', communes: ['18073'] } },
    ]);
    expect((await collections(db).userScopes.doc('u-late').get()).data()).toMatchObject({
      version: 1,
      claimsAppliedVersion: 1,
      claimsPending: false,
    });
    // A second run finds nothing to do.
    expect((await reconcileClaims(depsN(working.auth), admin, {})).applied).toEqual([]);
  });

  test('a province admin reconciles only their province; the scheduled run reconciles every province', async () => {
    const c = collections(db);
    await c.userScopes.doc('u-40-late').set({
      uid: 'u-40-late',
      role: 'commune_viewer',
      provinceCode: '40',
      communes: ['16681'],
      cadreId: null,
      version: 3,
      claimsAppliedVersion: 2,
      claimsPending: true,
      updatedAt: '2026-11-25T08:00:00.000Z',
      updatedBy: 'u-admin-40',
    });
    const mine = fakeAuth(undefined, null);
    expect((await reconcileClaims(depsN(mine.auth), admin, {})).applied).toEqual([]);
    expect(mine.set).toEqual([]);
    await expect(reconcileClaims(depsN(mine.auth), { ...admin, role: 'auditor' }, {})).rejects.toMatchObject({
      code: 'permission-denied',
    });

    const national = fakeAuth(undefined, null);
    expect((await reconcileAllClaims(depsN(national.auth))).applied).toEqual(['u-40-late']);
    expect(national.set).toEqual([
      { uid: 'u-40-late', claims: { role: 'commune_viewer', province: '40', communes: ['16681'] } },
    ]);
    expect((await c.userScopes.doc('u-40-late').get()).data()?.claimsAppliedVersion).toBe(3);
    // The national run is recorded as a job of no province (no client reads it).
    expect((await c.jobs.doc('claims-reconcile-all-2026-11-25').get()).data()).toMatchObject({
      kind: 'claims_reconcile',
      provinceCode: null,
      state: 'succeeded',
      result: { pending: 1, applied: 1, failed: 0 },
    });
  });
});

test('claims that land after a newer scope was applied are overwritten with the newer ones (last committed scope wins)', async () => {
  let n = 0;
  const depsR = (auth: ScopeDeps['auth']): ScopeDeps => ({
    ...useCaseDeps(db, { clock: fixedClock('2026-11-25T11:00:00.000Z'), newId: (p) => `${p}-r-${++n}` }),
    auth,
  });
  const set: { uid: string; claims: object | null }[] = [];
  let raced = false;
  const auth: ScopeDeps['auth'] = {
    getUser: async (uid) => ({ uid, customClaims: undefined }) as UserRecord,
    setCustomUserClaims: async (uid, claims) => {
      if (!raced) {
        raced = true;
        // While the first grant's claims are in flight, a second grant commits and applies its own…
        await setUserScope(depsR(auth), admin, { ...input, uid: 'u-race', communes: ['18100'] });
      }
      // …and then the first grant's claims land, after them.
      set.push({ uid, claims });
    },
  };
  const first = await setUserScope(depsR(auth), admin, { ...input, uid: 'u-race', communes: ['18073'] });
  expect(first.claimsApplied).toBe(true);
  expect(set.map((s) => s.claims)).toEqual([
    { role: 'commune_admin', province: '42', communes: ['18100'] },
    { role: 'commune_admin', province: '42', communes: ['18073'] },
    { role: 'commune_admin', province: '42', communes: ['18100'] },
  ]);
  expect((await collections(db).userScopes.doc('u-race').get()).data()).toMatchObject({
    communes: ['18100'],
    version: 2,
    claimsAppliedVersion: 2,
    claimsPending: false,
  });
});

test('a scope document of another province refuses the grant inside the transaction, even when Auth shows no claims yet', async () => {
  await collections(db).userScopes.doc('u-40-pending').set({
    uid: 'u-40-pending',
    role: 'auditor',
    provinceCode: '40',
    communes: [],
    cadreId: null,
    version: 1,
    claimsAppliedVersion: null,
    claimsPending: true,
    updatedAt: '2026-11-25T08:00:00.000Z',
    updatedBy: 'u-admin-40',
  });
  const { auth, set } = fakeAuth(undefined, null);
  const err = toHttpsError(
    await setUserScope(
      {
        ...useCaseDeps(db, { clock: fixedClock('2026-11-25T12:00:00.000Z'), newId: (p) => `${p}-t-1` }),
        auth,
      },
      admin,
      { ...input, uid: 'u-40-pending' },
    ).catch((e: unknown) => e),
  );
  expect(err.code).toBe('permission-denied');
  expect(err.message).toBe(
    'Tài khoản u-40-pending thuộc tỉnh khác / account u-40-pending belongs to another province',
  );
  expect(set).toEqual([]);
  expect((await collections(db).userScopes.doc('u-40-pending').get()).data()).toMatchObject({
    provinceCode: '40',
    version: 1,
  });
  expect((await collections(db).audit.doc('audit-t-1').get()).exists).toBe(false);
});

/*
 * Review of issue 9: claims must not drift from the scope document unnoticed.
 * Both tests failed before the fix: the document said version 2 applied and
 * not pending while Auth kept version 1; and a Firestore failure while
 * recording the applied version made setUserScope throw after its
 * transaction had committed (so a retry wrote a second version).
 */
describe('claims that cannot be confirmed stay pending for the reconciler', () => {
  let n = 0;
  const depsF = (auth: ScopeDeps['auth']): ScopeDeps => ({
    ...useCaseDeps(db, { clock: fixedClock('2026-11-25T13:00:00.000Z'), newId: (p) => `${p}-f-${++n}` }),
    auth,
  });
  const v1 = { role: 'commune_admin', province: '42', communes: ['18073'] };
  const v2 = { role: 'commune_admin', province: '42', communes: ['18100'] };

  test('older claims landing after a newer scope was applied, then a failed re-set: the scope stays pending', async () => {
    const set: object[] = [];
    let calls = 0;
    const auth: ScopeDeps['auth'] = {
      getUser: async (uid) => ({ uid, customClaims: undefined }) as UserRecord,
      setCustomUserClaims: async (_uid, claims) => {
        calls += 1;
        if (calls === 1) {
          // While version 1's claims are in flight, version 2 commits and applies its own…
          await setUserScope(depsF(auth), admin, { ...input, uid: 'u-drift', communes: ['18100'] });
        }
        // …then version 1's claims land after them, and setting version 2 again fails.
        if (calls === 3)
          throw Object.assign(new Error('auth backend unavailable'), { code: 'auth/internal-error' });
        set.push(claims ?? {});
      },
    };
    const first = await setUserScope(depsF(auth), admin, { ...input, uid: 'u-drift', communes: ['18073'] });
    expect(first.claimsApplied).toBe(false);
    expect(set).toEqual([v2, v1]);
    expect((await collections(db).userScopes.doc('u-drift').get()).data()).toMatchObject({
      communes: ['18100'],
      version: 2,
      claimsAppliedVersion: 1,
      claimsPending: true,
    });

    const working = fakeAuth(undefined, null);
    expect((await reconcileClaims(depsF(working.auth), admin, {})).applied).toEqual(['u-drift']);
    expect(working.set).toEqual([{ uid: 'u-drift', claims: v2 }]);
    expect((await collections(db).userScopes.doc('u-drift').get()).data()).toMatchObject({
      version: 2,
      claimsAppliedVersion: 2,
      claimsPending: false,
    });
  });

  test('a Firestore failure while recording the applied claims answers success with claimsApplied false', async () => {
    const { auth, set } = fakeAuth(undefined, null);
    const d = depsF(auth);
    const spy = jest
      .spyOn(d.repos.userScopes, 'markApplied')
      .mockRejectedValueOnce(Object.assign(new Error('deadline exceeded'), { code: 4 }));
    try {
      expect(await setUserScope(d, admin, { ...input, uid: 'u-unrecorded' })).toEqual({
        uid: 'u-unrecorded',
        claims: v1,
        version: 1,
        claimsApplied: false,
      });
    } finally {
      spy.mockRestore();
    }
    expect(set).toEqual([{ uid: 'u-unrecorded', claims: v1 }]);
    expect((await collections(db).userScopes.doc('u-unrecorded').get()).data()).toMatchObject({
      version: 1,
      claimsAppliedVersion: null,
      claimsPending: true,
    });
    const audit = await collections(db).audit.where('target', '==', 'users/u-unrecorded').get();
    expect(audit.size).toBe(1);
  });
});

// Issue 13 (docs/monitors.md): an area monitor's communes live in its scope document, which the rules
// and callables read; its claims carry none, and each grant is an assignment in its history.
describe('area monitors', () => {
  let n = 0;
  const monitorDeps = (auth: ScopeDeps['auth']): ScopeDeps => ({
    ...useCaseDeps(db, { clock: fixedClock('2026-11-25T08:00:00.000Z'), newId: (p) => `${p}-m${++n}` }),
    auth,
  });
  const assignmentsOf = async (uid: string) =>
    (await db.collection('monitorAssignments').where('monitorUid', '==', uid).get()).docs
      .map((d) => d.data())
      .sort((a, b) => (a.id < b.id ? -1 : 1));

  test('claims carry no communes; the scope document has them; the grant opens an assignment', async () => {
    const { auth, set } = fakeAuth(undefined, null);
    const communes = ['18073', '18100', '18115'];
    expect(
      await setUserScope(monitorDeps(auth), admin, {
        uid: 'u-m1',
        role: 'area_monitor',
        province: '42',
        communes,
      }),
    ).toEqual({
      uid: 'u-m1',
      claims: { role: 'area_monitor', province: '42' },
      version: 1,
      claimsApplied: true,
    });
    expect(set).toEqual([{ uid: 'u-m1', claims: { role: 'area_monitor', province: '42' } }]);
    expect((await collections(db).userScopes.doc('u-m1').get()).data()).toMatchObject({
      role: 'area_monitor',
      communes,
      claimsPending: false,
    });
    expect(await assignmentsOf('u-m1')).toEqual([
      {
        id: 'ma-42-m1',
        provinceCode: '42',
        monitorUid: 'u-m1',
        communes,
        fields: [],
        from: '2026-11-25',
        to: null,
        decision: null,
        reason: 'Phân quyền tài khoản / account scope set',
        decidedBy: 'u-admin',
        decidedAt: '2026-11-25T08:00:00.000Z',
        endedBy: null,
        endReason: null,
      },
    ]);
    const audit = await db.collection('audit').where('target', '==', 'users/u-m1').get();
    expect(audit.docs.map((d) => d.get('after'))).toEqual([
      { role: 'area_monitor', province: '42', communes },
    ]);
  });

  test('the account made a commune admin: its current assignment is closed that day', async () => {
    const { auth } = fakeAuth(undefined, { role: 'area_monitor', province: '42' });
    await setUserScope(monitorDeps(auth), admin, {
      uid: 'u-m1',
      role: 'commune_admin',
      province: '42',
      communes: ['18073'],
    });
    expect((await assignmentsOf('u-m1')).map((a) => [a.id, a.to, a.endedBy])).toEqual([
      ['ma-42-m1', '2026-11-25', 'u-admin'],
    ]);
  });
});
