/**
 * Domain errors and their single mapping to HttpsError codes (design.md):
 * invalid-argument (field errors), unauthenticated, permission-denied,
 * not-found, failed-precondition (a rule or the quota, with the failed check
 * and its legal basis), already-exists, aborted (contention outlasted
 * retries). Anything else is `internal` with a generic message: internal
 * messages never leak to clients.
 */
import { HttpsError } from 'firebase-functions/v2/https';
import type { z } from 'zod';
import { InvalidTransition } from '../domain/movement-lifecycle';
import { QuotaExceeded } from '../domain/quota';
import type { CheckResult } from '@canbo/model';

export class ValidationFailed extends Error {
  constructor(readonly fields: { path: string; message: string }[]) {
    super('Dữ liệu không hợp lệ / invalid input');
  }
  static from(error: z.ZodError): ValidationFailed {
    return new ValidationFailed(error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
}

export class NotAuthenticated extends Error {
  constructor() {
    super('Cần đăng nhập / sign-in required');
  }
}

export class Forbidden extends Error {}

export class NotFound extends Error {}

/** Checks that block the request, with their legal basis. */
export class RulesViolated extends Error {
  constructor(readonly checks: CheckResult[]) {
    super(`Không đáp ứng điều kiện: ${checks.map((c) => c.message).join(' ')}`);
  }
}

export class AlreadyExists extends Error {}

/** Maps any error to the HttpsError a client sees. */
export function toHttpsError(err: unknown): HttpsError {
  if (err instanceof HttpsError) return err;
  if (err instanceof ValidationFailed)
    return new HttpsError('invalid-argument', err.message, { fields: err.fields });
  if (err instanceof NotAuthenticated) return new HttpsError('unauthenticated', err.message);
  if (err instanceof Forbidden) return new HttpsError('permission-denied', err.message);
  if (err instanceof NotFound) return new HttpsError('not-found', err.message);
  if (err instanceof RulesViolated)
    return new HttpsError('failed-precondition', err.message, { checks: err.checks });
  if (err instanceof QuotaExceeded) {
    return new HttpsError('failed-precondition', `Hết biên chế tại ${err.unitCode} / quota exceeded`, {
      checks: [
        {
          code: 'target_quota',
          outcome: 'fail',
          overridable: false,
          basis: 'Biên chế được giao',
          message: err.message,
        },
      ],
      quota: err.status,
    });
  }
  if (err instanceof InvalidTransition) {
    return new HttpsError('failed-precondition', err.message, {
      status: err.status,
      transition: err.transition,
    });
  }
  if (err instanceof AlreadyExists) return new HttpsError('already-exists', err.message);
  const code = (err as { code?: unknown }).code;
  if (code === 10 || code === 'aborted') {
    return new HttpsError(
      'aborted',
      'Quá nhiều yêu cầu đồng thời, hãy thử lại / too much contention, try again',
    );
  }
  console.error('Unexpected error', err);
  return new HttpsError('internal', 'Lỗi hệ thống / internal error');
}
