/**
 * The build `npm start` runs before the emulators load the functions: `tsc -b`
 * of the model, the emulator and the functions, incremental (about a second
 * when nothing changed), then the functions bundle that the Functions emulator
 * loads and `firebase deploy` uploads (functions/dist/index.js).
 *
 * `tsc -b` never deletes what it emitted for a source that has since been
 * deleted or moved, and such a leftover can shadow the new code: after
 * `services/movements.ts` became `services/movements/index.ts`, a stale
 * `lib/services/movements.js` is what `require('./movements')` finds first.
 * So outputs whose source is gone are removed first.
 *
 * Then the web client (`buildClient`): Vite builds hosting/ into hosting/dist,
 * which the Hosting emulator serves (firebase.json `hosting.public`), the same
 * build `firebase deploy` would upload.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The projects `npm run build` builds, each with its source and output folders. */
export const PROJECTS = [
  { dir: 'packages/model', src: 'src', out: 'lib' },
  { dir: 'emulator', src: 'src', out: 'dist' },
  { dir: 'functions', src: 'src', out: 'lib' },
] as const;

const OUTPUT = /\.(js|js\.map|d\.ts|d\.ts\.map)$/;

/**
 * Outputs under `outDir` (relative paths) with no source under `srcDir`: for
 * `a/b.js`, `a/b.js.map`, `a/b.d.ts` or `a/b.d.ts.map`, neither `a/b.ts` nor
 * `a/b.tsx` exists. Other files (tsbuildinfo, JSON, assets) are left alone.
 */
export function staleOutputs(outDir: string, srcDir: string): string[] {
  const stale: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(outDir, rel), { withFileTypes: true })) {
      const file = path.join(rel, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (OUTPUT.test(entry.name)) {
        const base = file.replace(OUTPUT, '');
        if (
          !fs.existsSync(path.join(srcDir, `${base}.ts`)) &&
          !fs.existsSync(path.join(srcDir, `${base}.tsx`))
        )
          stale.push(file);
      }
    }
  };
  if (fs.existsSync(outDir)) walk('');
  return stale.sort();
}

/** Removes stale outputs, then builds and bundles the functions. Returns the exit status and output. */
export function build(root: string): { ok: boolean; pruned: string[]; output: string } {
  const pruned: string[] = [];
  for (const p of PROJECTS) {
    const outDir = path.join(root, p.dir, p.out);
    for (const file of staleOutputs(outDir, path.join(root, p.dir, p.src))) {
      fs.rmSync(path.join(outDir, file), { force: true });
      pruned.push(path.join(p.dir, p.out, file));
    }
  }
  const tsc = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', ...PROJECTS.map((p) => p.dir)],
    { cwd: root, encoding: 'utf8' },
  );
  if (tsc.status !== 0) return { ok: false, pruned, output: `${tsc.stdout}${tsc.stderr}` };
  // The Functions emulator loads the same bundle `firebase deploy` uploads (scripts/build/functions-bundle.ts).
  const bundle = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'scripts/build/functions-bundle.ts')],
    { cwd: root, encoding: 'utf8' },
  );
  return {
    ok: bundle.status === 0,
    pruned,
    output: `${tsc.stdout}${tsc.stderr}${bundle.stdout}${bundle.stderr}`,
  };
}

/** The web client's build output, served by Hosting (firebase.json). */
export const CLIENT_OUT = 'hosting/dist';

/**
 * Builds the web client with Vite (hosting/vite.config.mts) into hosting/dist.
 * A failed build leaves the previous output in place only if Vite had not yet
 * emptied it; the caller reports the output either way.
 */
export function buildClient(root: string): { ok: boolean; output: string } {
  const vite = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: path.join(root, 'hosting'),
      encoding: 'utf8',
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    },
  );
  return { ok: vite.status === 0, output: `${vite.stdout}${vite.stderr}` };
}
