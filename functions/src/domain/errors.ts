/**
 * Errors the domain raises. Each carries the name of the HttpsError code a
 * client should see (`code`, spelt as in firebase-functions, without importing
 * it: the domain imports no Firebase) and a catalogue message key with its
 * parameters, so the service layer maps them with a table and the client can
 * show either language. `message` is the one-line "tiếng Việt / English" form.
 */
import {
  type Bilingual,
  type CheckResult,
  message,
  type MessageKey,
  type MessageParams,
  oneLine,
} from '@canbo/model';

/** The HttpsError codes a domain error may ask for. */
export type DomainErrorCode = 'invalid-argument' | 'failed-precondition' | 'not-found' | 'aborted';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  /** The message in both languages. */
  readonly text: Bilingual;

  protected constructor(
    readonly key: MessageKey,
    readonly params: MessageParams,
  ) {
    const text = message(key, params);
    super(oneLine(text));
    this.text = text;
    this.name = new.target.name;
  }
}

/**
 * Checks that fail, raised by the domain's own lifecycle functions (a
 * completion before the start, an early start without a reason). Map like
 * the service's RulesViolated: failed-precondition with `details.checks`.
 */
export class ChecksFailed extends DomainError {
  readonly code = 'failed-precondition' as const;
  constructor(readonly checks: CheckResult[]) {
    super('check.list', {
      list: checks.map((c) => c.message).join(' '),
      listEn: checks.map((c) => c.messageEn).join(' '),
    });
  }
}
