/**
 * `npm start` brings up the whole local stack offline, seeds it, creates the
 * demo accounts, serves a function and the web page, enforces the rules,
 * stops cleanly on Ctrl-C (SIGINT), and keeps its data for the next start.
 * Uses the fixed ports of firebase.json (8080, 9099, 5001, 5000, 9499, 4400).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';

const root = path.resolve(__dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-start-'));

interface Started {
  child: ChildProcess;
  output: () => string;
}

function startStack(): Promise<Started> {
  return new Promise((resolve, reject) => {
    // tsx's own process forwards SIGINT to the script, as a terminal's Ctrl-C would reach it.
    const child = spawn(
      process.execPath,
      [
        path.join(root, 'node_modules/tsx/dist/cli.mjs'),
        'scripts/start.ts',
        '--province',
        '42',
        '--scale',
        '0.05',
        '--data-dir',
        dataDir,
      ],
      {
        cwd: root,
        env: { ...process.env, FIRESTORE_EMULATOR_HOST: '', FIREBASE_AUTH_EMULATOR_HOST: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    const timer = setTimeout(() => reject(new Error(`npm start did not come up in 150 s:\n${out}`)), 150_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('canbo is running')) {
        clearTimeout(timer);
        resolve({ child, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}) before it was ready:\n${out}`));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('npm start runs, seeds, serves and stops cleanly, and keeps its data', async () => {
  const first = await startStack();
  try {
    expect(first.output()).toContain('Seeding demo province 42');
    process.env.METADATA_SERVER_DETECTION = 'none';
    process.env.FIRESTORE_EMULATOR_HOST = '127.0.0.1:8080';
    process.env.FIREBASE_AUTH_EMULATOR_HOST = '127.0.0.1:9099';
    const app = initializeApp({ projectId: 'demo-canbo' }, 'e2e');
    const db = getFirestore(app);
    expect((await db.doc('units/42').get()).get('name')).toBe('Tỉnh Hà Tĩnh');
    expect((await db.collection('units').count().get()).data().count).toBeGreaterThan(3355);
    expect(
      (await db.collection('cadres').where('provinceCode', '==', '42').count().get()).data().count,
    ).toBeGreaterThan(100);

    const admin = await getAuth(app).getUserByEmail('admin@tinh.canbo.test');
    expect(admin.customClaims).toEqual({ role: 'province_admin', province: '42' });
    const monitor = await getAuth(app).getUserByEmail('theodoi@tinh.canbo.test');
    expect((monitor.customClaims as { communes: string[] }).communes).toHaveLength(3);

    const ping = await fetch('http://127.0.0.1:5001/demo-canbo/asia-southeast1/ping', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: {} }),
    });
    expect(await ping.json()).toEqual({ result: { service: 'canbo', uid: null } });

    const page = await (await fetch('http://127.0.0.1:5000/')).text();
    expect(page).toContain('canbo');

    // The callables run in the Functions emulator, against our Firestore, with Auth emulator tokens.
    const signIn = await fetch(
      'http://127.0.0.1:9099/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: 'admin@tinh.canbo.test',
          password: 'canbo-demo',
          returnSecureToken: true,
        }),
      },
    );
    const { idToken } = (await signIn.json()) as { idToken: string };
    const callFn = async (name: string, data: unknown) => {
      const res = await fetch(`http://127.0.0.1:5001/demo-canbo/asia-southeast1/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${idToken}` },
        body: JSON.stringify({ data }),
      });
      return (await res.json()) as {
        result?: Record<string, unknown>;
        error?: { status: string; message: string };
      };
    };
    const commune = (monitor.customClaims as { communes: string[] }).communes[0]!;
    const quota = await callFn('checkQuota', { unitCode: commune, block: 'government' });
    expect(quota.result).toMatchObject({ unitCode: commune, block: 'government' });
    expect(typeof quota.result!.free).toBe('number');
    const viewer = await getAuth(app).createUser({ email: 'moi@xa.canbo.test', password: 'canbo-demo' });
    const scoped = await callFn('setUserScope', {
      uid: viewer.uid,
      role: 'commune_viewer',
      province: '42',
      communes: [commune],
    });
    expect(scoped.result).toEqual({
      uid: viewer.uid,
      claims: { role: 'commune_viewer', province: '42', communes: [commune] },
    });
    expect((await getAuth(app).getUser(viewer.uid)).customClaims).toEqual({
      role: 'commune_viewer',
      province: '42',
      communes: [commune],
    });
    expect((await db.collection('audit').where('target', '==', `users/${viewer.uid}`).get()).size).toBe(1);
    const outside = await callFn('setUserScope', { uid: viewer.uid, role: 'province_admin', province: '40' });
    expect(outside.error?.status).toBe('PERMISSION_DENIED');

    // firestore.rules is loaded: a client without rights is refused.
    const denied = await fetch(
      'http://127.0.0.1:8080/v1/projects/demo-canbo/databases/(default)/documents/units/42',
    );
    expect(denied.status).toBe(403);
    await deleteApp(app);
  } finally {
    expect(await stop(first.child)).toBe(0);
  }
  expect(fs.existsSync(path.join(dataDir, 'firestore.json'))).toBe(true);

  const second = await startStack();
  try {
    expect(second.output()).toContain('already seeded');
  } finally {
    expect(await stop(second.child)).toBe(0);
  }
}, 400_000);
