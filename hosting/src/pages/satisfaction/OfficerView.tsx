/**
 * One officer's satisfaction (staff whose scope holds the officer, and the
 * officer themself): the chosen quarter's estimate with its 95 % interval —
 * or "not scored" below the minimum number of ratings — the mean of each
 * criterion, the citizens' trips, the trend over four quarters, and the
 * citizens' comments for those the rules let read them (the province's admins
 * and auditors, the commune's leadership); others are told why they see none.
 */
import type { MessageKey } from '@canbo/model/messages';
import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { ErrorView, Loading, Notice } from '../../components/ErrorView';
import { Table, type Column } from '../../components/Table';
import { loadCadre } from '../../data/load';
import { toAppError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useClaims } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { OutOfScope } from '../overview';
import {
  currentQuarter,
  intervalText,
  loadComments,
  mainRow,
  percent,
  quarterParams,
  quartersEndingWith,
  readsComments,
  reportsOf,
  type CommentRow,
} from './data';
import { QuarterPicker, SampleMark } from './parts';

const CRITERIA = ['overall', 'attitude', 'timeliness', 'guidance', 'publicity', 'facilities'] as const;

export default function OfficerView() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const claims = useClaims();
  const { t, lang } = useI18n();
  const now = currentQuarter();
  const [period, setPeriod] = useState(now);
  const ownOnly = claims.role === 'cadre' && claims.cadreId !== id;
  const data = useAsync(async () => {
    if (ownOnly) return null;
    const quarters = quartersEndingWith(period, 4);
    const [reports, cadre, comments] = await Promise.all([
      reportsOf(quarters, { cadreId: id }),
      loadCadre(id).catch(() => null),
      loadComments(claims, id),
    ]);
    return { quarters, reports, name: cadre?.fullName ?? id, comments };
  }, [id, claims, period, ownOnly]);

  if (ownOnly) return <OutOfScope />;
  if (data.error && toAppError(data.error).code === 'permission-denied') return <OutOfScope />;
  const quarter = t('sat.quarter', quarterParams(period));
  const d = data.data;
  const report = d?.reports[d.reports.length - 1];
  const row = report ? mainRow(report, id) : null;
  const min = report?.config.minRatings ?? 0;

  const trendRows = d ? d.quarters.map((q, i) => ({ period: q, row: mainRow(d.reports[i]!, id) })) : [];
  const trendColumns: Column<(typeof trendRows)[number]>[] = [
    { key: 'period', label: 'sat.period', value: (r) => t('sat.quarter', quarterParams(r.period)) },
    { key: 'count', label: 'sat.count', value: (r) => r.row?.count ?? 0, num: true },
    {
      key: 'share',
      label: 'sat.share',
      value: (r) => (r.row?.share == null ? null : Math.round(r.row.share * 1000) / 10),
      render: (r) => percent(r.row?.share, lang),
      num: true,
    },
    {
      key: 'estimate',
      label: 'sat.estimate',
      value: (r) => (r.row?.estimate == null ? null : Math.round(r.row.estimate * 1000) / 10),
      render: (r) =>
        r.row?.status === 'scored' ? percent(r.row.estimate, lang) : t('sat.insufficient', { min }),
      num: true,
    },
    { key: 'interval', label: 'sat.interval', value: (r) => intervalText(r.row?.interval, lang) },
  ];
  const commentColumns: Column<CommentRow>[] = [
    {
      key: 'at',
      label: 'sat.submittedAt',
      value: (c) => c.submittedAt,
      render: (c) => formatDateTime(c.submittedAt),
    },
    { key: 'unit', label: 'sat.unit', value: (c) => c.unitCode },
    { key: 'comment', label: 'sat.comment', value: (c) => c.comment },
  ];

  return (
    <div data-ready={data.loading ? undefined : 'true'}>
      <h1>{t('sat.title.officer', { name: d?.name ?? id })}</h1>
      <p>
        <a href={`/cadres/${id}`}>{d?.name ?? id}</a>
      </p>
      <QuarterPicker periods={quartersEndingWith(now, 4)} value={period} onChange={setPeriod} />
      {data.loading && <Loading />}
      {data.error ? <ErrorView error={data.error} onRetry={data.reload} /> : null}
      {d && (
        <>
          <p>
            <small>{t('sat.method', { min })}</small>
          </p>
          {!row ? (
            <Notice>{t('sat.none', { period: quarter })}</Notice>
          ) : (
            <section class="panel" aria-labelledby="sat-officer">
              <h2 id="sat-officer">{quarter}</h2>
              <dl class="facts" data-status={row.status}>
                <dt>{t('sat.count')}</dt>
                <dd data-count={row.count}>
                  {row.count} <SampleMark count={row.count} min={min} />
                </dd>
                <dt>{t('sat.share')}</dt>
                <dd>{percent(row.share, lang)}</dd>
                <dt>{t('sat.estimate')}</dt>
                <dd>
                  {row.status === 'scored' ? percent(row.estimate, lang) : t('sat.insufficient', { min })}
                </dd>
                <dt>{t('sat.interval')}</dt>
                <dd>{intervalText(row.interval, lang)}</dd>
                <dt>{t('sat.flagged')}</dt>
                <dd>{row.flagged}</dd>
                <dt>{t('sat.trips')}</dt>
                <dd>
                  {([0, 1, 2] as const).map((k) => `${t(`citizen.trips.${k}`)}: ${row.trips[k]}`).join(' · ')}
                </dd>
              </dl>
              <h3>{t('sat.criteria')}</h3>
              <dl class="facts">
                {CRITERIA.filter((c) => row.means[c] !== undefined).map((c) => [
                  <dt key={`${c}-t`}>{t(`sat.criterion.${c}` as MessageKey)}</dt>,
                  <dd key={`${c}-d`} data-criterion={c}>
                    {row.means[c]!.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
                      maximumFractionDigits: 2,
                    })}
                  </dd>,
                ])}
              </dl>
            </section>
          )}
          <section class="panel" aria-labelledby="sat-trend">
            <h2 id="sat-trend">{t('sat.trend')}</h2>
            <Table
              caption={`${d.name} ${t('sat.trend')}`}
              columns={trendColumns}
              rows={trendRows}
              rowKey={(r) => r.period}
            />
          </section>
          <section class="panel" aria-labelledby="sat-comments" data-comments={String(readsComments(claims))}>
            <h2 id="sat-comments">{t('sat.comments')}</h2>
            {d.comments === null ? (
              <Notice>{t('sat.commentsHidden')}</Notice>
            ) : d.comments.length === 0 ? (
              <p>{t('sat.noComments')}</p>
            ) : (
              <Table
                caption={`${d.name} ${t('sat.comments')}`}
                columns={commentColumns}
                rows={d.comments}
                rowKey={(c) => c._id}
                initialSort={{ key: 'at', dir: 'desc' }}
              />
            )}
          </section>
        </>
      )}
    </div>
  );
}
