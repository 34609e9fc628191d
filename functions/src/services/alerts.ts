/**
 * The daily scan: flags movements ending within 60 days and returns that are
 * overdue, and quotas whose counts exceed their allocation, so that the
 * province's dashboard can list them (`flags array-contains …`). A flag that
 * no longer applies is cleared. The run is recorded in `jobs/`.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { collections } from '../data/refs';
import { addDays } from '../domain/dates';
import { type Movement, type Quota, quotaId } from '@canbo/model';

export const ENDING_SOON_DAYS = 60;

/** Which flags a movement deserves on `today`. */
export function movementFlags(m: Movement, today: string): NonNullable<Movement['flags']> {
  if (m.status !== 'active' || !m.plannedEndDate) return [];
  if (m.plannedEndDate < today) return ['overdue_return'];
  if (m.plannedEndDate <= addDays(today, ENDING_SOON_DAYS)) return ['ending_soon'];
  return [];
}

export function quotaFlags(q: Quota): NonNullable<Quota['flags']> {
  return q.filled + q.reservedForReturn + q.incoming > q.allocated ? ['over_allocation'] : [];
}

const same = (a: readonly string[] | undefined, b: readonly string[]) => (a ?? []).join() === b.join();

export async function flagAlerts(db: Firestore, today: string): Promise<Record<string, number>> {
  const c = collections(db);
  const started = new Date().toISOString();
  const counts = { ending_soon: 0, overdue_return: 0, over_allocation: 0, updated: 0 };
  const writer = db.bulkWriter({ throttling: false });
  const active = await c.movements.where('status', '==', 'active').get();
  for (const doc of active.docs) {
    const m = doc.data();
    const flags = movementFlags(m, today);
    for (const f of flags) counts[f]++;
    if (!same(m.flags, flags)) {
      void writer.update(doc.ref, { flags });
      counts.updated++;
    }
  }
  // Flags on movements that are no longer active are cleared.
  const stale = await c.movements
    .where('flags', 'array-contains-any', ['ending_soon', 'overdue_return'])
    .get();
  for (const doc of stale.docs) {
    if (doc.data().status !== 'active') {
      void writer.update(doc.ref, { flags: [] });
      counts.updated++;
    }
  }
  const quotas = await c.quotas.where('year', '==', Number(today.slice(0, 4))).get();
  for (const doc of quotas.docs) {
    const q = doc.data();
    const flags = quotaFlags(q);
    counts.over_allocation += flags.length;
    if (!same(q.flags, flags)) {
      void writer.update(c.quotas.doc(quotaId(q.unitCode, q.block, q.year)), { flags });
      counts.updated++;
    }
  }
  await writer.close();
  const id = `movement-alerts-${today}`;
  await c.jobs.doc(id).set({
    id,
    kind: 'movement_alerts',
    state: 'succeeded',
    progress: { done: active.size + quotas.size, total: active.size + quotas.size },
    leases: {},
    params: { today },
    error: null,
    result: counts,
    startedAt: started,
    updatedAt: new Date().toISOString(),
  });
  return counts;
}
