/**
 * Starts one Firestore emulator for the `emulator` test project and exports
 * FIRESTORE_EMULATOR_HOST to the workers. With FIRESTORE_TARGET=host:port the
 * suite runs against that emulator instead (for example the official one,
 * started with `firebase emulators:start --only firestore` where it can be
 * downloaded), which is how the conformance suite is checked against it.
 */
import * as path from 'node:path';
import { startFirestoreEmulator, type RunningEmulator } from '../../emulator/src';

declare global {
  var __CANBO_EMULATOR__: RunningEmulator | undefined;
}

export default async function globalSetup(): Promise<void> {
  // No GCE metadata server here: stop google-auth-library from probing for one.
  process.env.METADATA_SERVER_DETECTION = 'none';
  const target = process.env.FIRESTORE_TARGET;
  if (target) {
    process.env.FIRESTORE_EMULATOR_HOST = target;
    process.stdout.write(`\nConformance target: ${target} (FIRESTORE_TARGET)\n`);
    return;
  }
  // Every query the tests make is checked against the repository's indexes, as production
  // would (FIRESTORE_EMULATOR_INDEXES=off turns the check off).
  const indexes =
    process.env.FIRESTORE_EMULATOR_INDEXES === 'off'
      ? {}
      : { indexes: path.join(__dirname, '../../firestore.indexes.json') };
  const emulator = await startFirestoreEmulator({ host: '127.0.0.1', port: 0, ...indexes });
  globalThis.__CANBO_EMULATOR__ = emulator;
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${emulator.port}`;
}
