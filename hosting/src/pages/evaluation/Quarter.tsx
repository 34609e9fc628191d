/**
 * A quarter's evaluation for the province or the caller's communes
 * (getEvaluationSummary): the levels per unit as a chart and a sortable
 * table (XLSX export), the HTXS moderation list (who exceeds the unit's
 * ceiling per group of similar tasks: reported for the reviewers, never
 * applied silently), the run's progress with "run now" for the province
 * admin (runEvaluation), finalising a unit (finaliseEvaluations) and, for one
 * unit (?unit=), its people with links to each person's evaluation.
 */
import type { EvaluationPersonRow, UnitEvaluationSummary } from '@canbo/model';
import { useLocation, useRoute } from 'preact-iso';
import { useRef, useState } from 'preact/hooks';
import { ErrorView, Loading } from '../../components/ErrorView';
import { Table, type Column } from '../../components/Table';
import { newRequestId } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useClaims } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { callEvaluation } from './api';
import { defaultQuarter, LEVEL_KEYS, LevelChart, levelLabel, PeriodSelect, queryParam } from './common';

export default function Quarter() {
  const { t } = useI18n();
  const claims = useClaims();
  const { query } = useRoute();
  const { route } = useLocation();
  const period = queryParam(query, 'period') ?? defaultQuarter();
  const unit = queryParam(query, 'unit');
  const go = (p: string, u: string | undefined) =>
    route(`/evaluation?period=${p}${u ? `&unit=${encodeURIComponent(u)}` : ''}`);
  const state = useAsync(
    () => callEvaluation('getEvaluationSummary', unit ? { period, unitCode: unit } : { period }),
    [period, unit, claims.province, claims.role],
  );
  const s = state.data;
  const unitName = (u: UnitEvaluationSummary) => u.unitName ?? u.unitCode;

  const unitColumns: Column<UnitEvaluationSummary>[] = [
    {
      key: 'unit',
      label: 'ev.unit',
      value: unitName,
      render: (u) => <a href={`/evaluation?period=${period}&unit=${u.unitCode}`}>{unitName(u)}</a>,
    },
    { key: 'results', label: 'ev.results', value: (u) => u.results, num: true },
    ...LEVEL_KEYS.map((k): Column<UnitEvaluationSummary> => ({
      key: k,
      label: levelLabel(k),
      value: (u) => u.levels[k],
      num: true,
    })),
    { key: 'average', label: 'ev.average', value: (u) => u.averageTotal, num: true },
    { key: 'reviewed', label: 'ev.reviewed', value: (u) => u.reviewed, num: true },
    {
      key: 'over',
      label: 'ev.moderation.over',
      value: (u) => u.moderation.reduce((n, g) => n + g.exceeding, 0),
      num: true,
    },
    { key: 'run', label: 'ev.run.unitState', value: (u) => u.run?.state ?? null },
    {
      key: 'locked',
      label: 'ev.locked',
      value: (u) => (u.locked ? t('ev.locked') : t('ev.open')),
      render: (u) =>
        u.locked ? (
          <span class="tag">{t('ev.locked')}</span>
        ) : claims.role === 'province_admin' ? (
          <FinaliseButton period={period} unit={u} onDone={state.reload} />
        ) : (
          t('ev.open')
        ),
    },
  ];

  const moderationRows = (s?.units ?? []).flatMap((u) =>
    u.moderation.flatMap((g) =>
      g.candidates.map((c) => ({
        ...c,
        group: g.group,
        allowed: g.allowed,
        base: g.base,
        unit: unitName(u),
      })),
    ),
  );
  type ModerationRow = (typeof moderationRows)[number];
  const moderationColumns: Column<ModerationRow>[] = [
    {
      key: 'group',
      label: 'ev.moderation.group',
      value: (r) => `${r.unit} / ${r.group.split('/')[1] ?? ''}`,
    },
    {
      key: 'name',
      label: 'ev.person',
      value: (r) => r.fullName ?? r.cadreId,
      render: (r) => (
        <a href={`/evaluation/cadres/${r.cadreId}?period=${period}`}>{r.fullName ?? r.cadreId}</a>
      ),
    },
    { key: 'total', label: 'ev.total', value: (r) => r.total, num: true },
    { key: 'allowed', label: 'ev.moderation.allowed', value: (r) => `${r.allowed}/${r.base}` },
    {
      key: 'within',
      label: 'ev.moderation.over',
      value: (r) => (r.withinCeiling ? t('ev.moderation.within') : t('ev.moderation.over')),
    },
  ];

  const peopleColumns: Column<EvaluationPersonRow>[] = [
    {
      key: 'name',
      label: 'ev.person',
      value: (p) => p.fullName ?? p.cadreId,
      render: (p) => (
        <a href={`/evaluation/cadres/${p.cadreId}?period=${period}`}>{p.fullName ?? p.cadreId}</a>
      ),
    },
    { key: 'group', label: 'ev.taskGroup', value: (p) => p.taskGroup },
    { key: 'leader', label: 'ev.leader', value: (p) => p.leader },
    { key: 'total', label: 'ev.total', value: (p) => p.total, num: true },
    { key: 'level', label: 'ev.scoreLevel', value: (p) => p.level },
    { key: 'review', label: 'ev.reviewLevel', value: (p) => p.reviewLevel },
  ];

  return (
    <div data-ready={s ? 'true' : undefined} data-page="evaluation-quarter">
      <section class="panel">
        <h1>{t('ev.quarter.title', { period })}</h1>
        <p class="toolbar">
          <PeriodSelect value={period} onChange={(p) => go(p, unit)} />{' '}
          {unit && <a href={`/evaluation?period=${period}`}>{t('ev.allUnits')}</a>}
        </p>
      </section>
      {state.loading && !s && <Loading />}
      <ErrorView error={state.error} onRetry={state.reload} />
      {s && (
        <>
          <RunPanel period={period} summary={s} onChange={state.reload} />
          <section class="panel">
            <h2>{t('ev.distribution')}</h2>
            <LevelChart
              title={t('ev.distribution')}
              rows={s.units.map((u) => ({ key: u.unitCode, label: unitName(u), levels: u.levels }))}
            />
            <Table
              caption={`${t('ev.units')} ${period}`}
              columns={unitColumns}
              rows={s.units}
              rowKey={(u) => u.unitCode}
              rowAttr="data-unit"
              rowClass={(u) => (u.moderation.some((g) => g.exceeding > 0) ? 'over' : undefined)}
              initialSort={{ key: 'unit', dir: 'asc' }}
            />
          </section>
          <section class="panel" data-section="moderation">
            <h2>{t('ev.moderation.title', { share: 20 })}</h2>
            {moderationRows.length === 0 ? (
              <p>{t('ev.moderation.none')}</p>
            ) : (
              <Table
                caption={`${t('ev.moderation.title', { share: 20 })} ${period}`}
                columns={moderationColumns}
                rows={moderationRows}
                rowKey={(r) => `${r.group}/${r.cadreId}`}
                rowClass={(r) => (r.withinCeiling ? undefined : 'over')}
              />
            )}
          </section>
          {s.people && (
            <section class="panel" data-section="people">
              <h2>{t('ev.people')}</h2>
              <Table
                caption={`${t('ev.people')} ${unit ?? ''} ${period}`}
                columns={peopleColumns}
                rows={s.people}
                rowKey={(p) => p.cadreId}
                rowAttr="data-cadre"
                initialSort={{ key: 'name', dir: 'asc' }}
              />
            </section>
          )}
        </>
      )}
    </div>
  );
}

function RunPanel({
  period,
  summary,
  onChange,
}: {
  period: string;
  summary: NonNullable<ReturnType<typeof useAsync<import('@canbo/model').EvaluationSummary>>['data']>;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const claims = useClaims();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const requestId = useRef(newRequestId());
  const run = summary.run;
  const isAdmin = claims.role === 'province_admin';
  const year = Number(period.slice(0, 4));
  const act = async (what: 'run' | 'year') => {
    setBusy(true);
    setError(null);
    try {
      if (what === 'run') {
        const r = await callEvaluation('runEvaluation', { period, requestId: requestId.current });
        setNote(t('ev.run.started', { enqueued: r.enqueued, total: r.total }));
      } else {
        const r = await callEvaluation('classifyYear', { year, requestId: requestId.current });
        setNote(t('ev.classified', { people: r.people, written: r.written }));
      }
      requestId.current = newRequestId();
      onChange();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const counts = (run?.result ?? {}) as Record<string, number>;
  return (
    <section class="panel" data-section="run">
      <h2>{t('ev.run.title')}</h2>
      {run ? (
        <>
          <p data-run-state={run.state}>
            {t('ev.run.state', { state: run.state, done: run.progress.done, total: run.progress.total })}
          </p>
          <progress max={Math.max(1, run.progress.total)} value={run.progress.done} />
          <p>
            <small>
              {t('ev.run.counts', {
                evaluated: counts.evaluated ?? 0,
                written: counts.written ?? 0,
                problems: counts.problems ?? 0,
                locked: counts.locked ?? 0,
              })}{' '}
              · {formatDateTime(run.updatedAt)}
            </small>
          </p>
        </>
      ) : (
        <p>{t('ev.run.none')}</p>
      )}
      {isAdmin && (
        <p>
          <button type="button" disabled={busy} onClick={() => void act('run')} data-action="run">
            {t('ev.run.now')}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => void act('year')} data-action="classify">
            {t('ev.classifyYear', { year })}
          </button>
        </p>
      )}
      {note && <p role="status">{note}</p>}
      <ErrorView error={error} />
    </section>
  );
}

function FinaliseButton({
  period,
  unit,
  onDone,
}: {
  period: string;
  unit: UnitEvaluationSummary;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const requestId = useRef(newRequestId());
  const finalise = async () => {
    if (!window.confirm(t('ev.finalise.confirm', { period, unit: unit.unitName ?? unit.unitCode }))) return;
    setBusy(true);
    setError(null);
    try {
      await callEvaluation('finaliseEvaluations', {
        period,
        unitCode: unit.unitCode,
        requestId: requestId.current,
      });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" disabled={busy} onClick={() => void finalise()} data-action="finalise">
        {t('ev.finalise')}
      </button>
      <ErrorView error={error} />
    </>
  );
}
