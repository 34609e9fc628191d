// @ts-check
/**
 * Mutation testing of the domain rules (issue 15): `npm run test:mutation`.
 * StrykerJS 9 mutates functions/src/domain (every file, subfolders included as
 * they land) and runs the unit tests that exercise it (test/mutation/jest.config.js)
 * against each mutant, after the TypeScript checker has dropped the mutants that
 * do not compile. Not part of `npm test`: a full run takes tens of minutes.
 * What is excluded and why: test/mutation/message-text-ignorer.mjs and the
 * README's "Mutation testing" section.
 */
import os from 'node:os';
import path from 'node:path';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['functions/src/domain/**/*.ts'],
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'test/mutation/jest.config.js',
    enableFindRelatedTests: true,
  },
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: 'test/mutation/tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  appendPlugins: ['./test/mutation/message-text-ignorer.mjs'],
  ignorers: ['message-text'],
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // The sandboxes live outside the working tree, so that jest, eslint and tsc
  // run by anyone else meanwhile never pick up their copies of the sources;
  // each run removes only its own sandbox.
  tempDirName: path.join(os.tmpdir(), 'canbo-stryker'),
  // The web client's sources stay: some unit tests of the domain import page
  // modules (hosting/src/pages/reports/sheet.ts, satisfaction/queries.ts).
  ignorePatterns: [
    '/.data',
    '/coverage',
    '/functions/lib',
    '/functions/dist',
    '/emulator/dist',
    '/hosting/*',
    '!/hosting/src',
  ],
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 10000,
};
