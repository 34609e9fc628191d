/** The input hash of an idempotency key: the same request hashes the same whatever its key order. */
import { inputHash } from '../../functions/src/services/idempotency';

test('key order, undefined fields and the requestId itself do not change the hash', () => {
  const a = inputHash({
    movementId: 'mv-1',
    note: 'Duyệt',
    requestId: '6f1c1a52-3c1e-4d43-9f55-0a7e5d2b9c01',
  });
  const b = inputHash({ note: 'Duyệt', movementId: 'mv-1', overrides: undefined });
  expect(a).toBe(b);
  expect(a).toMatch(/^[0-9a-f]{64}$/);
});

test('any other difference changes it, nested ones included', () => {
  const base = { movementId: 'mv-1', overrides: [{ code: 'post_standards', reason: 'Lý do đủ dài' }] };
  const other = { movementId: 'mv-1', overrides: [{ code: 'post_standards', reason: 'Lý do khác hẳn' }] };
  expect(inputHash(base)).not.toBe(inputHash(other));
  expect(inputHash({ movementId: 'mv-1' })).not.toBe(inputHash({ movementId: 'mv-2' }));
});
