/**
 * Flagged ratings and their review against the emulator: getSatisfaction
 * lists a quarter's flagged ratings with their evidence for the province's
 * admins and auditors only, holds them out of the counts, and reviewRating
 * (province admins) puts one back (`count`) or keeps it out (`exclude`),
 * audited, idempotent, and only for a rating that is flagged.
 */
import type { Rating } from '@canbo/model';
import { ratingCollections } from '../../functions/src/data/ratings';
import { callableHarness, failure } from '../helpers/callable';
import { claims, person, writeProvince } from '../helpers/province';

const { call, firestore, cleanup } = callableHarness('ratings-review');

const base = Date.parse('2026-10-05T02:00:00Z');
const minutes = (m: number) => new Date(base + m * 60_000).toISOString();

function rating(id: string, cadreId: string, submittedAt: string, extra: Partial<Rating> = {}): Rating {
  return {
    id,
    provinceCode: '42',
    communeCode: '18073',
    unitCode: '18073',
    cadreId,
    procedure: 'Đăng ký khai sinh',
    procedureId: 'khai_sinh',
    receivedOn: '2026-10-01',
    returnedOn: '2026-10-04',
    criteria: { overall: 5, attitude: 5, timeliness: 5, guidance: 5 },
    trips: 0,
    hasComment: false,
    submittedAt,
    period: '2026-Q4',
    clientSeq: 1,
    ...extra,
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
  const put = (r: Rating) => batch.set(rc.ratings.doc(r.id), r);
  // c-a: five ratings within 20 minutes (a burst), then three a day apart.
  for (let i = 0; i < 5; i++) put(rating(`H42-B-${i}`, 'c-a', minutes(i * 5)));
  for (let i = 0; i < 3; i++) put(rating(`H42-N-${i}`, 'c-a', minutes(1440 * (i + 1))));
  // c-b: the 7th rating of the day from one address, and one submitted before the return.
  put(rating('H42-K-1', 'c-b', minutes(100), { clientSeq: 7, criteria: { overall: 1 } }));
  put(rating('H42-E-1', 'c-b', minutes(200), { returnedOn: '2026-10-20' }));
  put(rating('H42-P-1', 'c-b', minutes(3000)));
  await batch.commit();
});

afterAll(cleanup);

type Flagged = { receiptNo: string; flags: string[]; nearby: number; clientSeq: number | null };
const unitOf = (res: { units: { unitCode: string; count: number; flagged: number }[] }) =>
  res.units.find((u) => u.unitCode === '18073')!;

test('a province admin sees the flagged ratings with their evidence, held out of the counts', async () => {
  const res = await call('getSatisfaction', { period: '2026-Q4' });
  expect(unitOf(res)).toMatchObject({ count: 4, flagged: 7 });
  const flagged = res.flagged as Flagged[];
  expect(flagged.map((f) => f.receiptNo)).toEqual([
    'H42-B-0',
    'H42-B-1',
    'H42-B-2',
    'H42-B-3',
    'H42-B-4',
    'H42-K-1',
    'H42-E-1',
  ]);
  expect(flagged[0]).toMatchObject({ flags: ['burst'], nearby: 5, review: null });
  expect(flagged[5]).toMatchObject({ flags: ['many_from_client'], clientSeq: 7, overall: 1 });
  expect(flagged[6]).toMatchObject({
    flags: ['before_return'],
    returnedOn: '2026-10-20',
    submittedAt: '2026-10-05T05:20:00.000Z',
  });
});

test('an auditor sees the flagged list too; a commune role does not', async () => {
  const auditor = await call('getSatisfaction', { period: '2026-Q4' }, { role: 'auditor', province: '42' });
  expect((auditor.flagged as Flagged[]).length).toBe(7);
  const commune = await call('getSatisfaction', { period: '2026-Q4' }, claims.commune18073, 'u-commune');
  expect(commune.flagged).toBeUndefined();
  expect(unitOf(commune)).toMatchObject({ count: 4, flagged: 7 });
});

test('an unflagged rating cannot be reviewed, and only a province admin reviews', async () => {
  const unflagged = await failure(
    call('reviewRating', { receiptNo: 'H42-P-1', decision: 'exclude', reason: 'không thích' }),
  );
  expect(unflagged.code).toBe('failed-precondition');
  const auditor = await failure(
    call(
      'reviewRating',
      { receiptNo: 'H42-B-0', decision: 'count', reason: 'xác minh' },
      { role: 'auditor', province: '42' },
    ),
  );
  expect(auditor.code).toBe('permission-denied');
  const commune = await failure(
    call(
      'reviewRating',
      { receiptNo: 'H42-B-0', decision: 'count', reason: 'xác minh' },
      claims.commune18073,
    ),
  );
  expect(commune.code).toBe('permission-denied');
  const other = await failure(
    call(
      'reviewRating',
      { receiptNo: 'H42-B-0', decision: 'count', reason: 'xác minh' },
      claims.otherProvince,
      'u-other',
    ),
  );
  expect(other.code).toBe('not-found');
  const missingReason = await failure(call('reviewRating', { receiptNo: 'H42-B-0', decision: 'count' }));
  expect(missingReason.code).toBe('invalid-argument');
});

test('count puts a flagged rating back, once; exclude takes it out again; each change is audited', async () => {
  const db = firestore();
  const reason = 'Đã gọi điện xác minh với bộ phận một cửa';
  const first = await call('reviewRating', { receiptNo: 'H42-B-2', decision: 'count', reason });
  expect(first).toEqual({ receiptNo: 'H42-B-2', decision: 'count', changed: true, flags: ['burst'] });
  const again = await call('reviewRating', { receiptNo: 'H42-B-2', decision: 'count', reason });
  expect(again).toEqual({ receiptNo: 'H42-B-2', decision: 'count', changed: false, flags: ['burst'] });

  const stored = (await ratingCollections(db).ratings.doc('H42-B-2').get()).data()!;
  expect(stored.review).toMatchObject({ decision: 'count', by: 'u-admin', reason });
  let res = await call('getSatisfaction', { period: '2026-Q4' });
  expect(unitOf(res)).toMatchObject({ count: 5, flagged: 6 });
  expect(
    (res.flagged as { receiptNo: string; review: unknown }[]).find((f) => f.receiptNo === 'H42-B-2'),
  ).toMatchObject({ review: { decision: 'count', by: 'u-admin', reason } });

  const excluded = await call('reviewRating', {
    receiptNo: 'H42-B-2',
    decision: 'exclude',
    reason: 'Cùng một người gửi',
  });
  expect(excluded).toMatchObject({ changed: true, decision: 'exclude' });
  res = await call('getSatisfaction', { period: '2026-Q4' });
  expect(unitOf(res)).toMatchObject({ count: 4, flagged: 7 });

  const audit = await db
    .collection('audit')
    .where('provinceCode', '==', '42')
    .where('action', '==', 'rating.review')
    .get();
  const entries = audit.docs.map((d) => d.data()).filter((e) => e.target === 'ratings/H42-B-2');
  expect(entries).toHaveLength(2);
  expect(entries.map((e) => e.after.decision).sort()).toEqual(['count', 'exclude']);
  expect(entries.map((e) => e.reason).sort()).toEqual([
    'Giữ đánh giá (tính vào điểm): Đã gọi điện xác minh với bộ phận một cửa / rating kept (counted): Đã gọi điện xác minh với bộ phận một cửa',
    'Loại đánh giá khỏi điểm: Cùng một người gửi / rating excluded from the scores: Cùng một người gửi',
  ]);
});

test("a commune's code covers its agencies; an agency's code only that agency", async () => {
  const db = firestore();
  const agency = rating('H42-V-1', 'c-b', minutes(5000), { unitCode: '18073-vp' });
  await ratingCollections(db).ratings.doc(agency.id).set(agency);
  const commune = await call(
    'getSatisfaction',
    { period: '2026-Q4', unitCode: '18073' },
    claims.commune18073,
    'u-commune',
  );
  expect(commune.units.map((u: { unitCode: string }) => u.unitCode).sort()).toEqual(['18073', '18073-vp']);
  const only = await call(
    'getSatisfaction',
    { period: '2026-Q4', unitCode: '18073-vp' },
    claims.commune18073,
    'u-commune',
  );
  expect(only.units.map((u: { unitCode: string }) => u.unitCode)).toEqual(['18073-vp']);
  expect(only.units[0]).toMatchObject({ count: 1, satisfied: 1 });
});
