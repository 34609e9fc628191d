/**
 * "My dossier" (a cadre, claims.cadreId): the private profile as the person
 * reads it (getCadreDossier, purpose `self`: this read is logged too), who
 * read it and why (the access log, which the rules open to the person), and
 * correction requests — the form and the state of those sent.
 */
import type { CorrectionRequest } from '@canbo/model';
import { DOSSIER_FIELDS, type DossierFieldName } from '@canbo/model/messages/dossiers';
import { useState } from 'preact/hooks';
import { ErrorView, Loading, Notice } from '../../components/ErrorView';
import { Table, type Column } from '../../components/Table';
import { newRequestId } from '../../lib/api';
import { formatDate, formatDateTime, todayInVietnam } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useClaims } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import {
  correctionsOfMine,
  getCadreDossier,
  loadCorrections,
  loadReads,
  overdue,
  readsOfMine,
  requestCorrection,
} from './data';
import { DossierContentView, LoggedNotice, ReadsTable } from './parts';

export default function MyDossier() {
  const { t } = useI18n();
  const claims = useClaims();
  const cadreId = claims.cadreId;
  const dossier = useAsync(
    async () => (cadreId ? getCadreDossier({ cadreId, purpose: { code: 'self', detail: '' } }) : null),
    [cadreId],
  );
  // The reads are loaded after the dossier, so the list includes this visit's own read.
  const reads = useAsync(
    async () => (dossier.loading ? null : loadReads(readsOfMine(claims))),
    [claims, dossier.loading],
  );
  const corrections = useAsync(() => loadCorrections(correctionsOfMine(claims)), [claims]);
  if (!cadreId) return <Notice>{t('ui.noRole')}</Notice>;
  const ready = !dossier.loading && reads.data != null && !corrections.loading;
  return (
    <div data-ready={ready ? 'true' : undefined} data-page="my-dossier">
      <h1>{t('dossier.page.mine')}</h1>
      <LoggedNotice />
      <section class="panel" aria-labelledby="dossier-content-title">
        <h2 id="dossier-content-title">{dossier.data ? dossier.data.fullName : t('dossier.page.view')}</h2>
        {dossier.loading && <Loading />}
        {dossier.error ? <ErrorView error={dossier.error} onRetry={dossier.reload} /> : null}
        {dossier.data && <DossierContentView content={dossier.data.content} />}
      </section>
      <section
        class="panel"
        aria-labelledby="dossier-reads-title"
        data-dossier-reads={reads.data?.length ?? ''}
      >
        <h2 id="dossier-reads-title">{t('dossier.readsOfMine')}</h2>
        {reads.loading && <Loading />}
        {reads.error ? <ErrorView error={reads.error} onRetry={reads.reload} /> : null}
        {reads.data && <ReadsTable rows={reads.data} caption={t('dossier.readsOfMine')} showCadre={false} />}
      </section>
      <section class="panel" aria-labelledby="dossier-corr-title">
        <h2 id="dossier-corr-title">{t('dossier.correction.mine')}</h2>
        <CorrectionForm onSent={corrections.reload} />
        {corrections.error ? <ErrorView error={corrections.error} onRetry={corrections.reload} /> : null}
        {corrections.data && <MyCorrections rows={corrections.data} />}
      </section>
    </div>
  );
}

function CorrectionForm({ onSent }: { onSent: () => void }) {
  const { t } = useI18n();
  const [field, setField] = useState<DossierFieldName>('phone');
  const [proposed, setProposed] = useState('');
  const [reason, setReason] = useState('');
  const [requestId, setRequestId] = useState(newRequestId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<CorrectionRequest | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const done = await requestCorrection({ field, proposedValue: proposed, reason, requestId });
      setSent(done);
      setProposed('');
      setReason('');
      setRequestId(newRequestId());
      onSent();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const value = (set: (v: string) => void) => (e: Event) => set((e.currentTarget as HTMLInputElement).value);
  return (
    <form class="filters" onSubmit={submit} data-correction-form>
      <label for="corr-field">{t('dossier.correction.field')}</label>
      <select
        id="corr-field"
        value={field}
        onChange={(e) => setField((e.currentTarget as HTMLSelectElement).value as DossierFieldName)}
      >
        {DOSSIER_FIELDS.map((f) => (
          <option key={f} value={f}>
            {t(`dossier.field.${f}`)}
          </option>
        ))}
      </select>
      <label for="corr-proposed">{t('dossier.correction.proposed')}</label>
      <textarea id="corr-proposed" value={proposed} onInput={value(setProposed)} required maxLength={2000} />
      <label for="corr-reason">{t('dossier.correction.reason')}</label>
      <textarea
        id="corr-reason"
        value={reason}
        onInput={value(setReason)}
        required
        minLength={10}
        maxLength={2000}
      />
      <button type="submit" disabled={busy}>
        {t('dossier.correction.send')}
      </button>
      {sent && (
        <p role="status" data-correction-sent={sent.id}>
          {t('dossier.correction.sent', { due: formatDate(sent.dueOn) })}
        </p>
      )}
      {error ? <ErrorView error={error} /> : null}
    </form>
  );
}

function MyCorrections({ rows }: { rows: readonly CorrectionRequest[] }) {
  const { t } = useI18n();
  const today = todayInVietnam();
  const columns: Column<CorrectionRequest>[] = [
    {
      key: 'requestedAt',
      label: 'dossier.correction.requestedAt',
      value: (r) => r.requestedAt,
      render: (r) => formatDateTime(r.requestedAt),
    },
    { key: 'field', label: 'dossier.correction.field', value: (r) => t(`dossier.field.${r.field}`) },
    { key: 'proposed', label: 'dossier.correction.proposed', value: (r) => r.proposedValue },
    {
      key: 'status',
      label: 'dossier.correction.status',
      value: (r) => t(overdue(r, today) ? 'dossier.correction.overdue' : `dossier.correction.${r.status}`),
    },
    {
      key: 'due',
      label: 'dossier.correction.due',
      value: (r) => r.dueOn,
      render: (r) => formatDate(r.dueOn),
    },
    { key: 'note', label: 'dossier.correction.note', value: (r) => r.decisionNote ?? '' },
  ];
  return (
    <Table
      caption={t('dossier.correction.mine')}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      initialSort={{ key: 'requestedAt', dir: 'desc' }}
    />
  );
}
