/**
 * A commune: its units, its people (those working there and those on its
 * quota away on secondment), its quotas and its movements. A commune outside
 * the account's scope answers with a clear message, and no query is made.
 */
import { useRoute } from 'preact-iso';
import { ErrorView, Loading } from '../components/ErrorView';
import { Table, type Column } from '../components/Table';
import { blockRows, quotasFromDocs, type BlockRow, type QuotaDoc } from '../data/figures';
import {
  communeMovements,
  loadPeople,
  loadUnit,
  loadUnitsUnder,
  type CadreRow,
  type MovementRow,
} from '../data/load';
import { runQueries } from '../data/reads';
import { quotaQueries, seesCommune } from '../data/scope';
import { toAppError } from '../lib/errors';
import { formatDate, formatNumber, todayInVietnam } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { useClaims } from '../lib/session';
import { useAsync } from '../lib/use-async';
import { OutOfScope } from './overview';
import { CommuneSatisfactionPanel } from './satisfaction/panels';

export default function Commune() {
  const { params } = useRoute();
  const code = params.code ?? '';
  const claims = useClaims();
  const { t, lang } = useI18n();
  const year = Number(todayInVietnam().slice(0, 4));
  const inScope = seesCommune(claims, code);
  const data = useAsync(async () => {
    if (!inScope) return null;
    const [unit, units, people, quotas, movements] = await Promise.all([
      loadUnit(code),
      loadUnitsUnder(code),
      loadPeople(claims, code),
      runQueries<QuotaDoc>(quotaQueries(claims, year, [code]) ?? []),
      communeMovements(claims, code),
    ]);
    return { unit, units, people: people ?? [], quotas: quotasFromDocs(quotas), movements: movements ?? [] };
  }, [code, claims, inScope, year]);

  if (!inScope) return <OutOfScope />;
  if (data.loading) return <Loading />;
  if (data.error) {
    if (toAppError(data.error).code === 'permission-denied') return <OutOfScope />;
    return <ErrorView error={data.error} onRetry={data.reload} />;
  }
  const d = data.data!;
  // A commune code does not name its province: the unit (public data) does. A commune of another
  // province is out of scope even for a province-wide role, whose queries would only come back empty.
  if (d.unit && d.unit.provinceCode !== claims.province) return <OutOfScope />;
  if (!d.unit) return <ErrorView error={{ code: 'not-found' }} />;

  const people: Column<CadreRow>[] = [
    {
      key: 'name',
      label: 'ui.cadre.name',
      value: (c) => c.fullName,
      render: (c) => <a href={`/cadres/${c._id}`}>{c.fullName}</a>,
    },
    {
      key: 'birth',
      label: 'ui.cadre.birthDate',
      value: (c) => c.birthDate,
      render: (c) => formatDate(c.birthDate),
    },
    { key: 'gender', label: 'ui.cadre.gender', value: (c) => t(`gender.${c.gender}`) },
    { key: 'block', label: 'ui.cadre.block', value: (c) => t(`block.${c.block}`) },
    { key: 'category', label: 'ui.cadre.category', value: (c) => t(`category.${c.category}`) },
    { key: 'unit', label: 'ui.cadre.currentUnit', value: (c) => c.currentUnitCode },
    { key: 'status', label: 'ui.cadre.status', value: (c) => t(`cadreStatus.${c.status}`) },
  ];
  const quotaColumns: Column<BlockRow>[] = [
    { key: 'block', label: 'ui.quota.block', value: (r) => t(`block.${r.block}`) },
    { key: 'allocated', label: 'ui.quota.allocated', value: (r) => r.allocated, num: true },
    { key: 'filled', label: 'ui.quota.filled', value: (r) => r.filled, num: true },
    { key: 'reserved', label: 'ui.quota.reserved', value: (r) => r.reservedForReturn, num: true },
    { key: 'incoming', label: 'ui.quota.incoming', value: (r) => r.incoming, num: true },
    { key: 'free', label: 'ui.quota.free', value: (r) => r.free, num: true },
  ];
  const unitColumns: Column<{ _id: string; name: string; type: string }>[] = [
    { key: 'code', label: 'ui.commune.code', value: (u) => u._id },
    { key: 'name', label: 'ui.commune.name', value: (u) => u.name },
  ];
  return (
    <div data-ready="true">
      <h1>{d.unit.name}</h1>
      <dl class="facts">
        <dt>{t('ui.commune.code')}</dt>
        <dd>{code}</dd>
        <dt>{t('ui.commune.region')}</dt>
        <dd>{d.unit.region ? t(`region.${d.unit.region}`) : '—'}</dd>
        <dt>{t('ui.commune.population')}</dt>
        <dd>
          {formatNumber(d.unit.population, lang)} {d.unit.estimated && t('ui.commune.estimated')}
        </dd>
      </dl>
      <section class="panel" aria-labelledby="q-title">
        <h2 id="q-title">{t('ui.quota.title', { year })}</h2>
        {d.quotas.length === 0 ? (
          <p>{t('ui.quota.none', { year })}</p>
        ) : (
          <Table
            caption={`${d.unit.name} ${t('ui.quota.title', { year })}`}
            columns={quotaColumns}
            rows={blockRows(d.quotas).filter((r) => r.allocated > 0 || r.filled > 0)}
            rowKey={(r) => r.block}
            rowClass={(r) => (r.free < 0 ? 'over' : undefined)}
          />
        )}
      </section>
      <section class="panel" aria-labelledby="p-title">
        <h2 id="p-title">{t('ui.commune.people')}</h2>
        <Table
          caption={`${d.unit.name} ${t('ui.commune.people')}`}
          columns={people}
          rows={d.people}
          rowKey={(c) => c._id}
          initialSort={{ key: 'name', dir: 'asc' }}
          pageSize={100}
        />
      </section>
      <section class="panel" aria-labelledby="m-title">
        <h2 id="m-title">{t('ui.commune.movements')}</h2>
        <MovementTable rows={d.movements} caption={`${d.unit.name} ${t('ui.commune.movements')}`} />
      </section>
      <CommuneSatisfactionPanel code={code} />
      {d.units.length > 0 && (
        <section class="panel" aria-labelledby="u-title">
          <h2 id="u-title">{t('ui.commune.units')}</h2>
          <Table
            caption={`${d.unit.name} ${t('ui.commune.units')}`}
            columns={unitColumns}
            rows={d.units}
            rowKey={(u) => u._id}
          />
        </section>
      )}
    </div>
  );
}

export function MovementTable({ rows, caption }: { rows: MovementRow[]; caption: string }) {
  const { t } = useI18n();
  const columns: Column<MovementRow>[] = [
    {
      key: 'type',
      label: 'ui.movement.type',
      value: (m) => t(`movementType.${m.type}`),
      render: (m) => <a href={`/movements/${m._id}`}>{t(`movementType.${m.type}`)}</a>,
    },
    {
      key: 'person',
      label: 'ui.movement.person',
      value: (m) => m.cadreName,
      render: (m) => <a href={`/cadres/${m.cadreId}`}>{m.cadreName || m.cadreId}</a>,
    },
    { key: 'status', label: 'ui.movement.status', value: (m) => t(`movementStatus.${m.status}`) },
    { key: 'from', label: 'ui.movement.from', value: (m) => m.fromUnitCode },
    { key: 'to', label: 'ui.movement.to', value: (m) => m.toUnitCode },
    {
      key: 'start',
      label: 'ui.movement.start',
      value: (m) => m.startDate,
      render: (m) => formatDate(m.startDate),
    },
    {
      key: 'end',
      label: 'ui.movement.end',
      value: (m) => m.plannedEndDate ?? '',
      render: (m) => formatDate(m.plannedEndDate),
    },
  ];
  return (
    <Table
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(m) => m._id}
      initialSort={{ key: 'start', dir: 'desc' }}
    />
  );
}
