/** rebuildUnitStats({ requestId? }): the province admin recomputes the unit statistics of their province. */
import { ZRebuildUnitStatsInput } from '@canbo/model';
import { callable } from './handler';

export const rebuildUnitStats = callable(ZRebuildUnitStatsInput, (actor, input, u) =>
  u.rebuildUnitStats(actor, input),
);
