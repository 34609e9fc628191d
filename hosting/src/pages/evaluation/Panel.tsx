/**
 * A person's latest quarters, for the cadre page and the person's own page
 * (one line in Cadre.tsx / Me.tsx): each quarter's total and the level that
 * counts, with a link to the quarter's details. Self-contained: it reads the
 * person's results itself (evaluations carry cadreId; the rules let the
 * province, the rating communes and the person read them).
 */
import type { Evaluation } from '@canbo/model';
import { runQuery } from '../../data/reads';
import { evaluationsOfCadre } from '../../data/scope';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useClaims } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { ErrorView } from '../../components/ErrorView';
import { levelLabel } from './common';

export function CadreEvaluationPanel({
  cadreId,
  commune = null,
}: {
  cadreId: string;
  commune?: string | null;
}) {
  const { t, lang } = useI18n();
  const claims = useClaims();
  const state = useAsync(async () => {
    const spec = evaluationsOfCadre(claims, cadreId, commune ?? claims.communes?.[0] ?? null);
    if (!spec) return [];
    const rows = await runQuery<Evaluation>(spec);
    return rows
      .filter((r) => /-Q[1-4]$/.test(r.period))
      .sort((a, b) => (a.period < b.period ? 1 : -1))
      .slice(0, 4);
  }, [cadreId, claims.role, claims.province]);
  if (state.data && state.data.length === 0) return null;
  return (
    <section class="panel" data-section="evaluation-panel">
      <h2>{t('ev.panel.title')}</h2>
      <ErrorView error={state.error} />
      <ul>
        {(state.data ?? []).map((r) => {
          const level = r.review?.level ?? r.level;
          return (
            <li key={r.id} data-period={r.period}>
              <a href={`/evaluation/cadres/${cadreId}?period=${r.period}`}>{r.period}</a>:{' '}
              {r.total === null ? '—' : formatNumber(r.total, lang)} ·{' '}
              {level ? t(levelLabel(level)) : t('ev.level.notRated')}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
