/**
 * Errors that carry their own HttpsError code and a catalogue message
 * (packages/model/src/messages/errors.ts), and the one mapping to what a
 * client sees (docs/api.md, "Errors"). Errors raised below the services
 * (domain, Firestore) are translated by the FOREIGN table; anything else is
 * `internal` with a generic message: internal messages never leak to clients.
 */
import { HttpsError, type FunctionsErrorCode } from 'firebase-functions/v2/https';
import { z } from 'zod';
import { ChecksFailed, DomainError } from '../domain/errors';
import { quotaRefusal } from '../domain/movement-checks';
import { EvaluationInputInvalid } from '../domain/evaluation/score';
import { InvalidTransition } from '../domain/movement-lifecycle';
import { QuotaExceeded, QuotaInvariantBroken, type QuotaStatus } from '../domain/quota';
import { log } from '../log';
import {
  type Bilingual,
  type CheckResult,
  ERROR_MESSAGES,
  message,
  type MessageKey,
  type MessageParams,
  oneLine,
} from '@canbo/model';

export type ErrorCode = FunctionsErrorCode;
/** Keys of the errors area (packages/model/src/messages/errors.ts). */
export type ErrorKey = keyof typeof ERROR_MESSAGES;
export type ErrorDetails = Readonly<Record<string, unknown>>;

/** The base of every error a service raises on purpose. */
export class AppError extends Error {
  /** The message in both languages; `message` is its one-line form "vi / en". */
  readonly text: Bilingual;

  constructor(
    readonly code: ErrorCode,
    /** An `error.` key here; errors translated from the domain keep the domain's own key. */
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    readonly details: ErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    const text = message(key, params);
    super(oneLine(text), options);
    this.text = text;
    this.name = new.target.name;
  }
}

export interface FieldError {
  path: string;
  message: string;
}

/** invalid-argument, with the fields at fault. */
export class ValidationFailed extends AppError {
  constructor(
    readonly fields: FieldError[],
    key: ErrorKey = 'error.invalidInput',
    params: MessageParams = {},
  ) {
    super('invalid-argument', key, params, { fields });
  }

  /** One field at fault, its message from the catalogue. */
  static field(path: string, key: ErrorKey, params: MessageParams = {}): ValidationFailed {
    return new ValidationFailed([{ path, message: oneLine(message(key, params)) }], key, params);
  }

  static from(error: z.ZodError): ValidationFailed {
    return new ValidationFailed(error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }

  /**
   * Parses a callable's input. Messages the schemas set themselves (the
   * format hints of packages/model/src/messages/fields.ts) are kept; zod's
   * generic ones ("too small", "unrecognized key"…) are given in both
   * languages from zod's own Vietnamese and English locales, so no field
   * error reaches a user in English only.
   */
  static parse<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
    const parsed = schema.safeParse(data, { error: bilingualIssue });
    if (!parsed.success) throw ValidationFailed.from(parsed.error);
    return parsed.data;
  }
}

const viLocale = z.locales.vi().localeError;
const enLocale = z.locales.en().localeError;

/** A per-parse error map: zod's generic message in Vietnamese, then English. */
function bilingualIssue(issue: Parameters<typeof enLocale>[0]): string | undefined {
  const vi = localeText(viLocale(issue));
  const en = localeText(enLocale(issue));
  return vi && en ? oneLine({ vi, en }) : undefined;
}

function localeText(result: ReturnType<typeof enLocale>): string | undefined {
  if (typeof result === 'string') return result;
  return result?.message;
}

export class NotAuthenticated extends AppError {
  constructor() {
    super('unauthenticated', 'error.signInRequired');
  }
}

export class Forbidden extends AppError {
  constructor(key: ErrorKey, params: MessageParams = {}) {
    super('permission-denied', key, params);
  }
}

export class NotFound extends AppError {
  constructor(key: ErrorKey, params: MessageParams = {}) {
    super('not-found', key, params);
  }
}

export class AlreadyExists extends AppError {
  constructor(what: string) {
    super('already-exists', 'error.alreadyExists', { what });
  }
}

/**
 * failed-precondition: checks that block the request, with their legal basis.
 * When the target quota is among them, `quota` carries its counts.
 */
export class RulesViolated extends AppError {
  constructor(
    readonly checks: CheckResult[],
    options: { quota?: QuotaStatus; key?: MessageKey; params?: MessageParams } = {},
  ) {
    super(
      'failed-precondition',
      // The same list text as the domain's ChecksFailed: every failed check's message.
      options.key ?? 'check.list',
      options.params ?? {
        list: checks.map((c) => c.message).join(' '),
        listEn: checks.map((c) => c.messageEn).join(' '),
      },
      options.quota ? { checks, quota: options.quota } : { checks },
    );
  }
}

/** A failure that is ours, not the caller's (logged with its cause; the client sees `internal`). */
export class Internal extends AppError {
  constructor(cause: unknown) {
    super('internal', 'error.internal', {}, {}, { cause });
  }
}

/** Contention outlasted the transaction's retries. */
export class Contention extends AppError {
  constructor() {
    super('aborted', 'error.contention');
  }
}

/** The details a client sees for each of the domain's errors, beside their code and message. */
function domainDetails(e: DomainError): ErrorDetails {
  if (e instanceof QuotaExceeded) return { quota: e.status, checks: [quotaRefusal(e.unitCode, e.status)] };
  if (e instanceof InvalidTransition) return { status: e.status, transition: e.transition };
  if (e instanceof ChecksFailed) return { checks: e.checks };
  if (e instanceof QuotaInvariantBroken) return { unitCode: e.unitCode, count: e.count };
  // The evaluation callables carry the scoring inputs as `scoring`: the field at fault, next to its input.
  if (e instanceof EvaluationInputInvalid)
    return { fields: [{ path: `scoring.${e.field}`, message: e.message }] };
  return {};
}

/**
 * Errors raised below the services, each translated to an AppError (or
 * undefined: not this one). Domain errors carry their own code and message;
 * Firestore's ABORTED is contention.
 */
const FOREIGN: readonly ((err: unknown) => AppError | undefined)[] = [
  (e) => (e instanceof DomainError ? new AppError(e.code, e.key, e.params, domainDetails(e)) : undefined),
  // Firestore's ABORTED (gRPC 10) once the transaction gave up retrying.
  (e) =>
    typeof e === 'object' && e !== null && 'code' in e && (e.code === 10 || e.code === 'aborted')
      ? new Contention()
      : undefined,
];

/** Whether a code's own message and details reach the client, or only the generic internal text. */
const EXPOSED: Record<ErrorCode, boolean> = {
  ok: false,
  cancelled: true,
  unknown: false,
  'invalid-argument': true,
  'deadline-exceeded': true,
  'not-found': true,
  'already-exists': true,
  'permission-denied': true,
  'resource-exhausted': true,
  'failed-precondition': true,
  aborted: true,
  'out-of-range': true,
  unimplemented: false,
  internal: false,
  unavailable: true,
  'data-loss': false,
  unauthenticated: true,
};

/** Any error as an AppError: ours as is, foreign ones translated, the rest internal. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  for (const translate of FOREIGN) {
    const translated = translate(err);
    if (translated) return translated;
  }
  return new Internal(err);
}

/** Maps any error to the HttpsError a client sees: message "vi / en", details with `message: { vi, en }`. */
export function toHttpsError(err: unknown): HttpsError {
  if (err instanceof HttpsError) return err;
  const app = toAppError(err);
  if (!EXPOSED[app.code]) {
    log.error('error.unexpected', { code: app.code, error: describe(app.cause ?? err) });
    const text = message('error.internal');
    return new HttpsError('internal', oneLine(text), { message: text });
  }
  log.info('request.refused', { code: app.code, key: app.key });
  return new HttpsError(app.code, app.message, { ...app.details, message: app.text });
}

function describe(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
