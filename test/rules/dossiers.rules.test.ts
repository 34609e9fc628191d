/**
 * firestore.rules for the personal-dossier collections (issue 13,
 * docs/personal-data.md): the access log (dossierReads) only for the auditors
 * of the province and the person concerned — not the province admins who
 * read dossiers, not commune roles; correction requests for the province's
 * admins and auditors and the person; retention marks for the province's
 * admins and auditors; private profiles for nobody; no client writes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { closeClients, lite } from '../helpers/firestore';
import { rulesProject, type RulesProject } from '../helpers/rules';
import {
  openCorrections,
  readsOfMine,
  readsOfProvince,
  type DossierQuery,
} from '../../hosting/src/pages/dossiers/queries';

afterAll(closeClients);

let project: RulesProject;

const read = (id: string, cadreId: string, provinceCode: string, at: string) => ({
  id,
  cadreId,
  provinceCode,
  communeCode: provinceCode === '42' ? '18073' : '16681',
  reader: { uid: 'u-admin', role: 'province_admin' },
  self: false,
  at,
  fields: ['family'],
  purpose: { code: 'planning', detail: 'Rà soát quy hoạch nhiệm kỳ' },
});
const correction = (id: string, cadreId: string, provinceCode: string) => ({
  id,
  cadreId,
  provinceCode,
  communeCode: '18073',
  field: 'phone',
  proposedValue: '0987654321',
  reason: 'Đổi số điện thoại',
  status: 'open',
  requestedBy: 'u-cadre',
  requestedAt: '2026-12-01T02:00:00.000Z',
  dueOn: '2026-12-03',
  responseWorkingDays: 2,
  decidedBy: null,
  decidedAt: null,
  decisionNote: null,
});

beforeAll(async () => {
  project = await rulesProject(
    'canbo-dossiers',
    fs.readFileSync(path.resolve(__dirname, '../../firestore.rules'), 'utf8'),
  );
  const batch = project.admin.batch();
  batch.set(
    project.admin.doc('dossierReads/dr-1'),
    read('dr-1', '18073-001', '42', '2026-12-01T01:00:00.000Z'),
  );
  batch.set(
    project.admin.doc('dossierReads/dr-2'),
    read('dr-2', '18073-002', '42', '2026-12-01T02:00:00.000Z'),
  );
  batch.set(
    project.admin.doc('dossierReads/dr-3'),
    read('dr-3', '18073-001', '42', '2026-12-01T03:00:00.000Z'),
  );
  batch.set(
    project.admin.doc('dossierReads/dr-x'),
    read('dr-x', '16681-001', '40', '2026-12-01T01:00:00.000Z'),
  );
  batch.set(project.admin.doc('correctionRequests/cr-1'), correction('cr-1', '18073-001', '42'));
  batch.set(project.admin.doc('correctionRequests/cr-2'), correction('cr-2', '18073-002', '42'));
  batch.set(project.admin.doc('correctionRequests/cr-x'), correction('cr-x', '16681-001', '40'));
  batch.set(project.admin.doc('dossierRetention/18073-009'), {
    cadreId: '18073-009',
    provinceCode: '42',
    communeCode: '18073',
    state: 'deleted',
  });
  batch.set(project.admin.doc('cadres/18073-001/private/profile'), { nationalId: '042085001234' });
  await batch.commit();
});

const ADMIN = { role: 'province_admin' as const, province: '42' };
const AUDITOR = { role: 'auditor' as const, province: '42' };
const AUDITOR_40 = { role: 'auditor', province: '40' };
const COMMUNE = { role: 'commune_admin', province: '42', communes: ['18073'] };
const VIEWER = { role: 'commune_viewer', province: '42', communes: ['18073'] };
const MONITOR = { role: 'area_monitor', province: '42', communes: ['18073'] };
const CADRE = { role: 'cadre' as const, province: '42', cadreId: '18073-001' };
/** The same person's id in claims of another province. */
const CADRE_CROSS = { role: 'cadre', province: '40', cadreId: '18073-001' };

const get = (db: lite.Firestore, p: string) => lite.getDoc(lite.doc(db, p));
const list = (db: lite.Firestore, coll: string, ...c: lite.QueryConstraint[]) =>
  lite.getDocs(lite.query(lite.collection(db, coll), ...c));
const ids = (snap: lite.QuerySnapshot) => snap.docs.map((x) => x.id);
const { where, orderBy } = lite;

describe('the access log (dossierReads)', () => {
  test("an auditor reads the province's log, by id and by query, newest first, and by person", async () => {
    const db = project.as('u-auditor', AUDITOR);
    await assertSucceeds(get(db, 'dossierReads/dr-1'));
    const all = await assertSucceeds(
      list(db, 'dossierReads', where('provinceCode', '==', '42'), orderBy('at', 'desc')),
    );
    expect(ids(all)).toEqual(['dr-3', 'dr-2', 'dr-1']);
    const one = await assertSucceeds(
      list(db, 'dossierReads', where('provinceCode', '==', '42'), where('cadreId', '==', '18073-001')),
    );
    expect(ids(one).sort()).toEqual(['dr-1', 'dr-3']);
    await assertFails(get(db, 'dossierReads/dr-x'));
    await assertFails(list(db, 'dossierReads', where('provinceCode', '==', '40')));
    await assertFails(list(db, 'dossierReads'));
  });

  test('the person reads the entries about them, with a query that names them', async () => {
    const db = project.as('u-cadre', CADRE);
    await assertSucceeds(get(db, 'dossierReads/dr-1'));
    await assertFails(get(db, 'dossierReads/dr-2'));
    const mine = await assertSucceeds(
      list(db, 'dossierReads', where('provinceCode', '==', '42'), where('cadreId', '==', '18073-001')),
    );
    expect(ids(mine).sort()).toEqual(['dr-1', 'dr-3']);
    await assertFails(list(db, 'dossierReads', where('provinceCode', '==', '42')));
    await assertFails(get(project.as('u-cross', CADRE_CROSS), 'dossierReads/dr-1'));
  });

  test.each([
    ['a province admin', ADMIN],
    ['a commune admin', COMMUNE],
    ['a commune viewer', VIEWER],
    ['an area monitor', MONITOR],
    ['an auditor of another province', AUDITOR_40],
  ])('%s reads no entry', async (_name, claims) => {
    const db = project.as('u-other', claims);
    await assertFails(get(db, 'dossierReads/dr-1'));
    await assertFails(list(db, 'dossierReads', where('provinceCode', '==', '42')));
  });

  test('not signed in: nothing', async () => {
    await assertFails(get(project.anonymous(), 'dossierReads/dr-1'));
  });
});

describe('correction requests', () => {
  test("the province's admins and auditors read them; the open ones by due date", async () => {
    for (const claims of [ADMIN, AUDITOR]) {
      const db = project.as('u-wide', claims);
      await assertSucceeds(get(db, 'correctionRequests/cr-2'));
      const open = await assertSucceeds(
        list(
          db,
          'correctionRequests',
          where('provinceCode', '==', '42'),
          where('status', '==', 'open'),
          orderBy('dueOn'),
        ),
      );
      expect(ids(open).sort()).toEqual(['cr-1', 'cr-2']);
      await assertFails(get(db, 'correctionRequests/cr-x'));
    }
  });

  test('the person reads their own; commune roles read none', async () => {
    const db = project.as('u-cadre', CADRE);
    await assertSucceeds(get(db, 'correctionRequests/cr-1'));
    await assertFails(get(db, 'correctionRequests/cr-2'));
    const mine = await assertSucceeds(
      list(db, 'correctionRequests', where('provinceCode', '==', '42'), where('cadreId', '==', '18073-001')),
    );
    expect(ids(mine)).toEqual(['cr-1']);
    for (const claims of [COMMUNE, VIEWER, MONITOR])
      await assertFails(get(project.as('u-commune', claims), 'correctionRequests/cr-1'));
  });
});

describe('retention marks, private profiles and writes', () => {
  test("retention marks: the province's admins and auditors only", async () => {
    await assertSucceeds(get(project.as('u-admin', ADMIN), 'dossierRetention/18073-009'));
    await assertSucceeds(get(project.as('u-auditor', AUDITOR), 'dossierRetention/18073-009'));
    await assertFails(get(project.as('u-commune', COMMUNE), 'dossierRetention/18073-009'));
    await assertFails(get(project.as('u-cadre', CADRE), 'dossierRetention/18073-009'));
  });

  test('a private profile is read by no client, not even its person: the callable serves it', async () => {
    for (const claims of [ADMIN, AUDITOR, CADRE])
      await assertFails(get(project.as('u', claims), 'cadres/18073-001/private/profile'));
  });

  test('no client writes the log, a request or a mark', async () => {
    const db = project.as('u-auditor', AUDITOR);
    await assertFails(
      lite.setDoc(lite.doc(db, 'dossierReads/dr-new'), read('dr-new', '18073-001', '42', 'x')),
    );
    await assertFails(lite.deleteDoc(lite.doc(db, 'dossierReads/dr-1')));
    const cadre = project.as('u-cadre', CADRE);
    await assertFails(
      lite.setDoc(lite.doc(cadre, 'correctionRequests/cr-new'), correction('cr-new', '18073-001', '42')),
    );
    await assertFails(lite.deleteDoc(lite.doc(cadre, 'dossierReads/dr-1')));
    await assertFails(
      lite.setDoc(lite.doc(project.as('u-admin', ADMIN), 'dossierRetention/x'), { provinceCode: '42' }),
    );
  });
});

describe("the pages' own queries (hosting/src/pages/dossiers/queries.ts) pass the rules", () => {
  /** A description run with the lite SDK, as the pages run it. */
  const run = (db: lite.Firestore, q: DossierQuery | null) =>
    lite.getDocs(
      lite.query(
        lite.collection(db, q!.collection),
        ...q!.constraints.map((c) =>
          c.kind === 'where'
            ? lite.where(c.field, c.op, c.value)
            : c.kind === 'orderBy'
              ? lite.orderBy(c.field, c.dir)
              : lite.limit(c.n),
        ),
      ),
    );

  test("my reads, the auditor's filtered log and the correction queue", async () => {
    const mine = await assertSucceeds(run(project.as('u-cadre', CADRE), readsOfMine(CADRE)));
    expect(ids(mine)).toEqual(['dr-3', 'dr-1']);
    const filtered = await assertSucceeds(
      run(
        project.as('u-auditor', AUDITOR),
        readsOfProvince(AUDITOR, { from: '2026-12-01', to: '2026-12-01', cadreId: '', readerUid: 'u-admin' }),
      ),
    );
    expect(ids(filtered)).toEqual(['dr-3', 'dr-2', 'dr-1']);
    const queue = await assertSucceeds(run(project.as('u-admin', ADMIN), openCorrections(ADMIN)));
    expect(ids(queue).sort()).toEqual(['cr-1', 'cr-2']);
  });
});
