/**
 * The seed keeps each person's open movements on their document as the use
 * cases do (openMovementsAfter replayed with every status): the list equals
 * the person's movements that are proposed, approved or active, and no one
 * has two moves pending at once (issue 9).
 */
import { generateProvince } from '../../../scripts/seed/generate';
import { loadOfficialUnits } from '../../../scripts/seed/official';

const g = generateProvince(loadOfficialUnits(), {
  provinceCode: '42',
  scale: 0.5,
  seed: 5,
  asOf: '2026-11-25',
});

test("every person's document lists exactly their open movements, in the order they were proposed", () => {
  const expected = new Map<string, { id: string; type: string; status: string }[]>();
  for (const m of g.movements) {
    if (!['proposed', 'approved', 'active'].includes(m.status)) continue;
    expected.set(m.cadreId, [
      ...(expected.get(m.cadreId) ?? []),
      { id: m.id, type: m.type, status: m.status },
    ]);
  }
  expect(expected.size).toBeGreaterThan(20);
  for (const c of g.cadres) expect(c.openMovements).toEqual(expected.get(c.id) ?? []);
});

test('a person with an open move that is pending has no other', () => {
  const pending = g.movements.filter(
    (m) =>
      m.type !== 'concurrent' &&
      (['proposed', 'approved'].includes(m.status) ||
        (m.status === 'active' && ['secondment', 'rotation'].includes(m.type))),
  );
  const perPerson = new Map<string, number>();
  for (const m of pending) perPerson.set(m.cadreId, (perPerson.get(m.cadreId) ?? 0) + 1);
  expect(pending.length).toBeGreaterThan(20);
  expect([...perPerson.values()].filter((n) => n > 1)).toEqual([]);
});
