/**
 * firestore.rules for the collections of issue 9's scopes and idempotency
 * keys, and for jobs now that they carry a province:
 * - userScopes/{uid}: province admins of the granting province and the
 *   account itself read it; nobody writes it from a client;
 * - idempotency/{id}: never readable nor writable by a client;
 * - jobs/{id}: province-wide roles of the job's province only; a national
 *   job (provinceCode null) or one without a province is read by no client.
 * On the rules before the fix, the userScopes reads failed (no rule) and the
 * national and other-province jobs were readable by every province admin.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { closeClients, lite } from '../helpers/firestore';
import { rulesProject, type RulesProject } from '../helpers/rules';

afterAll(closeClients);

let project: RulesProject;

const scope = (uid: string, provinceCode: string, communes: string[]) => ({
  uid,
  role: 'commune_admin',
  provinceCode,
  communes,
  cadreId: null,
  version: 1,
  claimsAppliedVersion: 1,
  claimsPending: false,
  updatedAt: '2026-11-25T08:00:00.000Z',
  updatedBy: `u-admin-${provinceCode}`,
});

beforeAll(async () => {
  project = await rulesProject(
    'canbo-scopes',
    fs.readFileSync(path.resolve(__dirname, '../../firestore.rules'), 'utf8'),
  );
  const batch = project.admin.batch();
  const set = (p: string, data: Record<string, unknown>) => batch.set(project.admin.doc(p), data);
  set('userScopes/u-42', scope('u-42', '42', ['18073']));
  set('userScopes/u-40', scope('u-40', '40', ['16681']));
  set('idempotency/u-42_6f1c1a52-3c1e-4d43-9f55-0a7e5d2b9c01', {
    uid: 'u-42',
    requestId: '6f1c1a52-3c1e-4d43-9f55-0a7e5d2b9c01',
    op: 'proposeMovement',
    state: 'done',
  });
  set('jobs/job-42', { kind: 'claims_reconcile', provinceCode: '42' });
  set('jobs/job-40', { kind: 'claims_reconcile', provinceCode: '40' });
  set('jobs/job-national', { kind: 'movement_alerts', provinceCode: null });
  set('jobs/job-legacy', { kind: 'seed' });
  await batch.commit();
});

const ADMIN_42 = { role: 'province_admin', province: '42' };
const AUDITOR_42 = { role: 'auditor', province: '42' };
const COMMUNE_42 = { role: 'commune_admin', province: '42', communes: ['18073'] };
const as = (uid: string, claims: Record<string, unknown>) => project.as(uid, claims);
const get = (db: lite.Firestore, p: string) => lite.getDoc(lite.doc(db, p));

describe('userScopes', () => {
  test('a province admin reads and lists the scopes their province granted, not another province’s', async () => {
    const db = as('u-admin', ADMIN_42);
    await assertSucceeds(get(db, 'userScopes/u-42'));
    await assertFails(get(db, 'userScopes/u-40'));
    const snap = await assertSucceeds(
      lite.getDocs(lite.query(lite.collection(db, 'userScopes'), lite.where('provinceCode', '==', '42'))),
    );
    expect(snap.docs.map((d) => d.id)).toEqual(['u-42']);
    await assertFails(lite.getDocs(lite.collection(db, 'userScopes')));
    await assertFails(
      lite.getDocs(lite.query(lite.collection(db, 'userScopes'), lite.where('provinceCode', '==', '40'))),
    );
  });

  test('the account reads its own scope (even before its claims are applied), nobody else’s', async () => {
    await assertSucceeds(get(as('u-42', COMMUNE_42), 'userScopes/u-42'));
    await assertSucceeds(get(as('u-42', {}), 'userScopes/u-42'));
    await assertSucceeds(
      lite.getDocs(
        lite.query(lite.collection(as('u-42', COMMUNE_42), 'userScopes'), lite.where('uid', '==', 'u-42')),
      ),
    );
    await assertFails(get(as('u-42', COMMUNE_42), 'userScopes/u-40'));
    await assertFails(get(as('u-other', {}), 'userScopes/u-42'));
  });

  test('auditors, commune roles, malformed claims and visitors do not read scopes', async () => {
    await assertFails(get(as('u-aud', AUDITOR_42), 'userScopes/u-42'));
    await assertFails(get(as('u-com', COMMUNE_42), 'userScopes/u-42'));
    await assertFails(
      get(
        as('u-42', { role: 'commune_admin', province: '42', communes: { '18073': true } }),
        'userScopes/u-42',
      ),
    );
    await assertFails(get(project.anonymous(), 'userScopes/u-42'));
  });

  test('no client writes a scope, not even a province admin or the account itself', async () => {
    for (const [uid, claims] of [
      ['u-admin', ADMIN_42],
      ['u-42', COMMUNE_42],
    ] as const) {
      const db = as(uid, claims);
      await assertFails(lite.setDoc(lite.doc(db, 'userScopes/u-new'), scope('u-new', '42', ['18073'])));
      await assertFails(lite.updateDoc(lite.doc(db, 'userScopes/u-42'), { role: 'province_admin' }));
      await assertFails(lite.deleteDoc(lite.doc(db, 'userScopes/u-42')));
    }
  });
});

describe('idempotency keys', () => {
  test('are never read nor written by a client, not even by the account that made the request', async () => {
    const key = 'idempotency/u-42_6f1c1a52-3c1e-4d43-9f55-0a7e5d2b9c01';
    for (const [uid, claims] of [
      ['u-42', COMMUNE_42],
      ['u-admin', ADMIN_42],
      ['u-aud', AUDITOR_42],
    ] as const) {
      const db = as(uid, claims);
      await assertFails(get(db, key));
      await assertFails(lite.getDocs(lite.collection(db, 'idempotency')));
      await assertFails(
        lite.getDocs(lite.query(lite.collection(db, 'idempotency'), lite.where('uid', '==', 'u-42'))),
      );
      await assertFails(lite.setDoc(lite.doc(db, key), { uid: 'u-42', state: 'done' }));
      await assertFails(lite.deleteDoc(lite.doc(db, key)));
    }
  });
});

describe('jobs', () => {
  test('province-wide roles read the jobs of their province only', async () => {
    for (const claims of [ADMIN_42, AUDITOR_42]) {
      const db = as('u-p', claims);
      await assertSucceeds(get(db, 'jobs/job-42'));
      await assertFails(get(db, 'jobs/job-40'));
      const snap = await assertSucceeds(
        lite.getDocs(lite.query(lite.collection(db, 'jobs'), lite.where('provinceCode', '==', '42'))),
      );
      expect(snap.docs.map((d) => d.id)).toEqual(['job-42']);
      await assertFails(lite.getDocs(lite.collection(db, 'jobs')));
    }
  });

  test('national jobs, and jobs without a province, are read by no client', async () => {
    for (const claims of [ADMIN_42, AUDITOR_42, { role: 'province_admin', province: '40' }, COMMUNE_42]) {
      const db = as('u-p', claims);
      await assertFails(get(db, 'jobs/job-national'));
      await assertFails(get(db, 'jobs/job-legacy'));
      await assertFails(
        lite.getDocs(lite.query(lite.collection(db, 'jobs'), lite.where('provinceCode', '==', null))),
      );
    }
  });

  test('commune roles and cadres read no job, even of their province', async () => {
    await assertFails(get(as('u-c', COMMUNE_42), 'jobs/job-42'));
    await assertFails(get(as('u-c', { role: 'cadre', province: '42', cadreId: 'c-1' }), 'jobs/job-42'));
  });
});
