/**
 * A commune's satisfaction (every staff role whose scope holds the commune):
 * its units (the commune's desk and its agencies) and the officers who
 * handled its dossiers in the chosen quarter, each with the number of
 * ratings, the share satisfied, the officer's estimate shrunk toward the
 * unit's with its 95 % interval — or "not scored" below the minimum — and
 * the trend over four quarters. Comments are on each officer's page, for
 * those allowed to read them.
 */
import type { OfficerSatisfaction } from '@canbo/model';
import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { ErrorView, Loading, Notice } from '../../components/ErrorView';
import { Table, type Column } from '../../components/Table';
import { loadPeople, loadUnit } from '../../data/load';
import { seesCommune } from '../../data/scope';
import { toAppError } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useClaims } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { OutOfScope } from '../overview';
import { unitRows, UnitTable } from './UnitTable';
import { currentQuarter, intervalText, percent, quarterParams, quartersEndingWith, reportsOf } from './data';
import { QuarterPicker, SampleMark, ShareChart, trendText } from './parts';

type OfficerRow = OfficerSatisfaction & { name: string; trend: (number | null)[] };

export default function CommuneView() {
  const { params } = useRoute();
  const code = params.code ?? '';
  const claims = useClaims();
  const { t, lang } = useI18n();
  const inScope = seesCommune(claims, code);
  const now = currentQuarter();
  const [period, setPeriod] = useState(now);
  const data = useAsync(async () => {
    if (!inScope) return null;
    const quarters = quartersEndingWith(period, 4);
    const [reports, unit, people] = await Promise.all([
      reportsOf(quarters, { unitCode: code }),
      loadUnit(code),
      loadPeople(claims, code),
    ]);
    const names = new Map((people ?? []).map((p) => [p._id, p.fullName]));
    const report = reports[reports.length - 1]!;
    const officers: OfficerRow[] = report.officers.map((o) => ({
      ...o,
      name: names.get(o.cadreId) ?? o.cadreId,
      trend: reports.map(
        (r) => r.officers.find((x) => x.cadreId === o.cadreId && x.unitCode === o.unitCode)?.share ?? null,
      ),
    }));
    return { unit, reports, report, officers };
  }, [code, claims, inScope, period]);

  if (!inScope) return <OutOfScope />;
  if (data.error && toAppError(data.error).code === 'permission-denied') return <OutOfScope />;
  const min = data.data?.report.config.minRatings ?? 0;
  const name = data.data?.unit?.name ?? code;
  const quarter = t('sat.quarter', quarterParams(period));

  const columns: Column<OfficerRow>[] = [
    {
      key: 'name',
      label: 'sat.officer',
      value: (o) => o.name,
      render: (o) => <a href={`/satisfaction/officers/${o.cadreId}`}>{o.name}</a>,
    },
    { key: 'unit', label: 'sat.unit', value: (o) => o.unitCode },
    { key: 'count', label: 'sat.count', value: (o) => o.count, num: true },
    {
      key: 'share',
      label: 'sat.share',
      value: (o) => (o.share === null ? null : Math.round(o.share * 1000) / 10),
      render: (o) => percent(o.share, lang),
      num: true,
    },
    {
      key: 'estimate',
      label: 'sat.estimate',
      value: (o) => (o.estimate === null ? null : Math.round(o.estimate * 1000) / 10),
      render: (o) => (o.status === 'scored' ? percent(o.estimate, lang) : t('sat.insufficient', { min })),
      num: true,
    },
    { key: 'interval', label: 'sat.interval', value: (o) => intervalText(o.interval, lang) },
    {
      key: 'confidence',
      label: 'sat.status',
      value: (o) => (o.status === 'scored' ? t('sat.enough') : t('sat.smallSample', { min })),
      render: (o) => <SampleMark count={o.count} min={min} />,
    },
    { key: 'flagged', label: 'sat.flagged', value: (o) => o.flagged, num: true },
    { key: 'trend', label: 'sat.trend', value: (o) => trendText(o.trend, lang) },
  ];

  return (
    <div data-ready={data.loading ? undefined : 'true'}>
      <h1>{t('sat.title.commune', { name })}</h1>
      <p>
        <a href={`/communes/${code}`}>{name}</a>
      </p>
      <QuarterPicker periods={quartersEndingWith(now, 4)} value={period} onChange={setPeriod} />
      {data.loading && <Loading />}
      {data.error ? <ErrorView error={data.error} onRetry={data.reload} /> : null}
      {data.data && (
        <>
          <p>
            <small>{t('sat.method', { min })}</small>
          </p>
          {data.data.report.units.length === 0 ? (
            <Notice>{t('sat.none', { period: quarter })}</Notice>
          ) : (
            <>
              <section class="panel" aria-labelledby="sat-units">
                <h2 id="sat-units">{t('sat.unit')}</h2>
                <UnitTable
                  rows={unitRows(data.data.reports, new Map([[code, name]]))}
                  min={min}
                  caption={`${name} ${quarter}`}
                />
              </section>
              <section class="panel" aria-labelledby="sat-officers">
                <h2 id="sat-officers">{t('sat.officers')}</h2>
                <ShareChart
                  title={t('sat.chart')}
                  bars={data.data.officers
                    .filter((o) => o.status === 'scored')
                    .sort((a, b) => (b.estimate ?? 0) - (a.estimate ?? 0))
                    .map((o) => ({
                      key: `${o.unitCode}/${o.cadreId}`,
                      label: o.name,
                      share: o.estimate,
                      interval: o.interval,
                      small: false,
                    }))}
                />
                <Table
                  caption={`${name} ${t('sat.officers')} ${quarter}`}
                  columns={columns}
                  rows={data.data.officers}
                  rowKey={(o) => `${o.unitCode}/${o.cadreId}`}
                  rowAttr="data-officer"
                  initialSort={{ key: 'count', dir: 'desc' }}
                />
              </section>
            </>
          )}
        </>
      )}
    </div>
  );
}
