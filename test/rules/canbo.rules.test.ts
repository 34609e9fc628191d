/**
 * canbo's firestore.rules as a matrix: every role × collection × operation,
 * in scope and out of scope, positive and negative. Documents: commune 18073
 * (in the commune roles' scope), commune 18100 (same province, other commune)
 * and commune 16681 of province 40 (other province).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { closeClients, lite } from '../helpers/firestore';
import { rulesProject, type RulesProject } from '../helpers/rules';

afterAll(closeClients);

const ROLES = {
  province_admin: { role: 'province_admin', province: '42' },
  auditor: { role: 'auditor', province: '42' },
  area_monitor: { role: 'area_monitor', province: '42', communes: ['18073', '18115'] },
  commune_admin: { role: 'commune_admin', province: '42', communes: ['18073'] },
  commune_viewer: { role: 'commune_viewer', province: '42', communes: ['18073'] },
  cadre: { role: 'cadre', province: '42', cadreId: 'c-18073' },
  no_role: {},
} as const;
type Role = keyof typeof ROLES | 'anonymous';
const ALL: Role[] = [...(Object.keys(ROLES) as (keyof typeof ROLES)[]), 'anonymous'];
const PROVINCE: Role[] = ['province_admin', 'auditor'];
const COMMUNE: Role[] = ['area_monitor', 'commune_admin', 'commune_viewer'];

/** A place: in the commune roles' scope, elsewhere in the province, or in another province. */
const PLACES = {
  mine: { provinceCode: '42', communeCode: '18073', cadreId: 'c-18073' },
  neighbour: { provinceCode: '42', communeCode: '18100', cadreId: 'c-18100' },
  elsewhere: { provinceCode: '40', communeCode: '16681', cadreId: 'c-16681' },
};
type Place = keyof typeof PLACES;

interface CollectionSpec {
  name: string;
  /** Roles that may get the document of each place. */
  get: Record<Place, Role[]>;
  /** The scope filter each role's list query carries (null: the role has no scoped list). */
  scopedQuery: (role: Role) => lite.QueryConstraint[] | null;
  /** Whether a query without any filter is allowed (reference data only). */
  unscopedList: Role[];
}

const byPlace = (role: Role): lite.QueryConstraint[] | null => {
  if (PROVINCE.includes(role)) return [lite.where('provinceCode', '==', '42')];
  if (COMMUNE.includes(role)) return [lite.where('communeCode', '==', '18073')];
  return null;
};

const SIGNED_IN: Role[] = [
  'province_admin',
  'auditor',
  'area_monitor',
  'commune_admin',
  'commune_viewer',
  'cadre',
];

const COLLECTIONS: CollectionSpec[] = [
  {
    name: 'units',
    get: { mine: SIGNED_IN, neighbour: SIGNED_IN, elsewhere: SIGNED_IN },
    scopedQuery: (r) => (SIGNED_IN.includes(r) ? [lite.where('provinceCode', '==', '42')] : null),
    unscopedList: SIGNED_IN,
  },
  {
    name: 'positions',
    get: { mine: SIGNED_IN, neighbour: SIGNED_IN, elsewhere: SIGNED_IN },
    scopedQuery: () => null,
    unscopedList: SIGNED_IN,
  },
  {
    name: 'quotas',
    get: { mine: [...PROVINCE, ...COMMUNE], neighbour: PROVINCE, elsewhere: [] },
    scopedQuery: byPlace,
    unscopedList: [],
  },
  {
    name: 'cadres',
    get: { mine: [...PROVINCE, ...COMMUNE, 'cadre'], neighbour: PROVINCE, elsewhere: [] },
    scopedQuery: byPlace,
    unscopedList: [],
  },
  {
    name: 'movements',
    get: { mine: [...PROVINCE, ...COMMUNE, 'cadre'], neighbour: PROVINCE, elsewhere: [] },
    scopedQuery: (r) =>
      PROVINCE.includes(r)
        ? [lite.where('provinceCode', '==', '42')]
        : COMMUNE.includes(r)
          ? [lite.where('communeCodes', 'array-contains', '18073')]
          : r === 'cadre'
            ? [lite.where('cadreId', '==', 'c-18073')]
            : null,
    unscopedList: [],
  },
  {
    name: 'evaluations',
    get: { mine: [...PROVINCE, ...COMMUNE, 'cadre'], neighbour: PROVINCE, elsewhere: [] },
    scopedQuery: (r) => (r === 'cadre' ? [lite.where('cadreId', '==', 'c-18073')] : byPlace(r)),
    unscopedList: [],
  },
  {
    name: 'ratings',
    get: { mine: [...PROVINCE, ...COMMUNE], neighbour: PROVINCE, elsewhere: [] },
    scopedQuery: byPlace,
    unscopedList: [],
  },
  {
    name: 'jobs',
    get: { mine: PROVINCE, neighbour: PROVINCE, elsewhere: PROVINCE },
    scopedQuery: (r) => (PROVINCE.includes(r) ? [] : null),
    unscopedList: PROVINCE,
  },
  {
    name: 'audit',
    get: { mine: ['auditor'], neighbour: ['auditor'], elsewhere: [] },
    scopedQuery: (r) => (r === 'auditor' ? [lite.where('provinceCode', '==', '42')] : null),
    unscopedList: [],
  },
];

const docId = (collection: string, place: Place) =>
  collection === 'cadres' ? PLACES[place].cadreId : `${collection}-${place}`;

function documentFor(collection: string, place: Place): Record<string, unknown> {
  const p = PLACES[place];
  return { ...p, communeCodes: [p.communeCode], unitCode: p.communeCode, note: `${collection} of ${place}` };
}

let project: RulesProject;
const clientOf = (role: Role) =>
  role === 'anonymous' ? project.anonymous() : project.as(`uid-${role}`, { ...ROLES[role] });

beforeAll(async () => {
  project = await rulesProject(
    'canbo-matrix',
    fs.readFileSync(path.resolve(__dirname, '../../firestore.rules'), 'utf8'),
  );
  const batch = project.admin.batch();
  for (const spec of COLLECTIONS) {
    for (const place of Object.keys(PLACES) as Place[])
      batch.set(project.admin.doc(`${spec.name}/${docId(spec.name, place)}`), documentFor(spec.name, place));
  }
  batch.set(project.admin.doc('cadres/c-18073/private/profile'), { nationalId: '042085001234' });
  await batch.commit();
});

const getCases = COLLECTIONS.flatMap((spec) =>
  ALL.flatMap((role) =>
    (Object.keys(PLACES) as Place[]).map(
      (place) => [spec.name, role, place, spec.get[place].includes(role)] as const,
    ),
  ),
);

test.each(getCases)('get %s as %s, %s document → allowed: %s', async (collection, role, place, allowed) => {
  const read = lite.getDoc(lite.doc(clientOf(role), `${collection}/${docId(collection, place)}`));
  await (allowed ? assertSucceeds(read) : assertFails(read));
});

const listCases = COLLECTIONS.flatMap((spec) => ALL.map((role) => [spec.name, role] as const));

test.each(listCases)(
  'list %s as %s: the scoped query passes, the unscoped one only where allowed',
  async (collection, role) => {
    const spec = COLLECTIONS.find((c) => c.name === collection)!;
    const db = clientOf(role);
    const scoped = spec.scopedQuery(role);
    if (scoped) {
      const snap = await assertSucceeds(lite.getDocs(lite.query(lite.collection(db, collection), ...scoped)));
      expect(snap.size).toBeGreaterThan(0);
    }
    const unscoped = lite.getDocs(lite.collection(db, collection));
    await (spec.unscopedList.includes(role) ? assertSucceeds(unscoped) : assertFails(unscoped));
  },
);

test.each(ALL)('a %s cannot read the private profile, nor list it', async (role) => {
  const db = clientOf(role);
  await assertFails(lite.getDoc(lite.doc(db, 'cadres/c-18073/private/profile')));
  await assertFails(lite.getDocs(lite.collection(db, 'cadres/c-18073/private')));
});

test.each(ALL)('a %s can write nowhere (changes go through callables)', async (role) => {
  const db = clientOf(role);
  for (const spec of COLLECTIONS) {
    await assertFails(lite.setDoc(lite.doc(db, `${spec.name}/new-doc`), documentFor(spec.name, 'mine')));
    await assertFails(
      lite.updateDoc(lite.doc(db, `${spec.name}/${docId(spec.name, 'mine')}`), { note: 'x' }),
    );
    await assertFails(lite.deleteDoc(lite.doc(db, `${spec.name}/${docId(spec.name, 'mine')}`)));
  }
});

test('commune roles must filter on their own communes: another commune, or the province filter, is refused', async () => {
  const db = clientOf('commune_admin');
  await assertFails(
    lite.getDocs(lite.query(lite.collection(db, 'cadres'), lite.where('communeCode', '==', '18100'))),
  );
  await assertFails(
    lite.getDocs(lite.query(lite.collection(db, 'cadres'), lite.where('provinceCode', '==', '42'))),
  );
  await assertFails(
    lite.getDocs(
      lite.query(lite.collection(db, 'cadres'), lite.where('communeCode', 'in', ['18073', '18100'])),
    ),
  );
  const monitor = clientOf('area_monitor');
  await assertSucceeds(
    lite.getDocs(
      lite.query(lite.collection(monitor, 'cadres'), lite.where('communeCode', 'in', ['18073', '18115'])),
    ),
  );
  await assertFails(
    lite.getDocs(
      lite.query(lite.collection(db, 'movements'), lite.where('communeCodes', 'array-contains', '18100')),
    ),
  );
});

test('province roles must filter on their own province; a cadre only on their own id', async () => {
  await assertFails(
    lite.getDocs(
      lite.query(
        lite.collection(clientOf('province_admin'), 'cadres'),
        lite.where('provinceCode', '==', '40'),
      ),
    ),
  );
  await assertFails(
    lite.getDocs(
      lite.query(lite.collection(clientOf('cadre'), 'evaluations'), lite.where('cadreId', '==', 'c-18100')),
    ),
  );
  await assertFails(
    lite.getDocs(
      lite.query(lite.collection(clientOf('cadre'), 'cadres'), lite.where('communeCode', '==', '18073')),
    ),
  );
});
