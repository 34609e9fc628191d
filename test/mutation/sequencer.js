// Test selection for mutation runs.
//
// StrykerJS runs a mutant with jest's findRelatedTests (every test file that
// imports the mutated file, directly or not) and a testNamePattern naming the
// tests that cover the mutant. Jest then loads every related file and skips the
// tests the pattern does not name: for a mutant of movement-checks.ts, dozens
// of files loaded (each with the model's schemas) to run tests in two or three.
// The names each file holds were recorded in the initial test run
// (record-test-names.js); a file none of whose tests the pattern names is left
// out, as it would have run no test. A file with no record is kept. Order is
// jest's own: jest cannot stop at a mutant's first failing test, so the order
// does not change how long a mutant takes.
const fs = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;
const { namesFileOf } = require('./test-names');

// This module stays loaded in the test runner across mutants, and the records
// never change after the initial run: each is read once.
const recorded = new Map();

function recordedNames(testPath) {
  if (recorded.has(testPath)) return recorded.get(testPath);
  let names;
  try {
    names = JSON.parse(fs.readFileSync(namesFileOf(testPath), 'utf8'));
  } catch {
    return undefined; // not recorded (yet): asked again next time
  }
  recorded.set(testPath, names);
  return names;
}

class CoveringFilesOnly extends Sequencer {
  constructor(options) {
    super(options);
    this.testNamePattern = options.globalConfig?.testNamePattern;
  }

  sort(tests) {
    const ordered = super.sort(tests);
    if (!this.testNamePattern) return ordered;
    // As jest applies the pattern to a test's full name (case-insensitive).
    const pattern = new RegExp(this.testNamePattern, 'i');
    return ordered.filter((test) => {
      const names = recordedNames(test.path);
      return names === undefined || names.some((name) => pattern.test(name));
    });
  }
}

module.exports = CoveringFilesOnly;
