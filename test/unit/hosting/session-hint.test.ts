/**
 * The hint of whose session the browser keeps (hosting/src/data/session-hint.ts):
 * the ID token in the Auth SDK's stored user, and its claims, read without
 * verification and never failing on a damaged value.
 */
import { keptIdToken, tokenPayload } from '../../../hosting/src/data/session-hint';

// {"alg":"none","typ":"JWT"} . {"role":"province_admin","province":"40","name":"Bà Nguyễn Thị Hà","user_id":"u1"} . (no signature)
const TOKEN =
  'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.' +
  'eyJyb2xlIjoicHJvdmluY2VfYWRtaW4iLCJwcm92aW5jZSI6IjQwIiwibmFtZSI6IkLDoCBOZ3V54buFbiBUaOG7iyBIw6AiLCJ1c2VyX2lkIjoidTEifQ.';

describe('the kept session, as a hint', () => {
  test('the token is read from the stored user', () => {
    expect(keptIdToken(JSON.stringify({ uid: 'u1', stsTokenManager: { accessToken: TOKEN } }))).toBe(TOKEN);
  });

  test('no stored user, another shape or damaged JSON: no token', () => {
    expect(keptIdToken(null)).toBeNull();
    expect(keptIdToken(JSON.stringify({ uid: 'u1' }))).toBeNull();
    expect(keptIdToken(JSON.stringify({ stsTokenManager: { accessToken: 42 } }))).toBeNull();
    expect(keptIdToken('{"stsTokenManager":')).toBeNull();
  });

  test('the payload’s claims, Vietnamese text included (UTF-8)', () => {
    expect(tokenPayload(TOKEN)).toEqual({
      role: 'province_admin',
      province: '40',
      name: 'Bà Nguyễn Thị Hà',
      user_id: 'u1',
    });
  });

  test('not a JWT, or a payload that is not an object: null', () => {
    expect(tokenPayload('no-dots')).toBeNull();
    expect(tokenPayload('a.not base64!.c')).toBeNull();
    expect(tokenPayload('a.WzEsMl0.c')).toBeNull(); // [1,2]
    expect(tokenPayload('a.bnVsbA.c')).toBeNull(); // null
    expect(tokenPayload('a.e30.c')).toEqual({}); // {}
  });
});
