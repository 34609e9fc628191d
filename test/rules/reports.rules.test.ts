/**
 * firestore.rules for reports/{id} and its parts (issue 13, docs/reports.md):
 * the requester reads their own report while their claims name its province;
 * the province-wide roles of the province read every report of it; another
 * commune account, another province and the job's pages are refused; no client
 * writes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { closeClients, lite } from '../helpers/firestore';
import { rulesProject, type RulesProject } from '../helpers/rules';

afterAll(closeClients);

let project: RulesProject;

const report = (id: string, provinceCode: string, startedBy: string) => ({
  id,
  kind: 'staffing',
  scope: 'commune',
  provinceCode,
  communeCode: '18073',
  state: 'succeeded',
  startedBy,
  createdAt: '2026-12-01T03:00:00.000Z',
});

const commune = { role: 'commune_admin', province: '42', communes: ['18073'] };
const otherCommune = { role: 'commune_admin', province: '42', communes: ['18100'] };

beforeAll(async () => {
  project = await rulesProject(
    'canbo-reports',
    fs.readFileSync(path.resolve(__dirname, '../../firestore.rules'), 'utf8'),
  );
  const batch = project.admin.batch();
  batch.set(project.admin.doc('reports/r1'), report('r1', '42', 'u-commune'));
  batch.set(project.admin.doc('reports/r1/parts/0000'), {
    reportId: 'r1',
    index: 0,
    provinceCode: '42',
    startedBy: 'u-commune',
    groups: [],
  });
  batch.set(project.admin.doc('reports/r1/pages/0000'), { index: 0, units: ['18073'], data: {} });
  batch.set(project.admin.doc('reports/r2'), report('r2', '40', 'u-commune'));
  await batch.commit();
});

test('the requester and the province-wide roles of the province read a report and its parts', async () => {
  for (const [uid, claims] of [
    ['u-commune', commune],
    ['u-admin', { role: 'province_admin', province: '42' }],
    ['u-auditor', { role: 'auditor', province: '42' }],
  ] as const) {
    const db = project.as(uid, claims);
    await assertSucceeds(lite.getDoc(lite.doc(db, 'reports/r1')));
    await assertSucceeds(lite.getDoc(lite.doc(db, 'reports/r1/parts/0000')));
  }
});

test('lists carry the province (and the requester for others); another account, province or the pages are refused', async () => {
  const mine = project.as('u-commune', commune);
  const q = lite.query(
    lite.collection(mine, 'reports'),
    lite.where('provinceCode', '==', '42'),
    lite.where('startedBy', '==', 'u-commune'),
  );
  expect((await assertSucceeds(lite.getDocs(q))).docs.map((d) => d.id)).toEqual(['r1']);
  await assertFails(
    lite.getDocs(lite.query(lite.collection(mine, 'reports'), lite.where('provinceCode', '==', '42'))),
  );
  const admin = project.as('u-admin', { role: 'province_admin', province: '42' });
  await assertSucceeds(
    lite.getDocs(lite.query(lite.collection(admin, 'reports'), lite.where('provinceCode', '==', '42'))),
  );
  // Another commune's account, the same uid with another province's claims, another province's admin.
  await assertFails(lite.getDoc(lite.doc(project.as('u-other', otherCommune), 'reports/r1')));
  await assertFails(
    lite.getDoc(
      lite.doc(
        project.as('u-commune', { role: 'commune_admin', province: '40', communes: ['16681'] }),
        'reports/r1',
      ),
    ),
  );
  await assertFails(
    lite.getDoc(lite.doc(project.as('u-admin40', { role: 'province_admin', province: '40' }), 'reports/r1')),
  );
  await assertFails(lite.getDoc(lite.doc(project.as('u-other', otherCommune), 'reports/r1/parts/0000')));
  // The job's pages: nobody.
  await assertFails(
    lite.getDoc(
      lite.doc(project.as('u-admin', { role: 'province_admin', province: '42' }), 'reports/r1/pages/0000'),
    ),
  );
  await assertFails(lite.getDoc(lite.doc(project.anonymous(), 'reports/r1')));
});

test('no client writes a report', async () => {
  const admin = project.as('u-admin', { role: 'province_admin', province: '42' });
  await assertFails(lite.setDoc(lite.doc(admin, 'reports/r3'), report('r3', '42', 'u-admin')));
  await assertFails(
    lite.updateDoc(lite.doc(project.as('u-commune', commune), 'reports/r1'), { state: 'failed' }),
  );
});
