/**
 * Conformance: every value type round-trips through both clients, and mixed
 * types sort in Firestore's cross-type order.
 */
import { GeoPoint, Timestamp } from 'firebase-admin/firestore';
import { adminFirestore, closeClients, lite, liteFirestore, uniqueProjectId } from '../helpers/firestore';

const projectId = uniqueProjectId('values');
const db = adminFirestore(projectId);
const ldb = liteFirestore(projectId);

afterAll(closeClients);

describe('value types', () => {
  test('every type round-trips through firebase-admin (gRPC)', async () => {
    const ref = db.doc('types/all');
    const data = {
      nul: null,
      yes: true,
      no: false,
      int: 42,
      negative: -7,
      big: Number.MAX_SAFE_INTEGER,
      dbl: 3.25,
      nan: NaN,
      inf: Infinity,
      ninf: -Infinity,
      ts: new Timestamp(1_700_000_000, 123_456_000),
      str: 'Hà Tĩnh — Nghệ An 😀',
      empty: '',
      bytes: Buffer.from([0, 1, 2, 255]),
      ref: db.doc('units/42'),
      geo: new GeoPoint(18.34, 105.9),
      arr: [1, 'two', { three: 3 }],
      emptyArr: [],
      map: { nested: { deeper: { x: 1 } }, list: [true] },
      emptyMap: {},
    };
    await ref.set(data);
    const got = (await ref.get()).data()!;
    expect(got.nul).toBeNull();
    expect(got.yes).toBe(true);
    expect(got.no).toBe(false);
    expect(got.int).toBe(42);
    expect(got.negative).toBe(-7);
    expect(got.big).toBe(Number.MAX_SAFE_INTEGER);
    expect(got.dbl).toBe(3.25);
    expect(got.nan).toBeNaN();
    expect(got.inf).toBe(Infinity);
    expect(got.ninf).toBe(-Infinity);
    expect((got.ts as Timestamp).isEqual(new Timestamp(1_700_000_000, 123_456_000))).toBe(true);
    expect(got.str).toBe('Hà Tĩnh — Nghệ An 😀');
    expect(got.empty).toBe('');
    expect(Buffer.from(got.bytes as Uint8Array)).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(got.ref.path).toBe('units/42');
    expect((got.geo as GeoPoint).isEqual(new GeoPoint(18.34, 105.9))).toBe(true);
    expect(got.arr).toEqual([1, 'two', { three: 3 }]);
    expect(got.emptyArr).toEqual([]);
    expect(got.map).toEqual({ nested: { deeper: { x: 1 } }, list: [true] });
    expect(got.emptyMap).toEqual({});
  });

  test('every type round-trips through the lite SDK (REST JSON)', async () => {
    const ref = lite.doc(ldb, 'types/lite');
    await lite.setDoc(ref, {
      nul: null,
      int: 5,
      dbl: -0.5,
      nan: NaN,
      inf: Infinity,
      ts: new lite.Timestamp(1, 500_000_000),
      bytes: lite.Bytes.fromUint8Array(new Uint8Array([9, 8, 7])),
      ref: lite.doc(ldb, 'a/b'),
      geo: new lite.GeoPoint(-10, 20),
      arr: [null, 'x'],
      map: { a: { b: 'c' } },
    });
    const got = (await lite.getDoc(ref)).data()!;
    expect(got.nul).toBeNull();
    expect(got.int).toBe(5);
    expect(got.dbl).toBe(-0.5);
    expect(got.nan).toBeNaN();
    expect(got.inf).toBe(Infinity);
    expect((got.ts as lite.Timestamp).toMillis()).toBe(1500);
    expect((got.bytes as lite.Bytes).toUint8Array()).toEqual(new Uint8Array([9, 8, 7]));
    expect((got.ref as lite.DocumentReference).path).toBe('a/b');
    expect((got.geo as lite.GeoPoint).latitude).toBe(-10);
    expect(got.arr).toEqual([null, 'x']);
    expect(got.map).toEqual({ a: { b: 'c' } });
    // What one client wrote, the other reads identically.
    const viaAdmin = (await db.doc('types/lite').get()).data()!;
    expect(viaAdmin.int).toBe(5);
    expect(viaAdmin.ref.path).toBe('a/b');
  });

  test('timestamps keep microseconds and drop nanoseconds, as Firestore does', async () => {
    const ref = db.doc('types/precision');
    await ref.set({ t: new Timestamp(10, 123_456_789) });
    const t = (await ref.get()).get('t') as Timestamp;
    expect(t.seconds).toBe(10);
    expect(t.nanoseconds).toBe(123_456_000);
  });

  test('mixed types sort null < bool < NaN < numbers < timestamp < string < bytes < reference < geo < array < map', async () => {
    const values: [string, unknown][] = [
      ['k-map', { a: 1 }],
      ['j-array', [1, 2]],
      ['i-geo', new GeoPoint(1, 1)],
      ['h-ref', db.doc('c/d')],
      ['g-bytes', Buffer.from('ab')],
      ['f-string', 'abc'],
      ['e-time', Timestamp.fromMillis(0)],
      ['d-num-big', 2.5],
      ['d-num-small', -3],
      ['c-nan', NaN],
      ['b-true', true],
      ['b-false', false],
      ['a-null', null],
    ];
    const batch = db.batch();
    for (const [id, v] of values) batch.set(db.collection('mixed').doc(id), { v });
    await batch.commit();
    const ids = (await db.collection('mixed').orderBy('v').get()).docs.map((d) => d.id);
    expect(ids).toEqual([
      'a-null',
      'b-false',
      'b-true',
      'c-nan',
      'd-num-small',
      'd-num-big',
      'e-time',
      'f-string',
      'g-bytes',
      'h-ref',
      'i-geo',
      'j-array',
      'k-map',
    ]);
    const desc = (await db.collection('mixed').orderBy('v', 'desc').get()).docs.map((d) => d.id);
    expect(desc).toEqual([...ids].reverse());
  });

  test('integers and doubles compare numerically, strings by UTF-8 bytes', async () => {
    const batch = db.batch();
    batch.set(db.doc('nums/a'), { n: 1 });
    batch.set(db.doc('nums/b'), { n: 1.0 });
    batch.set(db.doc('nums/c'), { n: 1.5 });
    batch.set(db.doc('nums/d'), { n: 0 });
    batch.set(db.doc('strs/bmp'), { s: '\uFF5E' });
    batch.set(db.doc('strs/astral'), { s: '😀' });
    batch.set(db.doc('strs/private'), { s: '\uE000' });
    await batch.commit();
    // 1 (integer) and 1.0 (double) are the same number to a query.
    const ones = await db.collection('nums').where('n', '==', 1).get();
    expect(ones.size).toBe(2);
    const order = (await db.collection('nums').orderBy('n').get()).docs.map((d) => d.get('n'));
    expect(order).toEqual([0, 1, 1, 1.5]);
    const strs = (await db.collection('strs').orderBy('s').get()).docs.map((d) => d.id);
    expect(strs).toEqual(['private', 'bmp', 'astral']);
  });
});
