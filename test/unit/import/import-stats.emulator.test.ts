/**
 * `npm run import` keeps the unit statistics of the people it writes
 * (docs/data-model.md, "unitStats"): after importing the commune list, the
 * commune's figures equal those recomputed from the stored people, and
 * importing the same list again changes no figure (a re-import updates who
 * the person is, never counts them twice).
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { collections } from '../../../functions/src/data/refs';
import { UnitStatsStore } from '../../../functions/src/data/unit-stats';
import { comparableFigures, computeUnitStats } from '../../../functions/src/domain/unit-stats';
import { adminFirestore, closeClients, uniqueProjectId } from '../../helpers/firestore';

afterAll(closeClients);

const root = path.resolve(__dirname, '../../..');
const fixture = path.join(root, 'test/fixtures/import/danh-sach-can-bo-18073.csv');

async function runImport(projectId: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    path.join(root, 'node_modules/.bin/tsx'),
    ['scripts/import.ts', 'cadres', fixture, '--commune', '18073', '--skip-invalid'],
    { cwd: root, env: { ...process.env, GCLOUD_PROJECT: projectId } },
  );
  return stdout;
}

test('importing a commune list writes its statistics, and importing it again changes none', async () => {
  const projectId = uniqueProjectId('import-stats');
  const db = adminFirestore(projectId);
  const stats = new UnitStatsStore(db);
  const out = await runImport(projectId);
  expect(out).toContain('Wrote 4 cadres');
  const people = (await collections(db).cadres.get()).docs.map((d) => d.data());
  expect(people).toHaveLength(4);
  const first = await stats.find('18073');
  expect(first).toMatchObject({ provinceCode: '42', communeCode: '18073', unitCode: '18073' });
  expect(first?.people.inService).toBe(4);
  const expected = computeUnitStats('42', people, [], '2026-12-01T00:00:00.000Z').get('18073')!;
  expect(comparableFigures(first!)).toEqual(comparableFigures(expected));

  await runImport(projectId);
  const again = await stats.find('18073');
  expect(comparableFigures(again!)).toEqual(comparableFigures(expected));
}, 180_000);
