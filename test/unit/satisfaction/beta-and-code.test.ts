/**
 * The arithmetic under the intervals (the beta distribution) and the rating
 * link's verification code. Expected values were computed independently
 * (scipy.stats.beta; Python's hmac and base64) and are written out.
 */
import { betaCdf, betaInterval95, betaQuantile } from '../../../functions/src/domain/satisfaction';
import { lnGamma } from '../../../functions/src/domain/satisfaction/beta';
import {
  clientKey,
  ratingCode,
  ratingPath,
  verifyRatingCode,
} from '../../../functions/src/domain/rating-code';

describe('the beta distribution', () => {
  test('ln Γ matches known values, below ½ by the reflection formula', () => {
    // mpmath.loggamma: Γ(1) = Γ(2) = 1, Γ(½) = √π.
    expect(lnGamma(1)).toBeCloseTo(0, 13);
    expect(lnGamma(2)).toBeCloseTo(0, 13);
    expect(lnGamma(0.5)).toBeCloseTo(0.5723649429247001, 13);
    expect(lnGamma(5.5)).toBeCloseTo(3.9578139676187165, 13);
    expect(lnGamma(0.25)).toBeCloseTo(1.2880225246980774, 13);
    // Near 0 the series alone drifts (by 5e-9 here); the reflection keeps ~15 digits.
    expect(lnGamma(1e-8)).toBeCloseTo(18.420680738180209, 11);
  });

  test('the cdf is 0 below the support and 1 above it', () => {
    expect(betaCdf(-0.5, 2, 5)).toBe(0);
    expect(betaCdf(1.5, 2, 5)).toBe(1);
  });

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

  test("a client address's counter key is a MAC under the secret with its own label, 96 bits in hex", () => {
    // Python: hmac.new(secret, b'canbo/rating-client/v1\n' + address, sha256).hexdigest()[:24]
    expect(clientKey('test-secret', '203.0.113.7')).toBe('7adfd83e86b4293fa8f70f5f');
    expect(clientKey('test-secret', '203.0.113.8')).toBe('8fafba52177d33d5b8e00d71');
    expect(clientKey('other-secret', '203.0.113.7')).toBe('944dea8c4c847a215bcb9e60');
  });

  test('refuses an empty secret, and the link carries the receipt and its code', () => {
    expect(() => ratingCode('', receipt)).toThrow('rating code secret is empty');
    expect(ratingPath(receipt, 'LHJ5YS44ELD53ZGZ')).toBe(
      '/rate.html?r=000.00.18.H42-261201-0001&c=LHJ5YS44ELD53ZGZ',
    );
  });
});
