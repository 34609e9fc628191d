/**
 * One person's record: profile, posts held (the main one and concurrent
 * ones), planning entries, movement history and evaluations. The cadre page
 * and the cadre's own page show it; a person outside the account's scope is
 * refused by the rules and answered with the out-of-scope message.
 */
import type { Claims, HeldPost } from '@canbo/model';
import { ErrorView, Loading, Notice } from '../components/ErrorView';
import { Table, type Column } from '../components/Table';
import { cadreMovements, loadCadre, loadEvaluations, loadPositions, type EvaluationRow } from '../data/load';
import { toAppError } from '../lib/errors';
import { formatDate } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { useAsync } from '../lib/use-async';
import { MovementTable } from './Commune';
import { OutOfScope } from './overview';

export function CadreRecord({
  claims,
  id,
  title,
}: {
  claims: Claims;
  id: string;
  title: 'ui.page.cadre' | 'ui.page.me';
}) {
  const { t, lang } = useI18n();
  const data = useAsync(async () => {
    const cadre = await loadCadre(id);
    if (!cadre) return null;
    const [positions, movements, evaluations] = await Promise.all([
      loadPositions([...cadre.posts.map((p) => p.positionId), ...cadre.planning.map((p) => p.positionId)]),
      cadreMovements(claims, id).catch(() => []),
      loadEvaluations(claims, id, cadre.homeCommuneCode ?? cadre.communeCode).catch(() => []),
    ]);
    return { cadre, positions, movements: movements ?? [], evaluations };
  }, [id, claims]);

  if (data.loading) return <Loading />;
  if (data.error) {
    if (toAppError(data.error).code === 'permission-denied') return <OutOfScope />;
    return <ErrorView error={data.error} onRetry={data.reload} />;
  }
  if (!data.data) return <Notice>{t('ui.error.notFound')}</Notice>;
  const { cadre: c, positions, movements, evaluations } = data.data;
  const positionName = (pid: string) => {
    const p = positions.get(pid);
    return p ? ((lang === 'en' ? p.nameEn : p.name) ?? pid) : pid;
  };
  const postColumns: Column<HeldPost>[] = [
    { key: 'position', label: 'ui.cadre.position', value: (p) => positionName(p.positionId) },
    { key: 'unit', label: 'ui.quota.unit', value: (p) => p.unitCode },
    {
      key: 'kind',
      label: 'ui.cadre.concurrent',
      value: (p) => (p.concurrent ? t('ui.cadre.concurrent') : t('ui.cadre.main')),
    },
    { key: 'since', label: 'ui.cadre.since', value: (p) => p.since, render: (p) => formatDate(p.since) },
    { key: 'decision', label: 'ui.cadre.decision', value: (p) => p.decisionNo ?? '' },
  ];
  const planning = c.planning.map((p) => ({ ...p, key: `${p.positionId}-${p.term}` }));
  const evalColumns: Column<EvaluationRow>[] = [
    { key: 'period', label: 'ui.cadre.term', value: (e) => e.period ?? e._id.split('_')[0] ?? '' },
    // The level that counts is the reviewer's when there is one (effectiveLevel, packages/model/src/evaluations.ts).
    { key: 'level', label: 'ui.cadre.evaluations', value: (e) => e.review?.level ?? e.level ?? '—' },
    { key: 'total', label: 'ui.total', value: (e) => e.total ?? null, num: true },
  ];
  return (
    <div data-ready="true">
      <h1>
        {t(title)}: {c.fullName}
      </h1>
      <dl class="facts">
        <dt>{t('ui.cadre.birthDate')}</dt>
        <dd>{formatDate(c.birthDate)}</dd>
        <dt>{t('ui.cadre.gender')}</dt>
        <dd>{t(`gender.${c.gender}`)}</dd>
        <dt>{t('ui.cadre.ethnicity')}</dt>
        <dd>{c.ethnicity}</dd>
        <dt>{t('ui.cadre.hometown')}</dt>
        <dd>{c.hometown.text}</dd>
        <dt>{t('ui.cadre.category')}</dt>
        <dd>{t(`category.${c.category}`)}</dd>
        <dt>{t('ui.cadre.block')}</dt>
        <dd>{t(`block.${c.block}`)}</dd>
        <dt>{t('ui.cadre.education')}</dt>
        <dd>
          {t(`education.${c.education.level}`)}
          {c.education.major ? ` — ${c.education.major}` : ''}
        </dd>
        <dt>{t('ui.cadre.theory')}</dt>
        <dd>{t(`theory.${c.politicalTheory}`)}</dd>
        <dt>{t('ui.cadre.party')}</dt>
        <dd>{c.partyMember ? `${t('ui.yes')} (${formatDate(c.partyJoinDate)})` : t('ui.no')}</dd>
        <dt>{t('ui.cadre.startedWork')}</dt>
        <dd>{formatDate(c.startedWorkOn)}</dd>
        <dt>{t('ui.cadre.homeUnit')}</dt>
        <dd>
          {c.homeCommuneCode ? (
            <a href={`/communes/${c.homeCommuneCode}`}>{c.homeUnitCode}</a>
          ) : (
            c.homeUnitCode
          )}
        </dd>
        <dt>{t('ui.cadre.currentUnit')}</dt>
        <dd>
          {c.communeCode ? <a href={`/communes/${c.communeCode}`}>{c.currentUnitCode}</a> : c.currentUnitCode}
        </dd>
        <dt>{t('ui.cadre.status')}</dt>
        <dd>{t(`cadreStatus.${c.status}`)}</dd>
      </dl>
      <section class="panel" aria-labelledby="posts-title">
        <h2 id="posts-title">{t('ui.cadre.posts')}</h2>
        <Table
          caption={`${c.fullName} ${t('ui.cadre.posts')}`}
          columns={postColumns}
          rows={c.posts}
          rowKey={(p) => `${p.positionId}-${p.unitCode}`}
        />
      </section>
      {planning.length > 0 && (
        <section class="panel" aria-labelledby="planning-title">
          <h2 id="planning-title">{t('ui.cadre.planning')}</h2>
          <Table
            caption={`${c.fullName} ${t('ui.cadre.planning')}`}
            columns={[
              { key: 'position', label: 'ui.cadre.position', value: (p) => positionName(p.positionId) },
              { key: 'unit', label: 'ui.quota.unit', value: (p) => p.unitCode },
              { key: 'term', label: 'ui.cadre.term', value: (p) => p.term },
            ]}
            rows={planning}
            rowKey={(p) => p.key}
          />
        </section>
      )}
      <section class="panel" aria-labelledby="history-title">
        <h2 id="history-title">{t('ui.cadre.history')}</h2>
        <MovementTable rows={movements} caption={`${c.fullName} ${t('ui.cadre.history')}`} />
      </section>
      <section class="panel" aria-labelledby="eval-title">
        <h2 id="eval-title">{t('ui.cadre.evaluations')}</h2>
        <Table
          caption={`${c.fullName} ${t('ui.cadre.evaluations')}`}
          columns={evalColumns}
          rows={evaluations}
          rowKey={(e) => e._id}
          initialSort={{ key: 'period', dir: 'desc' }}
        />
      </section>
    </div>
  );
}
