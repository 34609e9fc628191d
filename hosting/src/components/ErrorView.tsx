/**
 * The one way an error is shown: its text in the reader's language, then
 * what the server attached — each failed check with its legal basis, each
 * field error with its field. Announced to screen readers (role="alert").
 */
import { toAppError } from '../lib/errors';
import { useI18n } from '../lib/i18n';

export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, pick, lang } = useI18n();
  if (!error) return null;
  const e = toAppError(error);
  const failed = e.checks.filter((c) => c.outcome !== 'pass');
  return (
    <div class="error" role="alert" data-code={e.code}>
      <p class="error-text">{pick(e.text)}</p>
      {failed.length > 0 && (
        <>
          <p class="error-sub">{t('ui.error.failedChecks')}</p>
          <ul class="checks">
            {failed.map((c) => (
              <li key={c.code} data-check={c.code}>
                <strong>{lang === 'en' ? c.messageEn || c.message : c.message}</strong>
                <br />
                <small>
                  {t('ui.error.basis', { basis: lang === 'en' ? c.basisEn || c.basis : c.basis })}
                </small>
              </li>
            ))}
          </ul>
        </>
      )}
      {e.fields.length > 0 && (
        <>
          <p class="error-sub">{t('ui.error.fields')}</p>
          <ul>
            {e.fields.map((f) => (
              <li key={f.path} data-field={f.path}>
                <code>{f.path}</code>: {f.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('ui.retry')}
        </button>
      )}
    </div>
  );
}

/** A message that stands instead of a page: out of scope, not found, no role. */
export function Notice({ children }: { children: preact.ComponentChildren }) {
  return (
    <div class="notice" role="status">
      {children}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="loading" role="status" aria-live="polite">
      {t('ui.loading')}
    </p>
  );
}
