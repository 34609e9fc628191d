// Runs in every test file of a StrykerJS run (setupFilesAfterEnv of
// test/mutation/jest.config.js) and records which tests the file holds, so that
// the sequencer can leave out, for each mutant, the files that hold none of the
// tests covering it (see sequencer.js). Outside StrykerJS it does nothing.
/* global afterEach, afterAll, expect */
const fs = require('node:fs');
const path = require('node:path');
const { namesFileOf } = require('./test-names');

if (globalThis.__stryker__ !== undefined) {
  const names = new Set();
  afterEach(() => {
    names.add(expect.getState().currentTestName);
  });
  afterAll(() => {
    const { testPath } = expect.getState();
    const file = namesFileOf(testPath);
    // The initial test run, which runs every test, writes the file; a mutant's
    // run (a subset) never rewrites it.
    if (fs.existsSync(file)) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify([...names]));
  });
}
