/**
 * The structure of a term's planning against its targets (QĐ 377: three age
 * bands, young cadres, women, ethnic minorities; docs/legal-basis.md §15):
 * for the province (province-wide roles) and each unit, the share of each
 * figure against its target, marked met or not and whether the target is
 * confirmed (getPlanningStructure). A chart for the whole (or the first
 * unit), a table of every unit with an export.
 */
import type { PlanningStructure, StructureFigure } from '@canbo/model';
import { useState } from 'preact/hooks';
import { ErrorView, Loading } from '../../components/ErrorView';
import { Table, type Column } from '../../components/Table';
import { call } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useClaims } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { unitNames, type Term } from './data';
import { TargetChart } from './TargetChart';
import './api';
import { TermPicker } from './TermPicker';

interface Row {
  unit: PlanningStructure;
  figure: StructureFigure;
}

export default function StructurePage() {
  const { t, lang, pick } = useI18n();
  const claims = useClaims();
  const [term, setTerm] = useState<Term>('2026-2031');
  const state = useAsync(async () => {
    const [structure, names] = await Promise.all([
      call('getPlanningStructure', { term }),
      unitNames(claims.province),
    ]);
    return { structure, names };
  }, [claims.province, term]);
  const unitLabel = (code: string) =>
    code === claims.province ? t('planning.ui.province') : (state.data?.names.get(code) ?? code);
  const whole = state.data?.structure.province ?? state.data?.structure.units[0] ?? null;
  const all = state.data
    ? [state.data.structure.province, ...state.data.structure.units].filter((u) => u !== null)
    : [];
  const rows: Row[] = all.flatMap((unit) => unit.figures.map((figure) => ({ unit, figure })));
  const pct = (v: number) => `${formatNumber(Math.round(v * 1000) / 10, lang)} %`;
  const columns: Column<Row>[] = [
    { key: 'unit', label: 'planning.ui.unit', value: (r) => unitLabel(r.unit.unitCode) },
    { key: 'people', label: 'planning.ui.people', value: (r) => r.unit.people, num: true },
    { key: 'figure', label: 'planning.ui.figure', value: (r) => pick(r.figure) },
    { key: 'count', label: { text: 'n' }, value: (r) => r.figure.count, num: true },
    { key: 'actual', label: 'planning.ui.actual', value: (r) => pct(r.figure.share) },
    {
      key: 'target',
      label: 'planning.ui.target',
      value: (r) =>
        `${pct(r.figure.minShare)}${r.figure.certainty === 'unconfirmed' ? ` ${t('planning.ui.unconfirmed')}` : ''}`,
    },
    {
      key: 'met',
      label: 'planning.ui.met',
      value: (r) => t(r.figure.met ? 'planning.ui.met' : 'planning.ui.notMet'),
      render: (r) => (
        <span class={r.figure.met ? 'tag' : 'tag over'}>
          {t(r.figure.met ? 'planning.ui.met' : 'planning.ui.notMet')}
        </span>
      ),
    },
  ];
  return (
    <>
      <section class="panel" data-ready={state.data ? 'true' : undefined}>
        <h1>{t('planning.ui.structure')}</h1>
        <p>
          <TermPicker
            term={term}
            onChange={setTerm}
            other={{ href: '/planning', label: 'planning.ui.title' }}
          />
        </p>
        {state.loading && !state.data && <Loading />}
        {state.error && <ErrorView error={state.error} onRetry={state.reload} />}
        {whole && (
          <TargetChart
            title={`${unitLabel(whole.unitCode)} · ${term} · ${t('planning.ui.count', { count: whole.people })}`}
            bars={whole.figures.map((f) => ({
              key: f.id,
              label: pick(f),
              share: f.share,
              minShare: f.minShare,
              met: f.met,
            }))}
          />
        )}
      </section>
      {state.data && (
        <section class="panel">
          {rows.length === 0 ? (
            <p>{t('planning.ui.empty')}</p>
          ) : (
            <Table
              caption={`${t('planning.ui.structure')} ${term}`}
              columns={columns}
              rows={rows}
              rowKey={(r) => `${r.unit.unitCode}/${r.figure.id}`}
              rowClass={(r) => (r.figure.met ? undefined : 'below')}
            />
          )}
        </section>
      )}
    </>
  );
}
