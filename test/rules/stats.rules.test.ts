/**
 * firestore.rules for unitStats/{unitCode} (issue 10, data for dashboards):
 * scoped like the people and quotas they summarise — province admins and
 * auditors of the province, commune roles and area monitors for the units of
 * their communes (not provincial units), never a cadre, never another
 * province; list queries must carry the scope filter; no client writes.
 * Before the `match /unitStats` block every read here failed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { closeClients, lite } from '../helpers/firestore';
import { rulesProject, type RulesProject } from '../helpers/rules';

afterAll(closeClients);

let project: RulesProject;

const stats = (unitCode: string, provinceCode: string, communeCode: string | null) => ({
  unitCode,
  provinceCode,
  communeCode,
  people: { inService: 3, byStatus: { active: 3 } },
  hosted: { inService: 0, byBlock: {} },
  quotas: {},
  updatedAt: '2026-11-25T08:00:00.000Z',
});

beforeAll(async () => {
  project = await rulesProject(
    'canbo-stats',
    fs.readFileSync(path.resolve(__dirname, '../../firestore.rules'), 'utf8'),
  );
  const batch = project.admin.batch();
  const set = (code: string, province: string, commune: string | null) =>
    batch.set(project.admin.doc(`unitStats/${code}`), stats(code, province, commune));
  set('42', '42', null);
  set('42-snv', '42', null);
  set('18073', '42', '18073');
  set('18073-vp', '42', '18073');
  set('18070', '42', '18070');
  set('16681', '40', '16681');
  await batch.commit();
});

const ADMIN_42 = { role: 'province_admin', province: '42' };
const AUDITOR_42 = { role: 'auditor', province: '42' };
const COMMUNE_42 = { role: 'commune_admin', province: '42', communes: ['18073'] };
const VIEWER_42 = { role: 'commune_viewer', province: '42', communes: ['18073'] };
const MONITOR_42 = { role: 'area_monitor', province: '42', communes: ['18073', '18070'] };
const CADRE_42 = { role: 'cadre', province: '42', cadreId: '18073-001' };
/** Claims naming a commune of province 40 while the token's province is 42. */
const CROSS_42 = { role: 'commune_admin', province: '42', communes: ['16681'] };
const as = (uid: string, claims: Record<string, unknown>) => project.as(uid, claims);
const get = (db: lite.Firestore, p: string) => lite.getDoc(lite.doc(db, p));
const list = (db: lite.Firestore, ...filters: lite.QueryConstraint[]) =>
  lite.getDocs(lite.query(lite.collection(db, 'unitStats'), ...filters));
const ids = (snap: lite.QuerySnapshot) => snap.docs.map((d) => d.id).sort();
const where = lite.where;

describe('province-wide roles', () => {
  test.each([
    ['a province admin', ADMIN_42],
    ['an auditor', AUDITOR_42],
  ])('%s reads every unit of their province, by id and by a province query', async (_name, claims) => {
    const db = as('u-wide', claims);
    await assertSucceeds(get(db, 'unitStats/42'));
    await assertSucceeds(get(db, 'unitStats/42-snv'));
    await assertSucceeds(get(db, 'unitStats/18073'));
    const snap = await assertSucceeds(list(db, where('provinceCode', '==', '42')));
    expect(ids(snap)).toEqual(['18070', '18073', '18073-vp', '42', '42-snv']);
  });

  test('another province’s statistics are refused, by id and by query', async () => {
    const db = as('u-admin', ADMIN_42);
    await assertFails(get(db, 'unitStats/16681'));
    await assertFails(list(db, where('provinceCode', '==', '40')));
  });

  test('a query without the province filter is refused', async () => {
    const db = as('u-admin', ADMIN_42);
    await assertFails(list(db));
    await assertFails(list(db, where('communeCode', '==', '18073')));
  });
});

describe('commune roles and area monitors', () => {
  test.each([
    ['commune admin', COMMUNE_42],
    ['commune viewer', VIEWER_42],
  ])(
    'a %s reads the units of their commune, not the province’s nor another commune’s',
    async (_n, claims) => {
      const db = as('u-commune', claims);
      await assertSucceeds(get(db, 'unitStats/18073'));
      await assertSucceeds(get(db, 'unitStats/18073-vp'));
      await assertFails(get(db, 'unitStats/18070'));
      await assertFails(get(db, 'unitStats/42'));
      await assertFails(get(db, 'unitStats/42-snv'));
      const snap = await assertSucceeds(
        list(db, where('provinceCode', '==', '42'), where('communeCode', '==', '18073')),
      );
      expect(ids(snap)).toEqual(['18073', '18073-vp']);
    },
  );

  test('an area monitor reads their communes side by side with one `in` query', async () => {
    const db = as('u-monitor', MONITOR_42);
    const snap = await assertSucceeds(
      list(db, where('provinceCode', '==', '42'), where('communeCode', 'in', ['18073', '18070'])),
    );
    expect(ids(snap)).toEqual(['18070', '18073', '18073-vp']);
    await assertFails(get(db, 'unitStats/42'));
  });

  test('queries without the scope filter, or reaching outside it, are refused', async () => {
    const db = as('u-commune', COMMUNE_42);
    await assertFails(list(db, where('provinceCode', '==', '42')));
    await assertFails(list(db, where('communeCode', '==', '18073')));
    await assertFails(
      list(db, where('provinceCode', '==', '42'), where('communeCode', 'in', ['18073', '18070'])),
    );
    await assertFails(list(db));
  });

  test('claims naming a commune of another province read nothing of it', async () => {
    const db = as('u-cross', CROSS_42);
    await assertFails(get(db, 'unitStats/16681'));
    await assertFails(list(db, where('provinceCode', '==', '40'), where('communeCode', '==', '16681')));
  });
});

describe('everyone else', () => {
  test('a cadre reads no statistics, not even of their own unit', async () => {
    const db = as('u-cadre', CADRE_42);
    await assertFails(get(db, 'unitStats/18073'));
    await assertFails(list(db, where('provinceCode', '==', '42')));
  });

  test('an anonymous caller and malformed claims read nothing', async () => {
    await assertFails(get(project.anonymous(), 'unitStats/18073'));
    await assertFails(get(as('u-bad', { role: 'province_admin', province: 42 }), 'unitStats/42'));
    await assertFails(get(as('u-none', {}), 'unitStats/42'));
  });

  test('no client writes statistics, not even a province admin', async () => {
    const db = as('u-admin', ADMIN_42);
    await assertFails(lite.setDoc(lite.doc(db, 'unitStats/18073'), stats('18073', '42', '18073')));
    await assertFails(lite.updateDoc(lite.doc(db, 'unitStats/42'), { 'people.inService': 99 }));
    await assertFails(lite.deleteDoc(lite.doc(db, 'unitStats/18070')));
    const check = (await project.admin.doc('unitStats/42').get()).data();
    expect(check?.people).toEqual({ inService: 3, byStatus: { active: 3 } });
  });
});
