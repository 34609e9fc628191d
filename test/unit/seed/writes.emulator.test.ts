/**
 * What `npm run seed` writes, read back from the emulator: the positions
 * collection is the catalogue file, position by position, and every stored
 * quota agrees with the generator's replay.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collections } from '../../../functions/src/data/refs';
import { generateProvince } from '../../../scripts/seed/generate';
import { loadOfficialUnits } from '../../../scripts/seed/official';
import { seedProvince } from '../../../scripts/seed/seed';
import { adminFirestore, closeClients, uniqueProjectId } from '../../helpers/firestore';

afterAll(closeClients);

const file = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../../data/catalogue/positions.json'), 'utf8'),
) as { positions: { id: string }[] };

test('the seeded positions collection equals data/catalogue/positions.json', async () => {
  const db = adminFirestore(uniqueProjectId('seed-catalogue'));
  const options = { provinceCode: '11', scale: 0.05, seed: 2, asOf: '2026-11-25' };
  const summary = await seedProvince(db, options);
  expect(summary.counts.positions).toBe(50);
  const stored = (await db.collection('positions').orderBy('__name__').get()).docs.map((d) => d.data());
  const expected = [...file.positions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  expect(stored).toEqual(expected);
  expect(stored.find((p) => p.id === 'xa_chu_tich_ubnd')).toMatchObject({ rank: 5, keyPost: true });

  const generated = generateProvince(loadOfficialUnits(), options);
  const quotas = (await collections(db).quotas.where('provinceCode', '==', '11').get()).docs.map((d) => ({
    id: d.id,
    ...d.data(),
  }));
  expect(quotas).toHaveLength(generated.quotas.length);
  const byId = new Map(generated.quotas.map((q) => [q.id, q]));
  for (const q of quotas)
    expect([q.filled, q.reservedForReturn, q.incoming]).toEqual([
      byId.get(q.id)!.filled,
      byId.get(q.id)!.reservedForReturn,
      byId.get(q.id)!.incoming,
    ]);
});
