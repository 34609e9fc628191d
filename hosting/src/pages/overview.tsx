/**
 * The figures of a set of communes — the whole province on the province
 * dashboard, an area monitor's communes on theirs: quotas by block and by
 * commune (chart and sortable table, over quota and below norm highlighted),
 * the daily alerts, vacant key posts and the structure of the workforce with
 * lowland and mountain compared. Read from the per-unit statistics (one
 * document per unit), never from every person's document.
 */
import type { Claims } from '@canbo/model';
import type { MessageKey } from '@canbo/model/messages';
import { BarChart } from '../components/BarChart';
import { ErrorView, Loading, Notice } from '../components/ErrorView';
import { Table, type Column } from '../components/Table';
import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  blockRows,
  communeRows,
  EDUCATION_LEVELS,
  type BlockRow,
  type CommuneInfo,
  type CommuneQuotaRow,
  type KeyPosition,
  type Structure,
  type VacantKeyPost,
} from '../data/figures';
import { useStaleWhileRevalidate } from '../data/cache';
import { cacheKey } from '../data/cache-keys';
import { loadOverview, type AlertRow, type CommuneStructure } from '../data/load';
import { formatDate, formatDateTime, formatNumber, formatPercent, todayInVietnam } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { useEffect } from 'preact/hooks';
import { useSession } from '../lib/session';

interface Props {
  claims: Claims;
  /** Only these communes (an area monitor's); all of the province when absent. */
  communes?: readonly string[];
  title: MessageKey;
}

/** How many communes the chart shows (the table has them all). */
const CHART_COMMUNES = 15;

export function Overview({ claims, communes, title }: Props) {
  const { t } = useI18n();
  const { user } = useSession();
  const uid = user?.uid ?? null;
  const year = Number(todayInVietnam().slice(0, 4));
  // What this account read last time is shown at once, then replaced by the fresh read (data/cache.ts).
  const data = useStaleWhileRevalidate(
    cacheKey('overview', uid ?? '', claims, [year, communes ?? null]),
    uid,
    () => loadOverview(claims, year, communes),
  );

  // Marks read by bench:web (scripts/bench/web.ts): when the figures were first on the page, stored and fresh.
  useEffect(() => {
    const name = data.fresh ? 'canbo:figures-fresh' : data.data ? 'canbo:figures-kept' : null;
    if (name && performance.getEntriesByName(name).length === 0) performance.mark(name);
  }, [data.fresh, data.data]);

  if (data.loading) return <Loading />;
  if (!data.data) return <ErrorView error={data.error} onRetry={data.reload} />;
  const view = data.data;
  const rows = communeRows(view.records, view.communes);
  const blocks = blockRows(view.records);
  const structure = view.structure;

  return (
    // data-shown: figures on the page (maybe stored ones); data-ready: this visit's own read (tests wait for it).
    <div data-shown="true" data-ready={data.fresh ? 'true' : 'false'}>
      <h1>{t(title)}</h1>
      <Freshness fresh={data.fresh} at={data.at} error={data.error} onRetry={data.reload} />
      {view.source === 'quotas' && <p class="note">{t('ui.quota.fromQuotas')}</p>}
      <section class="panel" aria-labelledby="blocks-title">
        <h2 id="blocks-title">{t('ui.quota.byBlock')}</h2>
        <p>{t('ui.quota.title', { year })}</p>
        <BarChart
          title={t('ui.quota.byBlock')}
          bars={blocks.map((b) => ({ key: b.block, label: t(`block.${b.block}`), ...b }))}
        />
        <BlockTable rows={blocks} caption={`${t('ui.quota.byBlock')} ${year}`} />
      </section>
      <AlertsPanel alerts={view.alerts} communes={view.communes} />
      <section class="panel" aria-labelledby="communes-title">
        <h2 id="communes-title">{t('ui.quota.byCommune')}</h2>
        <p>
          {t('ui.quota.title', { year })} · <span class="tag over">{t('ui.quota.over')}</span>{' '}
          <span class="tag below">{t('ui.quota.belowNorm')}</span>
        </p>
        {rows.length > 1 && (
          <>
            <h3>{t('ui.quota.tightest', { count: Math.min(CHART_COMMUNES, rows.length) })}</h3>
            <BarChart
              title={t('ui.quota.byCommune')}
              bars={[...rows]
                .sort((a, b) => a.free - b.free)
                .slice(0, CHART_COMMUNES)
                .map((r) => ({ key: r.code, label: r.name, ...r }))}
            />
          </>
        )}
        <CommuneTable rows={rows} caption={`${t('ui.quota.byCommune')} ${year}`} />
      </section>
      <KeyPostsPanel vacant={view.vacant} positions={view.keyPositions} />
      <section class="panel" aria-labelledby="structure-title">
        <h2 id="structure-title">{t('ui.structure.title')}</h2>
        {structure ? <StructureTable {...structure} /> : <p>{t('ui.keyPosts.pending')}</p>}
        {structure && view.communeStructures && <CommuneStructureTable rows={view.communeStructures} />}
      </section>
    </div>
  );
}

/**
 * While the figures on the page are the ones stored at the last visit: when
 * they were read, and that they are being updated (or that the update
 * failed, with a retry). Nothing once the fresh figures are shown.
 */
function Freshness({
  fresh,
  at,
  error,
  onRetry,
}: {
  fresh: boolean;
  at: number | undefined;
  error: unknown;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  if (fresh) return null;
  const time = formatDateTime(at === undefined ? null : new Date(at).toISOString());
  return (
    <div class="note" role="status" aria-live="polite" data-stale="true">
      <p>{t(error ? 'ui.cache.stale' : 'ui.cache.updating', { time })}</p>
      {error ? <ErrorView error={error} onRetry={onRetry} /> : null}
    </div>
  );
}

function BlockTable({ rows, caption }: { rows: BlockRow[]; caption: string }) {
  const { t } = useI18n();
  const columns: Column<BlockRow>[] = [
    { key: 'block', label: 'ui.quota.block', value: (r) => t(`block.${r.block}`) },
    { key: 'allocated', label: 'ui.quota.allocated', value: (r) => r.allocated, num: true },
    { key: 'filled', label: 'ui.quota.filled', value: (r) => r.filled, num: true },
    { key: 'reserved', label: 'ui.quota.reserved', value: (r) => r.reservedForReturn, num: true },
    { key: 'incoming', label: 'ui.quota.incoming', value: (r) => r.incoming, num: true },
    { key: 'free', label: 'ui.quota.free', value: (r) => r.free, num: true },
  ];
  return (
    <Table
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.block}
      rowClass={(r) => (r.free < 0 ? 'over' : undefined)}
    />
  );
}

function CommuneTable({ rows, caption }: { rows: CommuneQuotaRow[]; caption: string }) {
  const { t } = useI18n();
  const columns: Column<CommuneQuotaRow>[] = [
    {
      key: 'name',
      label: 'ui.commune.name',
      value: (r) => r.name,
      render: (r) => <a href={`/communes/${r.code}`}>{r.name}</a>,
    },
    { key: 'region', label: 'ui.commune.region', value: (r) => (r.region ? t(`region.${r.region}`) : '') },
    { key: 'allocated', label: 'ui.quota.allocated', value: (r) => r.allocated, num: true },
    { key: 'filled', label: 'ui.quota.filled', value: (r) => r.filled, num: true },
    { key: 'reserved', label: 'ui.quota.reserved', value: (r) => r.reservedForReturn, num: true },
    { key: 'incoming', label: 'ui.quota.incoming', value: (r) => r.incoming, num: true },
    { key: 'free', label: 'ui.quota.free', value: (r) => r.free, num: true },
    {
      key: 'status',
      label: 'ui.quota.status',
      value: (r) =>
        [
          r.over ? t('ui.quota.over') : '',
          r.belowNorm.length
            ? `${t('ui.quota.belowNorm')}: ${r.belowNorm.map((b) => t(`block.${b}`)).join(', ')}`
            : '',
        ]
          .filter(Boolean)
          .join('; '),
      render: (r) => (
        <>
          {r.over && <span class="tag over">{t('ui.quota.over')}</span>}{' '}
          {r.belowNorm.length > 0 && (
            <span class="tag below" title={r.belowNorm.map((b) => t(`block.${b}`)).join(', ')}>
              {t('ui.quota.belowNorm')}
            </span>
          )}
        </>
      ),
    },
  ];
  return (
    <Table
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.code}
      rowAttr="data-unit"
      rowClass={(r) => (r.over ? 'over' : r.belowNorm.length ? 'below' : undefined)}
      initialSort={{ key: 'free', dir: 'asc' }}
    />
  );
}

function AlertsPanel({ alerts, communes }: { alerts: AlertRow[]; communes: CommuneInfo[] }) {
  const { t } = useI18n();
  const names = new Map(communes.map((c) => [c.code, c.name]));
  const unitName = (code: string | null) => (code ? (names.get(code) ?? code) : '—');
  const flagOf = (m: AlertRow) =>
    (m.flags ?? []).includes('overdue_return') ? t('ui.alerts.overdue') : t('ui.alerts.endingSoon');
  const columns: Column<AlertRow>[] = [
    {
      key: 'flag',
      label: 'ui.alerts.flag',
      value: flagOf,
      render: (m) => (
        <span class={`tag ${(m.flags ?? []).includes('overdue_return') ? 'over' : 'below'}`}>
          {flagOf(m)}
        </span>
      ),
    },
    {
      key: 'person',
      label: 'ui.movement.person',
      value: (m) => m.cadreName,
      render: (m) => <a href={`/cadres/${m.cadreId}`}>{m.cadreName || m.cadreId}</a>,
    },
    {
      key: 'type',
      label: 'ui.movement.type',
      value: (m) => t(`movementType.${m.type}`),
      render: (m) => <a href={`/movements/${m._id}`}>{t(`movementType.${m.type}`)}</a>,
    },
    { key: 'to', label: 'ui.movement.to', value: (m) => unitName(m.toUnitCode) },
    {
      key: 'end',
      label: 'ui.movement.end',
      value: (m) => m.plannedEndDate ?? '',
      render: (m) => formatDate(m.plannedEndDate),
    },
  ];
  return (
    <section class="panel" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('ui.alerts.title')}</h2>
      <p>
        <small>{t('ui.alerts.note')}</small>
      </p>
      {alerts.length === 0 ? (
        <p>{t('ui.alerts.none')}</p>
      ) : (
        <Table
          caption={t('ui.alerts.title')}
          columns={columns}
          rows={alerts}
          rowKey={(m) => m._id}
          initialSort={{ key: 'end', dir: 'asc' }}
        />
      )}
    </section>
  );
}

interface MeasureRow {
  key: string;
  label: string;
  all: string | number;
  lowland: string | number;
  mountain: string | number;
}

function StructureTable({
  all,
  lowland,
  mountain,
}: {
  all: Structure;
  lowland: Structure;
  mountain: Structure;
}) {
  const { t, lang } = useI18n();
  const share = (s: Structure, part: number) =>
    t('ui.structure.share', {
      count: formatNumber(part, lang),
      percent: formatPercent(part, s.headcount, lang),
    });
  const row = (key: string, label: string, f: (s: Structure) => number): MeasureRow => ({
    key,
    label,
    all: share(all, f(all)),
    lowland: share(lowland, f(lowland)),
    mountain: share(mountain, f(mountain)),
  });
  const rows: MeasureRow[] = [
    {
      key: 'headcount',
      label: t('ui.structure.headcount'),
      all: all.headcount,
      lowland: lowland.headcount,
      mountain: mountain.headcount,
    },
    row('women', t('ui.structure.women'), (s) => s.women),
    row('minorities', t('ui.structure.minorities'), (s) => s.minorities),
    ...AGE_BANDS.map((b) =>
      row(`age-${b}`, t('ui.structure.age', { band: AGE_BAND_LABELS[b] }), (s) => s.ages[b]),
    ),
    ...EDUCATION_LEVELS.map((e) => row(`edu-${e}`, t(`education.${e}`), (s) => s.education[e])),
  ];
  const columns: Column<MeasureRow>[] = [
    { key: 'label', label: 'ui.structure.measure', value: (r) => r.label },
    { key: 'all', label: 'ui.structure.province', value: (r) => r.all, num: true },
    { key: 'lowland', label: 'ui.structure.lowland', value: (r) => r.lowland, num: true },
    { key: 'mountain', label: 'ui.structure.mountain', value: (r) => r.mountain, num: true },
  ];
  return <Table caption={t('ui.structure.comparison')} columns={columns} rows={rows} rowKey={(r) => r.key} />;
}

function KeyPostsPanel({ vacant, positions }: { vacant: VacantKeyPost[] | null; positions: KeyPosition[] }) {
  const { t, lang } = useI18n();
  const names = new Map(positions.map((p) => [p.id, lang === 'en' ? (p.nameEn ?? p.name) : p.name]));
  const columns: Column<VacantKeyPost>[] = [
    {
      key: 'commune',
      label: 'ui.commune.name',
      value: (v) => v.communeName,
      render: (v) => <a href={`/communes/${v.communeCode}`}>{v.communeName}</a>,
    },
    { key: 'position', label: 'ui.cadre.position', value: (v) => names.get(v.positionId) ?? v.positionId },
    { key: 'holders', label: 'ui.quota.filled', value: (v) => v.holders, num: true },
  ];
  return (
    <section class="panel" aria-labelledby="keyposts-title">
      <h2 id="keyposts-title">{t('ui.keyPosts.title')}</h2>
      {vacant === null ? (
        <p>{t('ui.keyPosts.pending')}</p>
      ) : vacant.length === 0 ? (
        <p>{t('ui.keyPosts.none')}</p>
      ) : (
        <Table
          caption={t('ui.keyPosts.title')}
          columns={columns}
          rows={vacant}
          rowKey={(v) => `${v.communeCode}-${v.positionId}`}
          initialSort={{ key: 'commune', dir: 'asc' }}
        />
      )}
    </section>
  );
}

/** An area monitor's communes side by side: the structure of each. */
function CommuneStructureTable({ rows }: { rows: CommuneStructure[] }) {
  const { t, lang } = useI18n();
  const pct = (r: Structure, part: number) => formatPercent(part, r.headcount, lang);
  const columns: Column<CommuneStructure>[] = [
    { key: 'name', label: 'ui.commune.name', value: (r) => r.name },
    { key: 'headcount', label: 'ui.structure.headcount', value: (r) => r.headcount, num: true },
    { key: 'women', label: 'ui.structure.women', value: (r) => pct(r, r.women), num: true },
    { key: 'minorities', label: 'ui.structure.minorities', value: (r) => pct(r, r.minorities), num: true },
    ...AGE_BANDS.map((b): Column<CommuneStructure> => ({
      key: b,
      label: { text: t('ui.structure.age', { band: AGE_BAND_LABELS[b] }) },
      value: (r) => pct(r, r.ages[b]),
      num: true,
    })),
  ];
  return (
    <>
      <h3>{t('ui.monitor.compare')}</h3>
      <Table caption={t('ui.monitor.compare')} columns={columns} rows={rows} rowKey={(r) => r.code} />
    </>
  );
}

export function OutOfScope() {
  const { t } = useI18n();
  return (
    <Notice>
      <p>{t('ui.error.outOfScope')}</p>
      <p>
        <a href="/">{t('ui.backHome')}</a>
      </p>
    </Notice>
  );
}
