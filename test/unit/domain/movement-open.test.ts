/**
 * One open movement that moves a person at a time (issue 9): the list of open
 * movements kept on the person's document, and the check that reads it.
 */
import {
  checkOpenMovement,
  runChecks,
  DEFAULT_CHECK_PARAMS,
} from '../../../functions/src/domain/movement-checks';
import { openMovementsAfter } from '../../../functions/src/domain/movement-lifecycle';
import { POSITION_BY_ID } from '../../../functions/src/domain/positions';
import { type OpenMovement } from '@canbo/model';
import { person, profile } from '../../helpers/province';

describe('openMovementsAfter', () => {
  const a = { id: 'mv-42-00001', type: 'transfer' } as const;
  const b = { id: 'mv-42-00002', type: 'concurrent' } as const;

  test('a proposal is added, later statuses replace it in place, a closed movement leaves', () => {
    const proposed = openMovementsAfter(undefined, { ...a, status: 'proposed' });
    expect(proposed).toEqual([{ id: 'mv-42-00001', type: 'transfer', status: 'proposed' }]);
    const both = openMovementsAfter(proposed, { ...b, status: 'proposed' });
    expect(both).toEqual([
      { id: 'mv-42-00001', type: 'transfer', status: 'proposed' },
      { id: 'mv-42-00002', type: 'concurrent', status: 'proposed' },
    ]);
    expect(openMovementsAfter(both, { ...a, status: 'approved' })).toEqual([
      { id: 'mv-42-00001', type: 'transfer', status: 'approved' },
      { id: 'mv-42-00002', type: 'concurrent', status: 'proposed' },
    ]);
    expect(openMovementsAfter(both, { ...a, status: 'active' })[0]).toEqual({
      id: 'mv-42-00001',
      type: 'transfer',
      status: 'active',
    });
    for (const closed of ['completed', 'cancelled', 'rejected', 'draft'] as const) {
      expect(openMovementsAfter(both, { ...a, status: closed })).toEqual([
        { id: 'mv-42-00002', type: 'concurrent', status: 'proposed' },
      ]);
    }
    // The input is not changed.
    expect(proposed).toEqual([{ id: 'mv-42-00001', type: 'transfer', status: 'proposed' }]);
  });

  test('an unknown movement that closes changes nothing', () => {
    const list: OpenMovement[] = [{ id: 'mv-42-00001', type: 'transfer', status: 'approved' }];
    expect(openMovementsAfter(list, { id: 'mv-42-00009', type: 'transfer', status: 'cancelled' })).toEqual(
      list,
    );
    expect(
      openMovementsAfter(undefined, { id: 'mv-42-00009', type: 'transfer', status: 'cancelled' }),
    ).toEqual([]);
  });
});

describe('checkOpenMovement', () => {
  const other = (type: OpenMovement['type'], status: OpenMovement['status']): OpenMovement => ({
    id: 'mv-42-00007',
    type,
    status,
  });

  test.each([
    ['transfer', 'proposed'],
    ['transfer', 'approved'],
    ['appointment', 'approved'],
    ['termination', 'proposed'],
    ['secondment', 'active'],
    ['rotation', 'active'],
  ] as const)(
    'another %s that is %s blocks a move, not overridable, naming it in both languages',
    (type, status) => {
      const check = checkOpenMovement('transfer', [other(type, status)])!;
      expect(check).toMatchObject({ code: 'open_movement', outcome: 'fail', overridable: false });
      expect(check.message).toContain('mv-42-00007');
      expect(check.messageEn).toContain('mv-42-00007');
      expect(check.messageEn).not.toBe(check.message);
    },
  );

  test('a concurrent post, or a transfer that already took effect, does not block', () => {
    expect(checkOpenMovement('transfer', [other('concurrent', 'approved')])!.outcome).toBe('pass');
    expect(checkOpenMovement('secondment', [other('transfer', 'active')])!.outcome).toBe('pass');
    expect(checkOpenMovement('termination', [other('appointment', 'active')])!.outcome).toBe('pass');
    expect(checkOpenMovement('rotation', [])!.outcome).toBe('pass');
  });

  test('a concurrent post is never checked', () => {
    expect(checkOpenMovement('concurrent', [other('transfer', 'approved')])).toBeUndefined();
  });

  test('runChecks runs it on every moving type, from the context', () => {
    const base = {
      cadre: person('18073-0010', '18073', 'xa_tu_phap_ho_tich'),
      profile: profile(),
      targetPosition: POSITION_BY_ID.get('xa_tu_phap_ho_tich'),
      positions: POSITION_BY_ID,
      relatives: [],
      targetQuota: { allocated: 32, filled: 30, reservedForReturn: 0, incoming: 0 },
      sendingQuota: undefined,
      sendingNorm: undefined,
      holdersOfCadrePost: 2,
      holdersOfTargetPost: 0,
      params: DEFAULT_CHECK_PARAMS,
    };
    const request = {
      type: 'transfer' as const,
      toUnitCode: '18100',
      toProvinceCode: '42',
      toPositionId: 'xa_tu_phap_ho_tich',
      startDate: '2027-01-01',
      plannedEndDate: null,
    };
    const blocked = runChecks({ ...base, request, openMovements: [other('secondment', 'approved')] });
    expect(blocked.filter((c) => c.outcome === 'fail').map((c) => c.code)).toEqual(['open_movement']);
    const free = runChecks({ ...base, request, openMovements: [] });
    expect(free.find((c) => c.code === 'open_movement')!.outcome).toBe('pass');
    const concurrent = runChecks({
      ...base,
      request: { ...request, type: 'concurrent' },
      openMovements: [other('transfer', 'approved')],
    });
    expect(concurrent.map((c) => c.code)).not.toContain('open_movement');
  });
});
