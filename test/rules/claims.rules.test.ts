/**
 * canbo's firestore.rules beyond the matrix (issue 9): malformed claims are
 * refused everywhere, a home commune reads its people wherever they are
 * seconded, and units of every province are public reference data.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { closeClients, lite } from '../helpers/firestore';
import { rulesProject, type RulesProject } from '../helpers/rules';

afterAll(closeClients);

let project: RulesProject;

/** Documents of province 42 (commune 18073) and of province 40 (commune 16681). */
const mine = { provinceCode: '42', communeCode: '18073', cadreId: 'c-home', communeCodes: ['18073'] };

beforeAll(async () => {
  project = await rulesProject(
    'canbo-claims',
    fs.readFileSync(path.resolve(__dirname, '../../firestore.rules'), 'utf8'),
  );
  const batch = project.admin.batch();
  const set = (p: string, data: Record<string, unknown>) => batch.set(project.admin.doc(p), data);
  set('units/42', { provinceCode: '42', level: 'province' });
  set('units/18073', { provinceCode: '42', level: 'commune' });
  set('units/40', { provinceCode: '40', level: 'province' });
  set('units/16681', { provinceCode: '40', level: 'commune' });
  set('positions/xa_chu_tich_ubnd', { level: 'commune' });
  // At home in 18073.
  set('cadres/c-home', { provinceCode: '42', communeCode: '18073', homeCommuneCode: '18073' });
  // On 18073's quota, seconded to 18100 (biệt phái keeps the home quota).
  set('cadres/c-seconded', { provinceCode: '42', communeCode: '18100', homeCommuneCode: '18073' });
  // At home in 18100.
  set('cadres/c-other', { provinceCode: '42', communeCode: '18100', homeCommuneCode: '18100' });
  // A province-level cadre (no home commune) working in 18100.
  set('cadres/c-provincial', { provinceCode: '42', communeCode: '18100', homeCommuneCode: null });
  // Province 40 with a home commune code that collides with 42's: the province still decides.
  set('cadres/c-40', { provinceCode: '40', communeCode: '16681', homeCommuneCode: '18073' });
  set('quotas/18073_cb_2026', mine);
  set('movements/mv-42-1', { ...mine, communeCodes: ['18073', '18100'], cadreId: 'c-seconded' });
  set('evaluations/2026-Q3_c-home', mine);
  set('ratings/r-1', mine);
  set('jobs/run-1', { kind: 'seed' });
  set('audit/a-1', { provinceCode: '42' });
  await batch.commit();
});

const as = (claims: Record<string, unknown>) => project.as(`uid-${JSON.stringify(claims)}`, claims);

describe('malformed claims are refused everywhere', () => {
  /** Each would otherwise be a role that reads something. */
  const MALFORMED: [string, Record<string, unknown>][] = [
    [
      'communes as a map (`in` tests its keys)',
      { role: 'commune_admin', province: '42', communes: { '18073': true } },
    ],
    ['communes as a string', { role: 'commune_admin', province: '42', communes: '18073' }],
    ['a missing province (commune role)', { role: 'commune_admin', communes: ['18073'] }],
    ['a missing province (province role)', { role: 'province_admin' }],
    ['a numeric province', { role: 'province_admin', province: 42 }],
    ['an empty province', { role: 'commune_viewer', province: '', communes: ['18073'] }],
    [
      'a province that is not a 2-digit code',
      { role: 'commune_viewer', province: '42x', communes: ['18073'] },
    ],
    ['a province as a list', { role: 'auditor', province: ['42'] }],
    ['a cadreId as a list', { role: 'cadre', province: '42', cadreId: ['c-home'] }],
    ['a cadreId as a number', { role: 'cadre', province: '42', cadreId: 7 }],
    ['an unknown role', { role: 'superuser', province: '42', communes: ['18073'] }],
    ['a role that is not a string', { role: ['province_admin'], province: '42' }],
  ];

  const GETS = [
    'units/18073',
    'positions/xa_chu_tich_ubnd',
    'quotas/18073_cb_2026',
    'cadres/c-home',
    'movements/mv-42-1',
    'evaluations/2026-Q3_c-home',
    'ratings/r-1',
    'jobs/run-1',
    'audit/a-1',
  ];

  test.each(MALFORMED)('%s: no get and no list succeeds', async (_label, claims) => {
    const db = as(claims);
    for (const p of GETS) await assertFails(lite.getDoc(lite.doc(db, p)));
    const inProvince = lite.where('provinceCode', '==', '42');
    await assertFails(lite.getDocs(lite.collection(db, 'units')));
    await assertFails(lite.getDocs(lite.collection(db, 'positions')));
    await assertFails(
      lite.getDocs(
        lite.query(lite.collection(db, 'cadres'), inProvince, lite.where('communeCode', '==', '18073')),
      ),
    );
    await assertFails(lite.getDocs(lite.query(lite.collection(db, 'cadres'), inProvince)));
    await assertFails(
      lite.getDocs(
        lite.query(lite.collection(db, 'evaluations'), inProvince, lite.where('cadreId', '==', 'c-home')),
      ),
    );
  });

  test('the same accounts with well-formed claims read (the refusals above are about the shape)', async () => {
    await assertSucceeds(
      lite.getDoc(
        lite.doc(as({ role: 'commune_admin', province: '42', communes: ['18073'] }), 'cadres/c-home'),
      ),
    );
    await assertSucceeds(
      lite.getDoc(lite.doc(as({ role: 'province_admin', province: '42' }), 'cadres/c-home')),
    );
    await assertSucceeds(lite.getDoc(lite.doc(as({ role: 'auditor', province: '42' }), 'audit/a-1')));
    await assertSucceeds(
      lite.getDoc(lite.doc(as({ role: 'cadre', province: '42', cadreId: 'c-home' }), 'cadres/c-home')),
    );
  });
});

describe('a home commune reads its people wherever they are seconded', () => {
  const admin18073 = () => as({ role: 'commune_admin', province: '42', communes: ['18073'] });
  const admin18100 = () => as({ role: 'commune_admin', province: '42', communes: ['18100'] });
  const admin18115 = () => as({ role: 'commune_admin', province: '42', communes: ['18115'] });
  const monitor = () => as({ role: 'area_monitor', province: '42', communes: ['18073', '18115'] });
  const inProvince = lite.where('provinceCode', '==', '42');
  const ids = (snap: lite.QuerySnapshot) => snap.docs.map((d) => d.id).sort();

  test('get: the home commune and the commune where the person works both read the record; a third does not', async () => {
    await assertSucceeds(lite.getDoc(lite.doc(admin18073(), 'cadres/c-seconded')));
    await assertSucceeds(lite.getDoc(lite.doc(admin18100(), 'cadres/c-seconded')));
    await assertFails(lite.getDoc(lite.doc(admin18115(), 'cadres/c-seconded')));
    await assertFails(lite.getDoc(lite.doc(admin18073(), 'cadres/c-other')));
  });

  test('get: a person without a home commune is read by the commune where they work only', async () => {
    await assertSucceeds(lite.getDoc(lite.doc(admin18100(), 'cadres/c-provincial')));
    await assertFails(lite.getDoc(lite.doc(admin18073(), 'cadres/c-provincial')));
  });

  test('get: a home commune code of another province gives nothing', async () => {
    await assertFails(lite.getDoc(lite.doc(admin18073(), 'cadres/c-40')));
  });

  test('list by homeCommuneCode == mine (with the province) returns home and seconded people', async () => {
    const snap = await assertSucceeds(
      lite.getDocs(
        lite.query(
          lite.collection(admin18073(), 'cadres'),
          inProvince,
          lite.where('homeCommuneCode', '==', '18073'),
        ),
      ),
    );
    expect(ids(snap)).toEqual(['c-home', 'c-seconded']);
  });

  test('list by homeCommuneCode in my communes is allowed; one commune that is not mine refuses it', async () => {
    const snap = await assertSucceeds(
      lite.getDocs(
        lite.query(
          lite.collection(monitor(), 'cadres'),
          inProvince,
          lite.where('homeCommuneCode', 'in', ['18073', '18115']),
        ),
      ),
    );
    expect(ids(snap)).toEqual(['c-home', 'c-seconded']);
    await assertFails(
      lite.getDocs(
        lite.query(
          lite.collection(monitor(), 'cadres'),
          inProvince,
          lite.where('homeCommuneCode', 'in', ['18073', '18100']),
        ),
      ),
    );
  });

  test('list by work commune still works and finds the secondee where they work', async () => {
    const snap = await assertSucceeds(
      lite.getDocs(
        lite.query(
          lite.collection(admin18100(), 'cadres'),
          inProvince,
          lite.where('communeCode', '==', '18100'),
        ),
      ),
    );
    expect(ids(snap)).toEqual(['c-other', 'c-provincial', 'c-seconded']);
  });

  test('unscoped, other-commune and province-less home queries are refused', async () => {
    const db = admin18073();
    await assertFails(lite.getDocs(lite.query(lite.collection(db, 'cadres'), inProvince)));
    await assertFails(
      lite.getDocs(
        lite.query(lite.collection(db, 'cadres'), inProvince, lite.where('homeCommuneCode', '==', '18100')),
      ),
    );
    await assertFails(
      lite.getDocs(lite.query(lite.collection(db, 'cadres'), lite.where('homeCommuneCode', '==', '18073'))),
    );
    await assertFails(
      lite.getDocs(
        lite.query(
          lite.collection(db, 'cadres'),
          lite.where('provinceCode', '==', '40'),
          lite.where('homeCommuneCode', '==', '18073'),
        ),
      ),
    );
  });

  test('the home commune sees the movements of its seconded people through communeCodes', async () => {
    const snap = await assertSucceeds(
      lite.getDocs(
        lite.query(
          lite.collection(admin18073(), 'movements'),
          inProvince,
          lite.where('communeCodes', 'array-contains', '18073'),
        ),
      ),
    );
    expect(ids(snap)).toEqual(['mv-42-1']);
  });
});

describe('units are public reference data, whatever the province', () => {
  test('an account of province 42 reads and lists the units of province 40', async () => {
    const db = as({ role: 'commune_viewer', province: '42', communes: ['18073'] });
    await assertSucceeds(lite.getDoc(lite.doc(db, 'units/40')));
    await assertSucceeds(lite.getDoc(lite.doc(db, 'units/16681')));
    const snap = await assertSucceeds(
      lite.getDocs(lite.query(lite.collection(db, 'units'), lite.where('provinceCode', '==', '40'))),
    );
    expect(snap.docs.map((d) => d.id).sort()).toEqual(['16681', '40']);
  });

  test('but not without signing in', async () => {
    await assertFails(lite.getDoc(lite.doc(project.anonymous(), 'units/40')));
    await assertFails(lite.getDocs(lite.collection(project.anonymous(), 'units')));
  });
});
