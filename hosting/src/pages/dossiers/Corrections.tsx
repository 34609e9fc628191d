/**
 * The province's correction queue (province admins decide, auditors see):
 * the open requests, the earliest due first, overdue ones flagged and
 * selectable on their own; for each, accept (the value written to the
 * profile: the proposed text for an ID or a phone, JSON for the structured
 * fields) or reject with a reason. The decision goes through
 * decideDossierCorrection (audited, idempotent).
 */
import type { CorrectionRequest } from '@canbo/model';
import { useState } from 'preact/hooks';
import { ErrorView, Loading } from '../../components/ErrorView';
import { Table, type Column } from '../../components/Table';
import { newRequestId } from '../../lib/api';
import { formatDate, formatDateTime, todayInVietnam } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useClaims } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { decideCorrection, loadCorrections, openCorrections, overdue } from './data';

const TEXT_FIELDS = ['nationalId', 'phone'];

export default function Corrections() {
  const { t } = useI18n();
  const claims = useClaims();
  const today = todayInVietnam();
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const [open, setOpen] = useState<CorrectionRequest | null>(null);
  const list = useAsync(() => loadCorrections(openCorrections(claims)), [claims]);
  const rows = (list.data ?? []).filter((r) => !onlyOverdue || overdue(r, today));
  const columns: Column<CorrectionRequest>[] = [
    {
      key: 'due',
      label: 'dossier.correction.due',
      value: (r) => r.dueOn,
      render: (r) => formatDate(r.dueOn),
    },
    {
      key: 'status',
      label: 'dossier.correction.status',
      value: (r) => t(overdue(r, today) ? 'dossier.correction.overdue' : 'dossier.correction.open'),
    },
    {
      key: 'cadre',
      label: 'dossier.cadre',
      value: (r) => r.cadreId,
      render: (r) => <a href={`/cadres/${r.cadreId}`}>{r.cadreId}</a>,
    },
    { key: 'field', label: 'dossier.correction.field', value: (r) => t(`dossier.field.${r.field}`) },
    { key: 'proposed', label: 'dossier.correction.proposed', value: (r) => r.proposedValue },
    { key: 'reason', label: 'dossier.correction.reason', value: (r) => r.reason },
    {
      key: 'requestedAt',
      label: 'dossier.correction.requestedAt',
      value: (r) => r.requestedAt,
      render: (r) => formatDateTime(r.requestedAt),
    },
    ...(claims.role === 'province_admin'
      ? [
          {
            key: 'act',
            label: 'dossier.correction.accept' as const,
            value: () => '',
            render: (r: CorrectionRequest) => (
              <button type="button" onClick={() => setOpen(r)}>
                {t('dossier.correction.accept')} / {t('dossier.correction.reject')}
              </button>
            ),
          },
        ]
      : []),
  ];
  return (
    <div data-ready={list.loading ? undefined : 'true'} data-page="dossier-corrections">
      <h1>{t('dossier.page.corrections')}</h1>
      <section class="panel">
        <label>
          <input
            type="checkbox"
            checked={onlyOverdue}
            onChange={(e) => setOnlyOverdue((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {t('dossier.correction.onlyOverdue')}
        </label>
        {list.loading && <Loading />}
        {list.error ? <ErrorView error={list.error} onRetry={list.reload} /> : null}
        {list.data && (
          <Table
            caption={t('dossier.page.corrections')}
            columns={columns}
            rows={rows}
            rowKey={(r) => r.id}
            rowAttr="data-correction"
            rowClass={(r) => (overdue(r, today) ? 'over' : undefined)}
            initialSort={{ key: 'due', dir: 'asc' }}
          />
        )}
      </section>
      {open && (
        <Decide
          request={open}
          onDone={() => {
            setOpen(null);
            list.reload();
          }}
        />
      )}
    </div>
  );
}

function Decide({ request, onDone }: { request: CorrectionRequest; onDone: () => void }) {
  const { t } = useI18n();
  const structured = !TEXT_FIELDS.includes(request.field);
  const [value, setValue] = useState(structured ? '' : request.proposedValue);
  const [note, setNote] = useState('');
  const [requestId] = useState(newRequestId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const decide = async (decision: 'accept' | 'reject') => {
    setBusy(true);
    setError(null);
    try {
      let parsed: unknown = undefined;
      if (decision === 'accept') parsed = structured ? JSON.parse(value || 'null') : value;
      await decideCorrection({
        correctionId: request.id,
        decision,
        note,
        requestId,
        ...(decision === 'accept' ? { value: parsed } : {}),
      });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel" role="dialog" aria-labelledby="decide-title" data-decide={request.id}>
      <h2 id="decide-title">
        {t(`dossier.field.${request.field}`)} — {request.cadreId}
      </h2>
      <p>{request.proposedValue}</p>
      <label for="decide-value">{t('dossier.correction.value')}</label>
      <textarea
        id="decide-value"
        value={value}
        onInput={(e) => setValue((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <label for="decide-note">{t('dossier.correction.note')}</label>
      <textarea
        id="decide-note"
        value={note}
        onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <button type="button" disabled={busy} onClick={() => void decide('accept')}>
        {t('dossier.correction.accept')}
      </button>
      <button type="button" disabled={busy} onClick={() => void decide('reject')}>
        {t('dossier.correction.reject')}
      </button>
      {error ? <ErrorView error={error} /> : null}
    </section>
  );
}
