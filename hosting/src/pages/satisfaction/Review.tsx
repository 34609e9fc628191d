/**
 * Flagged ratings of a quarter (province admins decide, auditors read): each
 * with its signs — a burst for one officer, many from one address, sent
 * before the return — and the evidence behind them, held out of the scores
 * until a province admin keeps (`count`) or excludes it with a reason
 * (reviewRating, audited). Listed by officer and time, so a burst reads as a run.
 */
import type { FlaggedRating } from '@canbo/model';
import { message, type MessageKey } from '@canbo/model/messages';
import { useState } from 'preact/hooks';
import { ErrorView, Loading, Notice } from '../../components/ErrorView';
import { Table, type Column } from '../../components/Table';
import { newRequestId } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useClaims } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { currentQuarter, getSatisfaction, quarterParams, quartersEndingWith, reviewRating } from './data';
import { QuarterPicker } from './parts';

function Decide({ row, onDone }: { row: FlaggedRating; onDone: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // One key per decision made on this row: a retry after a lost answer is not a second review.
  const [requestId, setRequestId] = useState(newRequestId);
  const decide = async (decision: 'count' | 'exclude') => {
    if (reason.trim().length < 3) {
      setError({ code: 'invalid-argument', details: { message: message('sat.review.reasonNeeded') } });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await reviewRating({ receiptNo: row.receiptNo, decision, reason: reason.trim(), requestId });
      setRequestId(newRequestId());
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="review-form">
      <input
        aria-label={`${t('sat.review.reason')} ${row.receiptNo}`}
        placeholder={t('sat.review.reason')}
        value={reason}
        onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
      />
      <button type="button" disabled={busy} onClick={() => void decide('count')}>
        {t('sat.review.keep')}
      </button>
      <button type="button" disabled={busy} onClick={() => void decide('exclude')}>
        {t('sat.review.doExclude')}
      </button>
      <ErrorView error={error} />
    </div>
  );
}

export default function Review() {
  const { t } = useI18n();
  const claims = useClaims();
  const now = currentQuarter();
  const [period, setPeriod] = useState(now);
  const data = useAsync(() => getSatisfaction({ period }), [period]);
  const canDecide = claims.role === 'province_admin';
  const minutes = data.data?.config.flags.burstMinutes ?? 0;

  const evidence = (r: FlaggedRating): string =>
    r.flags
      .map((f) =>
        f === 'burst'
          ? t('sat.evidence.nearby', { count: r.nearby, minutes })
          : f === 'many_from_client'
            ? t('sat.evidence.clientSeq', { seq: r.clientSeq ?? 0 })
            : t('sat.evidence.beforeReturn', {
                submitted: formatDateTime(r.submittedAt),
                returned: r.returnedOn ? formatDate(r.returnedOn) : '—',
              }),
      )
      .join('; ');
  const state = (r: FlaggedRating) =>
    r.review
      ? `${t(r.review.decision === 'count' ? 'sat.review.count' : 'sat.review.exclude')}: ${r.review.reason ?? ''}`
      : t('sat.review.pending');

  const columns: Column<FlaggedRating>[] = [
    { key: 'receipt', label: 'sat.receipt', value: (r) => r.receiptNo },
    { key: 'unit', label: 'sat.unit', value: (r) => r.unitCode },
    {
      key: 'officer',
      label: 'sat.officer',
      value: (r) => r.cadreId ?? '',
      render: (r) => (r.cadreId ? <a href={`/satisfaction/officers/${r.cadreId}`}>{r.cadreId}</a> : '—'),
    },
    {
      key: 'at',
      label: 'sat.submittedAt',
      value: (r) => r.submittedAt,
      render: (r) => formatDateTime(r.submittedAt),
    },
    { key: 'overall', label: 'sat.overall', value: (r) => r.overall, num: true },
    {
      key: 'flags',
      label: 'sat.flags',
      value: (r) => r.flags.map((f) => t(`sat.flag.${f}` as MessageKey)).join(', '),
    },
    { key: 'evidence', label: 'sat.evidence', value: evidence },
    {
      key: 'review',
      label: 'sat.review.state',
      value: state,
      render: (r) => (
        <>
          <span>{state(r)}</span>
          {canDecide && <Decide row={r} onDone={data.reload} />}
        </>
      ),
    },
  ];

  const quarter = t('sat.quarter', quarterParams(period));
  const rows = data.data?.flagged ?? [];
  return (
    <div data-ready={data.loading ? undefined : 'true'}>
      <h1>{t('sat.title.review')}</h1>
      <QuarterPicker periods={quartersEndingWith(now, 4)} value={period} onChange={setPeriod} />
      {data.loading && <Loading />}
      {data.error ? <ErrorView error={data.error} onRetry={data.reload} /> : null}
      {data.data &&
        (rows.length === 0 ? (
          <Notice>{t('sat.review.none', { period: quarter })}</Notice>
        ) : (
          <section class="panel">
            <Table
              caption={`${t('sat.title.review')} ${quarter}`}
              columns={columns}
              rows={rows}
              rowKey={(r) => r.receiptNo}
              rowAttr="data-receipt"
              rowClass={(r) => (r.review ? undefined : 'below')}
              pageSize={100}
            />
          </section>
        ))}
    </div>
  );
}
