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
  // Static mutants (code that runs when a module loads: the catalogue and rule
  // tables parsed at import, constant lists) cannot be traced to the tests that
  // use them, so StrykerJS would run every related test file against each; on
  // the 2-core machine that alone was estimated at hours. They are reported as
  // Ignored, outside the score; the constants they hold are pinned by direct
  // tests (README, "Mutation testing").
  ignoreStatic: true,
  // A re-run reuses the results of mutants whose code and covering tests did not
  // change since the last run (`--force` runs everything).
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  concurrency: 2,
  // event-recorder writes each mutant's result as it is known, in
  // reports/mutation/events/, to follow a long run.
  reporters: ['clear-text', 'progress', 'html', 'json', 'event-recorder'],
  eventReporter: { baseDir: 'reports/mutation/events' },
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
  // jest loads the model and zod afresh for every test file of every mutant's
  // run, and a runner's profile showed a sixth of its time in the collector; a
  // larger young generation means fewer scavenges (not measured on its own).
  testRunnerNodeArgs: ['--max-semi-space-size=32'],
  // A test runner is replaced after 40 mutants: every load of a test file that
  // imports firebase-functions (test/functions/errors.test.ts) adds an
  // AsyncLocalStorage whose hooks stay in the process, so a long-lived runner
  // got slower with every mutant (and grew to 3 GB).
  maxTestRunnerReuse: 40,
};
