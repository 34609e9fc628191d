/**
 * Transactions and locks, seen from outside and through the lock table:
 * rules are judged before any lock is taken (a denied request leaves no
 * trace), reads take shared locks, ListDocuments locks like a query,
 * read-only transactions and `readTime` reads see one snapshot, and
 * BeginTransaction validates its options as the official emulator does
 * (emulator/README.md, "Transactions and locks").
 *
 * Each test starts its own emulator in this process so that it can read the
 * lock table and use a short lock timeout.
 */
import { startFirestoreEmulator, type RunningEmulator } from '../../emulator/src';
import { uniqueProjectId } from '../helpers/firestore';

const RULES = `rules_version = '2';
service cloud.firestore {
  match /databases/{database}/documents {
    match /quotas/{id} {
      allow read, write: if false;
    }
    match /open/{id} {
      allow read, write: if true;
    }
  }
}`;

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startFirestoreEmulator({
    port: 0,
    service: { transactions: { lockTimeoutMs: 300 } },
    log: () => undefined,
  });
});
afterAll(() => emulator.stop());

interface Answer {
  status: number;
  body: Record<string, unknown> & { error?: { status: string; message: string } };
}

/** A REST client of one project; `auth` undefined sends no Authorization header. */
function client(projectId: string, auth?: string) {
  const db = `projects/${projectId}/databases/(default)`;
  const name = (path: string) => `${db}/documents/${path}`;
  const call = async (verb: string, body: unknown): Promise<Answer> => {
    const res = await fetch(`http://127.0.0.1:${emulator.port}/v1/${db}/documents:${verb}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : {};
    // Streaming verbs answer an array; keep its first element for the envelope.
    const first = (Array.isArray(parsed) ? (parsed[0] ?? {}) : parsed) as Answer['body'];
    return { status: res.status, body: Array.isArray(parsed) ? { ...first, all: parsed } : first };
  };
  return {
    name,
    begin: (options?: unknown) => call('beginTransaction', options ? { options } : {}),
    get: (paths: string[], selector: Record<string, unknown> = {}) =>
      call('batchGet', { documents: paths.map(name), ...selector }),
    query: (collectionId: string, selector: Record<string, unknown> = {}) =>
      call('runQuery', { structuredQuery: { from: [{ collectionId }] }, ...selector }),
    commit: (writes: unknown[], transaction?: string) =>
      call('commit', { writes, ...(transaction ? { transaction } : {}) }),
    rollback: (transaction: string) => call('rollback', { transaction }),
    set: (path: string, n: number) => ({
      update: { name: name(path), fields: { n: { integerValue: String(n) } } },
    }),
  };
}

function lockTable(projectId: string) {
  return emulator.service.database({ project: projectId, database: '(default)' }).txns.lockTable();
}

describe('deny before lock', () => {
  test('a denied query in an anonymous transaction takes no lock; admin transactions and writes proceed', async () => {
    const projectId = uniqueProjectId('deny-lock');
    emulator.rules.setRules(projectId, RULES);
    const owner = client(projectId, 'Bearer owner');
    const anonymous = client(projectId);
    expect((await owner.commit([owner.set('quotas/q1', 1)])).status).toBe(200);

    const begun = await anonymous.begin();
    expect(begun.status).toBe(200);
    const t = begun.body.transaction as string;
    const denied = await anonymous.query('quotas', { transaction: t });
    expect(denied.status).toBe(403);
    expect(denied.body.error?.status).toBe('PERMISSION_DENIED');
    const deniedGet = await anonymous.get(['quotas/q1'], { transaction: t });
    expect(deniedGet.status).toBe(403);
    const deniedNew = await anonymous.query('quotas', { newTransaction: { readWrite: {} } });
    expect(deniedNew.status).toBe(403);
    expect(lockTable(projectId)).toEqual({ documents: [], collections: [] });

    // An administrative transaction reads and updates the quota at once.
    const admin = await owner.begin();
    const a = admin.body.transaction as string;
    expect((await owner.get(['quotas/q1'], { transaction: a })).status).toBe(200);
    const committed = await owner.commit([owner.set('quotas/q1', 2)], a);
    expect(committed.status).toBe(200);
    // A plain write into the collection the anonymous query named does not wait either.
    expect((await owner.commit([owner.set('quotas/q2', 1)])).status).toBe(200);
    expect(lockTable(projectId)).toEqual({ documents: [], collections: [] });
  });

  test('a denied commit in an older transaction does not wound a younger admin transaction', async () => {
    const projectId = uniqueProjectId('deny-wound');
    emulator.rules.setRules(projectId, RULES);
    const owner = client(projectId, 'Bearer owner');
    const anonymous = client(projectId);
    expect((await owner.commit([owner.set('quotas/q1', 1)])).status).toBe(200);

    const older = (await anonymous.begin()).body.transaction as string;
    const admin = (await owner.begin()).body.transaction as string;
    expect((await owner.get(['quotas/q1'], { transaction: admin })).status).toBe(200);
    const denied = await anonymous.commit([anonymous.set('quotas/q1', 99)], older);
    expect(denied.status).toBe(403);
    const committed = await owner.commit([owner.set('quotas/q1', 2)], admin);
    expect(committed.status).toBe(200);
    const after = await owner.get(['quotas/q1']);
    expect(after.body.found).toMatchObject({ fields: { n: { integerValue: '2' } } });
  });

  test('an allowed read in the same transaction does lock, and the lock is listed', async () => {
    const projectId = uniqueProjectId('deny-allowed');
    emulator.rules.setRules(projectId, RULES);
    const owner = client(projectId, 'Bearer owner');
    const anonymous = client(projectId);
    expect((await owner.commit([owner.set('open/o1', 1)])).status).toBe(200);
    const t = (await anonymous.begin()).body.transaction as string;
    expect((await anonymous.get(['open/o1'], { transaction: t })).status).toBe(200);
    expect((await anonymous.query('quotas', { transaction: t })).status).toBe(403);
    expect(lockTable(projectId)).toEqual({
      documents: [{ path: 'open/o1', mode: 'shared', holders: 1 }],
      collections: [],
    });
    expect((await anonymous.rollback(t)).status).toBe(200);
    expect(lockTable(projectId)).toEqual({ documents: [], collections: [] });
  });
});

describe('lock semantics', () => {
  test('two transactions both read a document; a plain write waits for both and times out', async () => {
    const projectId = uniqueProjectId('shared');
    const owner = client(projectId, 'Bearer owner');
    expect((await owner.commit([owner.set('c/d', 1)])).status).toBe(200);
    const t1 = (await owner.begin()).body.transaction as string;
    const t2 = (await owner.begin()).body.transaction as string;
    const r1 = await owner.get(['c/d'], { transaction: t1 });
    const r2 = await owner.get(['c/d'], { transaction: t2 });
    expect(r1.body.found).toMatchObject({ fields: { n: { integerValue: '1' } } });
    expect(r2.body.found).toMatchObject({ fields: { n: { integerValue: '1' } } });
    expect(lockTable(projectId)).toEqual({
      documents: [{ path: 'c/d', mode: 'shared', holders: 2 }],
      collections: [],
    });
    const plain = await owner.commit([owner.set('c/d', 2)]);
    expect(plain.status).toBe(409);
    expect(plain.body.error?.message).toBe('Transaction lock timeout.');
    expect((await owner.rollback(t1)).status).toBe(200);
    expect((await owner.rollback(t2)).status).toBe(200);
    expect((await owner.commit([owner.set('c/d', 3)])).status).toBe(200);
  });

  test('when two readers both write, the older wins at once and the younger is aborted (wound-wait)', async () => {
    const projectId = uniqueProjectId('wound');
    const owner = client(projectId, 'Bearer owner');
    expect((await owner.commit([owner.set('c/d', 1)])).status).toBe(200);
    const older = (await owner.begin()).body.transaction as string;
    const younger = (await owner.begin()).body.transaction as string;
    expect((await owner.get(['c/d'], { transaction: older })).status).toBe(200);
    expect((await owner.get(['c/d'], { transaction: younger })).status).toBe(200);
    // The younger commits first: it waits for the older reader...
    const youngerCommit = owner.commit([owner.set('c/d', 20)], younger);
    // ...which then commits, wounding the younger instead of waiting for the timeout.
    const olderCommit = await owner.commit([owner.set('c/d', 10)], older);
    expect(olderCommit.status).toBe(200);
    const lost = await youngerCommit;
    expect(lost.status).toBe(409);
    expect(lost.body.error?.message).toBe('The referenced transaction has expired or is no longer valid.');
    expect((await owner.get(['c/d'])).body.found).toMatchObject({ fields: { n: { integerValue: '10' } } });
  });

  test('ListDocuments in a transaction locks every collection with that id', async () => {
    const projectId = uniqueProjectId('list-lock');
    const owner = client(projectId, 'Bearer owner');
    expect((await owner.commit([owner.set('c/a', 1), owner.set('c/b', 1)])).status).toBe(200);
    const t = (await owner.begin()).body.transaction as string;
    const listed = emulator.service.listDocuments({
      parent: `projects/${projectId}/databases/(default)/documents`,
      collectionId: 'c',
      pageSize: 1,
      transaction: Buffer.from(t, 'base64'),
    });
    expect(listed.documents.map((d) => d.name)).toEqual([owner.name('c/a')]);
    expect(lockTable(projectId)).toEqual({
      documents: [],
      collections: [{ collectionId: 'c', mode: 'shared', holders: 1 }],
    });
    expect((await owner.commit([owner.set('x/y/c/z', 2)])).status).toBe(409);
    expect((await owner.commit([owner.set('c/a/sub/x', 2)])).status).toBe(200);
    expect((await owner.commit([owner.set('c/new', 2)], t)).status).toBe(200);
  });

  test('a read-only transaction reads the snapshot of its start, queries included', async () => {
    const projectId = uniqueProjectId('snapshot');
    const owner = client(projectId, 'Bearer owner');
    expect((await owner.commit([owner.set('c/a', 1), owner.set('c/b', 1)])).status).toBe(200);
    const r = (await owner.begin({ readOnly: {} })).body.transaction as string;
    expect(
      (await owner.commit([owner.set('c/a', 2), { delete: owner.name('c/b') }, owner.set('c/new', 1)]))
        .status,
    ).toBe(200);
    const read = await owner.get(['c/a', 'c/b', 'c/new'], { transaction: r });
    const all = read.body.all as { found?: { name: string; fields: unknown }; missing?: string }[];
    expect(all.map((x) => x.found?.fields ?? x.missing)).toEqual([
      { n: { integerValue: '1' } },
      { n: { integerValue: '1' } },
      owner.name('c/new'),
    ]);
    const queried = await owner.query('c', { transaction: r });
    const docs = (queried.body.all as { document?: { name: string; fields: unknown } }[])
      .filter((x) => x.document)
      .map((x) => [x.document!.name, x.document!.fields]);
    expect(docs).toEqual([
      [owner.name('c/a'), { n: { integerValue: '1' } }],
      [owner.name('c/b'), { n: { integerValue: '1' } }],
    ]);
    // The latest state, outside the transaction.
    const now = await owner.query('c');
    expect((now.body.all as { document?: { name: string } }[]).map((x) => x.document?.name)).toEqual([
      owner.name('c/a'),
      owner.name('c/new'),
    ]);
  });

  test('a read at an earlier readTime sees the documents as they were then', async () => {
    const projectId = uniqueProjectId('read-time');
    const owner = client(projectId, 'Bearer owner');
    const first = await owner.commit([owner.set('c/a', 1)]);
    const then = first.body.commitTime as string;
    expect((await owner.commit([owner.set('c/a', 2)])).status).toBe(200);
    const old = await owner.get(['c/a'], { readTime: then });
    expect(old.body.found).toMatchObject({ fields: { n: { integerValue: '1' } } });
    expect(old.body.readTime).toBe(then);
    const current = await owner.get(['c/a']);
    expect(current.body.found).toMatchObject({ fields: { n: { integerValue: '2' } } });
  });

  test('BeginTransaction refuses read times too old or in the future, and malformed retry ids', async () => {
    const projectId = uniqueProjectId('begin-validation');
    const owner = client(projectId, 'Bearer owner');
    const tooOld = await owner.begin({ readOnly: { readTime: '2020-01-01T00:00:00Z' } });
    expect(tooOld.status).toBe(400);
    expect(tooOld.body.error).toMatchObject({
      status: 'FAILED_PRECONDITION',
      message: "The requested 'read_time' is too old.",
    });
    const future = await owner.begin({ readOnly: { readTime: '2999-01-01T00:00:00Z' } });
    expect(future.status).toBe(400);
    expect(future.body.error).toMatchObject({
      status: 'INVALID_ARGUMENT',
      message: "The requested 'read_time' cannot be in the future.",
    });
    const malformed = await owner.begin({ readWrite: { retryTransaction: 'AAAA' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({
      status: 'INVALID_ARGUMENT',
      message: 'Invalid transaction.',
    });
    const t = (await owner.begin()).body.transaction as string;
    const retry = await owner.begin({ readWrite: { retryTransaction: t } });
    expect(retry.status).toBe(200);
  });
});
