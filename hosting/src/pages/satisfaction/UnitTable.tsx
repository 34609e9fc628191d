/**
 * The units of a satisfaction report as a sortable table (with its Excel
 * export): ratings, share satisfied, 95 % interval, a small-sample marker,
 * ratings held out as flagged, dossiers returned on time (Decision 766) and
 * the trend over the quarters given. `reports` are oldest first; the last is
 * the quarter shown. Used by the province and commune pages.
 */
import type { SatisfactionReport } from '@canbo/model';
import { Table, type Column } from '../../components/Table';
import { useI18n } from '../../lib/i18n';
import { intervalText, percent } from './data';
import { SampleMark, trendText } from './parts';

export interface UnitRow {
  unitCode: string;
  name: string;
  count: number;
  satisfied: number;
  share: number | null;
  interval: { low: number; high: number } | null;
  small: boolean;
  flagged: number;
  onTime: number | null;
  trend: (number | null)[];
}

/** The rows of the last report's units, named by `names` (the code when unnamed). */
export function unitRows(
  reports: readonly SatisfactionReport[],
  names = new Map<string, string>(),
): UnitRow[] {
  const report = reports[reports.length - 1];
  if (!report) return [];
  return report.units.map((u) => ({
    unitCode: u.unitCode,
    name: names.get(u.unitCode) ?? u.unitCode,
    count: u.count,
    satisfied: u.satisfied,
    share: u.share,
    interval: u.interval,
    small: u.count < report.config.minRatings,
    flagged: u.flagged,
    onTime: u.decision766.onTimeReturn.percent,
    trend: reports.map((r) => r.units.find((x) => x.unitCode === u.unitCode)?.share ?? null),
  }));
}

export function UnitTable({
  rows,
  min,
  caption,
  link,
}: {
  rows: readonly UnitRow[];
  min: number;
  caption: string;
  /** Each unit's name links to its commune page. */
  link?: boolean;
}) {
  const { t, lang } = useI18n();
  const columns: Column<UnitRow>[] = [
    {
      key: 'name',
      label: 'sat.unit',
      value: (r) => r.name,
      render: (r) => (link ? <a href={`/satisfaction/communes/${r.unitCode}`}>{r.name}</a> : r.name),
    },
    { key: 'count', label: 'sat.count', value: (r) => r.count, num: true },
    {
      key: 'share',
      label: 'sat.share',
      value: (r) => (r.share === null ? null : Math.round(r.share * 1000) / 10),
      render: (r) => percent(r.share, lang),
      num: true,
    },
    { key: 'interval', label: 'sat.interval', value: (r) => intervalText(r.interval, lang) },
    {
      key: 'confidence',
      label: 'sat.status',
      value: (r) => (r.small ? t('sat.smallSample', { min }) : t('sat.enough')),
      render: (r) => <SampleMark count={r.count} min={min} />,
    },
    { key: 'flagged', label: 'sat.flagged', value: (r) => r.flagged, num: true },
    {
      key: 'onTime',
      label: 'sat.onTime',
      value: (r) => r.onTime,
      render: (r) => (r.onTime === null ? '—' : percent(r.onTime / 100, lang)),
      num: true,
    },
    { key: 'trend', label: 'sat.trend', value: (r) => trendText(r.trend, lang) },
  ];
  return (
    <Table
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.unitCode}
      rowAttr="data-unit"
      initialSort={{ key: 'count', dir: 'desc' }}
    />
  );
}
