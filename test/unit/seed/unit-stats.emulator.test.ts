/**
 * The seed writes the unit statistics of the people and quotas it generated
 * (docs/data-model.md, "unitStats"), equal to what the rebuild recomputes
 * from the stored documents.
 */
import { UnitStatsStore } from '../../../functions/src/data/unit-stats';
import { comparableFigures } from '../../../functions/src/domain/unit-stats';
import { useCaseDeps } from '../../../functions/src/services/deps';
import { rebuildUnitStatsOf } from '../../../functions/src/services/stats';
import { seedProvince } from '../../../scripts/seed/seed';
import { adminFirestore, closeClients, uniqueProjectId } from '../../helpers/firestore';

afterAll(closeClients);

test('the seeded statistics equal the rebuilt ones, one document per unit with people or quotas', async () => {
  const db = adminFirestore(uniqueProjectId('seed-stats'));
  const summary = await seedProvince(db, { provinceCode: '11', scale: 0.05, seed: 2, asOf: '2026-11-25' });
  const stats = new UnitStatsStore(db);
  const seeded = await stats.ofProvince('11');
  expect(seeded).toHaveLength(summary.counts.unitStats!);
  expect(seeded.length).toBeGreaterThan(40);
  const people = seeded.reduce(
    (n, s) => n + Object.values(s.people.byStatus).reduce((a, b) => a + (b ?? 0), 0),
    0,
  );
  expect(people).toBe(summary.counts.cadres);
  expect(seeded.every((s) => s.provinceCode === '11' && s.rebuiltAt === '2026-11-25T08:00:00.000Z')).toBe(
    true,
  );

  const result = await rebuildUnitStatsOf(useCaseDeps(db), '11');
  expect(result.reset).toBe(0);
  const rebuilt = await stats.ofProvince('11');
  expect(rebuilt.map(comparableFigures)).toEqual(seeded.map(comparableFigures));
}, 180_000);
