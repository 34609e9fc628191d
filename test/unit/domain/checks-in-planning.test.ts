/**
 * The edges of the `in_planning` check (functions/src/domain/movement-checks.ts,
 * docs/legal-basis.md §15) that the worked cases in test/unit/planning/ leave
 * open: an entry for the target post itself matches by its id alone, without
 * the catalogue; an entry for a post outside the catalogue matches nothing.
 * Whole results written out (issue 15).
 */
import { checkInPlanning } from '../../../functions/src/domain/movement-checks';
import { POSITION_BY_ID } from '../../../functions/src/domain/positions';
import type { Cadre, CheckResult, Position } from '@canbo/model';

const BASIS = {
  basis:
    'Quy định 377-QĐ/TW: bổ nhiệm người trong quy hoạch chức danh đó hoặc chức danh tương đương, cao hơn',
  basisEn: 'Regulation 377-QĐ/TW: appoint a person planned for that post or an equivalent or higher one',
};
const chair = POSITION_BY_ID.get('xa_chu_tich_ubnd')!;
const planned = (...positionIds: string[]): Cadre['planning'] =>
  positionIds.map((positionId) => ({
    positionId,
    unitCode: '18100',
    term: '2026-2031',
    addedOn: '2026-03-01',
  }));

test('an entry for the target post itself matches by its id, even where the catalogue lacks the post', () => {
  // Only the chair's own id is known to this map: the entry is matched without a lookup, and named by its id.
  const expected: CheckResult = {
    code: 'in_planning',
    outcome: 'pass',
    overridable: true,
    ...BASIS,
    message: 'Cán bộ trong quy hoạch xa_chu_tich_ubnd (nhiệm kỳ 2026-2031).',
    messageEn: 'The person is planned for xa_chu_tich_ubnd (term 2026-2031).',
  };
  expect(checkInPlanning(planned('xa_chu_tich_ubnd'), chair, new Map<string, Position>())).toEqual(expected);
});

test('an entry for a post outside the catalogue matches nothing; a later entry still can', () => {
  const fail: CheckResult = {
    code: 'in_planning',
    outcome: 'fail',
    overridable: true,
    ...BASIS,
    message: 'Cán bộ không trong quy hoạch Chủ tịch UBND xã hoặc chức danh tương đương.',
    messageEn: 'The person is not planned for Chair, Commune People’s Committee or an equivalent post.',
  };
  expect(checkInPlanning(planned('xa_chuc_danh_cu'), chair, POSITION_BY_ID)).toEqual(fail);
  // The first entry that matches is the one named.
  expect(checkInPlanning(planned('xa_chuc_danh_cu', 'xa_bi_thu'), chair, POSITION_BY_ID)).toEqual({
    code: 'in_planning',
    outcome: 'pass',
    overridable: true,
    ...BASIS,
    message: 'Cán bộ trong quy hoạch Bí thư Đảng ủy xã (nhiệm kỳ 2026-2031).',
    messageEn: 'The person is planned for Commune Party Secretary (term 2026-2031).',
  });
});
