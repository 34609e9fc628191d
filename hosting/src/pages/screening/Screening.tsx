/**
 * The screening and honours lists of a quarter (getScreeningLists; issue 13,
 * docs/screening.md), each person with the evidence: the quarters' levels,
 * on the screening list the years' annual levels, the citizens' satisfied
 * share and how many ratings it rests on. Both tables export to XLSX. A
 * decision on the screening list is a movement: the "propose a movement"
 * link opens the proposal form for the person (audited there); the province
 * records an honour decision here (recordHonour, audited).
 */
import type { HonourEntry, ScreeningEntry, ScreeningReason } from '@canbo/model';
import { useLocation, useRoute } from 'preact-iso';
import { useRef, useState } from 'preact/hooks';
import { ErrorView, Loading } from '../../components/ErrorView';
import { Table, type Column } from '../../components/Table';
import { newRequestId } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useClaims } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { callEvaluation } from '../evaluation/api';
import { defaultQuarter, PeriodSelect, queryParam } from '../evaluation/common';

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? null : Math.round(x * 1000) / 10;

export default function Screening() {
  const { t } = useI18n();
  const claims = useClaims();
  const { query } = useRoute();
  const { route } = useLocation();
  const period = queryParam(query, 'period') ?? defaultQuarter();
  const state = useAsync(
    () => callEvaluation('getScreeningLists', { period }),
    [period, claims.province, claims.role],
  );
  const l = state.data;
  const canPropose = claims.role === 'province_admin' || claims.role === 'commune_admin';

  const reasonText = (r: ScreeningReason) =>
    r.code === 'kht_quarters'
      ? t('scr.reason.kht_quarters', { periods: r.periods.join(', ') })
      : r.code === 'kht_years'
        ? t('scr.reason.kht_years', { years: r.years.join(', ') })
        : t('scr.reason.low_satisfaction', { share: `${pct(r.share)}%`, ratings: r.ratings });
  // The annual levels looked at: the years before the quarter's (docs/screening.md).
  const yearsText = (p: ScreeningEntry) => p.years.map((y) => `${y.year}: ${y.level ?? '—'}`).join('; ');
  const quartersText = (p: ScreeningEntry | HonourEntry) =>
    p.quarters
      .map((q) => `${q.period}: ${q.level ?? '—'}${q.total === null ? '' : ` (${q.total})`}`)
      .join('; ');
  const nameCell = (p: ScreeningEntry | HonourEntry) => (
    <a href={`/evaluation/cadres/${p.cadreId}?period=${period}`}>{p.fullName ?? p.cadreId}</a>
  );
  const common = <R extends ScreeningEntry | HonourEntry>(): Column<R>[] => [
    { key: 'name', label: 'ev.person', value: (p) => p.fullName ?? p.cadreId, render: nameCell },
    { key: 'unit', label: 'ev.unit', value: (p) => p.unitCode },
    { key: 'quarters', label: 'scr.quarters', value: quartersText },
    { key: 'share', label: 'scr.satisfaction', value: (p) => pct(p.satisfaction?.share), num: true },
    { key: 'ratings', label: 'scr.ratings', value: (p) => p.satisfaction?.ratings ?? null, num: true },
  ];
  const screeningColumns: Column<ScreeningEntry>[] = [
    ...common<ScreeningEntry>(),
    { key: 'years', label: 'scr.years', value: yearsText },
    { key: 'why', label: 'scr.why', value: (p) => p.reasons.map(reasonText).join('; ') },
    ...(canPropose
      ? [
          {
            key: 'propose',
            label: 'scr.propose' as const,
            value: () => null,
            render: (p: ScreeningEntry) => (
              <a
                href={`/movements/new?cadreId=${encodeURIComponent(p.cadreId)}&fromUnit=${encodeURIComponent(
                  p.unitCode,
                )}&reason=${encodeURIComponent(p.reasons.map(reasonText).join('; '))}`}
                data-action="propose"
              >
                {t('scr.propose')}
              </a>
            ),
          },
        ]
      : []),
  ];
  const honourColumns: Column<HonourEntry>[] = [
    ...common<HonourEntry>(),
    {
      key: 'decision',
      label: 'scr.decision',
      value: (p) => (p.decision ? `${t(`scr.decision.${p.decision.decision}`)}: ${p.decision.reason}` : null),
      render: (p) =>
        claims.role === 'province_admin' ? (
          <HonourDecision entry={p} period={period} onDone={state.reload} />
        ) : p.decision ? (
          `${t(`scr.decision.${p.decision.decision}`)}: ${p.decision.reason}`
        ) : (
          '—'
        ),
    },
  ];

  return (
    <div data-ready={l ? 'true' : undefined} data-page="screening">
      <section class="panel">
        <h1>{t('scr.title', { period })}</h1>
        <p class="toolbar">
          <PeriodSelect value={period} onChange={(p) => route(`/screening?period=${p}`)} />
        </p>
      </section>
      {state.loading && !l && <Loading />}
      <ErrorView error={state.error} onRetry={state.reload} />
      {l && (
        <>
          <section class="panel" data-section="screening">
            <h2>{t('scr.screening')}</h2>
            <p>
              <small>
                {t('scr.screening.rule', {
                  n: l.rules.consecutiveKhtPeriods,
                  years: l.rules.consecutiveKhtYears,
                  share: pct(l.rules.lowSatisfactionShare) ?? 0,
                  min: l.rules.lowSatisfactionMinRatings,
                })}
              </small>
            </p>
            {l.screening.length === 0 ? (
              <p>{t('scr.empty')}</p>
            ) : (
              <Table
                caption={`${t('scr.screening')} ${period}`}
                columns={screeningColumns}
                rows={l.screening}
                rowKey={(p) => p.cadreId}
                rowAttr="data-cadre"
              />
            )}
          </section>
          <section class="panel" data-section="honours">
            <h2>{t('scr.honours')}</h2>
            <p>
              <small>
                {t('scr.honours.rule', {
                  share: pct(l.rules.honoursMinShare) ?? 0,
                  min: l.rules.honoursMinRatings,
                })}
              </small>
            </p>
            {l.honours.length === 0 ? (
              <p>{t('scr.empty')}</p>
            ) : (
              <Table
                caption={`${t('scr.honours')} ${period}`}
                columns={honourColumns}
                rows={l.honours}
                rowKey={(p) => p.cadreId}
                rowAttr="data-cadre"
              />
            )}
          </section>
        </>
      )}
    </div>
  );
}

function HonourDecision({
  entry,
  period,
  onDone,
}: {
  entry: HonourEntry;
  period: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [decision, setDecision] = useState<'honoured' | 'not_honoured'>(
    entry.decision?.decision ?? 'honoured',
  );
  const [reason, setReason] = useState(entry.decision?.reason ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const requestId = useRef(newRequestId());
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await callEvaluation('recordHonour', {
        cadreId: entry.cadreId,
        period,
        decision,
        reason,
        requestId: requestId.current,
      });
      requestId.current = newRequestId();
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} class="inline-form">
      <select
        aria-label={t('scr.decision')}
        value={decision}
        onChange={(e) => setDecision((e.target as HTMLSelectElement).value as 'honoured' | 'not_honoured')}
      >
        <option value="honoured">{t('scr.decision.honoured')}</option>
        <option value="not_honoured">{t('scr.decision.not_honoured')}</option>
      </select>
      <input
        aria-label={t('ev.reason')}
        required
        value={reason}
        onInput={(e) => setReason((e.target as HTMLInputElement).value)}
      />
      <button type="submit" disabled={busy || reason.trim() === ''}>
        {t('scr.decide')}
      </button>
      <ErrorView error={error} />
    </form>
  );
}
