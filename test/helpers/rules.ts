/**
 * A project with its own rules, loaded through @firebase/rules-unit-testing
 * (which PUTs them to the emulator), seeded with the admin SDK, and accessed
 * with the lite SDK as a given user: the SDK the web client uses (the full
 * SDK of `context.firestore()` would work too, over the Listen and Write
 * streams, but the tests speak as the client does).
 */
import { initializeTestEnvironment, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import type { Firestore } from 'firebase-admin/firestore';
import { adminFirestore, emulatorAddress, liteFirestore, uniqueProjectId, type lite } from './firestore';

export interface RulesProject {
  projectId: string;
  env: RulesTestEnvironment;
  /** Bypasses rules: for seeding and for checking what was written. */
  admin: Firestore;
  /** The lite SDK as user `uid` with custom claims. */
  as(uid: string, claims?: Record<string, unknown>): lite.Firestore;
  /** The lite SDK with no Authorization header. */
  anonymous(): lite.Firestore;
}

export interface RulesProjectOptions {
  /**
   * Whether the emulator refuses queries that lack a composite index of the
   * repository's firestore.indexes.json (on by default, as in production).
   * Tests of the rules language on made-up collections turn it off: their
   * queries are not the app's, and their indexes do not belong in the file.
   */
  indexes?: boolean;
}

export async function rulesProject(
  label: string,
  rules: string,
  options: RulesProjectOptions = {},
): Promise<RulesProject> {
  const projectId = uniqueProjectId(label);
  const { host, port } = emulatorAddress();
  const env = await initializeTestEnvironment({ projectId, firestore: { host, port, rules } });
  if (options.indexes === false) {
    const res = await fetch(`http://${host}:${port}/emulator/v1/projects/${projectId}:indexes`, {
      method: 'PUT',
      body: JSON.stringify({ enforce: false }),
    });
    if (!res.ok)
      throw new Error(`turning index checks off for ${projectId}: ${res.status} ${await res.text()}`);
  }
  return {
    projectId,
    env,
    admin: adminFirestore(projectId),
    as: (uid, claims = {}) => liteFirestore(projectId, { sub: uid, ...claims }),
    anonymous: () => liteFirestore(projectId, null),
  };
}

/** Wraps rules in the usual service and database match. */
export function rulesFor(body: string): string {
  return `rules_version = '2';
service cloud.firestore {
  match /databases/{database}/documents {
${body}
  }
}`;
}
