/**
 * The target post of a proposal must be a post of the catalogue and of the
 * target unit's level: the standards, relatives and vacancy checks read it, so
 * an id outside the catalogue would pass them unread (found by trying to move
 * a relative of the head into the head's unit under a made-up post id).
 */
import { systemClock } from '../../functions/src/lib/clock';
import { callableHarness, failure } from '../helpers/callable';
import { person, profile, quota, writeProvince } from '../helpers/province';

const { call, firestore, cleanup } = callableHarness('target-post');
jest.spyOn(systemClock, 'now').mockImplementation(() => new Date('2027-01-05T02:00:00.000Z'));

beforeAll(async () => {
  await writeProvince(
    firestore(),
    [quota('18073', 32, 30), quota('18100', 32, 20)],
    [
      {
        // The chair of 18100 is the mover's parent-in-law: the accountant post there is barred to them.
        cadre: person('c-mover', '18073', 'xa_van_thu'),
        profile: profile({}, [
          { relation: 'parent_in_law', fullName: 'Cán bộ c-head', birthYear: 1965, cadreId: 'c-head' },
        ]),
      },
      { cadre: person('c-head', '18100', 'xa_chu_tich_ubnd') },
    ],
  );
});

afterAll(cleanup);

const transfer = (toPositionId: string, toUnitCode = '18100') => ({
  type: 'transfer',
  cadreId: 'c-mover',
  toUnitCode,
  toPositionId,
  startDate: '2027-02-01',
  reason: 'Điều động theo yêu cầu nhiệm vụ',
});

test('the relatives ban holds for a post of the catalogue', async () => {
  const err = await failure(call('proposeMovement', transfer('xa_ke_toan')));
  expect(err.code).toBe('failed-precondition');
  expect(err.details!.checks!.map((c) => c.code)).toEqual(['relatives']);
});

test('a post outside the catalogue is refused before any check', async () => {
  const err = await failure(call('proposeMovement', transfer('ke_toan_x')));
  expect(err.code).toBe('invalid-argument');
  expect(err.details!.fields).toEqual([
    {
      path: 'toPositionId',
      message:
        'Không có vị trí ke_toan_x trong danh mục vị trí việc làm / position ke_toan_x is not in the position catalogue',
    },
  ]);
  const concurrent = await failure(
    call('proposeMovement', { ...transfer('xa_chu_tich_ubnd_x'), type: 'concurrent' }),
  );
  expect(concurrent.code).toBe('invalid-argument');
});

test('a provincial post in a commune is refused with both levels named', async () => {
  const err = await failure(call('proposeMovement', transfer('tinh_chu_tich_ubnd')));
  expect(err.code).toBe('invalid-argument');
  expect(err.details!.fields).toEqual([
    {
      path: 'toPositionId',
      message:
        'Vị trí tinh_chu_tich_ubnd là chức danh cấp tỉnh, không bố trí tại đơn vị 18100 / position tinh_chu_tich_ubnd is a province-level post and cannot be held in unit 18100',
    },
  ]);
});
