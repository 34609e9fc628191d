/**
 * Security rules semantics, through the real clients: which method a request
 * is, what request and resource hold, how errors and `&&`/`||` combine,
 * get/exists and getAfter in batches, and list queries judged by what they
 * could return.
 */
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { Firestore } from '@google-cloud/firestore';
import { closeClients, lite, rejection } from '../helpers/firestore';
import { rulesFor, rulesProject, type RulesProject } from '../helpers/rules';

afterAll(closeClients);

describe('methods: get vs list, create vs update vs delete', () => {
  let p: RulesProject;
  beforeAll(async () => {
    p = await rulesProject(
      'methods',
      rulesFor(`
    match /items/{id} {
      allow get: if true;
      allow list: if false;
      allow create: if request.method == 'create';
      allow update: if false;
      allow delete: if request.auth.uid == 'deleter';
    }`),
    );
    await p.admin.doc('items/existing').set({ v: 1 });
  });

  test('a single-document read is get, a query is list', async () => {
    const db = p.as('u1');
    await assertSucceeds(lite.getDoc(lite.doc(db, 'items/existing')));
    await assertFails(lite.getDocs(lite.collection(db, 'items')));
  });

  test('set on a new document is create, on an existing one update', async () => {
    const db = p.as('u1');
    await assertSucceeds(lite.setDoc(lite.doc(db, 'items/new'), { v: 1 }));
    await assertFails(lite.setDoc(lite.doc(db, 'items/existing'), { v: 2 }));
    await assertFails(lite.updateDoc(lite.doc(db, 'items/new'), { v: 3 }));
  });

  test('delete has its own method', async () => {
    await assertFails(lite.deleteDoc(lite.doc(p.as('u1'), 'items/existing')));
    await assertSucceeds(lite.deleteDoc(lite.doc(p.as('deleter'), 'items/existing')));
  });

  test('a denial carries the official message shape', async () => {
    const err = await rejection(() => lite.getDocs(lite.collection(p.as('u1'), 'items')));
    expect(err.code).toBe('permission-denied');
    expect(err.message).toMatch(/false for 'list' @ L\d+/);
  });
});

describe('request and resource', () => {
  let p: RulesProject;
  beforeAll(async () => {
    p = await rulesProject(
      'request',
      rulesFor(`
    match /profiles/{uid} {
      allow read: if request.auth != null && request.auth.uid == uid;
      allow create: if request.auth.uid == uid
        && request.resource.data.keys().hasOnly(['name', 'at', 'role'])
        && request.resource.data.at == request.time
        && request.resource.id == uid;
      allow update: if resource.data.name == request.auth.token.name
        && request.resource.data.diff(resource.data).affectedKeys().hasOnly(['name', 'note']);
    }
    match /claims/{id} {
      allow read: if request.auth.token.role == 'province_admin' && request.auth.token.province == '42';
    }`),
    );
    await p.admin.doc('profiles/bob').set({ name: 'Bob', role: 'cadre' });
    await p.admin.doc('claims/x').set({});
  });

  test('request.auth is null without a token and carries uid and claims with one', async () => {
    await assertFails(lite.getDoc(lite.doc(p.anonymous(), 'profiles/bob')));
    await assertFails(lite.getDoc(lite.doc(p.as('alice'), 'profiles/bob')));
    await assertSucceeds(lite.getDoc(lite.doc(p.as('bob'), 'profiles/bob')));
    await assertSucceeds(
      lite.getDoc(lite.doc(p.as('a', { role: 'province_admin', province: '42' }), 'claims/x')),
    );
    await assertFails(
      lite.getDoc(lite.doc(p.as('a', { role: 'province_admin', province: '40' }), 'claims/x')),
    );
  });

  test('request.resource is the document after the write, server timestamps equal request.time', async () => {
    const db = p.as('carol');
    await assertSucceeds(
      lite.setDoc(lite.doc(db, 'profiles/carol'), { name: 'Carol', at: lite.serverTimestamp() }),
    );
    await assertFails(
      lite.setDoc(lite.doc(db, 'profiles/carol2'), { name: 'C', at: lite.serverTimestamp() }),
    );
    await assertFails(
      lite.setDoc(lite.doc(p.as('dan'), 'profiles/dan'), { name: 'Dan', at: lite.Timestamp.fromMillis(0) }),
    );
    await assertFails(
      lite.setDoc(lite.doc(p.as('eve'), 'profiles/eve'), {
        name: 'Eve',
        at: lite.serverTimestamp(),
        extra: 1,
      }),
    );
  });

  test('resource is the stored document; diff() limits what an update may touch', async () => {
    const bob = p.as('bob', { name: 'Bob' });
    await assertSucceeds(lite.updateDoc(lite.doc(bob, 'profiles/bob'), { note: 'hi' }));
    await assertFails(lite.updateDoc(lite.doc(bob, 'profiles/bob'), { role: 'province_admin' }));
    await assertFails(
      lite.updateDoc(lite.doc(p.as('bob', { name: 'Robert' }), 'profiles/bob'), { note: 'x' }),
    );
  });
});

describe('errors, && and ||', () => {
  let p: RulesProject;
  beforeAll(async () => {
    p = await rulesProject(
      'errors',
      rulesFor(`
    match /a/{id} { allow read: if resource.data.missing == 1; }
    match /b/{id} { allow read: if resource.data.missing == 1 || true; }
    match /c/{id} { allow read: if false && resource.data.missing == 1; }
    match /d/{id} { allow read: if resource.data.missing == 1 && false; }
    match /e/{id} { allow read: if true || resource.data.missing; }
    match /f/{id} { allow read: if false; allow read: if true; }`),
    );
    for (const c of ['a', 'b', 'c', 'd', 'e', 'f']) await p.admin.doc(`${c}/x`).set({ v: 1 });
  });

  test('an error denies unless the other side decides', async () => {
    const db = p.as('u');
    await assertFails(lite.getDoc(lite.doc(db, 'a/x')));
    await assertSucceeds(lite.getDoc(lite.doc(db, 'b/x')));
    await assertFails(lite.getDoc(lite.doc(db, 'c/x')));
    await assertFails(lite.getDoc(lite.doc(db, 'd/x')));
    await assertSucceeds(lite.getDoc(lite.doc(db, 'e/x')));
  });

  test('any matching allow grants', async () => {
    await assertSucceeds(lite.getDoc(lite.doc(p.as('u'), 'f/x')));
  });
});

describe('get(), exists() and getAfter()', () => {
  let p: RulesProject;
  beforeAll(async () => {
    p = await rulesProject(
      'lookups',
      rulesFor(`
    function isAdmin() {
      return exists(/databases/$(database)/documents/admins/$(request.auth.uid));
    }
    match /units/{code} {
      allow read: if isAdmin() || get(/databases/$(database)/documents/staff/$(request.auth.uid)).data.unit == code;
    }
    match /counters/{id} { allow write: if true; allow read: if true; }
    match /posts/{id} {
      allow create: if getAfter(/databases/$(database)/documents/counters/posts).data.n
        == get(/databases/$(database)/documents/counters/posts).data.n + 1;
    }
    match /many/{id} {
      allow read: if get(/databases/$(database)/documents/l/a1).data.v + get(/databases/$(database)/documents/l/a2).data.v
        + get(/databases/$(database)/documents/l/a3).data.v + get(/databases/$(database)/documents/l/a4).data.v
        + get(/databases/$(database)/documents/l/a5).data.v + get(/databases/$(database)/documents/l/a6).data.v
        + get(/databases/$(database)/documents/l/a7).data.v + get(/databases/$(database)/documents/l/a8).data.v
        + get(/databases/$(database)/documents/l/a9).data.v + get(/databases/$(database)/documents/l/a10).data.v
        + (id == 'eleven' ? get(/databases/$(database)/documents/l/a11).data.v : 0) > 0;
    }`),
    );
    await p.admin.doc('admins/root').set({});
    await p.admin.doc('staff/sam').set({ unit: '42001' });
    await p.admin.doc('units/42001').set({});
    await p.admin.doc('units/42004').set({});
    await p.admin.doc('counters/posts').set({ n: 0 });
    for (let i = 1; i <= 11; i++) await p.admin.doc(`l/a${i}`).set({ v: 1 });
    await p.admin.doc('many/ten').set({});
    await p.admin.doc('many/eleven').set({});
  });

  test('exists() and get() read other documents', async () => {
    await assertSucceeds(lite.getDoc(lite.doc(p.as('root'), 'units/42004')));
    await assertSucceeds(lite.getDoc(lite.doc(p.as('sam'), 'units/42001')));
    await assertFails(lite.getDoc(lite.doc(p.as('sam'), 'units/42004')));
    await assertFails(lite.getDoc(lite.doc(p.as('nobody'), 'units/42001')));
  });

  test('getAfter() sees the other writes of the same batch', async () => {
    const db = p.as('writer');
    const ok = lite.writeBatch(db);
    ok.set(lite.doc(db, 'posts/p1'), { t: 'x' });
    ok.update(lite.doc(db, 'counters/posts'), { n: lite.increment(1) });
    await assertSucceeds(ok.commit());
    await assertFails(lite.setDoc(lite.doc(db, 'posts/p2'), { t: 'no counter' }));
    expect((await p.admin.doc('posts/p2').get()).exists).toBe(false);
  });

  test('more than 10 distinct lookups in a single-document request is denied', async () => {
    await assertSucceeds(lite.getDoc(lite.doc(p.as('u'), 'many/ten')));
    await assertFails(lite.getDoc(lite.doc(p.as('u'), 'many/eleven')));
  });
});

describe('list queries are judged by what they could return', () => {
  let p: RulesProject;
  const officer = () => p.as('officer', { communes: ['42001', '42004'], role: 'commune_admin' });
  beforeAll(async () => {
    p = await rulesProject(
      'list',
      rulesFor(`
    match /cadres/{id} {
      allow list: if resource.data.communeCode in request.auth.token.communes;
    }
    match /evaluations/{id} {
      allow list: if resource.data.score >= 50 && request.query.limit <= 20;
    }
    match /rankings/{id} {
      allow list: if request.query.orderBy != null && request.query.orderBy.score == 'DESCENDING' && request.query.offset == 0;
    }
    match /movements/{id} {
      allow list: if resource.data.status != 'draft';
    }
    match /ratings/{id} {
      allow list: if resource.data.tags.hasAny(['public']);
    }
    match /{path=**}/notes/{id} {
      allow list: if resource.data.visibility == 'all';
    }
    match /staff/{id} {
      allow list: if resource.data.communeCode in request.auth.token.communes
        || resource.data.homeCommuneCode in request.auth.token.communes;
    }`),
      // Made-up collections (a collection-group query on `notes`): not the app's indexes.
      { indexes: false },
    );
    // Only in-scope documents exist: a query's permission must not depend on that.
    await p.admin.doc('cadres/c1').set({ communeCode: '42001' });
    await p.admin.doc('units/42001/notes/n1').set({ visibility: 'all' });
  });

  const q = (db: lite.Firestore, coll: string, ...constraints: lite.QueryConstraint[]) =>
    lite.getDocs(lite.query(lite.collection(db, coll), ...constraints));
  const qOr = (db: lite.Firestore, coll: string, filter: lite.QueryCompositeFilterConstraint) =>
    lite.getDocs(lite.query(lite.collection(db, coll), filter));

  test('a query carrying the scope filter is allowed, even over documents that do not exist', async () => {
    await assertSucceeds(q(officer(), 'cadres', lite.where('communeCode', '==', '42001')));
    await assertSucceeds(q(officer(), 'cadres', lite.where('communeCode', '==', '42004')));
  });

  test('an unscoped query is refused even though every existing document is in scope', async () => {
    await assertFails(q(officer(), 'cadres'));
    await assertFails(q(officer(), 'cadres', lite.where('communeCode', '==', '42099')));
  });

  test('each value of an in filter and each OR branch must be allowed on its own', async () => {
    await assertSucceeds(q(officer(), 'cadres', lite.where('communeCode', 'in', ['42001', '42004'])));
    await assertFails(q(officer(), 'cadres', lite.where('communeCode', 'in', ['42001', '42099'])));
    const eitherCommune = lite.or(
      lite.where('communeCode', '==', '42001'),
      lite.where('communeCode', '==', '42004'),
    );
    await assertSucceeds(qOr(officer(), 'cadres', eitherCommune));
    const communeOrGender = lite.or(
      lite.where('communeCode', '==', '42001'),
      lite.where('gender', '==', 'f'),
    );
    await assertFails(qOr(officer(), 'cadres', communeOrGender));
  });

  test('an OR of two fields is proven by a filter on either one', async () => {
    await assertSucceeds(q(officer(), 'staff', lite.where('communeCode', '==', '42001')));
    await assertSucceeds(q(officer(), 'staff', lite.where('homeCommuneCode', '==', '42004')));
    await assertSucceeds(q(officer(), 'staff', lite.where('homeCommuneCode', 'in', ['42001', '42004'])));
    await assertFails(q(officer(), 'staff', lite.where('homeCommuneCode', '==', '42099')));
    await assertFails(q(officer(), 'staff', lite.where('homeCommuneCode', 'in', ['42001', '42099'])));
    await assertFails(q(officer(), 'staff'));
  });

  test('range filters that imply the rule are allowed; weaker ones are not; request.query.limit is known', async () => {
    const db = p.as('u');
    await assertSucceeds(q(db, 'evaluations', lite.where('score', '>', 70), lite.limit(10)));
    await assertSucceeds(q(db, 'evaluations', lite.where('score', '>=', 50), lite.limit(20)));
    await assertFails(q(db, 'evaluations', lite.where('score', '>', 40), lite.limit(10)));
    await assertFails(q(db, 'evaluations', lite.where('score', '>', 70)));
    await assertFails(q(db, 'evaluations', lite.where('score', '>', 70), lite.limit(21)));
  });

  test('request.query carries the explicit orders and the offset', async () => {
    const db = p.as('u');
    await assertSucceeds(q(db, 'rankings', lite.orderBy('score', 'desc')));
    await assertFails(q(db, 'rankings', lite.orderBy('score', 'asc')));
    await assertFails(q(db, 'rankings'));
  });

  test('!= rules are proven by != and not-in filters', async () => {
    const db = p.as('u');
    await assertSucceeds(q(db, 'movements', lite.where('status', '!=', 'draft')));
    await assertSucceeds(q(db, 'movements', lite.where('status', 'not-in', ['draft', 'cancelled'])));
    await assertSucceeds(q(db, 'movements', lite.where('status', '==', 'approved')));
    await assertFails(q(db, 'movements', lite.where('status', '!=', 'cancelled')));
    await assertFails(q(db, 'movements'));
  });

  test('array-contains proves hasAny', async () => {
    const db = p.as('u');
    await assertSucceeds(q(db, 'ratings', lite.where('tags', 'array-contains', 'public')));
    await assertFails(q(db, 'ratings', lite.where('tags', 'array-contains', 'internal')));
  });

  test('collection-group queries match {path=**} rules', async () => {
    const db = p.as('u');
    await assertSucceeds(
      lite.getDocs(lite.query(lite.collectionGroup(db, 'notes'), lite.where('visibility', '==', 'all'))),
    );
    await assertFails(lite.getDocs(lite.collectionGroup(db, 'notes')));
    await assertSucceeds(q(db, 'units/42001/notes', lite.where('visibility', '==', 'all')));
  });

  test('aggregations are list queries', async () => {
    await assertSucceeds(
      lite.getCount(
        lite.query(lite.collection(officer(), 'cadres'), lite.where('communeCode', '==', '42001')),
      ),
    );
    await assertFails(lite.getCount(lite.collection(officer(), 'cadres')));
  });
});

describe('where rules apply', () => {
  let p: RulesProject;
  beforeAll(async () => {
    p = await rulesProject('where', rulesFor(`match /{document=**} { allow read, write: if false; }`));
  });

  test('owner requests bypass rules; admin SDK writes are not judged', async () => {
    await p.admin.doc('x/y').set({ v: 1 });
    expect((await p.admin.doc('x/y').get()).get('v')).toBe(1);
  });

  test('a batch with one denied write applies nothing', async () => {
    const open = await rulesProject(
      'where-batch',
      rulesFor(`match /open/{id} { allow write: if true; } match /closed/{id} { allow write: if false; }`),
    );
    const db = open.as('u');
    const batch = lite.writeBatch(db);
    batch.set(lite.doc(db, 'open/a'), { v: 1 });
    batch.set(lite.doc(db, 'closed/b'), { v: 1 });
    await assertFails(batch.commit());
    expect((await open.admin.doc('open/a').get()).exists).toBe(false);
  });

  test('rules apply on gRPC too when the token is not the owner', async () => {
    const rp = await rulesProject(
      'grpc',
      rulesFor(`match /notes/{id} { allow read: if request.auth.uid == resource.data.owner; }`),
    );
    await rp.admin.doc('notes/mine').set({ owner: 'alice' });
    await rp.admin.doc('notes/theirs').set({ owner: 'bob' });
    const token = ['{"alg":"none","typ":"JWT"}', '{"sub":"alice","user_id":"alice"}']
      .map((x) => Buffer.from(x).toString('base64url'))
      .join('.');
    const alice = new Firestore({
      projectId: rp.projectId,
      customHeaders: { Authorization: `Bearer ${token}.` },
    });
    expect((await alice.doc('notes/mine').get()).get('owner')).toBe('alice');
    await expect(alice.doc('notes/theirs').get()).rejects.toMatchObject({ code: 7 });
    await expect(alice.doc('notes/new').set({ owner: 'alice' })).rejects.toMatchObject({ code: 7 });
    await alice.terminate();
  });

  test('client metadata calls are refused', async () => {
    const res = await fetch(
      `http://${process.env.FIRESTORE_EMULATOR_HOST}/v1/projects/${p.projectId}/databases/(default)/documents:listCollectionIds`,
      { method: 'POST', headers: { authorization: 'Bearer a.b.c' }, body: '{}' },
    );
    expect([400, 403]).toContain(res.status);
  });
});
