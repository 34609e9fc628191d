/** The daily job flags movements ending within 60 days, overdue returns, and over-allocated quotas. */
import { collections } from '../../functions/src/data/refs';
import { flagAlerts, movementFlags } from '../../functions/src/services/alerts';
import type { Movement } from '@canbo/model';
import { adminFirestore, closeClients, uniqueProjectId } from '../helpers/firestore';
import { movement as fixture, quota } from '../helpers/province';

afterAll(closeClients);

const TODAY = '2026-11-25';

const movement = (id: string, status: Movement['status'], plannedEndDate: string | null): Movement =>
  fixture(id, 'secondment', { status, plannedEndDate, cadreId: `c-${id}`, startDate: '2025-01-01' });

test('flags on both sides of the 60-day boundary, overdue returns, and only active movements', () => {
  expect(movementFlags(movement('a', 'active', '2027-01-24'), TODAY)).toEqual(['ending_soon']); // day 60
  expect(movementFlags(movement('b', 'active', '2027-01-25'), TODAY)).toEqual([]); // day 61
  expect(movementFlags(movement('c', 'active', TODAY), TODAY)).toEqual(['ending_soon']);
  expect(movementFlags(movement('d', 'active', '2026-11-24'), TODAY)).toEqual(['overdue_return']);
  expect(movementFlags(movement('e', 'approved', '2026-12-01'), TODAY)).toEqual([]);
});

test('the job writes and clears flags and records its run', async () => {
  const db = adminFirestore(uniqueProjectId('alerts'));
  const c = collections(db);
  await c.movements.doc('soon').set(movement('soon', 'active', '2026-12-20'));
  await c.movements.doc('late').set(movement('late', 'active', '2026-10-01'));
  await c.movements.doc('far').set(movement('far', 'active', '2028-01-01'));
  await c.movements
    .doc('done')
    .set({ ...movement('done', 'completed', '2026-12-01'), flags: ['ending_soon'] });
  await c.quotas
    .doc('18073_government_2026')
    .set(quota('18073', 30, 29, { year: 2026, reservedForReturn: 1, incoming: 1 }));
  await c.quotas.doc('18100_government_2026').set(quota('18100', 30, 28, { year: 2026 }));

  const counts = await flagAlerts(db, TODAY);
  expect(counts).toMatchObject({ ending_soon: 1, overdue_return: 1, over_allocation: 1 });
  const flags = async (id: string) => (await c.movements.doc(id).get()).data()!.flags ?? [];
  expect(await flags('soon')).toEqual(['ending_soon']);
  expect(await flags('late')).toEqual(['overdue_return']);
  expect(await flags('far')).toEqual([]);
  expect(await flags('done')).toEqual([]);
  expect((await c.quotas.doc('18073_government_2026').get()).data()!.flags).toEqual(['over_allocation']);
  expect((await c.quotas.doc('18100_government_2026').get()).data()!.flags ?? []).toEqual([]);
  const ending = await c.movements.where('flags', 'array-contains', 'ending_soon').get();
  expect(ending.docs.map((d) => d.id)).toEqual(['soon']);
  const job = (await c.jobs.doc(`movement-alerts-${TODAY}`).get()).data()!;
  expect(job).toMatchObject({ kind: 'movement_alerts', state: 'succeeded', result: counts });
  // Running again changes nothing.
  expect((await flagAlerts(db, TODAY)).updated).toBe(0);
});
