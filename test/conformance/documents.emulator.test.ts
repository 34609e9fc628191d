/**
 * Conformance: single-document writes and reads, masks, preconditions, field
 * transforms, batches, BulkWriter, listing and recursive delete.
 */
import { FieldPath, FieldValue, Timestamp } from 'firebase-admin/firestore';
import {
  adminFirestore,
  closeClients,
  lite,
  liteFirestore,
  rejection,
  uniqueProjectId,
} from '../helpers/firestore';

const projectId = uniqueProjectId('documents');
const db = adminFirestore(projectId);
const ldb = liteFirestore(projectId);

afterAll(closeClients);

describe('writes and masks', () => {
  test('set replaces, merge and mergeFields keep the rest', async () => {
    const ref = db.doc('cadres/c1');
    await ref.set({ a: 1, b: { x: 1, y: 2 }, c: 3 });
    await ref.set({ b: { x: 10 } }, { merge: true });
    expect((await ref.get()).data()).toEqual({ a: 1, b: { x: 10, y: 2 }, c: 3 });
    await ref.set({ a: 100, c: 300 }, { mergeFields: ['a'] });
    expect((await ref.get()).data()).toEqual({ a: 100, b: { x: 10, y: 2 }, c: 3 });
    await ref.set({ only: true });
    expect((await ref.get()).data()).toEqual({ only: true });
  });

  test('update changes nested paths, quoted paths and deletes fields', async () => {
    const ref = db.doc('cadres/c2');
    await ref.set({ a: { b: 1, c: 2 }, 'dot.key': 1, gone: true });
    await ref.update({ 'a.b': 5, gone: FieldValue.delete() });
    await ref.update(new FieldPath('dot.key'), 2);
    expect((await ref.get()).data()).toEqual({ a: { b: 5, c: 2 }, 'dot.key': 2 });
  });

  test('update of a missing document is NOT_FOUND; create of an existing one ALREADY_EXISTS', async () => {
    const missing = await rejection(() => db.doc('cadres/none').update({ a: 1 }));
    expect(missing.code).toBe(5);
    expect(missing.message).toContain('No document to update');
    await db.doc('cadres/c3').create({ a: 1 });
    const exists = await rejection(() => db.doc('cadres/c3').create({ a: 2 }));
    expect(exists.code).toBe(6);
    expect((await db.doc('cadres/c3').get()).get('a')).toBe(1);
  });

  test('lastUpdateTime precondition compares the exact update time', async () => {
    const ref = db.doc('cadres/c4');
    const first = await ref.set({ v: 1 });
    await ref.set({ v: 2 });
    const stale = await rejection(() => ref.update({ v: 3 }, { lastUpdateTime: first.writeTime }));
    expect(stale.code).toBe(9);
    const current = (await ref.get()).updateTime!;
    await ref.update({ v: 3 }, { lastUpdateTime: current });
    expect((await ref.get()).get('v')).toBe(3);
    await expect(ref.delete({ lastUpdateTime: current })).rejects.toMatchObject({ code: 9 });
  });

  test('delete with exists precondition fails on a missing document', async () => {
    const err = await rejection(() => db.doc('cadres/never').delete({ exists: true }));
    expect(err.code).toBe(5);
    await db.doc('cadres/never').delete(); // a plain delete of nothing succeeds
  });

  test('create and update times: createTime stays, updateTime moves', async () => {
    const ref = db.doc('cadres/times');
    await ref.set({ v: 1 });
    const a = await ref.get();
    await ref.update({ v: 2 });
    const b = await ref.get();
    expect(b.createTime!.isEqual(a.createTime!)).toBe(true);
    expect(b.updateTime!.toMillis()).toBeGreaterThanOrEqual(a.updateTime!.toMillis());
    expect(b.updateTime!.isEqual(a.updateTime!)).toBe(false);
  });
});

describe('field transforms', () => {
  test('serverTimestamp, increment, arrayUnion and arrayRemove', async () => {
    const ref = db.doc('quotas/q1');
    await ref.set({ filled: 1, ratio: 1.5, tags: ['a', 'b'], text: 'x' });
    const before = Date.now();
    await ref.update({
      at: FieldValue.serverTimestamp(),
      filled: FieldValue.increment(2),
      ratio: FieldValue.increment(1),
      fresh: FieldValue.increment(7),
      text: FieldValue.increment(1),
      tags: FieldValue.arrayUnion('b', 'c'),
    });
    let data = (await ref.get()).data()!;
    expect(data.filled).toBe(3);
    expect(data.ratio).toBe(2.5);
    expect(data.fresh).toBe(7);
    expect(data.text).toBe(1); // a non-number is replaced by the operand
    expect(data.tags).toEqual(['a', 'b', 'c']);
    const at = (data.at as Timestamp).toMillis();
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    await ref.update({ tags: FieldValue.arrayRemove('a', 'zzz') });
    data = (await ref.get()).data()!;
    expect(data.tags).toEqual(['b', 'c']);
  });

  test('set with only a server timestamp creates the document with that field', async () => {
    const ref = db.doc('quotas/q2');
    const result = await ref.set({ at: FieldValue.serverTimestamp() });
    const snap = await ref.get();
    expect(Object.keys(snap.data()!)).toEqual(['at']);
    expect(snap.updateTime!.isEqual(result.writeTime)).toBe(true);
  });

  test('lite transforms get one result per transform', async () => {
    const ref = lite.doc(ldb, 'quotas/q3');
    await lite.setDoc(ref, { n: 1, at: lite.serverTimestamp() });
    await lite.updateDoc(ref, { n: lite.increment(4), list: lite.arrayUnion(1, 2) });
    const data = (await lite.getDoc(ref)).data()!;
    expect(data.n).toBe(5);
    expect(data.list).toEqual([1, 2]);
    expect(data.at).toBeInstanceOf(lite.Timestamp);
  });

  test('integer increments saturate at 64 bits instead of wrapping', async () => {
    const ref = db.doc('quotas/big');
    await ref.set({ n: Number.MAX_SAFE_INTEGER });
    await ref.update({ n: FieldValue.increment(Number.MAX_SAFE_INTEGER) });
    await ref.update({ n: FieldValue.increment(Number.MAX_SAFE_INTEGER) });
    const n = (await ref.get()).get('n') as number;
    expect(n).toBeGreaterThan(0);
  });
});

describe('batches and bulk writes', () => {
  test('a batch is atomic: one failing write leaves nothing applied', async () => {
    await db.doc('units/existing').set({ v: 1 });
    const batch = db.batch();
    batch.set(db.doc('units/new1'), { v: 1 });
    batch.create(db.doc('units/existing'), { v: 2 });
    await expect(batch.commit()).rejects.toMatchObject({ code: 6 });
    expect((await db.doc('units/new1').get()).exists).toBe(false);
    expect((await db.doc('units/existing').get()).get('v')).toBe(1);
  });

  test('a lite writeBatch commits every write at once', async () => {
    const batch = lite.writeBatch(ldb);
    batch.set(lite.doc(ldb, 'units/l1'), { v: 1 });
    batch.set(lite.doc(ldb, 'units/l2'), { v: 2 });
    batch.delete(lite.doc(ldb, 'units/existing'));
    await batch.commit();
    expect((await db.doc('units/l2').get()).get('v')).toBe(2);
    expect((await db.doc('units/existing').get()).exists).toBe(false);
  });

  test('BulkWriter (BatchWrite) reports each write on its own', async () => {
    await db.doc('bulk/taken').set({ v: 0 });
    const writer = db.bulkWriter();
    writer.onWriteError(() => false); // no retries: we want the first status
    const ok = writer.set(db.doc('bulk/a'), { v: 1 });
    const failed = writer.create(db.doc('bulk/taken'), { v: 2 });
    const ok2 = writer.update(db.doc('bulk/a2'), { v: 3 }).catch((e: { code: number }) => e.code);
    await writer.close();
    await expect(ok).resolves.toBeDefined();
    await expect(failed).rejects.toMatchObject({ code: 6 });
    expect(await ok2).toBe(5);
    expect((await db.doc('bulk/a').get()).get('v')).toBe(1);
  });
});

describe('reading and listing', () => {
  test('getAll returns documents in request order, with a field mask', async () => {
    await db.doc('read/a').set({ x: 1, y: 2 });
    await db.doc('read/b').set({ x: 3, y: 4 });
    const snaps = await db.getAll(db.doc('read/b'), db.doc('read/missing'), db.doc('read/a'), {
      fieldMask: ['x'],
    });
    expect(snaps.map((s) => s.exists)).toEqual([true, false, true]);
    expect(snaps[0]!.data()).toEqual({ x: 3 });
  });

  test('listDocuments includes documents that only have subcollections', async () => {
    await db.doc('tree/real').set({ v: 1 });
    await db.doc('tree/ghost/sub/child').set({ v: 2 });
    const refs = await db.collection('tree').listDocuments();
    expect(refs.map((r) => r.id).sort()).toEqual(['ghost', 'real']);
  });

  test('listCollections lists collection ids at the root and under a document', async () => {
    await db.doc('lc/p/one/x').set({});
    await db.doc('lc/p/two/y/deep/z').set({});
    const under = await db.doc('lc/p').listCollections();
    expect(under.map((c) => c.id)).toEqual(['one', 'two']);
    const root = await db.listCollections();
    expect(root.map((c) => c.id)).toContain('lc');
  });

  test('recursiveDelete removes numeric, upper-case and nested ids', async () => {
    const ids = ['__id7__', 'Alpha', '0zero', 'beta', '~tilde'];
    for (const id of ids) await db.collection('doomed').doc(id).set({ v: id });
    await db.doc('doomed/beta/children/c1').set({ v: 1 });
    await db.doc('doomedkeep/x').set({ v: 1 });
    await db.recursiveDelete(db.collection('doomed'));
    expect((await db.collection('doomed').get()).size).toBe(0);
    expect((await db.doc('doomed/beta/children/c1').get()).exists).toBe(false);
    expect((await db.doc('doomedkeep/x').get()).exists).toBe(true);
  });

  test('lite getDoc of a missing document reports exists() false', async () => {
    const snap = await lite.getDoc(lite.doc(ldb, 'read/nothing'));
    expect(snap.exists()).toBe(false);
  });

  test('add() creates a 20-character id', async () => {
    const ref = await db.collection('auto').add({ v: 1 });
    expect(ref.id).toMatch(/^[A-Za-z0-9]{20}$/);
    const lref = await lite.addDoc(lite.collection(ldb, 'auto'), { v: 2 });
    expect((await db.doc(`auto/${lref.id}`).get()).get('v')).toBe(2);
  });
});

describe('validation', () => {
  test('reserved field names are refused', async () => {
    const err = await rejection(() => db.doc('bad/a').set({ __x__: 1 }));
    expect(err.code).toBe(3);
    expect(err.message).toContain('reserved');
  });

  test('reserved collection ids are refused', async () => {
    const err = await rejection(() => db.collection('__bad__').doc('a').set({ v: 1 }));
    expect(err.code).toBe(3);
  });
});
