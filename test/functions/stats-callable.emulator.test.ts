/**
 * rebuildUnitStats as a callable (firebase-functions-test against the
 * emulator): strict input, who may call it, the answer, the statistics it
 * writes and a replay with the same requestId.
 */
import { UnitStatsStore } from '../../functions/src/data/unit-stats';
import { callableHarness, failure } from '../helpers/callable';
import { claims, person, quota, writeProvince } from '../helpers/province';

const { call, firestore, cleanup } = callableHarness('stats-callable');

beforeAll(async () => {
  await writeProvince(
    firestore(),
    [quota('18100', 32, 2, { year: 2029 })],
    [
      { cadre: person('18100-001', '18100', 'xa_chu_tich_ubnd') },
      { cadre: person('18100-002', '18100', 'xa_ke_toan', { gender: 'female' }) },
    ],
  );
});

afterAll(cleanup);

test('unknown fields are invalid-argument; other roles and provinces are refused', async () => {
  expect((await failure(call('rebuildUnitStats', { provinceCode: '40' }))).code).toBe('invalid-argument');
  for (const token of [claims.commune18073, claims.viewer]) {
    expect((await failure(call('rebuildUnitStats', {}, token))).code).toBe('permission-denied');
  }
  // Another province's admin rebuilds their own province only: nothing of province 42 is written.
  expect(await call('rebuildUnitStats', {}, claims.otherProvince)).toMatchObject({
    provinceCode: '40',
    people: 0,
    units: 0,
  });
  expect(await new UnitStatsStore(firestore()).find('18100')).toBeUndefined();
});

test('a province admin rebuilds their province; a replay answers the first result', async () => {
  const requestId = '3b4e2a10-4f7c-4e43-9a55-1b2c3d4e5f60';
  const first = await call('rebuildUnitStats', { requestId });
  expect(first).toMatchObject({ provinceCode: '42', people: 2, quotas: 1, units: 1, reset: 0 });
  const stats = await new UnitStatsStore(firestore()).find('18100');
  expect(stats?.people).toMatchObject({ inService: 2, byGender: { male: 1, female: 1 } });
  expect(stats?.keyPosts).toEqual({ xa_chu_tich_ubnd: 1 });
  expect(stats?.quotas['2029']?.government).toEqual({
    allocated: 32,
    filled: 2,
    reservedForReturn: 0,
    incoming: 0,
    status: 'final',
    forecast: false,
  });
  expect(await call('rebuildUnitStats', { requestId })).toEqual(first);
});
