/**
 * The province's satisfaction by unit (province admins, auditors): for the
 * chosen quarter, each unit's number of ratings, share satisfied with its
 * 95 % interval and a small-sample marker, the ratings held out as flagged,
 * the share of dossiers returned on time (Decision 766), and the trend over
 * the four quarters up to it; a chart comparing the units and a sortable
 * table with its Excel export. Computed by getSatisfaction on the server.
 */
import { useState } from 'preact/hooks';
import { ErrorView, Loading, Notice } from '../../components/ErrorView';
import { loadCommunes } from '../../data/load';
import { useI18n } from '../../lib/i18n';
import { useClaims } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { currentQuarter, quarterParams, quartersEndingWith, reportsOf } from './data';
import { QuarterPicker, ShareChart } from './parts';
import { unitRows, UnitTable } from './UnitTable';

/** How many units the chart shows (the table has them all): the most rated. */
const CHART_UNITS = 20;

export default function Province() {
  const { t } = useI18n();
  const claims = useClaims();
  const now = currentQuarter();
  const [period, setPeriod] = useState(now);
  const data = useAsync(async () => {
    const [reports, communes] = await Promise.all([
      reportsOf(quartersEndingWith(period, 4)),
      loadCommunes(claims.province),
    ]);
    const report = reports[reports.length - 1]!;
    return {
      rows: unitRows(reports, new Map(communes.map((c) => [c.code, c.name]))),
      min: report.config.minRatings,
      flagged: report.flagged?.filter((f) => !f.review).length ?? 0,
    };
  }, [period, claims.province]);

  const title = t('sat.title.province');
  const quarter = t('sat.quarter', quarterParams(period));
  return (
    <div data-ready={data.loading ? undefined : 'true'}>
      <h1>{title}</h1>
      <QuarterPicker periods={quartersEndingWith(now, 4)} value={period} onChange={setPeriod} />
      {data.loading && <Loading />}
      {data.error ? <ErrorView error={data.error} onRetry={data.reload} /> : null}
      {data.data && (
        <>
          <p>
            <small>{t('sat.method', { min: data.data.min })}</small>
          </p>
          {data.data.flagged > 0 && (
            <p>
              <a href="/satisfaction/review">{t('sat.review.link', { count: data.data.flagged })}</a>
            </p>
          )}
          {data.data.rows.length === 0 ? (
            <Notice>{t('sat.none', { period: quarter })}</Notice>
          ) : (
            <>
              <section class="panel" aria-labelledby="sat-chart">
                <h2 id="sat-chart">{t('sat.chart')}</h2>
                <ShareChart
                  title={t('sat.chart')}
                  bars={[...data.data.rows]
                    .sort((a, b) => b.count - a.count)
                    .slice(0, CHART_UNITS)
                    .sort((a, b) => (b.share ?? 0) - (a.share ?? 0))
                    .map((r) => ({
                      key: r.unitCode,
                      label: r.name,
                      share: r.share,
                      interval: r.interval,
                      small: r.small,
                    }))}
                />
              </section>
              <section class="panel" aria-labelledby="sat-table">
                <h2 id="sat-table">{quarter}</h2>
                <UnitTable rows={data.data.rows} min={data.data.min} caption={`${title} ${quarter}`} link />
              </section>
            </>
          )}
        </>
      )}
    </div>
  );
}
