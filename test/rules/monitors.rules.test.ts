/**
 * firestore.rules for area monitors (issue 13, docs/monitors.md):
 * - an area monitor's communes are those of its scope document
 *   userScopes/{uid}, not of its token: a monitor reassigned away from a
 *   commune is refused the very next read of it, with the same token;
 * - a monitor with no communes in its claims reads by its scope document
 *   (claims stay small for monitors of very many communes);
 * - a scope document of another role or province gives no commune; an
 *   account without any scope document keeps its claims (Admin-SDK claims);
 * - commune admins and viewers still read by their claims;
 * - monitorAssignments and monitorLog: who reads them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { closeClients, lite } from '../helpers/firestore';
import { rulesProject, type RulesProject } from '../helpers/rules';
import {
  areaMonitorsQuery,
  monitorAssignmentQuery,
  monitorLogQueries,
  type QuerySpec,
  withScopeDocument,
} from '../../hosting/src/data/scope';
import type { Claims } from '@canbo/model';

afterAll(closeClients);

let project: RulesProject;

const scope = (uid: string, role: string, provinceCode: string, communes: string[]) => ({
  uid,
  role,
  provinceCode,
  communes,
  cadreId: null,
  version: 1,
  claimsAppliedVersion: 1,
  claimsPending: false,
  updatedAt: '2026-11-25T08:00:00.000Z',
  updatedBy: 'u-admin',
});

const stats = (unitCode: string, provinceCode: string, communeCode: string) => ({
  unitCode,
  provinceCode,
  communeCode,
});

const logEntry = (id: string, communeCode: string, monitorUid: string) => ({
  id,
  provinceCode: '42',
  communeCode,
  monitorUid,
  kind: 'finding',
  date: '2026-11-20',
  field: 'government',
  summary: 'Hồ sơ một cửa chậm',
  followUp: 'open',
  dueDate: null,
  history: [],
  createdAt: '2026-11-20T08:00:00.000Z',
  updatedAt: '2026-11-20T08:00:00.000Z',
  updatedBy: monitorUid,
});

const assignment = (id: string, monitorUid: string, communes: string[]) => ({
  id,
  provinceCode: '42',
  monitorUid,
  communes,
  fields: ['government'],
  from: '2026-11-01',
  to: null,
  decision: null,
  reason: 'Phân công',
  decidedBy: 'u-admin',
  decidedAt: '2026-11-01T08:00:00.000Z',
  endedBy: null,
  endReason: null,
});

beforeAll(async () => {
  project = await rulesProject(
    'canbo-monitors',
    fs.readFileSync(path.resolve(__dirname, '../../firestore.rules'), 'utf8'),
  );
  const batch = project.admin.batch();
  const set = (p: string, data: Record<string, unknown>) => batch.set(project.admin.doc(p), data);
  set('userScopes/u-mon', scope('u-mon', 'area_monitor', '42', ['18073', '18115']));
  set('userScopes/u-mon-small', scope('u-mon-small', 'area_monitor', '42', ['18073']));
  set('userScopes/u-was-mon', scope('u-was-mon', 'commune_admin', '42', ['18100']));
  set('userScopes/u-mon-40', scope('u-mon-40', 'area_monitor', '40', ['18073']));
  // A commune admin whose scope document differs from its token: commune roles keep their claims.
  set('userScopes/u-commune', scope('u-commune', 'commune_admin', '42', ['18100']));
  set('unitStats/18073', stats('18073', '42', '18073'));
  set('unitStats/18115', stats('18115', '42', '18115'));
  set('unitStats/18100', stats('18100', '42', '18100'));
  set('cadres/c-18073', { provinceCode: '42', communeCode: '18073', homeCommuneCode: '18073' });
  set('movements/m-1', { provinceCode: '42', cadreId: 'c-18073', communeCodes: ['18073', '18100'] });
  set('monitorLog/l-18073', logEntry('l-18073', '18073', 'u-mon'));
  set('monitorLog/l-18100', logEntry('l-18100', '18100', 'u-other'));
  set('monitorAssignments/a-mon', assignment('a-mon', 'u-mon', ['18073', '18115']));
  set('monitorAssignments/a-other', assignment('a-other', 'u-other', ['18100']));
  await batch.commit();
});

const MONITOR_TOKEN = { role: 'area_monitor', province: '42', communes: ['18073', '18115'] };
const ADMIN_42 = { role: 'province_admin', province: '42' };
const get = (db: lite.Firestore, p: string) => lite.getDoc(lite.doc(db, p));
const statsOf = (db: lite.Firestore, communes: string[]) =>
  lite.getDocs(
    lite.query(
      lite.collection(db, 'unitStats'),
      lite.where('provinceCode', '==', '42'),
      communes.length === 1
        ? lite.where('communeCode', '==', communes[0])
        : lite.where('communeCode', 'in', communes),
    ),
  );

describe('an area monitor reads by its scope document', () => {
  test('reassigned away from 18073: the very next read of 18073 is refused with the same token', async () => {
    await project.admin
      .doc('userScopes/u-mon-r')
      .set(scope('u-mon-r', 'area_monitor', '42', ['18073', '18115']));
    const db = project.as('u-mon-r', MONITOR_TOKEN);
    await assertSucceeds(get(db, 'unitStats/18073'));
    await assertSucceeds(get(db, 'cadres/c-18073'));
    await assertSucceeds(statsOf(db, ['18073', '18115']));

    // The province reassigns 18073 (what assignMonitor / reassignMonitorCommune write).
    await project.admin.doc('userScopes/u-mon-r').update({ communes: ['18115'], version: 2 });

    await assertFails(get(db, 'unitStats/18073'));
    await assertFails(get(db, 'cadres/c-18073'));
    await assertFails(get(db, 'movements/m-1'));
    await assertFails(statsOf(db, ['18073', '18115']));
    await assertFails(statsOf(db, ['18073']));
    // What it still follows stays open.
    await assertSucceeds(get(db, 'unitStats/18115'));
    const snap = await assertSucceeds(statsOf(db, ['18115']));
    expect(snap.docs.map((d) => d.id)).toEqual(['18115']);
  });

  test('a commune added to the scope document opens at once, though the token does not name it', async () => {
    await project.admin.doc('userScopes/u-mon-add').set(scope('u-mon-add', 'area_monitor', '42', ['18073']));
    const db = project.as('u-mon-add', { role: 'area_monitor', province: '42', communes: ['18073'] });
    await assertFails(get(db, 'unitStats/18100'));
    await project.admin.doc('userScopes/u-mon-add').update({ communes: ['18073', '18100'] });
    await assertSucceeds(get(db, 'unitStats/18100'));
    await assertSucceeds(get(db, 'movements/m-1'));
  });

  test('a monitor whose token carries no communes reads the communes of its scope document', async () => {
    const db = project.as('u-mon', { role: 'area_monitor', province: '42' });
    await assertSucceeds(get(db, 'unitStats/18073'));
    await assertSucceeds(statsOf(db, ['18073', '18115']));
    await assertFails(get(db, 'unitStats/18100'));
    await assertFails(statsOf(db, ['18073', '18100']));
  });

  test('the token’s communes do not widen the scope document', async () => {
    const db = project.as('u-mon-small', MONITOR_TOKEN);
    await assertSucceeds(get(db, 'unitStats/18073'));
    await assertFails(get(db, 'unitStats/18115'));
    await assertFails(statsOf(db, ['18073', '18115']));
  });

  test('a scope document of another role, or of another province, gives the monitor token no commune', async () => {
    await assertFails(get(project.as('u-was-mon', MONITOR_TOKEN), 'unitStats/18073'));
    await assertFails(
      get(project.as('u-was-mon', { ...MONITOR_TOKEN, communes: ['18100'] }), 'unitStats/18100'),
    );
    await assertFails(get(project.as('u-mon-40', MONITOR_TOKEN), 'unitStats/18073'));
  });

  test('an account with no scope document at all keeps the communes of its claims', async () => {
    const db = project.as('u-no-scope', MONITOR_TOKEN);
    await assertSucceeds(get(db, 'unitStats/18073'));
    await assertFails(get(db, 'unitStats/18100'));
  });

  test('commune admins still read by their claims, whatever their scope document says', async () => {
    const db = project.as('u-commune', { role: 'commune_admin', province: '42', communes: ['18073'] });
    await assertSucceeds(get(db, 'unitStats/18073'));
    await assertFails(get(db, 'unitStats/18100'));
  });
});

describe('monitorLog', () => {
  const logOf = (db: lite.Firestore, ...filters: lite.QueryConstraint[]) =>
    lite.getDocs(lite.query(lite.collection(db, 'monitorLog'), ...filters));

  test('the province reads every commune’s log; a list query carries the province', async () => {
    const db = project.as('u-admin', ADMIN_42);
    await assertSucceeds(get(db, 'monitorLog/l-18073'));
    await assertSucceeds(get(db, 'monitorLog/l-18100'));
    const snap = await assertSucceeds(logOf(db, lite.where('provinceCode', '==', '42')));
    expect(snap.docs.map((d) => d.id).sort()).toEqual(['l-18073', 'l-18100']);
    await assertFails(logOf(db));
    await assertFails(
      get(project.as('u-admin-40', { role: 'province_admin', province: '40' }), 'monitorLog/l-18073'),
    );
    await assertSucceeds(
      get(project.as('u-auditor', { role: 'auditor', province: '42' }), 'monitorLog/l-18073'),
    );
  });

  test('a monitor reads the log of the communes it follows now, with scoped queries only', async () => {
    const db = project.as('u-mon', MONITOR_TOKEN);
    await assertSucceeds(get(db, 'monitorLog/l-18073'));
    await assertFails(get(db, 'monitorLog/l-18100'));
    const snap = await assertSucceeds(
      logOf(db, lite.where('provinceCode', '==', '42'), lite.where('communeCode', 'in', ['18073', '18115'])),
    );
    expect(snap.docs.map((d) => d.id)).toEqual(['l-18073']);
    await assertFails(logOf(db, lite.where('provinceCode', '==', '42')));
    await assertFails(
      logOf(db, lite.where('provinceCode', '==', '42'), lite.where('monitorUid', '==', 'u-mon')),
    );
  });

  test('commune staff and cadres do not read the monitors’ log', async () => {
    await assertFails(
      get(
        project.as('u-c', { role: 'commune_admin', province: '42', communes: ['18073'] }),
        'monitorLog/l-18073',
      ),
    );
    await assertFails(
      get(
        project.as('u-v', { role: 'commune_viewer', province: '42', communes: ['18073'] }),
        'monitorLog/l-18073',
      ),
    );
    await assertFails(
      get(project.as('u-cadre', { role: 'cadre', province: '42', cadreId: 'c-18073' }), 'monitorLog/l-18073'),
    );
  });

  test('no client writes the log', async () => {
    const db = project.as('u-mon', MONITOR_TOKEN);
    await assertFails(lite.setDoc(lite.doc(db, 'monitorLog/l-new'), logEntry('l-new', '18073', 'u-mon')));
    await assertFails(lite.updateDoc(lite.doc(db, 'monitorLog/l-18073'), { followUp: 'done' }));
  });
});

describe('monitorAssignments', () => {
  const assignmentsOf = (db: lite.Firestore, ...filters: lite.QueryConstraint[]) =>
    lite.getDocs(lite.query(lite.collection(db, 'monitorAssignments'), ...filters));

  test('the province reads every assignment of the province', async () => {
    const db = project.as('u-admin', ADMIN_42);
    const snap = await assertSucceeds(assignmentsOf(db, lite.where('provinceCode', '==', '42')));
    expect(snap.docs.map((d) => d.id).sort()).toEqual(['a-mon', 'a-other']);
    await assertFails(assignmentsOf(db));
  });

  test('a monitor reads its own assignments only', async () => {
    const db = project.as('u-mon', MONITOR_TOKEN);
    await assertSucceeds(get(db, 'monitorAssignments/a-mon'));
    await assertFails(get(db, 'monitorAssignments/a-other'));
    const snap = await assertSucceeds(
      assignmentsOf(db, lite.where('provinceCode', '==', '42'), lite.where('monitorUid', '==', 'u-mon')),
    );
    expect(snap.docs.map((d) => d.id)).toEqual(['a-mon']);
    await assertFails(assignmentsOf(db, lite.where('provinceCode', '==', '42')));
    await assertFails(
      lite.setDoc(lite.doc(db, 'monitorAssignments/a-x'), assignment('a-x', 'u-mon', ['18100'])),
    );
  });

  test('commune staff do not read assignments', async () => {
    await assertFails(
      get(
        project.as('u-c', { role: 'commune_admin', province: '42', communes: ['18073'] }),
        'monitorAssignments/a-mon',
      ),
    );
  });
});

describe('the web client’s monitor queries (hosting/src/data/scope.ts) pass the rules', () => {
  /** Runs query descriptions (filters and order, as data/reads.ts does) as `uid` with `claims`; the ids returned. */
  async function run(uid: string, claims: Claims, specs: QuerySpec[] | QuerySpec | null): Promise<string[]> {
    if (!specs) throw new Error('no query built');
    const db = project.as(uid, { ...claims });
    const ids: string[] = [];
    for (const spec of Array.isArray(specs) ? specs : [specs]) {
      const q = lite.query(
        lite.collection(db, spec.collection),
        ...spec.filters.map((f) =>
          lite.where(f.field, f.op, Array.isArray(f.value) ? [...f.value] : f.value),
        ),
        ...(spec.orderBy ?? []).map((o) => lite.orderBy(o.field, o.direction)),
        ...(spec.limit ? [lite.limit(spec.limit)] : []),
      );
      ids.push(...(await lite.getDocs(q)).docs.map((d) => d.id));
    }
    return [...new Set(ids)].sort();
  }
  const ADMIN: Claims = { role: 'province_admin', province: '42' };

  test('a monitor’s log and assignments, with the communes of its scope document', async () => {
    const token: Claims = { role: 'area_monitor', province: '42' };
    const claims = withScopeDocument(token, {
      role: 'area_monitor',
      provinceCode: '42',
      communes: ['18073', '18115'],
    });
    expect(await run('u-mon', claims, monitorLogQueries(claims))).toEqual(['l-18073']);
    expect(await run('u-mon', claims, monitorAssignmentQuery(claims, 'u-mon'))).toEqual(['a-mon']);
  });

  test('the province’s log, assignments and monitors', async () => {
    expect(await run('u-admin', ADMIN, monitorLogQueries(ADMIN))).toEqual(['l-18073', 'l-18100']);
    expect(await run('u-admin', ADMIN, monitorAssignmentQuery(ADMIN, 'u-admin'))).toEqual([
      'a-mon',
      'a-other',
    ]);
    // The area monitors' scope documents of province 42 (two were made by the tests above).
    expect(await run('u-admin', ADMIN, areaMonitorsQuery(ADMIN))).toEqual([
      'u-mon',
      'u-mon-add',
      'u-mon-r',
      'u-mon-small',
    ]);
    const auditor: Claims = { role: 'auditor', province: '42' };
    expect(await run('u-auditor', auditor, monitorLogQueries(auditor))).toEqual(['l-18073', 'l-18100']);
  });
});
