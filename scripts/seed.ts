/**
 * `npm run seed -- --province <code> [--scale <factor>] [--seed <n>] [--as-of YYYY-MM-DD]`
 *
 * Seeds whatever FIRESTORE_EMULATOR_HOST points at (project demo-canbo unless
 * GCLOUD_PROJECT says otherwise). It refuses to run without an emulator host:
 * demo data must never reach a real project.
 */
import { parseArgs } from 'node:util';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { seedProvince } from './seed/seed';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      province: { type: 'string', default: '42' },
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      'as-of': { type: 'string', default: new Date().toISOString().slice(0, 10) },
    },
    strict: true,
  });
  const host = process.env.FIRESTORE_EMULATOR_HOST;
  if (!host) {
    throw new Error(
      'FIRESTORE_EMULATOR_HOST is not set. Start the emulator (npm start) or export it; demo data is never written to a real project.',
    );
  }
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  if (!/^\d{2}$/.test(values.province))
    throw new Error(`--province must be a 2-digit code, got ${values.province}`);
  if (!(scale > 0 && scale <= 10)) throw new Error(`--scale must be between 0 and 10, got ${values.scale}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
  process.env.METADATA_SERVER_DETECTION ??= 'none';
  const projectId = process.env.GCLOUD_PROJECT ?? 'demo-canbo';
  const app = initializeApp({ projectId }, 'seed');
  const db = getFirestore(app);
  const tty = process.stdout.isTTY;
  let last = '';
  const summary = await seedProvince(
    db,
    { provinceCode: values.province, scale, seed, asOf: values['as-of'] },
    (stage, done, total) => {
      const line = total ? `${stage}: ${done}/${total} (${Math.round((done / total) * 100)}%)` : stage;
      if (tty) process.stdout.write(`\r${line.padEnd(last.length)}`);
      else process.stdout.write(line + '\n');
      last = line;
    },
  );
  if (tty) process.stdout.write('\n');
  console.log(
    `Seeded province ${summary.provinceCode} into ${projectId} at ${host} in ${summary.seconds.toFixed(1)} s:`,
  );
  for (const [collection, n] of Object.entries(summary.counts))
    console.log(`  ${collection.padEnd(22)} ${n}`);
  await deleteApp(app);
}

main().catch((err: unknown) => {
  console.error(`seed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
