/**
 * The verification code of a rating link (docs/satisfaction.md, "The rating
 * link"): HMAC-SHA256 under a server secret of a fixed label and the receipt
 * number, the first 80 bits in base32 (16 characters of A–Z, 2–7, readable in
 * a QR code and typeable from the printed receipt).
 *
 * - It cannot be guessed: without the secret every code is one of 2^80 equally
 *   likely values, and submissions are rate-limited per client address.
 * - It cannot be reused for another receipt: the receipt number is inside the
 *   MAC, so the code of one receipt is no better than a random guess for any
 *   other; and a receipt takes one rating (ratings/{receiptNo} is created once).
 * - It needs no storage: the server recomputes it from the receipt number, and
 *   compares in constant time.
 *
 * Pure (node:crypto only): no Firebase here.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Domain separation: a MAC made for another purpose with the same key is never a rating code. */
const LABEL = 'canbo/rating-link/v1';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** 16 base32 characters carry 80 bits. */
export const CODE_LENGTH = 16;

/** Base32 (RFC 4648 alphabet, no padding) of the first `chars` × 5 bits of `bytes`. */
function base32(bytes: Buffer, chars: number): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length === chars) break;
  }
  return out;
}

/** The code of `receiptNo` under `secret`. */
export function ratingCode(secret: string, receiptNo: string): string {
  if (secret.length === 0) throw new Error('rating code secret is empty');
  const mac = createHmac('sha256', secret).update(`${LABEL}\n${receiptNo}`).digest();
  return base32(mac, CODE_LENGTH);
}

/** Whether `code` is the code of `receiptNo`, compared in constant time. */
export function verifyRatingCode(secret: string, receiptNo: string, code: string): boolean {
  const expected = Buffer.from(ratingCode(secret, receiptNo));
  const given = Buffer.from(code);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The path of the citizen page for a receipt, to append to the deployment's address (the QR code's content). */
export function ratingPath(receiptNo: string, code: string): string {
  return `/rate.html?r=${encodeURIComponent(receiptNo)}&c=${code}`;
}

/**
 * The key of a client address in the rate counters: a MAC of the address
 * under the same secret with another label, so the counters never hold an
 * address and one cannot be recovered from them without the secret.
 */
export function clientKey(secret: string, address: string): string {
  return createHmac('sha256', secret).update(`canbo/rating-client/v1\n${address}`).digest('hex').slice(0, 24);
}
