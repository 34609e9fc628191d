/**
 * `npm start [-- --province 42] [--scale 1] [--reseed] [--data-dir .data]`
 *
 * Runs the whole local system offline: our Firestore emulator (rules from
 * firestore.rules, reloaded on change; data kept in .data/ between runs), then
 * firebase-tools' Auth, Functions, Hosting and Cloud Tasks emulators with
 * FIRESTORE_EMULATOR_HOST exported to them. Seeds the demo province on first
 * run (Hà Tĩnh, 42, unless told otherwise), creates the demo accounts with
 * their custom claims and fixed uids, starts the local scheduler
 * (scripts/start/scheduler.ts: the scheduled functions, run on their schedule
 * through their own handlers, since the Functions emulator cannot fire them
 * without the Pub/Sub emulator), and prints the addresses and logins. Ctrl-C
 * stops everything and keeps the data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { collections } from '../functions/src/data/refs';
import { demoAccounts, DEMO_PASSWORD } from './start/accounts';
import { build, buildClient, CLIENT_OUT } from './start/build';
import { seedProvince } from './seed/seed';

const root = path.resolve(__dirname, '..');
const PROJECT = 'demo-canbo';
const FIRESTORE = { host: '127.0.0.1', port: 8080 };
const HOSTING_URL = 'http://127.0.0.1:5000';

const children: ChildProcess[] = [];

/** Starts a process in its own group and resolves when `ready` appears in its output. */
function start(
  name: string,
  command: string,
  args: string[],
  ready: RegExp,
  env: NodeJS.ProcessEnv,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    const onData = (d: Buffer) => {
      const text = d.toString();
      output += text;
      for (const line of text.split('\n')) if (line.trim()) process.stdout.write(`[${name}] ${line}\n`);
      if (ready.test(output)) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${name} exited with code ${code} before it was ready`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

let stopping = false;
async function stopAll(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nĐang dừng… / Stopping…');
  // Stop firebase-tools first (its functions use Firestore), then Firestore, which saves its data.
  for (const child of [...children].reverse()) {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
      await Promise.race([exited(child), new Promise((r) => setTimeout(r, 15_000))]);
    }
  }
  console.log('Đã dừng, dữ liệu được giữ lại. / Stopped; data kept.');
  process.exit(0);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      province: { type: 'string', default: process.env.CANBO_PROVINCE ?? '42' },
      scale: { type: 'string', default: '1' },
      reseed: { type: 'boolean', default: false },
      'data-dir': { type: 'string', default: path.join(root, '.data') },
    },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stopAll(signal));
  const dataDir = path.resolve(values['data-dir']);
  fs.mkdirSync(dataDir, { recursive: true });
  const firestoreHost = `${FIRESTORE.host}:${FIRESTORE.port}`;
  const env = {
    ...process.env,
    FIRESTORE_EMULATOR_HOST: firestoreHost,
    FIREBASE_AUTH_EMULATOR_HOST: '127.0.0.1:9099',
    GCLOUD_PROJECT: PROJECT,
    METADATA_SERVER_DETECTION: 'none',
  };
  Object.assign(process.env, env);

  // The Firestore emulator runs from emulator/dist, and the Functions emulator and the scheduler load
  // the functions bundle (functions/dist): build first, before any of them starts, so a source change
  // never meets a stale build, and without the leftovers of deleted sources. A failed build is
  // reported, and the last build is served, so a type error in progress does not keep the stack down.
  const built = build(root);
  if (built.pruned.length > 0)
    console.log(`Đã xoá bản dịch cũ / removed stale build outputs: ${built.pruned.join(', ')}`);
  if (!built.ok)
    console.error(
      `Biên dịch lỗi, dùng bản đã biên dịch trước. / Build failed; serving the last build:\n${built.output}`,
    );

  await start(
    'firestore',
    process.execPath,
    [
      path.join(root, 'emulator/bin/firestore-emulator.js'),
      '--host',
      FIRESTORE.host,
      '--port',
      String(FIRESTORE.port),
      '--rules',
      path.join(root, 'firestore.rules'),
      '--data',
      path.join(dataDir, 'firestore.json'),
      // Queries that the deployed indexes would not serve fail here as in production
      // (FIRESTORE_EMULATOR_INDEXES=off turns the check off).
      '--indexes',
      path.join(root, 'firestore.indexes.json'),
    ],
    /ready on/,
    env,
  );

  const app = initializeApp({ projectId: PROJECT }, 'start');
  const db = getFirestore(app);
  const c = collections(db);
  const province = values.province;
  const seeded =
    (await c.units.doc(province).get()).exists &&
    !(await c.cadres.where('provinceCode', '==', province).limit(1).get()).empty;
  // When each scheduled function last ran, for the scheduler; fresh data means they have not run on it.
  const schedulerState = path.join(dataDir, 'scheduler.json');
  if (!seeded || values.reseed) {
    fs.rmSync(schedulerState, { force: true });
    console.log(`Tạo dữ liệu mẫu cho tỉnh ${province}… / Seeding demo province ${province}…`);
    const summary = await seedProvince(
      db,
      {
        provinceCode: province,
        scale: Number(values.scale),
        seed: 1,
        asOf: new Date().toISOString().slice(0, 10),
      },
      (stage, done, total) => {
        if (total && (done === total || done % 10_000 === 0)) console.log(`  ${stage}: ${done}/${total}`);
      },
    );
    console.log(`  xong trong ${summary.seconds.toFixed(1)} s / done in ${summary.seconds.toFixed(1)} s`);
  } else {
    console.log(
      `Dữ liệu tỉnh ${province} đã có, bỏ qua bước tạo mẫu. / Province ${province} already seeded.`,
    );
  }

  // The web client, served by the Hosting emulator from hosting/dist (firebase.json).
  const client = buildClient(root);
  if (!client.ok)
    console.error(`Không dựng được giao diện web. / The web client did not build:\n${client.output}`);

  // The scheduler loads the functions while firebase-tools starts; its runs wait for the emulators.
  const scheduler = start(
    'scheduler',
    process.execPath,
    // Through tsx's loader rather than its CLI, whose signal relay can SIGKILL a busy script.
    ['--import', 'tsx', path.join(root, 'scripts/start/scheduler.ts')],
    /scheduler ready/,
    {
      ...env,
      CANBO_FUNCTIONS_MODULE: path.join(root, 'functions/dist/index.js'),
      CANBO_SCHEDULER_STATE: schedulerState,
      // What the Functions emulator gives a function: its project, for initializeApp() without options.
      FIREBASE_CONFIG: JSON.stringify({ projectId: PROJECT }),
      // The quarterly evaluation's schedule enqueues its unit tasks into the Cloud Tasks emulator
      // (firebase.json), as the Functions emulator tells its own functions to.
      CLOUD_TASKS_EMULATOR_HOST: '127.0.0.1:9499',
    },
  );

  scheduler.catch(() => undefined); // awaited below; this only keeps an early failure from being unhandled
  await start(
    'firebase',
    process.execPath,
    [
      path.join(root, 'node_modules/firebase-tools/lib/bin/firebase.js'),
      'emulators:start',
      '--only',
      'auth,functions,hosting,tasks',
      '--project',
      PROJECT,
    ],
    /All emulators ready/,
    env,
  );

  // Demo accounts: created or updated, so reruns converge.
  const communes = (
    await c.units.where('parentCode', '==', province).where('level', '==', 'commune').limit(3).get()
  ).docs.map((d) => d.id);
  const cadre = (await c.cadres.where('communeCode', '==', communes[0]).limit(1).get()).docs[0]?.id;
  const auth = getAuth(app);
  const accounts = demoAccounts(province, communes, cadre ?? null);
  for (const a of accounts) {
    // Fixed uids: an account holding the e-mail under another uid gives way to the demo one.
    const holder = await auth.getUserByEmail(a.email).catch(() => null);
    if (holder && holder.uid !== a.uid) await auth.deleteUser(holder.uid);
    const profile = {
      email: a.email,
      password: DEMO_PASSWORD,
      displayName: a.displayName,
      emailVerified: true,
    };
    const exists = await auth.getUser(a.uid).then(
      () => true,
      () => false,
    );
    if (exists) await auth.updateUser(a.uid, profile);
    else await auth.createUser({ uid: a.uid, ...profile });
    await auth.setCustomUserClaims(a.uid, a.claims);
    // The scope document the claims follow (docs/data-model.md, userScopes), as setUserScope would leave it.
    await c.userScopes.doc(a.uid).set({
      uid: a.uid,
      role: a.claims.role,
      provinceCode: a.claims.province,
      communes: a.claims.communes ?? [],
      cadreId: a.claims.cadreId ?? null,
      version: 1,
      claimsAppliedVersion: 1,
      claimsPending: false,
      updatedAt: new Date().toISOString(),
      updatedBy: 'npm-start',
    });
  }
  await deleteApp(app);
  // The sign-in page lists the demo accounts when it talks to the emulators (hosting/src/pages/SignIn.tsx).
  fs.mkdirSync(path.join(root, CLIENT_OUT), { recursive: true });
  fs.writeFileSync(
    path.join(root, CLIENT_OUT, 'demo-accounts.json'),
    `${JSON.stringify({
      password: DEMO_PASSWORD,
      accounts: accounts.map((a) => ({
        email: a.email,
        displayName: a.displayName,
        description: a.description,
      })),
    })}\n`,
  );

  await scheduler;

  console.log(`
canbo đang chạy / canbo is running (project ${PROJECT}, province ${province})
  Web            ${HOSTING_URL}   (giao diện web / web client: hosting/dist, đăng nhập bằng tài khoản mẫu dưới đây / sign in with a demo login below)
  Firestore      ${firestoreHost}   (gRPC + REST, rules: firestore.rules, data: ${path.join(dataDir, 'firestore.json')})
  Auth           http://127.0.0.1:9099
  Functions      http://127.0.0.1:5001/${PROJECT}/asia-southeast1/<name>
  Cloud Tasks    http://127.0.0.1:9499
  Lịch / Cron    hàm định kỳ chạy tại chỗ theo lịch / scheduled functions run here on their schedule
                 (CANBO_SCHEDULE_NOW=1 chạy ngay / runs them now; last runs: ${schedulerState})
Tài khoản mẫu / demo logins (mật khẩu / password: ${DEMO_PASSWORD}; uid cố định / fixed uids):
${accounts.map((a) => `  ${a.email.padEnd(32)} ${a.uid.padEnd(26)} ${a.description}`).join('\n')}
Nhấn Ctrl-C để dừng. / Press Ctrl-C to stop.`);
}

main().catch(async (err: unknown) => {
  console.error(`start: ${err instanceof Error ? err.message : String(err)}`);
  await stopAll('SIGTERM');
  process.exit(1);
});
