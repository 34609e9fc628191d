/**
 * The position catalogue as the domain exposes it, and which posts a unit may
 * be asked for (functions/src/domain/positions.ts): expected values written out.
 */
import { POSITION_BY_ID, POSITIONS, targetPostProblem } from '../../../functions/src/domain/positions';

test('POSITIONS keeps catalogue order, and POSITION_BY_ID finds each by its id', () => {
  expect(POSITIONS).toHaveLength(50);
  expect(POSITIONS[0]!.id).toBe('xa_bi_thu');
  expect(POSITIONS[49]!.id).toBe('tinh_chuyen_vien_dang');
  expect(POSITION_BY_ID.size).toBe(50);
  expect(POSITION_BY_ID.get('xa_ke_toan')).toMatchObject({
    id: 'xa_ke_toan',
    name: 'Kế toán ngân sách',
    rank: 1,
  });
  expect(POSITION_BY_ID.get('xa_khong_co')).toBeUndefined();
});

describe('targetPostProblem: a post of the catalogue and of the unit’s level', () => {
  test.each([
    ['xa_ke_toan', '18073', null], // a commune post in a commune
    ['xa_ke_toan', '18073-ttpvhcc', null], // in one of the commune's agencies
    ['tinh_chuyen_vien', '42', null], // a provincial post in the province
    ['tinh_chuyen_vien', '42-so-noi-vu', null], // in a provincial agency
    ['xa_ke_toan', '42', 'level'], // a commune post asked for in the province
    ['xa_ke_toan', '42-so-noi-vu', 'level'],
    ['tinh_chuyen_vien', '18073', 'level'], // a provincial post asked for in a commune
    ['xa_khong_co', '18073', 'unknown'],
    ['', '42', 'unknown'],
  ] as const)('%s in %s: %s', (positionId, unitCode, expected) => {
    expect(targetPostProblem(positionId, unitCode)).toBe(expected);
  });
});
