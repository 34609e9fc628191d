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

function decodeSegment(segment: string): Record<string, unknown> {
  const json = Buffer.from(segment.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  const value: unknown = JSON.parse(json);
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
  return value as Record<string, unknown>;
}

/** Classifies an Authorization header value. */
export function principalFrom(header: string | undefined): Principal {
  if (header === undefined || header === '') return { owner: false, auth: null };
  const m = /^bearer\s+(.+)$/i.exec(header.trim());
  // The official emulator answers UNKNOWN (HTTP 500) to a header that is not `Bearer <token>`
  // (auth.json); a malformed request is the client's error, so this answers 400 (README, parity).
  if (!m)
    throw new EmulatorError(Code.INVALID_ARGUMENT, 'The Authorization header must be "Bearer <token>".');
  const token = m[1]!.trim();
  if (/^owner$/i.test(token) || /^ya29\./i.test(token)) return OWNER;
  const parts = token.split('.');
  if (parts.length !== 3) throw new EmulatorError(Code.INVALID_ARGUMENT, 'invalid jwt');
  try {
    decodeSegment(parts[0]!);
    const claims = decodeSegment(parts[1]!);
    const uid = String(claims.sub ?? claims.user_id ?? '');
    if (!uid) return { owner: false, auth: null };
    return { owner: false, auth: { uid, token: claims } };
  } catch {
    throw new EmulatorError(Code.INVALID_ARGUMENT, 'invalid jwt');
  }
}
