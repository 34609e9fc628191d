/**
 * Every error the client shows, in one shape: a code, the text in both
 * languages, and what the server attached (failed checks with their legal
 * basis, field errors, the quota). Callables send `details.message {vi, en}`
 * beside these (docs/api.md, "Errors"); Firestore sends `permission-denied`
 * for a read outside the rules, which the client words as "outside your
 * scope". Pure (unit-tested in test/unit/hosting/errors.test.ts).
 */
import { message, type Bilingual } from '@canbo/model/messages';

export interface CheckDetail {
  code: string;
  outcome: string;
  overridable: boolean;
  basis: string;
  basisEn?: string;
  message: string;
  messageEn?: string;
}

export interface FieldDetail {
  path: string;
  message: string;
}

export interface QuotaDetail {
  allocated: number;
  filled: number;
  reservedForReturn: number;
  incoming: number;
  free: number;
  fits: boolean;
  delta: number;
}

export interface AppError {
  /** The code without its SDK prefix: `permission-denied`, `failed-precondition`, `not-found`, … */
  code: string;
  text: Bilingual;
  checks: CheckDetail[];
  fields: FieldDetail[];
  quota: QuotaDetail | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isBilingual = (v: unknown): v is Bilingual =>
  isRecord(v) && typeof v.vi === 'string' && typeof v.en === 'string';

/** A server's one-line "tiếng Việt / English" message, split back into its languages. */
export function splitOneLine(text: string): Bilingual {
  const at = text.lastIndexOf(' / ');
  return at < 0 ? { vi: text, en: text } : { vi: text.slice(0, at), en: text.slice(at + 3) };
}

function checksOf(details: Record<string, unknown>): CheckDetail[] {
  if (!Array.isArray(details.checks)) return [];
  return details.checks.filter(
    (c): c is CheckDetail => isRecord(c) && typeof c.code === 'string' && typeof c.outcome === 'string',
  );
}

function fieldsOf(details: Record<string, unknown>): FieldDetail[] {
  if (!Array.isArray(details.fields)) return [];
  return details.fields
    .filter((f): f is Record<string, unknown> => isRecord(f))
    .map((f) => ({
      path: Array.isArray(f.path) ? f.path.join('.') : String(f.path ?? ''),
      message: String(f.message ?? ''),
    }));
}

/** Any thrown value as an AppError. */
export function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  const raw = isRecord(err) ? err : {};
  const code =
    typeof raw.code === 'string' ? raw.code.replace(/^(functions|firestore|auth)\//, '') : 'unknown';
  const details = isRecord(raw.details) ? raw.details : {};
  const base = { code, checks: checksOf(details), fields: fieldsOf(details), quota: null };
  const quota = isRecord(details.quota) ? (details.quota as unknown as QuotaDetail) : null;
  if (isBilingual(details.message)) return { ...base, quota, text: details.message };
  if (code === 'permission-denied') return { ...base, text: message('ui.error.outOfScope') };
  if (code === 'not-found' && typeof raw.message !== 'string')
    return { ...base, text: message('ui.error.notFound') };
  if (code === 'unavailable' || code === 'network-request-failed' || code === 'deadline-exceeded')
    return { ...base, text: message('ui.error.network') };
  if (
    code === 'invalid-credential' ||
    code === 'wrong-password' ||
    code === 'user-not-found' ||
    code === 'invalid-email'
  )
    return { ...base, text: message('ui.signInFailed') };
  const text = typeof raw.message === 'string' ? raw.message : String(err);
  // A callable's one-line message is "vi / en"; anything else is shown as the unexpected error it is.
  if (code !== 'unknown' && code !== 'internal' && text.includes(' / '))
    return { ...base, quota, text: splitOneLine(text) };
  return { ...base, quota, text: message('ui.error.unexpected', { detail: text }) };
}

export function isAppError(v: unknown): v is AppError {
  return isRecord(v) && typeof v.code === 'string' && isBilingual(v.text) && Array.isArray(v.checks);
}

/** The field errors of an error by path ("toUnitCode", "overrides.0.reason"), for forms to show next to their fields. */
export function fieldErrorMap(error: AppError | null): Record<string, string> {
  const map: Record<string, string> = {};
  for (const f of error?.fields ?? []) map[f.path] = f.message;
  return map;
}
