/**
 * canbo's firestore.rules as a matrix: every role × collection × operation,
 * in scope and out of scope, positive and negative. Documents: commune 18073
 * (in the commune roles' scope), commune 18100 (same province, other commune)
 * and commune 16681 of province 40 (other province).
 *
 * Cross-province grantees (issue 9): an account of province 42 whose claims
 * name a commune or a cadre of province 40 must not read province 40's data;
 * the same commune or cadre granted by province 40 itself may.
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
  // Granted by province 40 for its own places: the positive side of the province boundary.
  province_admin_40: { role: 'province_admin', province: '40' },
  commune_admin_40: { role: 'commune_admin', province: '40', communes: ['16681'] },
  cadre_40: { role: 'cadre', province: '40', cadreId: 'c-16681' },
  // Province 42 accounts whose claims name places of province 40: the negative side.
  commune_admin_cross: { role: 'commune_admin', province: '42', communes: ['16681'] },
  area_monitor_cross: { role: 'area_monitor', province: '42', communes: ['18073', '16681'] },
  cadre_cross: { role: 'cadre', province: '42', cadreId: 'c-16681' },
} as const;
type Role = keyof typeof ROLES | 'anonymous';
const ALL: Role[] = [...(Object.keys(ROLES) as (keyof typeof ROLES)[]), 'anonymous'];
const PROVINCE: Role[] = ['province_admin', 'auditor'];
const COMMUNE: Role[] = ['area_monitor', 'commune_admin', 'commune_viewer'];
const CROSS: Role[] = ['commune_admin_cross', 'area_monitor_cross', 'cadre_cross'];

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

/** The claims of a role (an empty object for anonymous). */
const claimsOf = (role: Role): { province?: string; communes?: readonly string[]; cadreId?: string } =>
  role === 'anonymous' ? {} : ROLES[role];

/**
 * The scope filters a legitimate client sends: its province, and for commune
 * roles also its communes. Cross-province grantees have none that returns
 * anything (their list queries are tested on their own below).
 */
const byPlace = (role: Role): lite.QueryConstraint[] | null => {
  if (CROSS.includes(role)) return null;
  const { province, communes } = claimsOf(role);
  const inProvince = lite.where('provinceCode', '==', province);
  if ([...PROVINCE, 'province_admin_40'].includes(role)) return [inProvince];
  if ([...COMMUNE, 'commune_admin_40'].includes(role))
    return [inProvince, lite.where('communeCode', '==', communes![0])];
  return null;
};

/** A cadre's own documents: their province and their id. */
const ownRecords = (role: Role): lite.QueryConstraint[] | null =>
  role === 'cadre' || role === 'cadre_40'
    ? [
        lite.where('provinceCode', '==', claimsOf(role).province),
        lite.where('cadreId', '==', claimsOf(role).cadreId),
      ]
    : null;

const SIGNED_IN: Role[] = [
  'province_admin',
  'auditor',
  'area_monitor',
  'commune_admin',
  'commune_viewer',
  'cadre',
  'province_admin_40',
  'commune_admin_40',
  'cadre_40',
  ...CROSS,
];

/** Commune-scoped collections: province 42's commune roles see 18073, province 40's see 16681. */
const communeScoped = (withCadre: boolean): Record<Place, Role[]> => ({
  mine: [...PROVINCE, ...COMMUNE, 'area_monitor_cross', ...(withCadre ? (['cadre'] as Role[]) : [])],
  neighbour: PROVINCE,
  elsewhere: ['province_admin_40', 'commune_admin_40', ...(withCadre ? (['cadre_40'] as Role[]) : [])],
});

const COLLECTIONS: CollectionSpec[] = [
  {
    // Public reference data: the official unit list, every province's (docs/data-model.md).
    name: 'units',
    get: { mine: SIGNED_IN, neighbour: SIGNED_IN, elsewhere: SIGNED_IN },
    scopedQuery: (r) => (SIGNED_IN.includes(r) ? [lite.where('provinceCode', '==', '40')] : null),
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
    get: communeScoped(false),
    scopedQuery: byPlace,
    unscopedList: [],
  },
  {
    name: 'cadres',
    get: communeScoped(true),
    scopedQuery: byPlace,
    unscopedList: [],
  },
  {
    name: 'movements',
    get: communeScoped(true),
    scopedQuery: (r) => {
      if (ownRecords(r)) return ownRecords(r);
      const scoped = byPlace(r);
      if (!scoped || !COMMUNE.concat('commune_admin_40').includes(r)) return scoped;
      const { province, communes } = claimsOf(r);
      return [
        lite.where('provinceCode', '==', province),
        lite.where('communeCodes', 'array-contains', communes![0]),
      ];
    },
    unscopedList: [],
  },
  {
    name: 'evaluations',
    get: communeScoped(true),
    scopedQuery: (r) => ownRecords(r) ?? byPlace(r),
    unscopedList: [],
  },
  {
    // The quarterly evaluation's inputs are read like its results (issue 12).
    name: 'evaluationInputs',
    get: communeScoped(true),
    scopedQuery: (r) => ownRecords(r) ?? byPlace(r),
    unscopedList: [],
  },
  {
    // A unit's finalised quarter: those who see the unit.
    name: 'evaluationLocks',
    get: communeScoped(false),
    scopedQuery: byPlace,
    unscopedList: [],
  },
  {
    name: 'ratings',
    get: communeScoped(false),
    scopedQuery: byPlace,
    unscopedList: [],
  },
  {
    // Behaviour changed by issue 9: jobs carry their province and only the province-wide
    // roles of that province read them (national jobs: test/rules/scopes.rules.test.ts).
    name: 'jobs',
    get: { mine: PROVINCE, neighbour: PROVINCE, elsewhere: ['province_admin_40'] },
    scopedQuery: (r) => ([...PROVINCE, 'province_admin_40'].includes(r) ? byPlace(r) : null),
    unscopedList: [],
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
  return {
    ...p,
    communeCodes: [p.communeCode],
    homeCommuneCode: p.communeCode,
    unitCode: p.communeCode,
    note: `${collection} of ${place}`,
  };
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

test('commune roles must filter on their province and their own communes: another commune, or the province filter alone, is refused', async () => {
  const db = clientOf('commune_admin');
  const inProvince = lite.where('provinceCode', '==', '42');
  await assertFails(
    lite.getDocs(
      lite.query(lite.collection(db, 'cadres'), inProvince, lite.where('communeCode', '==', '18100')),
    ),
  );
  await assertFails(lite.getDocs(lite.query(lite.collection(db, 'cadres'), inProvince)));
  await assertFails(
    lite.getDocs(
      lite.query(
        lite.collection(db, 'cadres'),
        inProvince,
        lite.where('communeCode', 'in', ['18073', '18100']),
      ),
    ),
  );
  const monitor = clientOf('area_monitor');
  await assertSucceeds(
    lite.getDocs(
      lite.query(
        lite.collection(monitor, 'cadres'),
        inProvince,
        lite.where('communeCode', 'in', ['18073', '18115']),
      ),
    ),
  );
  await assertFails(
    lite.getDocs(
      lite.query(
        lite.collection(db, 'movements'),
        inProvince,
        lite.where('communeCodes', 'array-contains', '18100'),
      ),
    ),
  );
});

// Behaviour changed by issue 9: the commune filter alone no longer proves the province.
test('a commune query without the province filter is refused, even on the commune of the claims', async () => {
  const db = clientOf('commune_admin');
  await assertFails(
    lite.getDocs(lite.query(lite.collection(db, 'cadres'), lite.where('communeCode', '==', '18073'))),
  );
  await assertFails(
    lite.getDocs(
      lite.query(lite.collection(db, 'movements'), lite.where('communeCodes', 'array-contains', '18073')),
    ),
  );
  await assertFails(
    lite.getDocs(
      lite.query(lite.collection(clientOf('cadre'), 'evaluations'), lite.where('cadreId', '==', 'c-18073')),
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
      lite.query(
        lite.collection(clientOf('cadre'), 'evaluations'),
        lite.where('provinceCode', '==', '42'),
        lite.where('cadreId', '==', 'c-18100'),
      ),
    ),
  );
  await assertFails(
    lite.getDocs(
      lite.query(
        lite.collection(clientOf('cadre'), 'cadres'),
        lite.where('provinceCode', '==', '42'),
        lite.where('communeCode', '==', '18073'),
      ),
    ),
  );
});

/**
 * The query a cross-province grantee would send for the province 40 place its
 * claims name: field and value of the commune (or own-record) filter.
 */
const CROSS_FILTERS: Record<string, Partial<Record<Role, lite.QueryConstraint>>> = {
  quotas: { commune_admin_cross: lite.where('communeCode', '==', '16681') },
  cadres: { commune_admin_cross: lite.where('communeCode', '==', '16681') },
  movements: {
    commune_admin_cross: lite.where('communeCodes', 'array-contains', '16681'),
    cadre_cross: lite.where('cadreId', '==', 'c-16681'),
  },
  evaluations: {
    commune_admin_cross: lite.where('communeCode', '==', '16681'),
    cadre_cross: lite.where('cadreId', '==', 'c-16681'),
  },
  evaluationInputs: {
    commune_admin_cross: lite.where('communeCode', '==', '16681'),
    cadre_cross: lite.where('cadreId', '==', 'c-16681'),
  },
  evaluationLocks: { commune_admin_cross: lite.where('communeCode', '==', '16681') },
  ratings: { commune_admin_cross: lite.where('communeCode', '==', '16681') },
};

const crossListCases = Object.entries(CROSS_FILTERS).flatMap(([collection, byRole]) =>
  Object.keys(byRole).map((role) => [collection, role as Role] as const),
);

test.each(crossListCases)(
  'list %s as %s: a province 40 place named in province 42 claims is refused without or with province 40, empty with 42',
  async (collection, role) => {
    const db = clientOf(role);
    const filter = CROSS_FILTERS[collection]![role]!;
    const coll = lite.collection(db, collection);
    await assertFails(lite.getDocs(lite.query(coll, filter)));
    await assertFails(lite.getDocs(lite.query(coll, lite.where('provinceCode', '==', '40'), filter)));
    const own = await assertSucceeds(
      lite.getDocs(lite.query(coll, lite.where('provinceCode', '==', '42'), filter)),
    );
    expect(own.docs.map((d) => d.id)).toEqual([]);
  },
);

test('an area monitor whose communes straddle two provinces sees only the commune of its own province', async () => {
  const db = clientOf('area_monitor_cross');
  const snap = await assertSucceeds(
    lite.getDocs(
      lite.query(
        lite.collection(db, 'cadres'),
        lite.where('provinceCode', '==', '42'),
        lite.where('communeCode', 'in', ['18073', '16681']),
      ),
    ),
  );
  expect(snap.docs.map((d) => d.id)).toEqual(['c-18073']);
  await assertFails(
    lite.getDocs(
      lite.query(
        lite.collection(db, 'cadres'),
        lite.where('provinceCode', '==', '40'),
        lite.where('communeCode', '==', '16681'),
      ),
    ),
  );
});
