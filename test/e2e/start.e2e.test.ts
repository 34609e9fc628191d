/**
 * `npm start` brings up the whole local stack offline, seeds it, creates the
 * demo accounts, serves a function and the web page, enforces the rules,
 * stops cleanly on Ctrl-C (SIGINT), and keeps its data for the next start.
 * The demo accounts keep their uids across the restart, and the scheduled
 * daily alert job runs locally through its own handler: at the first start
 * because it has never run on this data, and at the second because
 * CANBO_SCHEDULE_NOW asks for it.
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

function startStack(extraEnv: NodeJS.ProcessEnv = {}): Promise<Started> {
  return new Promise((resolve, reject) => {
    // `node --import tsx`, not the tsx CLI: the CLI relays a signal to the script and, if the script
    // has not acknowledged it within 30 ms (a loaded machine), SIGKILLs it and exits 130, orphaning
    // the emulators. SIGINT here reaches the script directly, as a terminal's Ctrl-C does.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/start.ts', '--province', '42', '--scale', '0.05', '--data-dir', dataDir],
      {
        cwd: root,
        env: {
          ...process.env,
          FIRESTORE_EMULATOR_HOST: '',
          FIREBASE_AUTH_EMULATOR_HOST: '',
          CANBO_SCHEDULE_NOW: '',
          ...extraEnv,
        },
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

/** Ctrl-C; a stop that is not clean prints what the stack said, since it hides the first failure. */
async function stop(started: Started): Promise<number | null> {
  const code = await new Promise<number | null>((resolve) => {
    started.child.once('exit', (c) => resolve(c));
    started.child.kill('SIGINT');
  });
  if (code !== 0) console.error(`npm start exited with ${code}:\n${started.output()}`);
  return code;
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Resolves once `text` appears in the output (the scheduler reports after the stack is up). */
async function waitFor(started: Started, text: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!started.output().includes(text)) {
    if (Date.now() > until) throw new Error(`"${text}" did not appear in ${ms} ms:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function connect() {
  process.env.METADATA_SERVER_DETECTION = 'none';
  process.env.FIRESTORE_EMULATOR_HOST = '127.0.0.1:8080';
  process.env.FIREBASE_AUTH_EMULATOR_HOST = '127.0.0.1:9099';
  const app = initializeApp({ projectId: 'demo-canbo' }, `e2e-${Date.now()}`);
  return { app, db: getFirestore(app), auth: getAuth(app) };
}

/** The daily alert job's record for today, in Vietnam (UTC+7), where its day is counted. */
const alertJobId = () => `movement-alerts-${new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)}`;

test('npm start runs, seeds, serves and stops cleanly, and keeps its data', async () => {
  const first = await startStack();
  let uidsBefore: Record<string, string> = {};
  let firstAlertRun = '';
  let officerCommunes: string[] = [];
  let auditTarget = '';
  try {
    expect(first.output()).toContain('Seeding demo province 42');
    const { app, db } = connect();
    expect((await db.doc('units/42').get()).get('name')).toBe('Tỉnh Hà Tĩnh');
    expect((await db.collection('units').count().get()).data().count).toBeGreaterThan(3355);
    expect(
      (await db.collection('cadres').where('provinceCode', '==', '42').count().get()).data().count,
    ).toBeGreaterThan(100);

    const admin = await getAuth(app).getUserByEmail('admin@tinh.canbo.test');
    expect(admin.customClaims).toEqual({ role: 'province_admin', province: '42' });
    const monitor = await getAuth(app).getUserByEmail('theodoi@tinh.canbo.test');
    expect((monitor.customClaims as { communes: string[] }).communes).toHaveLength(3);

    // Demo accounts have fixed uids.
    expect(admin.uid).toBe('demo-province-admin');
    expect(monitor.uid).toBe('demo-area-monitor');
    const [c1, c2] = (monitor.customClaims as { communes: string[] }).communes;
    const officer = await getAuth(app).getUserByEmail(`xa${c1}@xa.canbo.test`);
    expect(officer.uid).toBe(`demo-commune-admin-${c1}`);
    expect(officer.customClaims).toEqual({ role: 'commune_admin', province: '42', communes: [c1] });
    expect((await getAuth(app).getUserByEmail('thanhtra@tinh.canbo.test')).uid).toBe('demo-auditor');
    expect((await getAuth(app).getUserByEmail('canbo@xa.canbo.test')).uid).toBe('demo-cadre');
    // Each has the scope document its claims follow, with nothing pending for the reconciler.
    expect((await db.collection('userScopes').doc(`demo-commune-admin-${c1}`).get()).data()).toMatchObject({
      role: 'commune_admin',
      provinceCode: '42',
      communes: [c1],
      cadreId: null,
      claimsPending: false,
    });
    officerCommunes = [c1!, c2!];
    uidsBefore = await demoUids(app, officerCommunes);

    // The daily alert job has never run on this fresh data: the scheduler runs it once, through its handler.
    await waitFor(first, '✓ flagMovementAlerts');
    expect(first.output()).toContain('flagMovementAlerts: "every day 06:00" (Asia/Ho_Chi_Minh)');
    expect(first.output()).toContain('▶ flagMovementAlerts: chạy / running (lỡ lượt / missed its last run;');
    const job = (await db.doc(`jobs/${alertJobId()}`).get()).data();
    expect(job).toMatchObject({ kind: 'movement_alerts', state: 'succeeded', error: null });
    firstAlertRun = job!.startedAt as string;

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
      version: 1,
      claimsApplied: true,
    });
    // The scope document the claims follow, with the version Auth carries.
    expect((await db.collection('userScopes').doc(viewer.uid).get()).data()).toMatchObject({
      role: 'commune_viewer',
      provinceCode: '42',
      communes: [commune],
      version: 1,
      claimsAppliedVersion: 1,
      claimsPending: false,
    });
    expect((await getAuth(app).getUser(viewer.uid)).customClaims).toEqual({
      role: 'commune_viewer',
      province: '42',
      communes: [commune],
    });
    auditTarget = `users/${viewer.uid}`;
    const audit = await db.collection('audit').where('target', '==', auditTarget).get();
    expect(audit.size).toBe(1);
    // The audit log names the demo admin by its fixed uid, which the next start keeps.
    expect(audit.docs[0]!.get('actor')).toEqual({ uid: 'demo-province-admin', role: 'province_admin' });
    const outside = await callFn('setUserScope', { uid: viewer.uid, role: 'province_admin', province: '40' });
    expect(outside.error?.status).toBe('PERMISSION_DENIED');

    // firestore.rules is loaded: a client without rights is refused.
    const denied = await fetch(
      'http://127.0.0.1:8080/v1/projects/demo-canbo/databases/(default)/documents/units/42',
    );
    expect(denied.status).toBe(403);
    await deleteApp(app);
  } finally {
    expect(await stop(first)).toBe(0);
  }
  expect(fs.existsSync(path.join(dataDir, 'firestore.json'))).toBe(true);

  const second = await startStack({ CANBO_SCHEDULE_NOW: 'flagMovementAlerts' });
  try {
    expect(second.output()).toContain('already seeded');
    const { app, db } = connect();
    expect(await demoUids(app, officerCommunes)).toEqual(uidsBefore);
    // The audit entry written before the restart still names an account that exists.
    const audit = await db.collection('audit').where('target', '==', auditTarget).get();
    const actor = audit.docs[0]!.get('actor') as { uid: string };
    expect(actor.uid).toBe('demo-province-admin');
    expect((await getAuth(app).getUser(actor.uid)).email).toBe('admin@tinh.canbo.test');

    // CANBO_SCHEDULE_NOW runs the job again now, through the same handler, which records a new run.
    await waitFor(second, '✓ flagMovementAlerts');
    expect(second.output()).toContain('▶ flagMovementAlerts: chạy / running (CANBO_SCHEDULE_NOW;');
    const job = (await db.doc(`jobs/${alertJobId()}`).get()).data();
    expect(job).toMatchObject({ kind: 'movement_alerts', state: 'succeeded' });
    expect(job!.startedAt > firstAlertRun).toBe(true);
    await deleteApp(app);
  } finally {
    expect(await stop(second)).toBe(0);
  }
}, 400_000);

/** email → uid of the demo accounts, the two commune officers named by their communes. */
async function demoUids(
  app: ReturnType<typeof initializeApp>,
  communes: string[],
): Promise<Record<string, string>> {
  const emails = [
    'admin@tinh.canbo.test',
    'theodoi@tinh.canbo.test',
    ...communes.slice(0, 2).map((c) => `xa${c}@xa.canbo.test`),
    'thanhtra@tinh.canbo.test',
    'canbo@xa.canbo.test',
  ];
  const out: Record<string, string> = {};
  for (const e of emails) out[e] = (await getAuth(app).getUserByEmail(e)).uid;
  return out;
}
