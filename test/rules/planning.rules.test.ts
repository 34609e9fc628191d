/**
 * firestore.rules for planning/{term}_{unit}_{post} (issue 13, docs/planning.md):
 * province admins and auditors read their province's lists; commune roles and
 * area monitors their communes' lists (not the province's own posts); a cadre
 * reads no list (their own entries are on their own record, readable as
 * before); another province nothing; list queries must carry the scope
 * filter; no client writes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { closeClients, lite } from '../helpers/firestore';
import { rulesProject, type RulesProject } from '../helpers/rules';
import { person } from '../helpers/province';

afterAll(closeClients);

let project: RulesProject;

const list = (unitCode: string, positionId: string, provinceCode: string, communeCode: string | null) => ({
  id: `2026-2031_${unitCode}_${positionId}`,
  term: '2026-2031',
  unitCode,
  positionId,
  provinceCode,
  communeCode,
  level: communeCode ? 'commune' : 'province',
  rank: 5,
  entries: [],
  cadreIds: ['18073-001'],
  updatedAt: '2026-11-25T08:00:00.000Z',
});

const ID = {
  chair18073: '2026-2031_18073_xa_chu_tich_ubnd',
  chair18070: '2026-2031_18070_xa_chu_tich_ubnd',
  province: '2026-2031_42_tinh_pho_giam_doc_so',
  other: '2026-2031_16681_xa_chu_tich_ubnd',
};

beforeAll(async () => {
  project = await rulesProject(
    'canbo-planning',
    fs.readFileSync(path.resolve(__dirname, '../../firestore.rules'), 'utf8'),
  );
  const batch = project.admin.batch();
  batch.set(project.admin.doc(`planning/${ID.chair18073}`), list('18073', 'xa_chu_tich_ubnd', '42', '18073'));
  batch.set(project.admin.doc(`planning/${ID.chair18070}`), list('18070', 'xa_chu_tich_ubnd', '42', '18070'));
  batch.set(project.admin.doc(`planning/${ID.province}`), list('42', 'tinh_pho_giam_doc_so', '42', null));
  batch.set(project.admin.doc(`planning/${ID.other}`), list('16681', 'xa_chu_tich_ubnd', '40', '16681'));
  const cadre = person('18073-001', '18073', 'xa_pho_chu_tich_ubnd', {
    planning: [
      { positionId: 'xa_chu_tich_ubnd', unitCode: '18073', term: '2026-2031', addedOn: '2026-03-01' },
    ],
  });
  batch.set(project.admin.doc('cadres/18073-001'), cadre);
  await batch.commit();
});

const ADMIN_42 = { role: 'province_admin', province: '42' };
const AUDITOR_42 = { role: 'auditor', province: '42' };
const COMMUNE_42 = { role: 'commune_admin', province: '42', communes: ['18073'] };
const VIEWER_42 = { role: 'commune_viewer', province: '42', communes: ['18073'] };
const MONITOR_42 = { role: 'area_monitor', province: '42', communes: ['18073', '18070'] };
const CADRE_42 = { role: 'cadre', province: '42', cadreId: '18073-001' };
const CROSS_42 = { role: 'commune_admin', province: '42', communes: ['16681'] };
const as = (uid: string, claims: Record<string, unknown>) => project.as(uid, claims);
const get = (db: lite.Firestore, p: string) => lite.getDoc(lite.doc(db, p));
const query = (db: lite.Firestore, ...filters: lite.QueryConstraint[]) =>
  lite.getDocs(lite.query(lite.collection(db, 'planning'), ...filters));
const ids = (snap: lite.QuerySnapshot) => snap.docs.map((d) => d.id).sort();
const where = lite.where;

describe('province-wide roles', () => {
  test.each([
    ['a province admin', ADMIN_42],
    ['an auditor', AUDITOR_42],
  ])('%s reads every list of their province, by id and by a province and term query', async (_n, claims) => {
    const db = as('u-wide', claims);
    await assertSucceeds(get(db, `planning/${ID.chair18073}`));
    await assertSucceeds(get(db, `planning/${ID.province}`));
    const snap = await assertSucceeds(
      query(db, where('provinceCode', '==', '42'), where('term', '==', '2026-2031')),
    );
    expect(ids(snap)).toEqual([ID.chair18070, ID.chair18073, ID.province]);
  });

  test('another province’s lists and a query without the province are refused', async () => {
    const db = as('u-admin', ADMIN_42);
    await assertFails(get(db, `planning/${ID.other}`));
    await assertFails(query(db, where('provinceCode', '==', '40')));
    await assertFails(query(db, where('term', '==', '2026-2031')));
  });
});

describe('commune roles and area monitors', () => {
  test.each([
    ['commune admin', COMMUNE_42],
    ['commune viewer', VIEWER_42],
  ])('a %s reads their commune’s lists only', async (_n, claims) => {
    const db = as('u-commune', claims);
    await assertSucceeds(get(db, `planning/${ID.chair18073}`));
    await assertFails(get(db, `planning/${ID.chair18070}`));
    await assertFails(get(db, `planning/${ID.province}`));
    const snap = await assertSucceeds(
      query(db, where('provinceCode', '==', '42'), where('communeCode', '==', '18073')),
    );
    expect(ids(snap)).toEqual([ID.chair18073]);
    await assertFails(query(db, where('provinceCode', '==', '42')));
  });

  test('an area monitor reads their communes with one `in` query, not the province’s posts', async () => {
    const db = as('u-monitor', MONITOR_42);
    const snap = await assertSucceeds(
      query(db, where('provinceCode', '==', '42'), where('communeCode', 'in', ['18073', '18070'])),
    );
    expect(ids(snap)).toEqual([ID.chair18070, ID.chair18073]);
    await assertFails(get(db, `planning/${ID.province}`));
  });

  test('claims naming a commune of another province read nothing of it', async () => {
    const db = as('u-cross', CROSS_42);
    await assertFails(get(db, `planning/${ID.other}`));
    await assertFails(query(db, where('provinceCode', '==', '40'), where('communeCode', '==', '16681')));
  });
});

describe('cadres and everyone else', () => {
  test('a cadre reads no list, even one naming them, but reads their own entries on their record', async () => {
    const db = as('u-cadre', CADRE_42);
    await assertFails(get(db, `planning/${ID.chair18073}`));
    await assertFails(query(db, where('provinceCode', '==', '42')));
    const own = await assertSucceeds(get(db, 'cadres/18073-001'));
    expect(own.data()?.planning).toEqual([
      { positionId: 'xa_chu_tich_ubnd', unitCode: '18073', term: '2026-2031', addedOn: '2026-03-01' },
    ]);
  });

  test('anonymous and malformed claims read nothing; no client writes, not even a province admin', async () => {
    await assertFails(get(project.anonymous(), `planning/${ID.chair18073}`));
    await assertFails(
      get(as('u-bad', { role: 'province_admin', province: 42 }), `planning/${ID.chair18073}`),
    );
    const db = as('u-admin', ADMIN_42);
    await assertFails(
      lite.setDoc(lite.doc(db, `planning/${ID.chair18073}`), list('18073', 'x', '42', '18073')),
    );
    await assertFails(lite.updateDoc(lite.doc(db, `planning/${ID.chair18073}`), { cadreIds: [] }));
    await assertFails(lite.deleteDoc(lite.doc(db, `planning/${ID.chair18070}`)));
    const check = (await project.admin.doc(`planning/${ID.chair18073}`).get()).data();
    expect(check?.cadreIds).toEqual(['18073-001']);
  });
});
