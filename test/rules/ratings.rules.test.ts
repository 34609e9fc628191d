/**
 * firestore.rules for issue 11's collections:
 * - receipts/{receiptNo}: within scope, like ratings (province-wide roles of
 *   the province, commune roles for their communes);
 * - ratingComments/{receiptNo}: the province (province admins, auditors) and
 *   the commune's leadership (commune_viewer) only — not commune admins, not
 *   area monitors, not the cadre rated, not another province;
 * - rateLimits/{id}: nobody;
 * - a visitor without an account (a citizen) reads none of them, ratings included.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import type { Claims } from '@canbo/model';
import { commentsOfOfficer } from '../../hosting/src/pages/satisfaction/queries';
import { closeClients, lite } from '../helpers/firestore';
import { rulesProject, type RulesProject } from '../helpers/rules';

afterAll(closeClients);

let project: RulesProject;

const place = (communeCode: string, provinceCode = '42') => ({
  provinceCode,
  communeCode,
  unitCode: communeCode,
  cadreId: 'c-desk',
});

beforeAll(async () => {
  project = await rulesProject(
    'canbo-ratings',
    fs.readFileSync(path.resolve(__dirname, '../../firestore.rules'), 'utf8'),
  );
  const batch = project.admin.batch();
  const set = (p: string, data: Record<string, unknown>) => batch.set(project.admin.doc(p), data);
  set('receipts/R-18073-1', { ...place('18073'), procedureId: 'khai_sinh' });
  set('receipts/R-18100-1', { ...place('18100'), procedureId: 'khai_sinh' });
  set('receipts/R-16681-1', { ...place('16681', '40'), procedureId: 'khai_sinh' });
  set('ratings/R-18073-1', { ...place('18073'), criteria: { overall: 5 } });
  set('ratingComments/R-18073-1', {
    ...place('18073'),
    comment: 'Phải đi lại nhiều lần.',
    submittedAt: '2026-11-20T02:00:00.000Z',
  });
  set('ratingComments/R-18100-1', {
    ...place('18100'),
    comment: 'Chu đáo.',
    submittedAt: '2026-11-21T02:00:00.000Z',
  });
  set('ratingComments/R-16681-1', { ...place('16681', '40'), comment: 'Chậm.' });
  set('rateLimits/abc_20261201', { count: 3 });
  set('units/18073', { code: '18073', provinceCode: '42', communeCode: '18073', level: 'commune' });
  await batch.commit();
});

const ADMIN = { role: 'province_admin', province: '42' };
const AUDITOR = { role: 'auditor', province: '42' };
const LEADER = { role: 'commune_viewer', province: '42', communes: ['18073'] };
const OTHER_LEADER = { role: 'commune_viewer', province: '42', communes: ['18100'] };
const COMMUNE_ADMIN = { role: 'commune_admin', province: '42', communes: ['18073'] };
const MONITOR = { role: 'area_monitor', province: '42', communes: ['18073', '18100'] };
const CADRE = { role: 'cadre', province: '42', cadreId: 'c-desk' };
const ADMIN_40 = { role: 'province_admin', province: '40' };
const INTEGRATION = { role: 'integration', province: '42' };

const get = (claims: Record<string, unknown> | null, p: string) =>
  lite.getDoc(lite.doc(claims ? project.as('u', claims) : project.anonymous(), p));

describe('receipts', () => {
  test('read within scope like ratings', async () => {
    await assertSucceeds(get(ADMIN, 'receipts/R-18073-1'));
    await assertSucceeds(get(AUDITOR, 'receipts/R-18100-1'));
    await assertSucceeds(get(COMMUNE_ADMIN, 'receipts/R-18073-1'));
    await assertSucceeds(get(MONITOR, 'receipts/R-18100-1'));
    await assertFails(get(COMMUNE_ADMIN, 'receipts/R-18100-1'));
    await assertFails(get(ADMIN, 'receipts/R-16681-1'));
    await assertFails(get(CADRE, 'receipts/R-18073-1'));
  });

  test('a list query must carry the scope', async () => {
    const db = project.as('u', COMMUNE_ADMIN);
    const receipts = lite.collection(db, 'receipts');
    await assertSucceeds(
      lite.getDocs(
        lite.query(
          receipts,
          lite.where('provinceCode', '==', '42'),
          lite.where('communeCode', '==', '18073'),
        ),
      ),
    );
    await assertFails(lite.getDocs(lite.query(receipts, lite.where('communeCode', '==', '18073'))));
  });
});

describe('citizen comments', () => {
  test('the province and the commune leadership read them', async () => {
    await assertSucceeds(get(ADMIN, 'ratingComments/R-18073-1'));
    await assertSucceeds(get(AUDITOR, 'ratingComments/R-18073-1'));
    await assertSucceeds(get(LEADER, 'ratingComments/R-18073-1'));
  });

  test('commune admins, area monitors, the cadre rated, another commune and another province do not', async () => {
    await assertFails(get(COMMUNE_ADMIN, 'ratingComments/R-18073-1'));
    await assertFails(get(MONITOR, 'ratingComments/R-18073-1'));
    await assertFails(get(CADRE, 'ratingComments/R-18073-1'));
    await assertFails(get(OTHER_LEADER, 'ratingComments/R-18073-1'));
    await assertFails(get(ADMIN_40, 'ratingComments/R-18073-1'));
    await assertFails(get(ADMIN, 'ratingComments/R-16681-1'));
  });

  test("the leadership's list query carries province and commune", async () => {
    const comments = lite.collection(project.as('u', LEADER), 'ratingComments');
    await assertSucceeds(
      lite.getDocs(
        lite.query(
          comments,
          lite.where('provinceCode', '==', '42'),
          lite.where('communeCode', '==', '18073'),
        ),
      ),
    );
    await assertFails(lite.getDocs(lite.query(comments, lite.where('provinceCode', '==', '42'))));
  });
});

describe("the officer page's comment query (hosting/src/pages/satisfaction/queries.ts)", () => {
  const run = async (claims: Claims) => {
    const spec = commentsOfOfficer(claims, 'c-desk');
    if (!spec) return null;
    const db = project.as('u', claims);
    const q = lite.query(
      lite.collection(db, spec.collection),
      ...spec.filters.map((f) => lite.where(f.field, f.op, f.value)),
      ...(spec.orderBy ?? []).map((o) => lite.orderBy(o.field, o.direction)),
      lite.limit(spec.limit ?? 50),
    );
    return (await lite.getDocs(q)).docs.map((d) => d.id);
  };

  test('the province reads every commune of the officer, newest first; the leadership its own commune', async () => {
    expect(await run(ADMIN as Claims)).toEqual(['R-18100-1', 'R-18073-1']);
    expect(await run(AUDITOR as Claims)).toEqual(['R-18100-1', 'R-18073-1']);
    expect(await run(LEADER as Claims)).toEqual(['R-18073-1']);
    expect(await run(OTHER_LEADER as Claims)).toEqual(['R-18100-1']);
  });

  test('a commune admin builds no query, and the same query made by hand is refused', async () => {
    expect(await run(COMMUNE_ADMIN as Claims)).toBeNull();
    const db = project.as('u', COMMUNE_ADMIN);
    await assertFails(
      lite.getDocs(
        lite.query(
          lite.collection(db, 'ratingComments'),
          lite.where('provinceCode', '==', '42'),
          lite.where('communeCode', '==', '18073'),
          lite.where('cadreId', '==', 'c-desk'),
        ),
      ),
    );
  });
});

describe('what nobody reads', () => {
  test('rate counters: not even a province admin', async () => {
    await assertFails(get(ADMIN, 'rateLimits/abc_20261201'));
    await assertFails(get(AUDITOR, 'rateLimits/abc_20261201'));
  });

  test('a visitor without an account reads no receipt, rating or comment', async () => {
    for (const p of ['receipts/R-18073-1', 'ratings/R-18073-1', 'ratingComments/R-18073-1'])
      await assertFails(get(null, p));
  });

  test('an integration account (the one-stop system) reads nothing, not even the public units', async () => {
    for (const p of ['receipts/R-18073-1', 'ratings/R-18073-1', 'ratingComments/R-18073-1', 'units/18073'])
      await assertFails(get(INTEGRATION, p));
    // The same document is public reference data for any other well-formed account.
    await assertSucceeds(get(CADRE, 'units/18073'));
  });

  test('no client writes', async () => {
    const db = project.as('u', ADMIN);
    await assertFails(lite.setDoc(lite.doc(db, 'receipts/R-new'), { ...place('18073') }));
    await assertFails(lite.setDoc(lite.doc(db, 'ratings/R-new'), { ...place('18073') }));
    await assertFails(lite.setDoc(lite.doc(project.anonymous(), 'ratings/R-18100-1'), { ...place('18100') }));
  });
});
