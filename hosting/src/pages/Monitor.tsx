/** An area monitor's communes side by side: the dashboard's measures, only for their communes. */
import { useClaims } from '../lib/session';
import { Overview } from './overview';

export default function Monitor() {
  const claims = useClaims();
  return <Overview claims={claims} communes={claims.communes ?? []} title="ui.page.monitor" />;
}
