/**
 * Pieces the movement pages share: the table of check results with their legal
 * basis, a labelled field that shows its own error next to it, and the busy
 * indicator of a long action.
 */
import type { CheckResult } from '@canbo/model';
import type { ComponentChildren } from 'preact';
import { splitOneLine } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';

/** Every check as the callable returned it: outcome, finding, legal basis, whether it may be overridden. */
export function CheckTable({ checks }: { checks: readonly CheckResult[] }) {
  const { t, lang } = useI18n();
  if (checks.length === 0) return null;
  return (
    <div class="table-wrap">
      <table class="checks-table">
        <caption>{t('mv.checks.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mv.checks.code')}</th>
            <th scope="col">{t('mv.checks.outcome')}</th>
            <th scope="col">{t('mv.checks.message')}</th>
            <th scope="col">{t('mv.checks.basis')}</th>
          </tr>
        </thead>
        <tbody>
          {checks.map((c) => (
            <tr
              key={c.code}
              data-check={c.code}
              data-outcome={c.outcome}
              class={c.outcome === 'fail' ? 'over' : ''}
            >
              <td>
                <code>{c.code}</code>
              </td>
              <td>
                <span class={`tag ${c.outcome === 'fail' ? 'over' : c.outcome === 'warn' ? 'below' : ''}`}>
                  {t(`mv.outcome.${c.outcome}`)}
                </span>
                {c.outcome !== 'pass' && (
                  <>
                    <br />
                    <small>{t(c.overridable ? 'mv.checks.overridable' : 'mv.checks.prohibition')}</small>
                  </>
                )}
              </td>
              <td lang={lang}>{lang === 'en' ? c.messageEn || c.message : c.message}</td>
              <td class="basis">{lang === 'en' ? c.basisEn || c.basis : c.basis}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A field error from the server ("vi / en") in the reader's language. */
export function useFieldText(): (message: string | undefined) => string | undefined {
  const { pick } = useI18n();
  return (message) => (message ? pick(splitOneLine(message)) : undefined);
}

/**
 * A labelled input with its error below it, tied to it for screen readers
 * (aria-describedby, aria-invalid).
 */
export function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class={`field${error ? ' invalid' : ''}`} data-field={id}>
      <label for={id}>{label}</label>
      {children}
      {error && (
        <p class="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The progress of a long action: announced, and shown next to its disabled button. */
export function Busy({ label }: { label: string }) {
  return (
    <p class="busy" role="status" aria-live="polite">
      <progress aria-label={label} /> {label}
    </p>
  );
}

/** aria props of an input whose Field has an error. */
export function invalid(id: string, error: string | undefined) {
  return error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};
}
