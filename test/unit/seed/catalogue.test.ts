/** What the seed writes for positions and names for procedures is the catalogue, unchanged. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateProvince } from '../../../scripts/seed/generate';
import { loadOfficialUnits } from '../../../scripts/seed/official';

const dir = path.resolve(__dirname, '../../../data/catalogue');
const raw = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T;
const g = generateProvince(loadOfficialUnits(), {
  provinceCode: '12',
  scale: 0.2,
  seed: 1,
  asOf: '2026-11-25',
});

test('the positions the seed writes are the catalogue file, position by position', () => {
  const file = raw<{ positions: { id: string }[] }>('positions.json').positions;
  expect(g.positions).toHaveLength(file.length);
  expect(JSON.parse(JSON.stringify(g.positions))).toEqual(file);
});

test('the procedures are the catalogue file, and every rating names one of them', () => {
  const file = raw<{ procedures: { id: string; name: string }[] }>('procedures.json').procedures;
  expect(JSON.parse(JSON.stringify(g.procedures))).toEqual(file);
  const names = new Set(file.map((p) => p.name));
  expect(g.ratings.length).toBeGreaterThan(100);
  expect(g.ratings.filter((r) => !names.has(r.procedure))).toEqual([]);
});

test('every post a person holds or is planned for is in the catalogue', () => {
  const ids = new Set(raw<{ positions: { id: string }[] }>('positions.json').positions.map((p) => p.id));
  for (const c of g.cadres) {
    for (const p of c.posts) expect(ids.has(p.positionId)).toBe(true);
    for (const p of c.planning) expect(ids.has(p.positionId)).toBe(true);
  }
});
