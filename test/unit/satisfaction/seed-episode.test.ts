/**
 * The seed's demo ratings (scripts/seed/receipts.ts) hold one stuffing
 * episode for the review page: six ratings of 5 for one officer within 25
 * minutes from one address, which the scoring flags (a burst, the sixth also
 * many-from-one-client) and holds out of the counts until reviewed.
 */
import { DEFAULT_SATISFACTION_CONFIG } from '@canbo/model';
import { quarterlySatisfaction } from '../../../functions/src/domain/satisfaction';
import { generateProvince } from '../../../scripts/seed/generate';
import { loadOfficialUnits } from '../../../scripts/seed/official';

const asOf = '2026-11-20';
const seeded = generateProvince(loadOfficialUnits(), { provinceCode: '42', scale: 0.05, seed: 3, asOf });

test('six ratings of one officer on one morning, flagged and held out of the counts', () => {
  const episode = seeded.ratings.filter((r) => /-K\d$/.test(r.id));
  expect(episode).toHaveLength(6);
  expect(new Set(episode.map((r) => r.cadreId)).size).toBe(1);
  expect(episode.map((r) => r.submittedAt.slice(11, 16))).toEqual([
    '02:00',
    '02:05',
    '02:10',
    '02:15',
    '02:20',
    '02:25',
  ]);
  expect(episode.every((r) => r.submittedAt.startsWith('2026-11-10'))).toBe(true);
  // Every rating has its receipt.
  const receipts = new Set(seeded.receipts.map((r) => r.id));
  expect(episode.every((r) => receipts.has(r.id))).toBe(true);

  const q = quarterlySatisfaction(seeded.ratings, '2026-Q4', DEFAULT_SATISFACTION_CONFIG);
  const flags = new Map(q.flagged.map((f) => [f.id, f.flags]));
  expect(episode.map((r) => flags.get(r.id))).toEqual([
    ['burst'],
    ['burst'],
    ['burst'],
    ['burst'],
    ['burst'],
    ['burst', 'many_from_client'],
  ]);
  expect(q.counted.some((r) => /-K\d$/.test(r.id))).toBe(false);
});
