/**
 * The approval queue and the movements under way in the caller's scope:
 * proposals awaiting approval (with how many checks failed), approved moves
 * not yet started, and moves under way. Each opens its movement page, where a
 * province admin decides and acts; proposers find the form here.
 */
import type { Movement, MovementStatus } from '@canbo/model';
import { ErrorView, Loading } from '../../components/ErrorView';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useClaims } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { openMovements } from './data';
import { PROPOSERS } from './routes';

const GROUPS: {
  status: MovementStatus;
  title: 'mv.queue.proposed' | 'mv.queue.approved' | 'mv.queue.active';
}[] = [
  { status: 'proposed', title: 'mv.queue.proposed' },
  { status: 'approved', title: 'mv.queue.approved' },
  { status: 'active', title: 'mv.queue.active' },
];

export default function Queue() {
  const { t } = useI18n();
  const claims = useClaims();
  const state = useAsync(
    () => openMovements(claims),
    [claims.province, claims.role, (claims.communes ?? []).join()],
  );
  return (
    <>
      <section class="panel">
        <h1>{t('mv.queue.title')}</h1>
        {PROPOSERS.includes(claims.role) && (
          <p>
            <a class="button" href="/movements/new">
              {t('mv.queue.new')}
            </a>
          </p>
        )}
      </section>
      {state.loading && !state.data && <Loading />}
      {state.error && <ErrorView error={state.error} onRetry={state.reload} />}
      {state.data &&
        GROUPS.map((g) => (
          <Group
            key={g.status}
            title={t(g.title)}
            status={g.status}
            rows={state.data!.filter((m) => m.status === g.status)}
          />
        ))}
    </>
  );
}

function Group({ title, status, rows }: { title: string; status: MovementStatus; rows: Movement[] }) {
  const { t } = useI18n();
  return (
    <section class="panel" data-queue={status}>
      <h2>
        {title} ({rows.length})
      </h2>
      {rows.length === 0 ? (
        <p>{t('ui.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('ui.movement.person')}</th>
                <th scope="col">{t('ui.movement.type')}</th>
                <th scope="col">{t('ui.movement.from')}</th>
                <th scope="col">{t('ui.movement.to')}</th>
                <th scope="col">{t('ui.movement.start')}</th>
                <th scope="col">{t('ui.movement.end')}</th>
                <th scope="col">{t('mv.checks.title')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => {
                const failed = m.checks.filter((c) => c.outcome === 'fail').length;
                return (
                  <tr key={m.id} data-movement={m.id} class={failed > 0 ? 'over' : ''}>
                    <td>
                      <a href={`/movements/${m.id}`}>{m.cadreName}</a>
                    </td>
                    <td>{t(`movementType.${m.type}`)}</td>
                    <td>{m.fromUnitCode}</td>
                    <td>{m.toUnitCode}</td>
                    <td>{formatDate(m.startDate)}</td>
                    <td>{formatDate(m.plannedEndDate)}</td>
                    <td>{failed > 0 ? t('mv.queue.failed', { count: failed }) : t('mv.queue.allPass')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
