/**
 * Conformance: filters with Firestore's type classes, missing fields, null and
 * NaN; composite filters; implicit ordering; cursors, limits, offsets,
 * projections; collection groups; aggregations. Expected results follow the
 * official emulator's recorded behaviour (emulator/README.md, "Where each
 * behaviour was learned").
 */
import { AggregateField, FieldPath, Filter, Timestamp } from 'firebase-admin/firestore';
import {
  adminFirestore,
  closeClients,
  emulatorUrl,
  lite,
  liteFirestore,
  rejection,
  uniqueProjectId,
} from '../helpers/firestore';

const projectId = uniqueProjectId('queries');
const db = adminFirestore(projectId);
const ldb = liteFirestore(projectId);

/** Values of `v` across type classes, plus documents without `v`. */
const dataset: Record<string, Record<string, unknown>> = {
  nul: { v: null, g: 'a' },
  f: { v: false, g: 'a' },
  t: { v: true, g: 'b' },
  nan: { v: NaN, g: 'b' },
  i1: { v: 1, g: 'a', arr: [1, 2] },
  d1: { v: 1.0, g: 'b', arr: [2, 3] },
  i2: { v: 2, g: 'a', arr: ['x'] },
  d25: { v: 2.5, g: 'c' },
  neg: { v: -1, g: 'c', arr: [null] },
  ts: { v: Timestamp.fromMillis(1000), g: 'c' },
  sa: { v: 'a', g: 'a' },
  sb: { v: 'b', g: 'b' },
  none: { g: 'a' },
};

async function ids(q: FirebaseFirestore.Query): Promise<string[]> {
  return (await q.get()).docs.map((d) => d.id);
}

beforeAll(async () => {
  // These tests pin query semantics, which the official emulator shares; index requirements
  // (which it does not check) are tested in indexes.emulator.test.ts.
  if (!process.env.FIRESTORE_TARGET) {
    const res = await fetch(`${emulatorUrl()}/emulator/v1/projects/${projectId}:indexes`, {
      method: 'PUT',
      body: '{"enforce":false}',
    });
    expect(res.status).toBe(200);
  }
  const batch = db.batch();
  for (const [id, data] of Object.entries(dataset)) batch.set(db.doc(`q/${id}`), data);
  await batch.commit();
});

afterAll(closeClients);

const q = () => db.collection('q');

describe('field filters', () => {
  test('== matches numbers numerically and never matches null or NaN', async () => {
    expect(await ids(q().where('v', '==', 1))).toEqual(['d1', 'i1']);
    expect(await ids(q().where('v', '==', 'a'))).toEqual(['sa']);
    expect(await ids(q().where('v', '==', null))).toEqual(['nul']); // the SDK sends IS_NULL
    expect(await ids(q().where('v', '==', NaN))).toEqual(['nan']); // the SDK sends IS_NAN
  });

  test('range filters stay within one type class and exclude NaN', async () => {
    expect(await ids(q().where('v', '<', 2))).toEqual(['neg', 'd1', 'i1']);
    expect(await ids(q().where('v', '>=', 2))).toEqual(['i2', 'd25']);
    expect(await ids(q().where('v', '>', -Infinity))).toEqual(['neg', 'd1', 'i1', 'i2', 'd25']);
    expect(await ids(q().where('v', '<', 'b'))).toEqual(['sa']);
    expect(await ids(q().where('v', '>', false))).toEqual(['t']);
    expect(await ids(q().where('v', '>', Timestamp.fromMillis(0)))).toEqual(['ts']);
  });

  test('!= excludes missing and null; != null keeps every non-null value', async () => {
    const notOne = await ids(q().where('v', '!=', 1));
    expect(notOne).not.toContain('i1');
    expect(notOne).not.toContain('d1');
    expect(notOne).not.toContain('none');
    expect(notOne).not.toContain('nul');
    expect(notOne).toContain('nan');
    expect(notOne).toHaveLength(9);
    const notNull = await ids(q().where('v', '!=', null));
    expect(notNull).toHaveLength(11);
    expect(notNull).not.toContain('nul');
  });

  test('in, not-in, array-contains and array-contains-any', async () => {
    expect(await ids(q().where('v', 'in', [2, 'b', 99]))).toEqual(['i2', 'sb']);
    const notIn = await ids(q().where('v', 'not-in', [1, 2, 'a']));
    expect(notIn).toEqual(['f', 't', 'nan', 'neg', 'd25', 'ts', 'sb']);
    expect(await ids(q().where('arr', 'array-contains', 2))).toEqual(['d1', 'i1']);
    expect(await ids(q().where('arr', 'array-contains-any', ['x', 3]))).toEqual(['d1', 'i2']);
  });

  test('documents by id with FieldPath.documentId()', async () => {
    expect(await ids(q().where(FieldPath.documentId(), 'in', ['sa', 'sb', 'zz']))).toEqual(['sa', 'sb']);
    expect(await ids(q().where(FieldPath.documentId(), '>=', 't'))).toEqual(['t', 'ts']);
  });

  test('composite AND and OR, including OR with an inequality dropping documents without the field', async () => {
    expect(await ids(q().where('g', '==', 'a').where('v', '>', 0))).toEqual(['i1', 'i2']);
    const or = await ids(q().where(Filter.or(Filter.where('g', '==', 'c'), Filter.where('v', '==', 'a'))));
    expect(or.sort()).toEqual(['d25', 'neg', 'sa', 'ts']);
    // `g == a OR v < 0`: the inequality orders by v, so `none` (no v) is excluded.
    const mixed = await ids(q().where(Filter.or(Filter.where('g', '==', 'a'), Filter.where('v', '<', 0))));
    expect(mixed).not.toContain('none');
    expect(mixed).toContain('neg');
    expect(mixed).toContain('sa');
  });

  test('invalid filters are refused with INVALID_ARGUMENT', async () => {
    const big = Array.from({ length: 31 }, (_, i) => i);
    const err = await rejection(() => q().where('v', 'in', big).get());
    expect(err.code).toBe(3);
  });
});

describe('ordering, cursors and limits', () => {
  test('implicit order: inequality field, then __name__ in the last direction', async () => {
    expect(await ids(q().where('v', '>', 0).where('v', '<', 3))).toEqual(['d1', 'i1', 'i2', 'd25']);
    expect(await ids(q().where('v', '>', 0).orderBy('v', 'desc'))).toEqual(['d25', 'i2', 'i1', 'd1']);
  });

  test('orderBy excludes documents lacking the field', async () => {
    const all = await ids(q().orderBy('v'));
    expect(all).toHaveLength(12);
    expect(all).not.toContain('none');
  });

  test('startAt, startAfter, endAt, endBefore on values and snapshots', async () => {
    const nums = () => q().where('v', '>=', -5).where('v', '<=', 5).orderBy('v');
    expect(await ids(nums().startAt(1))).toEqual(['d1', 'i1', 'i2', 'd25']);
    expect(await ids(nums().startAfter(1))).toEqual(['i2', 'd25']);
    expect(await ids(nums().endAt(1))).toEqual(['neg', 'd1', 'i1']);
    expect(await ids(nums().endBefore(1))).toEqual(['neg']);
    const d1 = await db.doc('q/d1').get();
    expect(await ids(nums().startAfter(d1))).toEqual(['i1', 'i2', 'd25']);
  });

  test('limit, limitToLast and offset', async () => {
    const nums = () => q().where('v', '>=', -5).orderBy('v');
    expect(await ids(nums().limit(2))).toEqual(['neg', 'd1']);
    expect(await ids(nums().limitToLast(2))).toEqual(['i2', 'd25']);
    expect(await ids(nums().offset(3).limit(1))).toEqual(['i2']);
    expect(await ids(nums().offset(50))).toEqual([]);
  });

  test('a cursor with more values than explicit orders is refused (raw REST: the SDKs check it first)', async () => {
    const res = await fetch(
      `${emulatorUrl()}/v1/projects/${projectId}/databases/(default)/documents:runQuery`,
      {
        method: 'POST',
        headers: { authorization: 'Bearer owner' },
        body: JSON.stringify({
          structuredQuery: {
            from: [{ collectionId: 'q' }],
            orderBy: [{ field: { fieldPath: 'v' } }],
            startAt: { values: [{ integerValue: '1' }, { integerValue: '2' }] },
          },
        }),
      },
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { status: string; message: string } };
    expect(body.error).toMatchObject({ status: 'INVALID_ARGUMENT', message: 'Cursor has too many values.' });
  });

  test('select returns only the projected fields', async () => {
    const snap = await q().where('g', '==', 'c').select('g').get();
    expect(snap.docs.map((d) => d.data())).toEqual([{ g: 'c' }, { g: 'c' }, { g: 'c' }]);
  });
});

describe('collection groups and kindless queries', () => {
  beforeAll(async () => {
    await db.doc('units/a/posts/p1').set({ level: 1 });
    await db.doc('units/b/posts/p2').set({ level: 2 });
    await db.doc('units/b/sub/x/posts/p3').set({ level: 3 });
    await db.doc('posts/top').set({ level: 4 });
    await db.doc('units/a/notposts/n').set({ level: 1 });
  });

  test('collectionGroup finds the id at every depth', async () => {
    const snap = await db.collectionGroup('posts').orderBy('level').get();
    expect(snap.docs.map((d) => d.ref.path)).toEqual([
      'units/a/posts/p1',
      'units/b/posts/p2',
      'units/b/sub/x/posts/p3',
      'posts/top',
    ]);
    const filtered = await db.collectionGroup('posts').where('level', '>=', 2).get();
    expect(filtered.size).toBe(3);
  });

  test('subcollection queries are scoped to their parent', async () => {
    const snap = await db.collection('units/b/posts').get();
    expect(snap.docs.map((d) => d.id)).toEqual(['p2']);
  });

  test('lite collection group and filtered query', async () => {
    const snap = await lite.getDocs(
      lite.query(lite.collectionGroup(ldb, 'posts'), lite.where('level', 'in', [1, 3])),
    );
    expect(snap.docs.map((d) => d.id).sort()).toEqual(['p1', 'p3']);
  });
});

describe('aggregations', () => {
  beforeAll(async () => {
    const batch = db.batch();
    batch.set(db.doc('agg/a'), { n: 1, unit: 'x' });
    batch.set(db.doc('agg/b'), { n: 2, unit: 'x' });
    batch.set(db.doc('agg/c'), { n: 3.5, unit: 'y' });
    batch.set(db.doc('agg/d'), { n: 'text', unit: 'y' });
    batch.set(db.doc('agg/e'), { unit: 'y' });
    await batch.commit();
  });

  test('count, sum and average with integer, double and non-numeric rules', async () => {
    const all = await db
      .collection('agg')
      .aggregate({ c: AggregateField.count(), s: AggregateField.sum('n'), a: AggregateField.average('n') })
      .get();
    // Next to sum/average of `n`, count only counts documents that have `n` (agg/e has not),
    // as Firestore and the official emulator's recordings do (issue 14, a deliberate change).
    expect(all.data()).toEqual({ c: 4, s: 6.5, a: 6.5 / 3 });
    const ints = await db
      .collection('agg')
      .where('unit', '==', 'x')
      .aggregate({ s: AggregateField.sum('n'), a: AggregateField.average('n') })
      .get();
    expect(ints.data()).toEqual({ s: 3, a: 1.5 });
    const nothing = await db
      .collection('agg')
      .where('unit', '==', 'none')
      .aggregate({ c: AggregateField.count(), s: AggregateField.sum('n'), a: AggregateField.average('n') })
      .get();
    expect(nothing.data()).toEqual({ c: 0, s: 0, a: null });
  });

  test('count respects the limit of the query, and works through lite', async () => {
    expect((await db.collection('agg').limit(2).count().get()).data().count).toBe(2);
    const lc = await lite.getCount(lite.query(lite.collection(ldb, 'agg'), lite.where('unit', '==', 'y')));
    expect(lc.data().count).toBe(3);
    const la = await lite.getAggregate(lite.collection(ldb, 'agg'), { total: lite.sum('n') });
    expect(la.data().total).toBe(6.5);
  });
});

describe('indexes stay correct as documents change', () => {
  test('equality results follow updates and deletes', async () => {
    const c = db.collection('idx');
    await c.doc('a').set({ unit: 'u1' });
    await c.doc('b').set({ unit: 'u1' });
    expect((await c.where('unit', '==', 'u1').get()).size).toBe(2);
    await c.doc('a').update({ unit: 'u2' });
    await c.doc('b').delete();
    await c.doc('c').set({ unit: 'u1', tags: ['k'] });
    expect((await c.where('unit', '==', 'u1').get()).docs.map((d) => d.id)).toEqual(['c']);
    expect((await c.where('unit', '==', 'u2').get()).docs.map((d) => d.id)).toEqual(['a']);
    expect((await c.where('tags', 'array-contains', 'k').get()).docs.map((d) => d.id)).toEqual(['c']);
    await c.doc('c').update({ tags: [] });
    expect((await c.where('tags', 'array-contains', 'k').get()).size).toBe(0);
  });
});
