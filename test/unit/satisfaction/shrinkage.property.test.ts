/**
 * Shrinkage toward the unit's share (docs/satisfaction.md) over every sample of
 * 1 to 30 ratings, every count satisfied, unit shares 0 to 1 in tenths and five
 * strengths: the estimate stays between the officer's own share and the unit's,
 * and the interval is in order. The worked cases are in scores.test.ts.
 *
 * mutation-runs: left out. Each of the 27,225 cases computes an interval by
 * bisection; with StrykerJS's instrumentation this one test takes minutes, and
 * it would run for every mutant of the scoring it covers (test/mutation/jest.config.js).
 */
import { shrunkShare } from '../../../functions/src/domain/satisfaction';

test("shrinkage never moves a score past the unit's share, and keeps the order of the two", () => {
  const outside: string[] = [];
  for (const k of [0, 1, 5, 10, 50])
    for (let n = 1; n <= 30; n++)
      for (let s = 0; s <= n; s++)
        for (let p10 = 0; p10 <= 10; p10++) {
          const p = p10 / 10;
          const { estimate, interval } = shrunkShare(s, n, p, k);
          const own = s / n;
          const low = Math.min(own, p) - 1e-12;
          const high = Math.max(own, p) + 1e-12;
          if (estimate < low || estimate > high || interval.low > interval.high)
            outside.push(`k=${k} n=${n} s=${s} p=${p}: ${estimate}`);
        }
  expect(outside).toEqual([]);
});
