/**
 * The deployable Cloud Functions: one CommonJS file, `functions/dist/index.js`,
 * that the Functions emulator loads and `firebase deploy` uploads.
 *
 * Why a bundle: the functions import `@canbo/model` (a workspace package that
 * is not on the npm registry) and read the catalogue in `data/catalogue/`
 * (outside `functions/`). Cloud Build installs `functions/package.json`'s
 * dependencies from the registry and sees nothing outside `functions/`, so
 * both must be inside the uploaded code. Everything from the registry stays a
 * dependency (firebase-admin, firebase-functions, zod), installed by Cloud
 * Build as usual.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(__dirname, '../..');

/** The registry packages the bundle leaves to `npm install`: functions/package.json's dependencies. */
export function registryDependencies(root = ROOT): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'functions/package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return Object.keys(pkg.dependencies ?? {});
}

export interface FunctionsBundle {
  outfile: string;
  bytes: number;
  /** Modules the bundle still requires at run time (Node built-ins and registry packages). */
  requires: string[];
}

/** Bundles functions/src/index.ts into `outfile` (default functions/dist/index.js). */
export async function bundleFunctions(
  outfile = path.join(ROOT, 'functions/dist/index.js'),
): Promise<FunctionsBundle> {
  const externals = registryDependencies();
  const result = await build({
    entryPoints: [path.join(ROOT, 'functions/src/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    // The model is read from its sources (tsconfig paths), like the tests do.
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    external: externals.flatMap((name) => [name, `${name}/*`]),
    metafile: true,
    logLevel: 'warning',
  });
  const output = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('.js'))!;
  const requires = [...new Set(output[1].imports.filter((i) => i.external).map((i) => i.path))].sort();
  const allowed = (name: string) =>
    name.startsWith('node:') ||
    !name.includes('/') ||
    externals.some((dep) => name === dep || name.startsWith(`${dep}/`));
  const foreign = requires.filter((name) => !allowed(name) || name.startsWith('@canbo/'));
  if (foreign.length > 0) throw new Error(`the functions bundle requires ${foreign.join(', ')} at run time`);
  return { outfile, bytes: fs.statSync(outfile).size, requires };
}

if (require.main === module) {
  bundleFunctions().then(
    (b) =>
      console.log(`functions bundle: ${path.relative(ROOT, b.outfile)} ${(b.bytes / 1024).toFixed(0)} KiB`),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
