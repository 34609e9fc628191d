/**
 * Edges of a movement's effects (functions/src/domain/movement-lifecycle.ts)
 * that the other lifecycle tests leave open: which concurrent post the end of
 * a concurrent movement removes when the person holds several in the same
 * unit, and a stored movement of a type this version does not know. Every
 * expected value is written out.
 */
import { type Movement } from '@canbo/model';
import { applyToCadre, quotaEffects } from '../../../functions/src/domain/movement-lifecycle';
import { movement, person } from '../../helpers/province';

describe('the end of a concurrent post', () => {
  test('removes only the post of its position: another concurrent post in the same unit stays', () => {
    const holder = person('c8', '18073', 'xa_ke_toan', {
      posts: [
        {
          positionId: 'xa_ke_toan',
          unitCode: '18073',
          concurrent: false,
          since: '2020-01-01',
          decisionNo: null,
        },
        {
          positionId: 'xa_truong_ban_hdnd',
          unitCode: '18100',
          concurrent: true,
          since: '2027-03-01',
          decisionNo: '1/QĐ',
        },
        {
          positionId: 'xa_van_thu',
          unitCode: '18100',
          concurrent: true,
          since: '2025-05-01',
          decisionNo: '7/QĐ',
        },
      ],
    });
    const m = movement('m', 'concurrent', {
      status: 'active',
      toUnitCode: '18100',
      toPositionId: 'xa_truong_ban_hdnd',
      startDate: '2027-03-01',
    });
    expect(applyToCadre(holder, m, 'complete', 'T')).toEqual({
      ...holder,
      posts: [
        {
          positionId: 'xa_ke_toan',
          unitCode: '18073',
          concurrent: false,
          since: '2020-01-01',
          decisionNo: null,
        },
        {
          positionId: 'xa_van_thu',
          unitCode: '18100',
          concurrent: true,
          since: '2025-05-01',
          decisionNo: '7/QĐ',
        },
      ],
      updatedAt: 'T',
    });
  });
});

describe('a movement of a type this version does not know', () => {
  // A document written by a later version (a new kind of move) may be read
  // before this code knows the type: its start moves no post rather than guess.
  const unknown = {
    ...movement('m', 'transfer', { status: 'approved' }),
    type: 'exchange',
  } as unknown as Movement;

  test('its start changes no quota', () => {
    expect(quotaEffects(unknown, 'start', 'approved')).toEqual([]);
  });
});
