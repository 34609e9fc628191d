/**
 * The model package in a browser bundle (issue 8): an entry that imports one
 * callable schema from @canbo/model bundles (browser, minified) with no
 * Firebase code in it, neither server SDK (firebase-functions, firebase-admin,
 * @google-cloud/*) nor the client SDK. The detector itself is shown to work on
 * an entry that does import Firebase. Sizes are printed by
 * scripts/bench/model-bundle.ts, not asserted.
 */
import { MODEL_ENTRY, bundleForBrowser } from '../../../scripts/bench/model-bundle';

test('one callable schema from @canbo/model bundles with zod and the model only, no Firebase', async () => {
  const report = await bundleForBrowser(MODEL_ENTRY);
  expect(report.firebaseInputs).toEqual([]);
  expect(report.firebaseMentions).toEqual([]);
  expect(Object.keys(report.packages).sort()).toEqual(['entry.js', 'packages/model', 'zod']);
});

test('the detector reports Firebase code when an entry does bring it in', async () => {
  const report = await bundleForBrowser(`
    import { initializeApp } from 'firebase/app';
    export const app = () => initializeApp({ projectId: 'demo-x' });
  `);
  expect(report.firebaseInputs.length).toBeGreaterThan(0);
  expect(report.firebaseInputs.every((i) => /node_modules\/(@firebase\/|firebase\/)/.test(i))).toBe(true);
  expect(report.packages['@firebase/app']).toBeGreaterThan(0);
});
