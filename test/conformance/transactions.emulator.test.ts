/**
 * Conformance: transactions are serializable under concurrency, query reads
 * included, through both clients' own retry loops. These are the patterns
 * canbo relies on: counters on one document, check-then-increment on a quota,
 * and "create only if no document matches" (a phantom read).
 */
import { Timestamp } from 'firebase-admin/firestore';
import {
  adminFirestore,
  closeClients,
  emulatorUrl,
  lite,
  liteFirestore,
  uniqueProjectId,
} from '../helpers/firestore';

const projectId = uniqueProjectId('transactions');
const db = adminFirestore(projectId);
const ldb = liteFirestore(projectId);

afterAll(closeClients);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('many concurrent admin transactions on one document lose no update', async () => {
  const ref = db.doc('counters/one');
  await ref.set({ n: 0 });
  const n = 40;
  await Promise.all(
    Array.from({ length: n }, () =>
      db.runTransaction(async (tx) => {
        const snap = await tx.get(ref);
        tx.update(ref, { n: (snap.get('n') as number) + 1 });
      }),
    ),
  );
  expect((await ref.get()).get('n')).toBe(n);
});

test('concurrent lite transactions (optimistic, preconditions) lose no update', async () => {
  const ref = lite.doc(ldb, 'counters/lite');
  await lite.setDoc(ref, { n: 0 });
  const n = 8;
  await Promise.all(
    Array.from({ length: n }, () =>
      lite.runTransaction(ldb, async (tx) => {
        const snap = await tx.get(ref);
        tx.update(ref, { n: (snap.get('n') as number) + 1 });
      }),
    ),
  );
  expect((await lite.getDoc(ref)).get('n')).toBe(n);
});

test('check-then-increment on a quota never oversubscribes (admin and lite together)', async () => {
  const quota = db.doc('quotas/42001_government_2026');
  await quota.set({ allocated: 5, filled: 0 });
  const attempt = async (i: number): Promise<boolean> => {
    if (i % 4 === 0) {
      const lq = lite.doc(ldb, 'quotas/42001_government_2026');
      return lite.runTransaction(ldb, async (tx) => {
        const q = await tx.get(lq);
        if ((q.get('filled') as number) >= (q.get('allocated') as number)) return false;
        tx.update(lq, { filled: (q.get('filled') as number) + 1 });
        tx.set(lite.doc(ldb, `movements/m${i}`), { quota: q.id });
        return true;
      });
    }
    return db.runTransaction(async (tx) => {
      const q = await tx.get(quota);
      if ((q.get('filled') as number) >= (q.get('allocated') as number)) return false;
      tx.update(quota, { filled: (q.get('filled') as number) + 1 });
      tx.set(db.doc(`movements/m${i}`), { quota: q.id });
      return true;
    });
  };
  const results = await Promise.all(Array.from({ length: 24 }, (_, i) => attempt(i)));
  expect(results.filter(Boolean)).toHaveLength(5);
  expect((await quota.get()).get('filled')).toBe(5);
  expect((await db.collection('movements').get()).size).toBe(5);
});

test('a transaction that saw no matching document cannot commit over a concurrent insert (phantoms)', async () => {
  // Each transaction creates a "head of unit" only if the unit has none yet.
  const created = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      db.runTransaction(async (tx) => {
        const existing = await tx.get(db.collection('heads').where('unit', '==', '42001'));
        if (!existing.empty) return false;
        tx.set(db.collection('heads').doc(`h${i}`), { unit: '42001', by: i });
        return true;
      }),
    ),
  );
  expect(created.filter(Boolean)).toHaveLength(1);
  expect((await db.collection('heads').where('unit', '==', '42001').get()).size).toBe(1);
});

test('a plain write to a document locked by a slow transaction waits and is not lost', async () => {
  const ref = db.doc('locks/slow');
  await ref.set({ v: 'initial' });
  let plainDone = 0;
  let txDone = 0;
  const tx = db.runTransaction(async (t) => {
    await t.get(ref);
    await sleep(300);
    t.update(ref, { v: 'from-transaction' });
  });
  await sleep(50);
  const plain = ref.update({ v: 'from-plain-write' }).then(() => (plainDone = Date.now()));
  await tx.then(() => (txDone = Date.now()));
  await plain;
  // The plain write waited for the transaction, so it is the last one applied.
  expect(plainDone).toBeGreaterThanOrEqual(txDone);
  expect((await ref.get()).get('v')).toBe('from-plain-write');
});

test('a plain write outlasting the lock timeout is retried by the client until it lands', async () => {
  const ref = db.doc('locks/stalled');
  await ref.set({ v: 0 });
  const tx = db.runTransaction(async (t) => {
    await t.get(ref);
    await sleep(2600); // longer than the 2 s lock wait
    t.update(ref, { v: 1 });
  });
  await sleep(100);
  await ref.set({ v: 2 }); // first attempt answers ABORTED after 2 s; gax retries
  await tx;
  const v = (await ref.get()).get('v') as number;
  expect([1, 2]).toContain(v);
});

test('read-only transactions read without blocking writers', async () => {
  const ref = db.doc('ro/doc');
  await ref.set({ v: 1 });
  let writeFinished = false;
  const value = await db.runTransaction(
    async (tx) => {
      const snap = await tx.get(ref);
      const started = Date.now();
      await ref.update({ v: 2 });
      writeFinished = Date.now() - started < 1000;
      return snap.get('v') as number;
    },
    { readOnly: true },
  );
  expect(value).toBe(1);
  expect(writeFinished).toBe(true);
});

test('read-only transaction at a read time is accepted', async () => {
  await db.doc('ro/t').set({ v: 1 });
  const v = await db.runTransaction(async (tx) => (await tx.get(db.doc('ro/t'))).get('v'), {
    readOnly: true,
    readTime: Timestamp.now(),
  });
  expect(v).toBe(1);
});

describe('transaction ids', () => {
  const base = () => `${emulatorUrl()}/v1/projects/${projectId}/databases/(default)/documents`;
  const post = (verb: string, body: unknown) =>
    fetch(`${base()}:${verb}`, {
      method: 'POST',
      headers: { authorization: 'Bearer owner' },
      body: JSON.stringify(body),
    });

  test('a rolled-back transaction answers ABORTED on commit', async () => {
    const begin = (await (await post('beginTransaction', {})).json()) as { transaction: string };
    expect(typeof begin.transaction).toBe('string');
    expect((await post('rollback', { transaction: begin.transaction })).status).toBe(200);
    const commit = await post('commit', { transaction: begin.transaction, writes: [] });
    expect(commit.status).toBe(409);
    expect(((await commit.json()) as { error: { status: string } }).error.status).toBe('ABORTED');
    // Rolling back again is accepted.
    expect((await post('rollback', { transaction: begin.transaction })).status).toBe(200);
  });

  test('a committed transaction cannot be reused; a malformed id is INVALID_ARGUMENT', async () => {
    const begin = (await (await post('beginTransaction', {})).json()) as { transaction: string };
    expect((await post('commit', { transaction: begin.transaction, writes: [] })).status).toBe(200);
    expect((await post('commit', { transaction: begin.transaction, writes: [] })).status).toBe(409);
    const bad = await post('commit', { transaction: Buffer.from('nope').toString('base64'), writes: [] });
    expect(bad.status).toBe(400);
  });

  test('writes in a read-only transaction are refused', async () => {
    const begin = (await (await post('beginTransaction', { options: { readOnly: {} } })).json()) as {
      transaction: string;
    };
    const res = await post('commit', {
      transaction: begin.transaction,
      writes: [{ update: { name: `projects/${projectId}/databases/(default)/documents/ro/x`, fields: {} } }],
    });
    expect(res.status).toBe(400);
  });
});

test('a stale lite transaction read is retried, not committed', async () => {
  const ref = lite.doc(ldb, 'stale/doc');
  await lite.setDoc(ref, { v: 0 });
  let attempts = 0;
  await lite.runTransaction(ldb, async (tx) => {
    attempts++;
    const snap = await tx.get(ref);
    if (attempts === 1) await db.doc('stale/doc').update({ v: 100 }); // someone else writes
    tx.update(ref, { v: (snap.get('v') as number) + 1 });
  });
  expect(attempts).toBe(2);
  expect((await lite.getDoc(ref)).get('v')).toBe(101);
});
