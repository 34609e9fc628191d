/**
 * The demo planning lists (scripts/seed/planning.ts): the people's entries
 * become lists of the term 2026-2031 with at most 3 people per post, and the
 * people's own entries move to that term, so lists and people agree.
 */
import { seedPlanning } from '../../../scripts/seed/planning';
import { person } from '../../helpers/province';

const planned = (id: string, status: 'active' | 'retired' = 'active') =>
  person(id, '18073', 'xa_pho_chu_tich_ubnd', {
    status,
    planning: [
      { positionId: 'xa_chu_tich_ubnd', unitCode: '18073', term: '2025-2030', addedOn: '2025-10-15' },
    ],
  });

test('one list per post, at most 3 people, the people’s entries moved to 2026-2031', () => {
  const people = ['a', 'b', 'c', 'd'].map((id) => planned(id));
  const retired = planned('r', 'retired');
  const lists = seedPlanning([retired, ...people], '2026-12-01T08:00:00.000Z');
  expect(lists.map((l) => [l.id, l.communeCode, l.level, l.rank, l.cadreIds])).toEqual([
    ['2026-2031_18073_xa_chu_tich_ubnd', '18073', 'commune', 5, ['a', 'b', 'c']],
  ]);
  expect(lists[0]!.entries[0]).toMatchObject({
    cadreId: 'a',
    addedOn: '2025-10-15',
    addedBy: 'seed',
    flags: [],
  });
  expect(people.map((p) => p.planning.map((e) => e.term))).toEqual([
    ['2026-2031'],
    ['2026-2031'],
    ['2026-2031'],
    [],
  ]);
  expect(retired.planning).toEqual([]);
});
