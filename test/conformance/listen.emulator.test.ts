/**
 * The Listen stream through the Admin SDK's onSnapshot: document and query listeners get an
 * initial snapshot, then additions, modifications and removals; unsubscribing removes the
 * target; rules apply to non-owner listeners; listeners beyond the emulator's limit are
 * refused with RESOURCE_EXHAUSTED.
 */
import { Firestore, type DocumentSnapshot, type QuerySnapshot } from '@google-cloud/firestore';
import * as grpc from '@grpc/grpc-js';
import { startFirestoreEmulator, type RunningEmulator } from '../../emulator/src';
import { packageDefinition } from '../../emulator/src/proto';
import { deleteApp, initializeApp } from 'firebase/app';
import * as full from 'firebase/firestore';
import { adminFirestore, closeClients, emulatorAddress, uniqueProjectId } from '../helpers/firestore';

afterAll(closeClients);

/**
 * Collects snapshots; `next` waits for the first snapshot after those already consumed that
 * matches a condition (it may have arrived before `next` was called).
 */
function collector<S>() {
  const seen: S[] = [];
  let consumed = 0;
  let waiter: { test: (s: S) => boolean; resolve: (s: S) => void } | undefined;
  const scan = () => {
    if (!waiter) return;
    for (let i = consumed; i < seen.length; i++) {
      if (waiter.test(seen[i]!)) {
        consumed = i + 1;
        const w = waiter;
        waiter = undefined;
        w.resolve(seen[i]!);
        return;
      }
    }
  };
  return {
    seen,
    push(s: S) {
      seen.push(s);
      scan();
    },
    next(test: (s: S) => boolean): Promise<S> {
      return new Promise((resolve) => {
        waiter = { test, resolve };
        scan();
      });
    },
  };
}

const ids = (s: QuerySnapshot) => s.docs.map((d) => d.id);
const changes = (s: QuerySnapshot) => s.docChanges().map((c) => `${c.type}:${c.doc.id}`);

describe('onSnapshot through the Admin SDK', () => {
  test('a document listener sees the missing document, its creation, update and deletion', async () => {
    const db = adminFirestore(uniqueProjectId('listen-doc'));
    const ref = db.doc('cadres/c1');
    const snaps = collector<DocumentSnapshot>();
    const unsubscribe = ref.onSnapshot((s) => snaps.push(s));
    try {
      const first = await snaps.next(() => true);
      expect(first.exists).toBe(false);
      await ref.set({ name: 'An', grade: 1 });
      expect((await snaps.next((s) => s.exists && s.get('grade') === 1)).data()).toEqual({
        name: 'An',
        grade: 1,
      });
      await ref.update({ grade: 2 });
      expect((await snaps.next((s) => s.get('grade') === 2)).data()).toEqual({ name: 'An', grade: 2 });
      await ref.delete();
      const gone = await snaps.next((s) => !s.exists);
      expect(gone.exists).toBe(false);
    } finally {
      unsubscribe();
    }
  });

  test('a query listener gets the initial result, then additions, changes and removals in order', async () => {
    const db = adminFirestore(uniqueProjectId('listen-query'));
    await db.doc('units/a').set({ province: '42', n: 1 });
    await db.doc('units/b').set({ province: '42', n: 2 });
    await db.doc('units/x').set({ province: '40', n: 3 });
    const snaps = collector<QuerySnapshot>();
    const unsubscribe = db
      .collection('units')
      .where('province', '==', '42')
      .onSnapshot((s) => snaps.push(s));
    try {
      const initial = await snaps.next(() => true);
      expect(ids(initial)).toEqual(['a', 'b']);
      expect(changes(initial)).toEqual(['added:a', 'added:b']);

      await db.doc('units/c').set({ province: '42', n: 4 });
      expect(changes(await snaps.next((s) => s.size === 3))).toEqual(['added:c']);

      await db.doc('units/a').update({ n: 10 });
      const modified = await snaps.next((s) => s.docs.some((d) => d.id === 'a' && d.get('n') === 10));
      expect(changes(modified)).toEqual(['modified:a']);

      // b stops matching; c is deleted; a write elsewhere changes nothing.
      await db.doc('units/b').update({ province: '40' });
      expect(changes(await snaps.next((s) => s.size === 2))).toEqual(['removed:b']);
      await db.doc('units/c').delete();
      const last = await snaps.next((s) => s.size === 1);
      expect(changes(last)).toEqual(['removed:c']);
      expect(ids(last)).toEqual(['a']);
      await db.doc('units/y').set({ province: '40', n: 5 });
      await db.doc('units/d').set({ province: '42', n: 6 });
      const after = await snaps.next((s) => s.size === 2);
      expect(changes(after)).toEqual(['added:d']);
    } finally {
      unsubscribe();
    }
  });

  test('ordered, limited queries keep their order and limit', async () => {
    const db = adminFirestore(uniqueProjectId('listen-order'));
    for (const [id, n] of [
      ['a', 3],
      ['b', 1],
      ['c', 2],
    ] as const)
      await db.doc(`scores/${id}`).set({ n });
    const snaps = collector<QuerySnapshot>();
    const unsubscribe = db
      .collection('scores')
      .orderBy('n', 'desc')
      .limit(2)
      .onSnapshot((s) => snaps.push(s));
    try {
      expect(ids(await snaps.next(() => true))).toEqual(['a', 'c']);
      await db.doc('scores/d').set({ n: 5 });
      expect(ids(await snaps.next((s) => s.docs[0]?.id === 'd'))).toEqual(['d', 'a']);
    } finally {
      unsubscribe();
    }
  });
});

describe('limits and rules (an emulator of its own)', () => {
  let emulator: RunningEmulator;
  const clients: Firestore[] = [];
  const projectId = 'demo-listen-limits';

  beforeAll(async () => {
    emulator = await startFirestoreEmulator({
      host: '127.0.0.1',
      port: 0,
      maxListenTargets: 2,
      log: () => {},
    });
    emulator.rules.setRules(
      '*',
      `rules_version = '2';
service cloud.firestore {
  match /databases/{database}/documents {
    match /open/{id} { allow read: if true; }
    match /secret/{id} { allow read: if false; }
  }
}`,
    );
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.terminate()));
    await emulator.stop();
  });

  function client(authorization = 'Bearer owner'): Firestore {
    // The client prefers FIRESTORE_EMULATOR_HOST (the suite's emulator) to its settings.
    const suite = process.env.FIRESTORE_EMULATOR_HOST;
    delete process.env.FIRESTORE_EMULATOR_HOST;
    try {
      const c = new Firestore({
        projectId,
        host: `127.0.0.1:${emulator.port}`,
        ssl: false,
        customHeaders: { Authorization: authorization },
      });
      clients.push(c);
      return c;
    } finally {
      process.env.FIRESTORE_EMULATOR_HOST = suite;
    }
  }

  function listenError(listen: (onError: (e: Error) => void) => () => void): Promise<Error> {
    return new Promise((resolve) => {
      const unsubscribe = listen((e) => {
        unsubscribe();
        resolve(e);
      });
    });
  }

  test('the third listener is refused with RESOURCE_EXHAUSTED; unsubscribing frees a place', async () => {
    const db = client();
    await db.doc('open/a').set({ v: 1 });
    const first = collector<QuerySnapshot>();
    const second = collector<DocumentSnapshot>();
    const stop1 = db.collection('open').onSnapshot((s) => first.push(s));
    const stop2 = db.doc('open/a').onSnapshot((s) => second.push(s));
    await first.next(() => true);
    await second.next(() => true);
    expect(emulator.listen.stats().targets).toBe(2);

    const refused = await listenError((onError) => db.collection('other').onSnapshot(() => {}, onError));
    expect(refused.message).toBe(
      'Error 8: Too many listeners: this emulator serves at most 2 targets at once.',
    );

    stop1();
    await new Promise((r) => setTimeout(r, 200));
    const third = collector<QuerySnapshot>();
    const stop3 = db.collection('other').onSnapshot((s) => third.push(s));
    expect((await third.next(() => true)).size).toBe(0);
    stop2();
    stop3();
  });

  test('rules apply to a non-owner listener: allowed on open, denied on secret', async () => {
    const owner = client();
    await owner.doc('open/b').set({ v: 2 });
    await owner.doc('secret/s').set({ v: 3 });
    // An unsigned JWT, as mockUserToken sends it: a signed-in user judged by the rules.
    const claims = Buffer.from(JSON.stringify({ sub: 'u1', user_id: 'u1', iat: 0, exp: 9e9 })).toString(
      'base64url',
    );
    const user = client(`Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${claims}.`);

    const open = collector<DocumentSnapshot>();
    const stop = user.doc('open/b').onSnapshot((s) => open.push(s));
    expect((await open.next(() => true)).get('v')).toBe(2);
    stop();

    const denied = await listenError((onError) => user.doc('secret/s').onSnapshot(() => {}, onError));
    expect(denied.message).toMatch(/^Error 7: /);
    const deniedQuery = await listenError((onError) =>
      user.collection('secret').onSnapshot(() => {}, onError),
    );
    expect(deniedQuery.message).toMatch(/^Error 7: /);

    // The owner (Admin SDK credential) bypasses rules, as for any other request.
    const ownerSnaps = collector<DocumentSnapshot>();
    const stopOwner = owner.doc('secret/s').onSnapshot((s) => ownerSnaps.push(s));
    expect((await ownerSnaps.next(() => true)).get('v')).toBe(3);
    stopOwner();
  });
});

describe('the Listen protocol, message by message (a raw gRPC client)', () => {
  let emulator: RunningEmulator;
  let client: grpc.Client & { listen(metadata: grpc.Metadata): grpc.ClientDuplexStream<unknown, Msg> };
  const database = 'projects/demo-listen-raw/databases/(default)';

  interface Msg {
    targetChange?: {
      targetChangeType?: string;
      targetIds?: number[];
      cause?: { code?: number; message?: string };
      resumeToken?: Buffer;
      readTime?: unknown;
    };
    documentChange?: { document?: { name?: string }; targetIds?: number[] };
    documentDelete?: { document?: string; removedTargetIds?: number[] };
    documentRemove?: { document?: string; removedTargetIds?: number[] };
  }

  beforeAll(async () => {
    emulator = await startFirestoreEmulator({ host: '127.0.0.1', port: 0, log: () => {} });
    emulator.service.setProjectIndexes('demo-listen-raw', { indexes: [], fieldOverrides: [] });
    const loaded = grpc.loadPackageDefinition(packageDefinition()) as unknown as {
      google: { firestore: { v1: { Firestore: grpc.ServiceClientConstructor } } };
    };
    client = new loaded.google.firestore.v1.Firestore(
      `127.0.0.1:${emulator.port}`,
      grpc.credentials.createInsecure(),
    ) as unknown as typeof client;
    await emulator.service.commit({
      database,
      writes: [
        { update: { name: `${database}/documents/rooms/r1`, fields: { size: { integerValue: '3' } } } },
      ],
    });
  });

  afterAll(async () => {
    client.close();
    await emulator.stop();
  });

  /** Opens a stream; `until` resolves with the messages received up to one matching a test. */
  function open() {
    const metadata = new grpc.Metadata();
    metadata.set('authorization', 'Bearer owner');
    const call = client.listen(metadata);
    const messages: Msg[] = [];
    let waiter: { test: (m: Msg) => boolean; resolve: (ms: Msg[]) => void } | undefined;
    let from = 0;
    call.on('data', (m: Msg) => {
      messages.push(m);
      if (waiter?.test(m)) {
        const got = messages.slice(from);
        from = messages.length;
        const w = waiter;
        waiter = undefined;
        w.resolve(got);
      }
    });
    call.on('error', () => {});
    return {
      call,
      until: (test: (m: Msg) => boolean) => new Promise<Msg[]>((resolve) => (waiter = { test, resolve })),
    };
  }

  const kind = (m: Msg) =>
    m.targetChange
      ? `${m.targetChange.targetChangeType ?? 'NO_CHANGE'}:${(m.targetChange.targetIds ?? []).join(',')}`
      : m.documentChange
        ? `change:${m.documentChange.document?.name?.split('/').pop()}`
        : m.documentDelete
          ? `delete:${m.documentDelete.document?.split('/').pop()}`
          : 'other';
  const globalNoChange = (m: Msg) =>
    (m.targetChange?.targetChangeType ?? 'NO_CHANGE') === 'NO_CHANGE' &&
    (m.targetChange?.targetIds ?? []).length === 0 &&
    m.targetChange !== undefined;
  const query = { parent: `${database}/documents`, structuredQuery: { from: [{ collectionId: 'rooms' }] } };

  test('ADD, documents, CURRENT, a global NO_CHANGE; removeTarget answers REMOVE and frees the target', async () => {
    const s = open();
    s.call.write({ database, addTarget: { targetId: 7, query } });
    const first = await s.until(globalNoChange);
    expect(first.map(kind)).toEqual(['ADD:7', 'change:r1', 'CURRENT:7', 'NO_CHANGE:']);
    expect(emulator.listen.stats()).toEqual({ streams: 1, targets: 1, trackedDocuments: 1 });
    const token = first[2]!.targetChange!.resumeToken!;
    expect(token.length).toBe(8);

    await emulator.service.commit({ database, writes: [{ delete: `${database}/documents/rooms/r1` }] });
    expect((await s.until(globalNoChange)).map(kind)).toEqual(['delete:r1', 'NO_CHANGE:']);

    s.call.write({ database, removeTarget: 7 });
    expect((await s.until((m) => m.targetChange?.targetChangeType === 'REMOVE')).map(kind)).toEqual([
      'REMOVE:7',
    ]);
    expect(emulator.listen.stats().targets).toBe(0);

    // A client coming back with its resume token is told to drop what it had (RESET).
    s.call.write({ database, addTarget: { targetId: 9, query, resumeToken: token } });
    expect((await s.until(globalNoChange)).map(kind)).toEqual([
      'ADD:9',
      'RESET:9',
      'CURRENT:9',
      'NO_CHANGE:',
    ]);
    s.call.end();
    await new Promise((r) => setTimeout(r, 100));
    expect(emulator.listen.stats()).toEqual({ streams: 0, targets: 0, trackedDocuments: 0 });
  });

  test('a malformed token fails Listen and Write at once, before any request (as recorded)', async () => {
    for (const rpc of ['listen', 'write'] as const) {
      const metadata = new grpc.Metadata();
      metadata.set('authorization', 'Bearer garbage');
      const call = (
        client as unknown as Record<string, (m: grpc.Metadata) => grpc.ClientDuplexStream<unknown, unknown>>
      )[rpc]!.call(client, metadata);
      const error = await new Promise<grpc.ServiceError>((resolve) => call.on('error', resolve));
      expect([rpc, error.code, error.details]).toEqual([rpc, 3, 'invalid jwt']);
    }
  });

  test('a query without its index is removed with FAILED_PRECONDITION and the index to add', async () => {
    const s = open();
    s.call.write({
      database,
      addTarget: {
        targetId: 3,
        query: {
          parent: `${database}/documents`,
          structuredQuery: {
            from: [{ collectionId: 'rooms' }],
            where: {
              fieldFilter: { field: { fieldPath: 'floor' }, op: 'EQUAL', value: { integerValue: '1' } },
            },
            orderBy: [{ field: { fieldPath: 'size' }, direction: 'DESCENDING' }],
          },
        },
      },
    });
    const got = await s.until((m) => m.targetChange?.targetChangeType === 'REMOVE');
    expect(got.map(kind)).toEqual(['ADD:3', 'REMOVE:3']);
    expect(got[1]!.targetChange!.cause).toEqual({
      code: 9,
      message:
        'The query requires an index. Add this composite index to "indexes" in firestore.indexes.json: ' +
        '{"collectionGroup":"rooms","queryScope":"COLLECTION","fields":[{"fieldPath":"floor","order":"ASCENDING"},{"fieldPath":"size","order":"DESCENDING"}]}',
    });
    s.call.end();
  });
});

describe('the full JS SDK (gRPC Listen and Write streams)', () => {
  test('setDoc goes through the Write stream; onSnapshot sees local, acknowledged and remote writes', async () => {
    const projectId = uniqueProjectId('listen-full');
    const app = initializeApp({ projectId, apiKey: 'fake-api-key' }, projectId);
    const db = full.getFirestore(app);
    const { host, port } = emulatorAddress();
    full.connectFirestoreEmulator(db, host, port, { mockUserToken: 'owner' });
    const snaps = collector<full.QuerySnapshot>();
    const unsubscribe = full.onSnapshot(
      full.query(full.collection(db, 'rooms'), full.where('size', '>', 1)),
      { includeMetadataChanges: true },
      (s) => snaps.push(s),
    );
    try {
      await full.setDoc(full.doc(db, 'rooms/a'), { size: 3 });
      // The write was committed by the emulator (the admin SDK reads it back) ...
      const admin = adminFirestore(projectId);
      expect((await admin.doc('rooms/a').get()).get('size')).toBe(3);
      // ... and the listener ends up with it, acknowledged and from the server.
      const synced = await snaps.next(
        (s) => s.size === 1 && !s.metadata.hasPendingWrites && !s.metadata.fromCache,
      );
      expect(synced.docs.map((d) => d.id)).toEqual(['a']);
      // A write by someone else arrives through the Listen stream.
      await admin.doc('rooms/b').set({ size: 5 });
      const remote = await snaps.next((s) => s.size === 2);
      expect(remote.docs.map((d) => `${d.id}=${String(d.get('size'))}`)).toEqual(['a=3', 'b=5']);
      expect(remote.metadata.hasPendingWrites).toBe(false);
    } finally {
      unsubscribe();
      await full.terminate(db);
      await deleteApp(app);
    }
  });
});
