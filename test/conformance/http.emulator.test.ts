/**
 * Conformance of the HTTP side: CORS for pages served from another port, the
 * REST error shape, the emulator endpoints used by @firebase/rules-unit-testing,
 * the operations counter, and isolation between projects.
 */
import { initializeTestEnvironment } from '@firebase/rules-unit-testing';
import {
  adminFirestore,
  closeClients,
  emulatorAddress,
  emulatorUrl,
  lite,
  liteFirestore,
  ourEmulatorOnly,
  uniqueProjectId,
} from '../helpers/firestore';

afterAll(closeClients);

const origin = 'http://127.0.0.1:5000';

describe('CORS', () => {
  test('preflight on any path echoes the origin and requested headers', async () => {
    const res = await fetch(`${emulatorUrl()}/v1/projects/p/databases/(default)/documents:commit`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,x-goog-api-client,content-type',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'authorization,x-goog-api-client,content-type',
    );
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });

  test('errors carry the CORS headers too; requests without Origin get none', async () => {
    const res = await fetch(`${emulatorUrl()}/v1/projects/p/databases/(default)/documents/c/missing`, {
      headers: { origin, authorization: 'Bearer owner' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    const plain = await fetch(`${emulatorUrl()}/`);
    expect(await plain.text()).toBe('Ok\n');
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('REST errors', () => {
  test('error bodies have code, message and status', async () => {
    const projectId = uniqueProjectId('http');
    const name = `projects/${projectId}/databases/(default)/documents/c/d`;
    const commit = (writes: unknown[]) =>
      fetch(`${emulatorUrl()}/v1/projects/${projectId}/databases/(default)/documents:commit`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', authorization: 'Bearer owner' },
        body: JSON.stringify({ writes }),
      });
    expect((await commit([{ update: { name, fields: { a: { integerValue: '1' } } } }])).status).toBe(200);
    const res = await commit([{ update: { name, fields: {} }, currentDocument: { exists: false } }]);
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: { code: 409, message: `Document already exists: ${name}`, status: 'ALREADY_EXISTS' },
    });
    const bad = await fetch(
      `${emulatorUrl()}/v1/projects/${projectId}/databases/(default)/documents:commit`,
      {
        method: 'POST',
        body: '{not json',
      },
    );
    expect(bad.status).toBe(400);
  });

  test('lite sees a missing document for update as not-found and a lost race as aborted', async () => {
    const projectId = uniqueProjectId('http');
    const ldb = liteFirestore(projectId);
    const err = await lite.updateDoc(lite.doc(ldb, 'c/none'), { a: 1 }).catch((e: { code: string }) => e);
    expect((err as { code: string }).code).toBe('not-found');
  });
});

describe('emulator endpoints', () => {
  test('rules-unit-testing loads rules and clears a project through our endpoints', async () => {
    const projectId = uniqueProjectId('rut');
    const { host, port } = emulatorAddress();
    const env = await initializeTestEnvironment({
      projectId,
      firestore: {
        host,
        port,
        rules:
          "rules_version = '2'; service cloud.firestore { match /{d=**} { allow read, write: if true; } }",
      },
    });
    const db = adminFirestore(projectId);
    await db.doc('c/d').set({ v: 1 });
    await env.clearFirestore();
    expect((await db.doc('c/d').get()).exists).toBe(false);
    await env.cleanup();
  });

  ourEmulatorOnly(
    'PUT :securityRules accepts valid rules and refuses broken ones with line and column',
    async () => {
      const put = (content: string) =>
        fetch(`${emulatorUrl()}/emulator/v1/projects/demo-rules-put:securityRules`, {
          method: 'PUT',
          body: JSON.stringify({ rules: { files: [{ name: 'firestore.rules', content }] } }),
        });
      const ok = await put(
        "rules_version = '2';\nservice cloud.firestore { match /{d=**} { allow read: if true; } }",
      );
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ issues: [] });
      const broken = await put(
        "rules_version = '2';\nservice cloud.firestore {\n  match /x { allow read: if ; }\n}",
      );
      expect(broken.status).toBe(400);
      const body = (await broken.json()) as {
        issues: { sourcePosition: { line: number; column: number } }[];
      };
      expect(body.issues[0]!.sourcePosition).toMatchObject({ line: 3, column: 29 });
    },
  );

  ourEmulatorOnly(
    'the operations counter reports reads, writes, deletes and queries per project',
    async () => {
      const projectId = uniqueProjectId('ops');
      const url = `${emulatorUrl()}/emulator/v1/projects/${projectId}/operations`;
      const db = adminFirestore(projectId);
      await db.doc('c/a').set({ v: 1 });
      await db.doc('c/b').set({ v: 2 });
      await db.doc('c/a').get();
      await db.collection('c').where('v', '>=', 1).get();
      await db.doc('c/b').delete();
      const counts = (await (await fetch(url)).json()) as Record<string, number>;
      expect(counts).toMatchObject({ documentWrites: 2, documentDeletes: 1, documentReads: 3, queries: 1 });
      expect((await fetch(url, { method: 'DELETE' })).status).toBe(200);
      expect(((await (await fetch(url)).json()) as Record<string, number>).documentWrites).toBe(0);
    },
  );
});

test('projects are isolated from each other', async () => {
  const a = adminFirestore(uniqueProjectId('iso-a'));
  const b = adminFirestore(uniqueProjectId('iso-b'));
  await a.doc('units/42').set({ name: 'Hà Tĩnh' });
  expect((await b.doc('units/42').get()).exists).toBe(false);
  expect((await b.collection('units').get()).size).toBe(0);
});
