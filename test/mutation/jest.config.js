// The jest configuration StrykerJS runs (stryker.config.mjs): every unit test
// that imports functions/src/domain (found by reading the test files, so the
// tests of a new domain folder join on their own), and nothing that needs a
// server. The seed's tests are left out (test/unit/seed/, and any test that
// imports scripts/seed/): they check the generated data, take long, and are not
// tests of the rules. One that generates a province when its file loads also
// runs most of the domain outside any test, which made StrykerJS count those
// mutants as static and run every test against each of them (seed-episode made
// 38 of quota.ts's 53 mutants static). A test file whose header says
// "mutation-runs: left out" (with its reason) is left out too: a sweep over
// thousands of cases that instrumentation makes take minutes per mutant. Same
// transform and module mapping as the root `unit` project (jest.config.js).
const fs = require('node:fs');
const path = require('node:path');

const rootDir = path.resolve(__dirname, '../..');
const IMPORTS_DOMAIN = /from '(?:\.\.\/)+functions\/src\/domain\//;
const LEFT_OUT_PATH = /\.(emulator|rules|e2e)\.test\.ts$|\/test\/unit\/seed\//;
const LEFT_OUT_SOURCE = [/from '(?:\.\.\/)+scripts\/seed\//, /mutation-runs: left out/];

/** Whether a unit test joins the mutation runs (the header comment says which do not, and why). */
function inMutationRuns(file) {
  if (!file.endsWith('.test.ts') || LEFT_OUT_PATH.test(file)) return false;
  const source = fs.readFileSync(file, 'utf8');
  return IMPORTS_DOMAIN.test(source) && !LEFT_OUT_SOURCE.some((re) => re.test(source));
}

function testsImportingDomain(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testsImportingDomain(file);
    return inMutationRuns(file) ? [file] : [];
  });
}

const tests = testsImportingDomain(path.join(rootDir, 'test')).sort();

module.exports = {
  rootDir,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(rootDir, 'tsconfig.json') }] },
  moduleNameMapper: {
    '^@canbo/model$': '<rootDir>/packages/model/src',
    '^@canbo/model/(.*)$': '<rootDir>/packages/model/src/$1',
    // zod's locale table, loaded lazily (zod-locales.js says why).
    '^\\.\\./locales/index\\.cjs$': path.join(__dirname, 'zod-locales.js'),
  },
  // Exact paths: jest's testMatch globs, escaped.
  testMatch: tests.map((f) => f.replace(/[()[\]{}*?!+@]/g, '\\$&')),
  testPathIgnorePatterns: ['/node_modules/'],
  testSequencer: path.join(__dirname, 'sequencer.js'),
  setupFilesAfterEnv: [path.join(__dirname, 'record-test-names.js')],
};
