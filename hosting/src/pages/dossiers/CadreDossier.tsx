/**
 * A person's private dossier for the staff allowed to read it (province
 * admins, auditors, commune admins of the person's home commune:
 * docs/personal-data.md). The purpose comes first: the reader picks one of
 * the purposes their role may state, says what it is about, and may narrow
 * the fields; only then is the callable asked, and the page says that the
 * read is logged and seen by the person and the auditors.
 */
import type { DossierView } from '@canbo/model';
import {
  isDossierReaderRole,
  PURPOSE_DETAIL_MIN,
  PURPOSE_FIELDS,
  PURPOSES_BY_ROLE,
  type DossierFieldName,
  type DossierPurposeCode,
} from '@canbo/model/messages/dossiers';
import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { ErrorView, Notice } from '../../components/ErrorView';
import { useI18n } from '../../lib/i18n';
import { useClaims } from '../../lib/session';
import { getCadreDossier } from './data';
import { DossierContentView, LoggedNotice } from './parts';

export default function CadreDossier() {
  const { t } = useI18n();
  const claims = useClaims();
  const { params } = useRoute();
  const cadreId = params.id ?? '';
  const purposes = isDossierReaderRole(claims.role)
    ? PURPOSES_BY_ROLE[claims.role].filter((p) => p !== 'self')
    : [];
  const [code, setCode] = useState<DossierPurposeCode | ''>(purposes[0] ?? '');
  const [detail, setDetail] = useState('');
  const [fields, setFields] = useState<DossierFieldName[]>(code ? [...PURPOSE_FIELDS[code]] : []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [view, setView] = useState<DossierView | null>(null);
  if (purposes.length === 0) return <Notice>{t('ui.error.roleNotAllowed')}</Notice>;

  const choose = (next: DossierPurposeCode) => {
    setCode(next);
    setFields([...PURPOSE_FIELDS[next]]);
  };
  const toggle = (f: DossierFieldName) =>
    setFields(fields.includes(f) ? fields.filter((x) => x !== f) : [...fields, f]);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!code) return;
    setBusy(true);
    setError(null);
    try {
      setView(await getCadreDossier({ cadreId, purpose: { code, detail }, fields }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-ready="true" data-page="cadre-dossier">
      <h1>
        {t('dossier.page.view')}: {view?.fullName ?? <a href={`/cadres/${cadreId}`}>{cadreId}</a>}
      </h1>
      <LoggedNotice />
      {!view && (
        <section class="panel" role="dialog" aria-labelledby="purpose-title" data-purpose-dialog>
          <h2 id="purpose-title">{t('dossier.purpose')}</h2>
          <form class="filters" onSubmit={submit}>
            <label for="dossier-purpose">{t('dossier.purpose')}</label>
            <select
              id="dossier-purpose"
              value={code}
              onChange={(e) => choose((e.currentTarget as HTMLSelectElement).value as DossierPurposeCode)}
            >
              {purposes.map((p) => (
                <option key={p} value={p}>
                  {t(`dossier.purpose.${p}`)}
                </option>
              ))}
            </select>
            <label for="dossier-detail">{t('dossier.purposeDetail')}</label>
            <input
              id="dossier-detail"
              value={detail}
              onInput={(e) => setDetail((e.currentTarget as HTMLInputElement).value)}
              required
              minLength={PURPOSE_DETAIL_MIN}
              maxLength={500}
            />
            <fieldset>
              <legend>{t('dossier.fields')}</legend>
              {code &&
                PURPOSE_FIELDS[code].map((f) => (
                  <label key={f}>
                    <input type="checkbox" checked={fields.includes(f)} onChange={() => toggle(f)} />{' '}
                    {t(`dossier.field.${f}`)}
                  </label>
                ))}
            </fieldset>
            <button
              type="submit"
              disabled={busy || fields.length === 0 || detail.trim().length < PURPOSE_DETAIL_MIN}
            >
              {t('dossier.read')}
            </button>
            <a href={`/cadres/${cadreId}`}>{t('dossier.cancel')}</a>
          </form>
          {error ? <ErrorView error={error} /> : null}
        </section>
      )}
      {view && (
        <section class="panel" aria-labelledby="dossier-view-title" data-read-id={view.readId}>
          <h2 id="dossier-view-title">
            {t(`dossier.purpose.${code || 'self'}`)} — {detail}
          </h2>
          <DossierContentView content={view.content} />
        </section>
      )}
    </div>
  );
}
