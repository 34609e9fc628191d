/**
 * Reading the session the Auth SDK keeps in this browser without waiting for
 * Auth (which first asks the server whether the account still exists): the
 * custom claims in the kept ID token, unverified. Pure (unit tests in
 * test/unit/hosting/session-hint.test.ts); lib/firebase.ts reads the stored
 * value. Only ever a hint — which page to start downloading — never a
 * decision about access, which the rules and callables make on the verified
 * token.
 */

/** The ID token in what the Auth SDK stores for its user (`{ stsTokenManager: { accessToken } }` as JSON). */
export function keptIdToken(stored: string | null): string | null {
  try {
    const user = JSON.parse(stored ?? 'null') as { stsTokenManager?: { accessToken?: unknown } } | null;
    const token = user?.stsTokenManager?.accessToken;
    return typeof token === 'string' ? token : null;
  } catch {
    return null;
  }
}

/** The payload of a JWT (base64url JSON between the first two dots), unverified; null when it is not one. */
export function tokenPayload(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part || !/^[A-Za-z0-9_-]+$/.test(part)) return null;
  try {
    const binary = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const payload = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    return payload && typeof payload === 'object' && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
