/**
 * An area monitor's page: its communes side by side (the dashboard's measures,
 * only for them), then its own work — communes and fields, work log,
 * follow-ups and periodic report (pages/monitors/MonitorWork.tsx). The
 * communes are read from the monitor's scope document each time the page
 * opens (issue 13, docs/monitors.md), not from the sign-in token: a commune
 * reassigned away disappears at once.
 */
import { ErrorView, Loading } from '../components/ErrorView';
import { useClaims, useSession } from '../lib/session';
import { useAsync } from '../lib/use-async';
import { currentClaims } from './monitors/data';
import { MonitorWork } from './monitors/MonitorWork';
import { Overview } from './overview';

export default function Monitor() {
  const claims = useClaims();
  const uid = useSession().user?.uid ?? '';
  const current = useAsync(() => currentClaims(claims, uid), [claims, uid]);
  if (current.loading) return <Loading />;
  if (current.error || !current.data) return <ErrorView error={current.error} onRetry={current.reload} />;
  const now = current.data;
  return (
    <>
      <Overview claims={now} communes={now.communes ?? []} title="ui.page.monitor" />
      <MonitorWork claims={now} />
    </>
  );
}
