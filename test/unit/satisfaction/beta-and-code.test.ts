/**
 * The arithmetic under the intervals (the beta distribution) and the rating
 * link's verification code. Expected values were computed independently
 * (scipy.stats.beta; Python's hmac and base64) and are written out.
 */
import { betaCdf, betaInterval95, betaQuantile } from '../../../functions/src/domain/satisfaction';
import { ratingCode, ratingPath, verifyRatingCode } from '../../../functions/src/domain/rating-code';

describe('the beta distribution', () => {
  test('the cdf matches known values', () => {
    expect(betaCdf(0.5, 2, 2)).toBeCloseTo(0.5, 10);
    expect(betaCdf(0.3, 2, 5)).toBeCloseTo(0.579825, 6);
    expect(betaCdf(0.9, 30.5, 3.5)).toBeCloseTo(0.462401, 6);
    expect(betaCdf(0, 2, 5)).toBe(0);
    expect(betaCdf(1, 2, 5)).toBe(1);
  });

  test('the quantile inverts the cdf', () => {
    expect(betaQuantile(0.025, 1, 1)).toBeCloseTo(0.025, 9);
    expect(betaQuantile(0.5, 2, 2)).toBeCloseTo(0.5, 9);
    expect(betaQuantile(0, 2, 2)).toBe(0);
    expect(betaQuantile(1, 2, 2)).toBe(1);
    const i = betaInterval95(8.5, 2.5);
    expect(i.low).toBeCloseTo(0.497226, 5);
    expect(i.high).toBeCloseTo(0.955941, 5);
  });
});

describe('the verification code of a rating link', () => {
  const receipt = '000.00.18.H42-261201-0001';

  test('is the HMAC-SHA256 of the label and the receipt, first 80 bits in base32', () => {
    expect(ratingCode('test-secret', receipt)).toBe('LHJ5YS44ELD53ZGZ');
    expect(ratingCode('test-secret', '000.00.18.H42-261201-0002')).toBe('HKS2DEVQPM74KEY3');
  });

  test('verifies only the code of its own receipt under the same secret', () => {
    expect(verifyRatingCode('test-secret', receipt, 'LHJ5YS44ELD53ZGZ')).toBe(true);
    // Another receipt's code, another secret, a code one character off, a shorter one.
    expect(verifyRatingCode('test-secret', receipt, 'HKS2DEVQPM74KEY3')).toBe(false);
    expect(verifyRatingCode('other-secret', receipt, 'LHJ5YS44ELD53ZGZ')).toBe(false);
    expect(verifyRatingCode('test-secret', receipt, 'LHJ5YS44ELD53ZGA')).toBe(false);
    expect(verifyRatingCode('test-secret', receipt, 'LHJ5YS44ELD53ZG')).toBe(false);
  });

  test('refuses an empty secret, and the link carries the receipt and its code', () => {
    expect(() => ratingCode('', receipt)).toThrow('rating code secret is empty');
    expect(ratingPath(receipt, 'LHJ5YS44ELD53ZGZ')).toBe(
      '/rate.html?r=000.00.18.H42-261201-0001&c=LHJ5YS44ELD53ZGZ',
    );
  });
});
