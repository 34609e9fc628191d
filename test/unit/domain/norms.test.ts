/**
 * Every staffing norm the rules compute with, pinned to its value in
 * data/catalogue/norms.json (docs/legal-basis.md §9), and the per-commune norm
 * of each block.
 */
import { communeNorm, DEFAULT_NORMS } from '../../../functions/src/domain/norms';

test('the catalogue norms, each value pinned', () => {
  expect(DEFAULT_NORMS).toEqual({
    communeGovernmentPosts: 32,
    communePartyPosts: { min: 15, max: 17, withPoliticalCentre: 20 },
    communeMilitaryPosts: 3,
    communePublicServicePosts: 24,
    averageViceChairsPerCommune: 2.5,
    averageBodiesPerCommune: 4.5,
    averageBodiesPerCommuneLargeCities: 4.7,
    averageDeputiesPerBody: 2,
  });
});

test('the per-commune norm of each block: about 32 government posts, the middle of 15–17 in the Party', () => {
  expect(communeNorm(DEFAULT_NORMS, 'government')).toBe(32);
  expect(communeNorm(DEFAULT_NORMS, 'party')).toBe(16);
  expect(communeNorm(DEFAULT_NORMS, 'military')).toBe(3);
  expect(communeNorm(DEFAULT_NORMS, 'public_service')).toBe(24);
});

test('each block reads its own norm, and the Party middle rounds half up', () => {
  const norms = {
    ...DEFAULT_NORMS,
    communeGovernmentPosts: 30,
    communePartyPosts: { min: 14, max: 19, withPoliticalCentre: 21 },
    communeMilitaryPosts: 5,
    communePublicServicePosts: 40,
  };
  expect(communeNorm(norms, 'government')).toBe(30);
  // (14 + 19) / 2 = 16.5
  expect(communeNorm(norms, 'party')).toBe(17);
  expect(communeNorm(norms, 'military')).toBe(5);
  expect(communeNorm(norms, 'public_service')).toBe(40);
  expect(
    communeNorm({ ...norms, communePartyPosts: { min: 10, max: 12, withPoliticalCentre: 20 } }, 'party'),
  ).toBe(11);
});
