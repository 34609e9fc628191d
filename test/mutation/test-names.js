// Where a StrykerJS run keeps the names of each test file's tests: inside its
// sandbox (the working directory of the run), one JSON file per test file.
const crypto = require('node:crypto');
const path = require('node:path');

const NAMES_DIR = path.join(process.cwd(), '.stryker-test-names');

function namesFileOf(testPath) {
  const id = crypto.createHash('sha1').update(testPath).digest('hex').slice(0, 16);
  return path.join(NAMES_DIR, `${id}.json`);
}

module.exports = { namesFileOf };
