/**
 * The daily scan: flags movements ending within 60 days and returns that are
 * overdue, and quotas whose counts exceed their allocation, so that the
 * province's dashboard can list them (`flags array-contains …`). A flag that
 * no longer applies is cleared. The run is recorded in `jobs/`.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { getConfig } from '../config';
import { failedWrites, repositories } from '../data/repositories';
import { addDays } from '../domain/dates';
import { isOverAllocated } from '../domain/quota';
import { systemClock, type Clock } from '../lib/clock';
import { log } from '../log';
import type { Movement, Quota } from '@canbo/model';

/** Which flags a movement deserves on `today` (a Vietnam calendar day). */
export function movementFlags(
  m: Movement,
  today: string,
  endingSoonDays = getConfig().endingSoonDays,
): NonNullable<Movement['flags']> {
  if (m.status !== 'active' || !m.plannedEndDate) return [];
  if (m.plannedEndDate < today) return ['overdue_return'];
  if (m.plannedEndDate <= addDays(today, endingSoonDays)) return ['ending_soon'];
  return [];
}

export function quotaFlags(q: Quota): NonNullable<Quota['flags']> {
  return isOverAllocated(q) ? ['over_allocation'] : [];
}

const same = (a: readonly string[] | undefined, b: readonly string[]) => (a ?? []).join() === b.join();

/** Flags as of `today`; `clock` only stamps the job record. */
export async function flagAlerts(
  db: Firestore,
  today: string,
  clock: Clock = systemClock,
): Promise<Record<string, number>> {
  const repos = repositories(db);
  const started = clock.now().toISOString();
  const counts = { ending_soon: 0, overdue_return: 0, over_allocation: 0, updated: 0 };
  const writer = db.bulkWriter({ throttling: false });
  const active = await repos.movements.active();
  for (const m of active) {
    const flags = movementFlags(m, today);
    for (const f of flags) counts[f]++;
    if (!same(m.flags, flags)) {
      repos.movements.setFlags(writer, m.id, flags);
      counts.updated++;
    }
  }
  // Flags on movements that are no longer active are cleared.
  for (const m of await repos.movements.withDeadlineFlags()) {
    if (m.status !== 'active') {
      repos.movements.setFlags(writer, m.id, []);
      counts.updated++;
    }
  }
  const quotas = await repos.quotas.ofYear(Number(today.slice(0, 4)));
  for (const q of quotas) {
    const flags = quotaFlags(q);
    counts.over_allocation += flags.length;
    if (!same(q.flags, flags)) {
      repos.quotas.setFlags(writer, q, flags);
      counts.updated++;
    }
  }
  await writer.close();
  // A flag that could not be written is reported, not lost: the job fails
  // with the paths, and the next day's run writes them again.
  const failed = failedWrites(writer);
  const total = active.length + quotas.length;
  await repos.jobs.save({
    id: `movement-alerts-${today}`,
    kind: 'movement_alerts',
    state: failed.length === 0 ? 'succeeded' : 'failed',
    progress: { done: total - failed.length, total },
    leases: {},
    params: { today },
    error: failed.length === 0 ? null : failed.join('; '),
    provinceCode: null,
    result: counts,
    startedAt: started,
    updatedAt: clock.now().toISOString(),
  });
  if (failed.length > 0) log.error('alerts.flagged', { today, ...counts, failed });
  else log.info('alerts.flagged', { today, ...counts });
  return counts;
}
