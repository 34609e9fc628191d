/**
 * `npm run bench:unit-stats -- [--province 40] [--runs 3]`: times
 * `rebuildUnitStats` of a seeded province against the Firestore emulator at
 * FIRESTORE_EMULATOR_HOST (project GCLOUD_PROJECT, default demo-canbo: seed it
 * first with `npm run seed -- --province 40`), and prints what a dashboard
 * pays to read the result: documents and their size. Not a test: the figures
 * depend on the machine.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { useCaseDeps } from '../../functions/src/services/deps';
import { rebuildUnitStatsOf } from '../../functions/src/services/stats';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { province: { type: 'string', default: '40' }, runs: { type: 'string', default: '3' } },
  });
  if (!process.env.FIRESTORE_EMULATOR_HOST) throw new Error('FIRESTORE_EMULATOR_HOST is not set.');
  process.env.METADATA_SERVER_DETECTION ??= 'none';
  const projectId = process.env.GCLOUD_PROJECT ?? 'demo-canbo';
  const app = initializeApp({ projectId }, 'bench-unit-stats');
  const db = getFirestore(app);
  const deps = useCaseDeps(db);
  const province = values.province;
  const seconds: number[] = [];
  let last;
  for (let i = 0; i < Number(values.runs); i++) {
    const started = performance.now();
    last = await rebuildUnitStatsOf(deps, province);
    seconds.push((performance.now() - started) / 1000);
  }
  const docs = await deps.stats.ofProvince(province);
  const bytes = docs.map((d) => JSON.stringify(d).length);
  const communes = docs.filter((d) => d.communeCode !== null && d.unitCode === d.communeCode).length;
  console.log(`rebuildUnitStats(${province}) on ${projectId} at ${process.env.FIRESTORE_EMULATOR_HOST}:`);
  console.log(`  read          ${last?.people} people, ${last?.quotas} quota documents`);
  console.log(
    `  wrote         ${last?.units} unitStats documents (${communes} communes), ${last?.reset} reset`,
  );
  console.log(`  seconds       ${seconds.map((s) => s.toFixed(2)).join(', ')}`);
  console.log(
    `  per document  ${Math.round(bytes.reduce((a, b) => a + b, 0) / Math.max(1, bytes.length))} bytes of JSON on average, ${Math.max(0, ...bytes)} at most`,
  );
  console.log(
    `  province      ${(bytes.reduce((a, b) => a + b, 0) / 1024).toFixed(0)} KB of JSON for the whole province`,
  );
  await deleteApp(app);
}

main().catch((err: unknown) => {
  console.error(`bench:unit-stats: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
