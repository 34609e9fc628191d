/** The province dashboard (province admins, auditors): the whole province at a glance. */
import { useClaims } from '../lib/session';
import { Overview } from './overview';
import { DashboardSatisfactionPanel } from './satisfaction/panels';

export default function Dashboard() {
  const claims = useClaims();
  return (
    <>
      <Overview claims={claims} title="ui.page.dashboard" />
      <DashboardSatisfactionPanel />
    </>
  );
}
