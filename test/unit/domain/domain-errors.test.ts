/**
 * The domain's errors (functions/src/domain/errors.ts and the errors of
 * quota.ts and movement-lifecycle.ts): each one's HttpsError code, catalogue
 * key, parameters, bilingual text and one-line message, written out.
 */
import type { CheckResult } from '@canbo/model';
import { ChecksFailed, DomainError } from '../../../functions/src/domain/errors';
import { InvalidTransition } from '../../../functions/src/domain/movement-lifecycle';
import { QuotaExceeded, QuotaInvariantBroken, quotaStatus } from '../../../functions/src/domain/quota';

const check = (code: CheckResult['code'], message: string, messageEn: string): CheckResult => ({
  code,
  outcome: 'fail',
  overridable: false,
  basis: 'b',
  basisEn: 'b',
  message,
  messageEn,
});

test('ChecksFailed: failed-precondition, key check.list, every check joined in each language', () => {
  const checks = [
    check('start_date', 'Bắt đầu sớm.', 'Early start.'),
    check('end_date', 'Kết thúc trước khi bắt đầu.', 'Ends before it starts.'),
  ];
  const e = new ChecksFailed(checks);
  expect(e).toBeInstanceOf(DomainError);
  expect(e).toBeInstanceOf(Error);
  expect(e.code).toBe('failed-precondition');
  expect(e.key).toBe('check.list');
  expect(e.name).toBe('ChecksFailed');
  expect(e.checks).toBe(checks);
  expect(e.params).toEqual({
    list: 'Bắt đầu sớm. Kết thúc trước khi bắt đầu.',
    listEn: 'Early start. Ends before it starts.',
  });
  expect(e.text).toEqual({
    vi: 'Không đáp ứng điều kiện: Bắt đầu sớm. Kết thúc trước khi bắt đầu.',
    en: 'Conditions not met: Early start. Ends before it starts.',
  });
  expect(e.message).toBe(
    'Không đáp ứng điều kiện: Bắt đầu sớm. Kết thúc trước khi bắt đầu. / Conditions not met: Early start. Ends before it starts.',
  );
});

test('ChecksFailed with one check has no separator', () => {
  const e = new ChecksFailed([check('end_date', 'Một.', 'One.')]);
  expect(e.text).toEqual({ vi: 'Không đáp ứng điều kiện: Một.', en: 'Conditions not met: One.' });
});

test('QuotaExceeded: failed-precondition, key domain.quota_exceeded, the unit, the free posts and the need', () => {
  const status = quotaStatus({ allocated: 10, filled: 8, reservedForReturn: 1, incoming: 0 }, 2);
  const e = new QuotaExceeded('18100', status);
  expect(e).toBeInstanceOf(DomainError);
  expect(e.code).toBe('failed-precondition');
  expect(e.key).toBe('domain.quota_exceeded');
  expect(e.name).toBe('QuotaExceeded');
  expect(e.unitCode).toBe('18100');
  expect(e.status).toEqual({
    allocated: 10,
    filled: 8,
    reservedForReturn: 1,
    incoming: 0,
    free: 1,
    fits: false,
    delta: 2,
  });
  expect(e.params).toEqual({ unit: '18100', free: 1, needed: 2 });
  expect(e.text).toEqual({
    vi: 'Hết biên chế tại 18100: còn 1, cần 2.',
    en: 'Quota of 18100 exceeded: 1 free, 2 needed.',
  });
  expect(e.message).toBe(
    'Hết biên chế tại 18100: còn 1, cần 2. / Quota of 18100 exceeded: 1 free, 2 needed.',
  );
});

test('QuotaInvariantBroken: failed-precondition, key domain.quota_invariant, the unit and the count', () => {
  const e = new QuotaInvariantBroken('18073', 'reservedForReturn');
  expect(e).toBeInstanceOf(DomainError);
  expect(e.code).toBe('failed-precondition');
  expect(e.key).toBe('domain.quota_invariant');
  expect(e.name).toBe('QuotaInvariantBroken');
  expect(e.unitCode).toBe('18073');
  expect(e.count).toBe('reservedForReturn');
  expect(e.params).toEqual({ unit: '18073', count: 'reservedForReturn' });
  expect(e.text).toEqual({
    vi: 'Số liệu biên chế của 18073 không khớp: reservedForReturn sẽ âm. Cần đối soát biên chế.',
    en: 'Quota counts of 18073 are inconsistent: reservedForReturn would become negative. Reconcile the quota.',
  });
});

test('InvalidTransition: failed-precondition, key domain.invalid_transition, both languages', () => {
  const e = new InvalidTransition('approve', 'active');
  expect(e).toBeInstanceOf(DomainError);
  expect(e.code).toBe('failed-precondition');
  expect(e.key).toBe('domain.invalid_transition');
  expect(e.name).toBe('InvalidTransition');
  expect(e.transition).toBe('approve');
  expect(e.status).toBe('active');
  expect(e.params).toEqual({
    transition: 'approve',
    status: 'active',
    transitionVi: 'phê duyệt',
    statusVi: 'đang thực hiện',
  });
  expect(e.text).toEqual({
    vi: 'Không thể phê duyệt đề xuất đang ở trạng thái đang thực hiện.',
    en: 'Cannot approve a movement that is active.',
  });
  expect(e.message).toBe(
    'Không thể phê duyệt đề xuất đang ở trạng thái đang thực hiện. / Cannot approve a movement that is active.',
  );
});
