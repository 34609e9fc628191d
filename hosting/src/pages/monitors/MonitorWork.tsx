/**
 * An area monitor's own work (issue 13, docs/monitors.md), under its communes'
 * figures on /monitor: its communes and fields now, the new-entry form, the
 * follow-ups still open, the work log and the periodic report. Self-contained:
 * it loads its own data; `claims` carry the communes of the scope document.
 */
import type { Claims } from '@canbo/model';
import { ErrorView, Loading } from '../../components/ErrorView';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { loadAssignments, loadLog } from './data';
import { LogTable, NewEntryForm, ReportPanel, useCommuneNames } from './parts';

export function MonitorWork({ claims }: { claims: Claims }) {
  const { t } = useI18n();
  const uid = useSession().user?.uid ?? '';
  const nameOf = useCommuneNames(claims);
  const communes = claims.communes ?? [];
  const data = useAsync(async () => {
    const [log, assignments] = await Promise.all([loadLog(claims), loadAssignments(claims, uid)]);
    return { log, current: assignments.find((a) => a.to === null) ?? null };
  }, [claims, uid]);

  if (data.loading && !data.data) return <Loading />;
  if (data.error || !data.data) return <ErrorView error={data.error} onRetry={data.reload} />;
  const { log, current } = data.data;
  const open = log.filter((e) => e.followUp !== null && e.followUp !== 'done');
  return (
    <div data-monitor-ready="true">
      <section class="panel" aria-labelledby="my-communes-title">
        <h2 id="my-communes-title">{t('mon.ui.myCommunes')}</h2>
        {communes.length === 0 ? (
          <p>{t('mon.ui.noCommunes')}</p>
        ) : (
          <ul data-my-communes>
            {communes.map((c) => (
              <li key={c} data-commune={c}>
                <a href={`/communes/${c}`}>{nameOf(c)}</a>
              </li>
            ))}
          </ul>
        )}
        {current && current.fields.length > 0 && (
          <p>
            {t('mon.ui.fields')}: {current.fields.map((f) => t(`monitorField.${f}`)).join(', ')}
          </p>
        )}
      </section>
      <section class="panel" aria-labelledby="log-title">
        <h2 id="log-title">{t('mon.ui.log')}</h2>
        {communes.length > 0 && <NewEntryForm communes={communes} nameOf={nameOf} onSaved={data.reload} />}
        <h3>{t('mon.ui.followUps')}</h3>
        {open.length === 0 ? (
          <p>{t('mon.ui.noFollowUps')}</p>
        ) : (
          <LogTable
            rows={open}
            nameOf={nameOf}
            canUpdate
            onChanged={data.reload}
            caption={t('mon.ui.followUps')}
          />
        )}
        <h3>{t('mon.ui.log')}</h3>
        <LogTable
          rows={log}
          nameOf={nameOf}
          canUpdate={false}
          onChanged={data.reload}
          caption={t('mon.ui.log')}
        />
      </section>
      <ReportPanel nameOf={nameOf} />
    </div>
  );
}
