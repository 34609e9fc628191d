/**
 * Who is calling: the Authorization header classified as the official
 * emulator does (emulator/README.md, "Where each behaviour was learned").
 * `Bearer owner` and `Bearer ya29.…` are administrators and bypass rules; any
 * other bearer token must be a JWT,
 * whose claims are trusted without checking signature or expiry (the
 * emulator's tokens are unsigned, `alg: none`); no header is anonymous.
 */
import { Code, EmulatorError } from './errors';

/** The authenticated user as `request.auth` shows it. */
export interface AuthInfo {
  uid: string;
  token: Record<string, unknown>;
}

/** An administrator (rules bypassed), or a client judged by rules. */
export type Principal = { owner: true } | { owner: false; auth: AuthInfo | null };

export const OWNER: Principal = { owner: true };

/**
 * One segment of a JWT as the official emulator accepts it (auth.json): URL-safe base64, `=`
 * padding allowed, never a length that leaves a lone character.
 */
function segmentBytes(segment: string): Buffer {
  const body = segment.replace(/=+$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(body) || body.length % 4 === 1) throw new Error('not base64url');
  return Buffer.from(body, 'base64url');
}

function decodeSegment(segment: string): Record<string, unknown> {
  const value: unknown = JSON.parse(segmentBytes(segment).toString('utf8'));
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
  return value as Record<string, unknown>;
}

/** Classifies an Authorization header value. */
export function principalFrom(header: string | undefined): Principal {
  if (header === undefined || header === '') return { owner: false, auth: null };
  // `Bearer`, one space, the token (auth.json: a second space belongs to the token).
  const m = /^bearer (.+)$/i.exec(header);
  // The official emulator answers UNKNOWN (HTTP 500) to a header that is not `Bearer <token>`
  // (auth.json); a malformed request is the client's error, so this answers 400 (README, parity).
  if (!m)
    throw new EmulatorError(Code.INVALID_ARGUMENT, 'The Authorization header must be "Bearer <token>".');
  const token = m[1]!;
  if (/^owner$/i.test(token) || /^ya29\./i.test(token)) return OWNER;
  const parts = token.split('.');
  if (parts.length !== 3) throw new EmulatorError(Code.INVALID_ARGUMENT, 'invalid jwt');
  try {
    decodeSegment(parts[0]!);
    const claims = decodeSegment(parts[1]!);
    segmentBytes(parts[2]!);
    const sub = claims.sub ?? claims.user_id;
    const uid = typeof sub === 'string' ? sub : '';
    if (!uid) return { owner: false, auth: null };
    return { owner: false, auth: { uid, token: claims } };
  } catch {
    throw new EmulatorError(Code.INVALID_ARGUMENT, 'invalid jwt');
  }
}
