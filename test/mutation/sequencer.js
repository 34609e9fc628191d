// Test order for mutation runs: jest's default runs the slowest files first,
// which here is the quota property test (hundreds of random sequences), so
// every mutant would wait for it even when a quick table test kills it at
// once. Property tests go last; the rest in path order, for stable runs.
const Sequencer = require('@jest/test-sequencer').default;

const slow = (test) => (/property\.test\.ts$/.test(test.path) ? 1 : 0);

class FastFirst extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => slow(a) - slow(b) || a.path.localeCompare(b.path));
  }
}

module.exports = FastFirst;
