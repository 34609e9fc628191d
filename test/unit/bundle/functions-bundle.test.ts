/**
 * The deployable functions (scripts/build/functions-bundle.ts): everything that
 * is not on the npm registry (the model package, the catalogue files) is inside
 * the bundle; what it still requires is Node's own modules and the packages
 * functions/package.json declares, so `firebase deploy` can install it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleFunctions, registryDependencies } from '../../../scripts/build/functions-bundle';

test('functions/package.json declares only registry packages', () => {
  expect(registryDependencies().sort()).toEqual(['firebase-admin', 'firebase-functions', 'zod']);
});

test('the bundle requires only Node and registry packages, and exports every function', async () => {
  // Inside functions/, so the bundle resolves its registry packages as it would when deployed.
  const dir = fs.mkdtempSync(path.join(__dirname, '../../../functions/.bundle-test-'));
  try {
    const bundle = await bundleFunctions(path.join(dir, 'index.js'));
    expect(bundle.requires).toEqual([
      'firebase-admin/app',
      'firebase-admin/auth',
      'firebase-admin/firestore',
      'firebase-admin/functions',
      'firebase-functions',
      'firebase-functions/params',
      'firebase-functions/v2',
      'firebase-functions/v2/https',
      'firebase-functions/v2/scheduler',
      'firebase-functions/v2/tasks',
      'node:crypto',
      'zod',
    ]);
    const text = fs.readFileSync(bundle.outfile, 'utf8');
    expect(text).not.toContain('@canbo/model');
    expect(text).not.toMatch(/require\("[^"]*catalogue/);
    // The catalogue is inlined: a position id from data/catalogue/positions.json is in the code.
    expect(text).toContain('xa_chu_tich_ubnd');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(bundle.outfile) as Record<string, unknown>;
    expect(Object.keys(loaded)).toEqual(
      expect.arrayContaining([
        'ping',
        'proposeMovement',
        'decideMovement',
        'setUserScope',
        'flagMovementAlerts',
      ]),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
