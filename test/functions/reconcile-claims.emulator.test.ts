/**
 * The scope callables end to end (firebase-functions-test): the province
 * checks of setUserScope refuse before Firebase Auth is ever asked (issue 9;
 * these failed before the fix: the grant reached Auth), and reconcileClaims
 * is for province admins, over their own province, recorded as a job of it.
 */
import { collections } from '../../functions/src/data/refs';
import { callableHarness, failure } from '../helpers/callable';
import { person, unit, writeProvince } from '../helpers/province';

const { call, firestore, cleanup } = callableHarness('reconcile');

beforeAll(async () => {
  const db = firestore();
  const c = collections(db);
  await writeProvince(db, [], [{ cadre: person('c-42', '18073', 'xa_van_thu') }]);
  await c.units
    .doc('16681')
    .set({ ...unit('16681', 'Xã của tỉnh 40'), provinceCode: '40', parentCode: '40' });
  await c.cadres.doc('c-40').set(person('c-40', '16681', 'xa_van_thu', { provinceCode: '40' }));
});

afterAll(cleanup);

test('setUserScope refuses a commune or a cadre of another province, bilingually', async () => {
  const commune = await failure(
    call('setUserScope', { uid: 'u-1', role: 'area_monitor', province: '42', communes: ['18073', '16681'] }),
  );
  expect(commune.code).toBe('permission-denied');
  expect(commune.details?.message).toEqual({
    vi: 'Xã 16681 không thuộc tỉnh của bạn',
    en: 'commune 16681 is not in your province',
  });
  const cadre = await failure(
    call('setUserScope', { uid: 'u-1', role: 'cadre', province: '42', cadreId: 'c-40' }),
  );
  expect(cadre.code).toBe('permission-denied');
  expect(cadre.details?.message).toEqual({
    vi: 'Cán bộ c-40 không thuộc tỉnh của bạn',
    en: 'cadre c-40 is not in your province',
  });
  expect((await firestore().doc('userScopes/u-1').get()).exists).toBe(false);
});

test('reconcileClaims: a province admin reconciles their province, recorded as a job of that province', async () => {
  const report = await call('reconcileClaims', {});
  expect(report).toEqual({ provinceCode: '42', applied: [], failed: [] });
  const jobs = await collections(firestore()).jobs.where('kind', '==', 'claims_reconcile').get();
  expect(jobs.docs.map((d) => d.data().provinceCode)).toEqual(['42']);
  // A second run the same day replaces the day's record (the schedule runs every 10 minutes).
  await call('reconcileClaims', {});
  const again = await collections(firestore()).jobs.where('kind', '==', 'claims_reconcile').get();
  expect(again.docs.map((d) => d.id)).toEqual(jobs.docs.map((d) => d.id));
  expect(jobs.docs[0]!.id).toMatch(/^claims-reconcile-42-\d{4}-\d{2}-\d{2}$/);
});

test('reconcileClaims: other roles are permission-denied; unknown fields are refused', async () => {
  const auditor = await failure(call('reconcileClaims', {}, { role: 'auditor', province: '42' }));
  expect(auditor.code).toBe('permission-denied');
  const extra = await failure(call('reconcileClaims', { province: '40' }));
  expect(extra.code).toBe('invalid-argument');
});
