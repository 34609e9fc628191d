/**
 * getSatisfaction against the emulator: a quarter's scores within the
 * caller's scope — the province for its admins, their communes for commune
 * roles, only their own score for a cadre — with Decision 766's ratios from
 * the ratings and the receipts returned in the quarter.
 */
import type { Rating, Receipt } from '@canbo/model';
import { ratingCollections } from '../../functions/src/data/ratings';
import { callableHarness, failure } from '../helpers/callable';
import { claims, person, writeProvince } from '../helpers/province';

const { call, firestore, cleanup } = callableHarness('ratings-scores');

const at = (i: number) => new Date(Date.parse('2026-10-05T02:00:00Z') + i * 86_400_000).toISOString();

function rating(i: number, cadreId: string, overall: number, unitCode = '18073'): Rating {
  return {
    id: `H42-S-${unitCode}-${String(i).padStart(4, '0')}`,
    provinceCode: '42',
    communeCode: unitCode,
    unitCode,
    cadreId,
    procedure: 'Đăng ký khai sinh',
    procedureId: 'khai_sinh',
    receivedOn: '2026-10-01',
    returnedOn: '2026-10-04',
    criteria: { overall, attitude: 4, timeliness: 4, guidance: 4 },
    trips: 0,
    hasComment: false,
    submittedAt: at(i),
    period: '2026-Q4',
    clientSeq: 1,
  };
}

function receipt(i: number, dueOn: string, returnedOn: string): Receipt {
  return {
    id: `H42-RC-${i}`,
    provinceCode: '42',
    communeCode: '18073',
    unitCode: '18073',
    procedureId: 'khai_sinh',
    cadreId: 'c-a',
    receivedOn: '2026-10-01',
    dueOn,
    returnedOn,
    source: 'integration',
    registeredBy: 'svc',
    registeredAt: '2026-10-01T02:00:00.000Z',
    updatedAt: '2026-10-01T02:00:00.000Z',
  };
}

beforeAll(async () => {
  const db = firestore();
  await writeProvince(
    db,
    [],
    [{ cadre: person('c-a', '18073', 'xa_van_thu') }, { cadre: person('c-b', '18073', 'xa_van_thu') }],
  );
  const rc = ratingCollections(db);
  const batch = db.batch();
  // c-a: 12 ratings, 9 satisfied; c-b: 3 ratings, all 5; 18100: 2 ratings.
  const put = (r: Rating) => batch.set(rc.ratings.doc(r.id), r);
  const aScores: Rating['criteria']['overall'][] = [5, 5, 5, 5, 4, 4, 4, 4, 4, 2, 2, 1];
  aScores.forEach((o, i) => put(rating(i, 'c-a', o)));
  [20, 21, 22].forEach((i) => put(rating(i, 'c-b', 5)));
  put(rating(30, 'c-z', 5, '18100'));
  put(rating(31, 'c-z', 1, '18100'));
  for (const [i, due, ret] of [
    [1, '2026-10-10', '2026-10-09'],
    [2, '2026-10-10', '2026-10-10'],
    [3, '2026-10-10', '2026-10-15'],
    [4, '2026-09-10', '2026-09-10'],
  ] as const)
    batch.set(rc.receipts.doc(`H42-RC-${i}`), receipt(i, due, ret));
  await batch.commit();
});

afterAll(cleanup);

test("a province admin sees every unit and officer of the quarter, with Decision 766's ratios", async () => {
  const res = await call('getSatisfaction', { period: '2026-Q4' });
  const unit = res.units.find((u: { unitCode: string }) => u.unitCode === '18073');
  expect(unit).toMatchObject({ count: 15, satisfied: 12, share: 0.8, flagged: 0 });
  expect(unit.decision766).toEqual({
    procedureSatisfaction: { percent: 80, numerator: 12, denominator: 15 },
    onTimeReturn: { percent: 66.67, numerator: 2, denominator: 3 },
  });
  const a = res.officers.find((o: { cadreId: string }) => o.cadreId === 'c-a');
  const b = res.officers.find((o: { cadreId: string }) => o.cadreId === 'c-b');
  // c-a: (9 + 10 × 0.8) / (12 + 10) = 0.772727…
  expect(a).toMatchObject({ count: 12, satisfied: 9, status: 'scored' });
  expect(a.estimate).toBeCloseTo(0.772727, 6);
  expect(b).toMatchObject({ count: 3, status: 'insufficient', estimate: null });
  expect(res.units.map((u: { unitCode: string }) => u.unitCode).sort()).toEqual(['18073', '18100']);
});

test('a commune role sees its communes only; another commune is permission-denied', async () => {
  const mine = await call('getSatisfaction', { period: '2026-Q4' }, claims.commune18073, 'u-commune');
  expect(mine.units.map((u: { unitCode: string }) => u.unitCode)).toEqual(['18073']);
  const other = await failure(
    call('getSatisfaction', { period: '2026-Q4', unitCode: '18100' }, claims.commune18073, 'u-commune'),
  );
  expect(other.code).toBe('permission-denied');
});

test("a cadre sees their own score only, and asking for another's is permission-denied", async () => {
  const cadre = { role: 'cadre', province: '42', cadreId: 'c-a' };
  const own = await call('getSatisfaction', { period: '2026-Q4' }, cadre, 'u-cadre');
  expect(own.units).toEqual([]);
  expect(own.officers.map((o: { cadreId: string }) => o.cadreId)).toEqual(['c-a']);
  const other = await failure(
    call('getSatisfaction', { period: '2026-Q4', cadreId: 'c-b' }, cadre, 'u-cadre'),
  );
  expect(other.code).toBe('permission-denied');
});
