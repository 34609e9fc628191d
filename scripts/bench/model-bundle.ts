/**
 * `npx tsx scripts/bench/model-bundle.ts`: what a browser pays for @canbo/model.
 * Bundles, for the browser and minified, a tiny entry that imports one callable
 * schema (ZProposeMovementInput) from packages/model/src and parses a value with
 * it; prints the bundle's size (bytes and gzip bytes) and the packages it
 * contains, and exits non-zero if any Firebase server code (firebase-functions,
 * firebase-admin, @google-cloud/*) or any Firebase SDK got in. Not a test; the
 * unit test test/unit/bundle/model-bundle.test.ts checks the same property.
 */
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = path.resolve(__dirname, '../..');

/** The entry a web client would have: one schema, used. */
export const MODEL_ENTRY = `
import { ZProposeMovementInput } from './packages/model/src';
export const valid = (input) => ZProposeMovementInput.safeParse(input).success;
`;

export interface BundleReport {
  bytes: number;
  gzipBytes: number;
  /** Bytes of bundled input per package (`zod`, `packages/model`, ...). */
  packages: Record<string, number>;
  /** Bundled inputs that are Firebase code (should be none). */
  firebaseInputs: string[];
  /** Firebase package names found in the output text (should be none). */
  firebaseMentions: string[];
}

/** Packages whose code must never reach the model's browser bundle. */
const FIREBASE_PACKAGE =
  /(^|\/)node_modules\/(firebase-functions|firebase-admin|@google-cloud\/[^/]+|@firebase\/[^/]+|firebase)\//;
const FIREBASE_TEXT = /firebase-functions|firebase-admin|@google-cloud\/|@firebase\/|googleapis\.com/g;

/** The package an input path belongs to: its node_modules name, or its folder in the repository. */
function packageOf(input: string): string {
  const parts = input.split('/');
  const i = parts.lastIndexOf('node_modules');
  if (i >= 0) return parts[i + 1]!.startsWith('@') ? `${parts[i + 1]}/${parts[i + 2]}` : parts[i + 1]!;
  return parts.slice(0, 2).join('/');
}

/** Bundles `entry` (ES module source, resolved from the repository root) for the browser, minified. */
export async function bundleForBrowser(entry: string): Promise<BundleReport> {
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, sourcefile: 'entry.js', loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const text = Buffer.from(code).toString('utf8');
  const packages: Record<string, number> = {};
  const inputs = Object.entries(result.metafile.outputs)[0]![1].inputs;
  for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
    if (bytesInOutput === 0) continue;
    const name = packageOf(input);
    packages[name] = (packages[name] ?? 0) + bytesInOutput;
  }
  return {
    bytes: code.byteLength,
    gzipBytes: gzipSync(code).byteLength,
    packages,
    firebaseInputs: Object.keys(inputs).filter((input) => FIREBASE_PACKAGE.test(input)),
    firebaseMentions: [...new Set(text.match(FIREBASE_TEXT) ?? [])],
  };
}

async function main(): Promise<void> {
  const report = await bundleForBrowser(MODEL_ENTRY);
  console.log('@canbo/model browser bundle (ZProposeMovementInput, minified, esm)');
  console.log(`  size:      ${report.bytes} bytes`);
  console.log(`  gzip:      ${report.gzipBytes} bytes`);
  for (const [name, bytes] of Object.entries(report.packages).sort((a, b) => b[1] - a[1]))
    console.log(`  ${name.padEnd(24)} ${bytes} bytes`);
  if (report.firebaseInputs.length || report.firebaseMentions.length) {
    console.error('Firebase code in the model bundle:');
    for (const input of report.firebaseInputs) console.error(`  input ${input}`);
    for (const mention of report.firebaseMentions) console.error(`  text  ${mention}`);
    process.exitCode = 1;
    return;
  }
  console.log('  firebase:  none');
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
