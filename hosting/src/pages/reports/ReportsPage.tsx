/**
 * The reports page (docs/reports.md): choose a report, its scope (the whole
 * province for the province's admins and auditors, or one commune) and its
 * period; a commune's report comes back at once, a province's is a job whose
 * progress is shown until its table is written; then the table, a chart where
 * units are compared, the Excel export and the printable page. /reports/:id
 * shows a report already asked for.
 */
import type { ReportKind, ReportTable } from '@canbo/model';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { BarChart } from '../../components/BarChart';
import { ErrorView, Loading, Notice } from '../../components/ErrorView';
import { loadCommunes } from '../../data/load';
import { formatDateTime, todayInVietnam } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useClaims, useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { generateReport, loadRecentReports, waitForReport, type ReportView } from './data';
import { inputOf, lastQuarter, recentReportsFilters, type ReportForm } from './form';
import { exportReportXlsx } from './report-xlsx';
import { ReportTableView } from './ReportTableView';
import { StackChart } from './StackChart';

const KINDS: readonly ReportKind[] = [
  'staffing',
  'reinforcement',
  'movements',
  'evaluations',
  'planning',
  'monitors',
];

export default function ReportsPage({ id }: { id?: string }) {
  const { t, lang } = useI18n();
  const claims = useClaims();
  const { route } = useLocation();
  const provinceWide = claims.role === 'province_admin' || claims.role === 'auditor';
  const today = todayInVietnam();
  const [form, setForm] = useState<ReportForm>({
    kind: 'staffing',
    scope: provinceWide ? 'province' : 'commune',
    communeCode: claims.communes?.[0] ?? '',
    year: today.slice(0, 4),
    from: `${today.slice(0, 4)}-01-01`,
    to: today,
    quarter: lastQuarter(today),
    term: '2026-2031',
  });
  const [report, setReport] = useState<ReportView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const communes = useAsync(() => loadCommunes(claims.province), [claims.province]);
  const { user } = useSession();
  const uid = user?.uid ?? '';
  const recent = useAsync(
    () => loadRecentReports(recentReportsFilters(claims, uid)),
    [claims.province, uid, report?.state, id],
  );

  // A report asked for before (or just now): follow it until it is done.
  useEffect(() => {
    if (!id) return;
    let cancelled = false;
    setError(null);
    waitForReport(id, setReport, () => cancelled)
      .then((r) => {
        if (!cancelled && r === null) setError(new Error(id));
      })
      .catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [id]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const answer = await generateReport(inputOf(form));
      if (answer.table) setReport({ ...answer, error: null });
      route(`/reports/${answer.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const set = (k: keyof ReportForm) => (e: Event) =>
    setForm({ ...form, [k]: (e.currentTarget as HTMLInputElement | HTMLSelectElement).value });
  const myCommunes = (communes.data ?? []).filter(
    (c) => provinceWide || (claims.communes ?? []).includes(c.code),
  );

  return (
    <>
      <section class="panel">
        <h1>{t('report.page.title')}</h1>
        <form class="filters" onSubmit={submit}>
          <label for="report-kind">{t('report.form.kind')}</label>
          <select id="report-kind" value={form.kind} onChange={set('kind')}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`report.kind.${k}`)}
              </option>
            ))}
          </select>
          <label for="report-scope">{t('report.form.scope')}</label>
          <select id="report-scope" value={form.scope} onChange={set('scope')}>
            {provinceWide && <option value="province">{t('report.form.scope.province')}</option>}
            <option value="commune">{t('report.form.scope.commune')}</option>
          </select>
          {form.scope === 'commune' && (
            <>
              <label for="report-commune">{t('report.form.commune')}</label>
              <select id="report-commune" value={form.communeCode} onChange={set('communeCode')}>
                <option value="" />
                {myCommunes.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </>
          )}
          {form.kind === 'staffing' && (
            <>
              <label for="report-year">{t('report.form.year')}</label>
              <input
                id="report-year"
                type="number"
                min={2025}
                max={2100}
                value={form.year}
                onInput={set('year')}
              />
            </>
          )}
          {(form.kind === 'reinforcement' || form.kind === 'movements') && (
            <>
              <label for="report-from">{t('report.form.from')}</label>
              <input id="report-from" type="date" value={form.from} onInput={set('from')} />
              <label for="report-to">{t('report.form.to')}</label>
              <input id="report-to" type="date" value={form.to} onInput={set('to')} />
            </>
          )}
          {form.kind === 'planning' && (
            <>
              <label for="report-term">{t('report.form.term')}</label>
              <select id="report-term" value={form.term} onChange={set('term')}>
                <option value="2026-2031">2026–2031</option>
                <option value="2031-2036">2031–2036</option>
              </select>
            </>
          )}
          {(form.kind === 'evaluations' || form.kind === 'monitors') && (
            <>
              <label for="report-quarter">{t('report.form.quarter')}</label>
              <input
                id="report-quarter"
                pattern="\d{4}-Q[1-4]"
                value={form.quarter}
                onInput={set('quarter')}
              />
            </>
          )}
          <button type="submit" disabled={busy}>
            {t('report.form.generate')}
          </button>
        </form>
      </section>
      {error !== null && <ErrorView error={error} />}
      {busy && <Loading />}
      {report && report.state === 'running' && (
        <section class="panel" data-state="running">
          <p>{t('report.progress', { done: report.progress.done, total: report.progress.total })}</p>
          <progress max={report.progress.total} value={report.progress.done} />
        </section>
      )}
      {report && report.state === 'failed' && (
        <Notice>{t('report.failed', { error: report.error ?? '' })}</Notice>
      )}
      {report && report.state === 'succeeded' && report.table && (
        <ReportResult id={report.id} table={report.table} lang={lang} />
      )}
      {recent.error !== null && <ErrorView error={recent.error} />}
      {(recent.data ?? []).length > 0 && (
        <section class="panel">
          <h2>{t('report.recent')}</h2>
          <ul class="report-recent">
            {recent.data!.map((r) => (
              <li key={r.id}>
                <a href={`/reports/${r.id}`}>{t(`report.kind.${r.kind}`)}</a> (
                {r.scope === 'province' ? t('report.form.scope.province') : r.communeCode}) —{' '}
                {formatDateTime(r.createdAt)} — {t(`report.state.${r.state}`)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function ReportResult({ id, table, lang }: { id: string; table: ReportTable; lang: 'vi' | 'en' }) {
  const { t } = useI18n();
  const [exportError, setExportError] = useState<unknown>(null);
  return (
    <section class="panel" data-ready="true" data-report={id}>
      <h2>{table.title[lang]}</h2>
      <p>
        {table.unitName} — {table.subtitle[lang]}
      </p>
      <div class="table-tools">
        <button type="button" onClick={() => exportReportXlsx(table, lang).catch(setExportError)}>
          {t('report.exportXlsx')}
        </button>
        <a href={`/reports/${id}/print`} class="button" target="_blank" rel="noopener">
          {t('report.printView')}
        </a>
      </div>
      {exportError !== null && <ErrorView error={exportError} />}
      {table.kind === 'staffing' && table.chart.length > 1 && (
        <BarChart
          title={t('report.chart')}
          bars={table.chart.map((c) => ({
            key: c.key,
            label: c.label,
            allocated: c.values.allocated ?? 0,
            filled: c.values.filled ?? 0,
            reservedForReturn: c.values.reservedForReturn ?? 0,
            incoming: c.values.incoming ?? 0,
          }))}
        />
      )}
      {table.kind === 'evaluations' && table.chart.length > 1 && (
        <StackChart title={t('report.chart')} items={table.chart} keys={['HTXS', 'HTT', 'HT', 'KHT']} />
      )}
      {table.kind === 'monitors' && table.chart.length > 1 && (
        <StackChart
          title={t('report.chart')}
          items={table.chart}
          keys={['visits', 'findings', 'recommendations']}
        />
      )}
      {table.kind === 'planning' && table.chart.length > 1 && (
        <StackChart
          title={t('report.chart')}
          items={table.chart}
          keys={Object.keys(table.chart[0]!.values).slice(0, 3)}
        />
      )}
      {table.kind === 'reinforcement' && table.chart.length > 1 && (
        <StackChart title={t('report.chart')} items={table.chart} keys={['people']} />
      )}
      <ReportTableView table={table} />
      {table.notes.map((n, i) => (
        <p key={i} class="hint">
          {n[lang]}
        </p>
      ))}
    </section>
  );
}
