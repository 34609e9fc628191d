/**
 * The one mapping from errors to what a client sees (docs/api.md, "Errors"):
 * each code with its bilingual message and details; the domain's errors by
 * their own code; nothing internal leaks.
 */
import { HttpsError } from 'firebase-functions/v2/https';
import { InvalidTransition } from '../../functions/src/domain/movement-lifecycle';
import { applyQuotaDelta, QuotaExceeded } from '../../functions/src/domain/quota';
import {
  Forbidden,
  NotAuthenticated,
  NotFound,
  toHttpsError,
  ValidationFailed,
} from '../../functions/src/lib/errors';

const quota = { unitCode: '18115', allocated: 10, filled: 10, reservedForReturn: 0, incoming: 0 };

test('errors of the services keep their code, a one-line message and both languages in details', () => {
  const e = toHttpsError(new NotFound('error.unknownCadre', { id: 'c-9' }));
  expect(e.code).toBe('not-found');
  expect(e.message).toBe('Không có cán bộ c-9 / unknown cadre c-9');
  expect(e.details).toEqual({ message: { vi: 'Không có cán bộ c-9', en: 'unknown cadre c-9' } });
  expect(toHttpsError(new NotAuthenticated()).code).toBe('unauthenticated');
  expect(toHttpsError(new Forbidden('error.outsideScope')).message).toBe(
    'Ngoài phạm vi quản lý / outside your scope',
  );
  const invalid = toHttpsError(ValidationFailed.field('plannedEndDate', 'error.secondmentNeedsEnd'));
  expect(invalid.code).toBe('invalid-argument');
  expect(invalid.details).toEqual({
    fields: [
      { path: 'plannedEndDate', message: 'Biệt phái phải có thời hạn / a secondment needs an end date' },
    ],
    message: { vi: 'Biệt phái phải có thời hạn', en: 'a secondment needs an end date' },
  });
});

test('the domain’s errors map by their own code, with the quota counts or the transition', () => {
  let exceeded: unknown;
  try {
    applyQuotaDelta(quota, { incoming: 1 });
  } catch (e) {
    exceeded = e;
  }
  expect(exceeded).toBeInstanceOf(QuotaExceeded);
  const q = toHttpsError(exceeded);
  expect(q.code).toBe('failed-precondition');
  expect(q.details).toMatchObject({
    quota: { allocated: 10, filled: 10, reservedForReturn: 0, incoming: 0, free: 0, fits: false, delta: 1 },
    checks: [{ code: 'target_quota', outcome: 'fail', overridable: false }],
  });
  const t = toHttpsError(new InvalidTransition('start', 'proposed'));
  expect(t.code).toBe('failed-precondition');
  expect(t.details).toMatchObject({ status: 'proposed', transition: 'start' });
});

test('contention is aborted; anything else is internal without its message', () => {
  expect(toHttpsError(Object.assign(new Error('10 ABORTED'), { code: 10 })).code).toBe('aborted');
  const e = toHttpsError(new Error('secret path /srv/keys'));
  expect(e.code).toBe('internal');
  expect(e.message).toBe('Lỗi hệ thống / internal error');
  expect(JSON.stringify(e.details)).not.toContain('secret');
  const passthrough = new HttpsError('resource-exhausted', 'slow down');
  expect(toHttpsError(passthrough)).toBe(passthrough);
});
