/**
 * Clients for tests: the real firebase-admin (gRPC) and firebase/firestore/lite
 * (REST) SDKs, pointed at FIRESTORE_EMULATOR_HOST. Each test file uses its own
 * project id, so files running in parallel never see each other's data.
 */
import {
  deleteApp as deleteClientApp,
  initializeApp as initializeClientApp,
  type FirebaseApp,
} from 'firebase/app';
import * as lite from 'firebase/firestore/lite';
import {
  deleteApp as deleteAdminApp,
  initializeApp as initializeAdminApp,
  type App,
} from 'firebase-admin/app';
import { getFirestore as getAdminFirestore, type Firestore } from 'firebase-admin/firestore';

/** host and port of the emulator under test. */
export function emulatorAddress(): { host: string; port: number } {
  const target = process.env.FIRESTORE_EMULATOR_HOST;
  if (!target)
    throw new Error('FIRESTORE_EMULATOR_HOST is not set: run through the jest `emulator` project.');
  const i = target.lastIndexOf(':');
  return { host: target.slice(0, i), port: Number(target.slice(i + 1)) };
}

/** Base URL of the emulator's HTTP side. */
export function emulatorUrl(): string {
  const { host, port } = emulatorAddress();
  return `http://${host}:${port}`;
}

let counter = 0;

/** A fresh `demo-` project id, unique to this run. */
export function uniqueProjectId(label: string): string {
  counter++;
  return `demo-${label}-${process.pid}-${counter}-${Date.now().toString(36)}`.toLowerCase();
}

/** The token option of connectFirestoreEmulator (a string, or claims with `sub`). */
type MockUserToken = NonNullable<
  NonNullable<Parameters<typeof lite.connectFirestoreEmulator>[3]>['mockUserToken']
>;

// Lite logs every failed attempt of a transaction it then retries; tests provoke those on purpose.
lite.setLogLevel('silent');

const adminApps: App[] = [];
const clientApps: FirebaseApp[] = [];

/** A firebase-admin Firestore for a project (gRPC, `Bearer owner`). */
export function adminFirestore(projectId: string): Firestore {
  const app = initializeAdminApp({ projectId }, `admin-${projectId}-${adminApps.length}`);
  adminApps.push(app);
  return getAdminFirestore(app);
}

/**
 * A lite Firestore for a project (REST). Without `token`, requests carry
 * `Bearer owner` (rules bypassed); pass mock user claims to act as a user, or
 * null to send no Authorization header at all (an anonymous visitor).
 */
export function liteFirestore(
  projectId: string,
  token: string | { sub: string; [claim: string]: unknown } | null = 'owner',
): lite.Firestore {
  const app = initializeClientApp(
    { projectId, apiKey: 'fake-api-key' },
    `lite-${projectId}-${clientApps.length}`,
  );
  clientApps.push(app);
  const db = lite.getFirestore(app);
  const { host, port } = emulatorAddress();
  lite.connectFirestoreEmulator(
    db,
    host,
    port,
    token === null ? {} : { mockUserToken: token as MockUserToken },
  );
  return db;
}

/** Deletes every app created by these helpers (call in afterAll). */
export async function closeClients(): Promise<void> {
  await Promise.all(adminApps.splice(0).map((a) => deleteAdminApp(a)));
  await Promise.all(clientApps.splice(0).map((a) => deleteClientApp(a)));
}

/** Clears a project through the emulator endpoint rules-unit-testing uses. */
export async function clearProject(projectId: string): Promise<void> {
  const res = await fetch(
    `${emulatorUrl()}/emulator/v1/projects/${projectId}/databases/(default)/documents`,
    {
      method: 'DELETE',
    },
  );
  if (!res.ok) throw new Error(`clear failed: ${res.status}`);
}

/** Runs `fn` and returns the error it rejects with (fails if it resolves). */
export async function rejection(fn: () => Promise<unknown>): Promise<{ code?: unknown; message: string }> {
  try {
    await fn();
  } catch (err) {
    return err as { code?: unknown; message: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export { lite };

/**
 * A test of something only our emulator has (the operations counter, its
 * answer to broken rules). Against another target (FIRESTORE_TARGET) it is
 * skipped, and the reason is printed.
 */
export function ourEmulatorOnly(name: string, fn: () => Promise<void>): void {
  const target = process.env.FIRESTORE_TARGET;
  if (target) {
    test.skip(name, fn);
    console.log(
      `Skipped "${name}": it tests an endpoint of canbo's emulator, and FIRESTORE_TARGET=${target}.`,
    );
  } else {
    test(name, fn);
  }
}
