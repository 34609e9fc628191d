// Test order and selection for mutation runs.
//
// Order: jest's default runs the slowest files first, which here is the quota
// property test (hundreds of random sequences), so every mutant would wait for
// it even when a quick table test kills it at once. Property tests go last;
// the rest in path order, for stable runs.
//
// Selection: StrykerJS runs a mutant with jest's findRelatedTests (every test
// file that imports the mutated file, directly or not) and a testNamePattern
// naming the tests that cover the mutant. Jest then loads every related file
// and skips the tests the pattern does not name: for a mutant of
// movement-checks.ts, dozens of files loaded (each with the model's schemas)
// to run tests in two or three. The names each file holds were recorded in the
// initial test run (record-test-names.js); a file none of whose tests the
// pattern names is left out, as it would have run no test. A file with no
// record is kept.
const fs = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;
const { namesFileOf } = require('./test-names');

const slow = (test) => (/property\.test\.ts$/.test(test.path) ? 1 : 0);

function recordedNames(testPath) {
  try {
    return JSON.parse(fs.readFileSync(namesFileOf(testPath), 'utf8'));
  } catch {
    return undefined;
  }
}

class FastFirst extends Sequencer {
  constructor(options) {
    super(options);
    this.testNamePattern = options.globalConfig?.testNamePattern;
  }

  sort(tests) {
    const ordered = [...tests].sort((a, b) => slow(a) - slow(b) || a.path.localeCompare(b.path));
    if (!this.testNamePattern) return ordered;
    // As jest applies the pattern to a test's full name (case-insensitive).
    const pattern = new RegExp(this.testNamePattern, 'i');
    return ordered.filter((test) => {
      const names = recordedNames(test.path);
      return names === undefined || names.some((name) => pattern.test(name));
    });
  }
}

module.exports = FastFirst;
