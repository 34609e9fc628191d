/**
 * Receipts and citizen ratings against the emulator (issue 11): registration
 * with its per-row report, the rating link's code, forged codes and unknown
 * receipts answered alike, one rating per receipt under 20 concurrent
 * submissions, the window after the return, the per-address rate limit, App
 * Check when enforced, comments kept apart, and the rating following a
 * corrected receipt.
 */
import { collections } from '../../functions/src/data/refs';
import { ratingCollections } from '../../functions/src/data/ratings';
import { ratingCode } from '../../functions/src/domain/rating-code';
import { systemClock } from '../../functions/src/lib/clock';
import { LOCAL_RATING_SECRET } from '../../functions/src/services/ratings/settings';
import { callableHarness, failure } from '../helpers/callable';
import { citizenCaller } from '../helpers/ratings';
import { claims, person, writeProvince } from '../helpers/province';

const { projectId, firestore, cleanup } = callableHarness('ratings');
const citizen = citizenCaller(projectId);

// Vietnam 10:00 on 1 December 2026.
jest.spyOn(systemClock, 'now').mockImplementation(() => new Date('2026-12-01T03:00:00.000Z'));

const integration = { uid: 'svc-motcua-42', token: { role: 'integration', province: '42' } };
const admin = { uid: 'u-admin', token: claims.admin };
const code = (receiptNo: string) => ratingCode(LOCAL_RATING_SECRET, receiptNo);
const scores = { overall: 5, attitude: 4, timeliness: 5, guidance: 4 };
let ipSeq = 0;
/** A fresh client address, so limits of one test do not reach another. */
const ip = () => `198.51.100.${++ipSeq}`;

const receipt = (receiptNo: string, extra: Record<string, unknown> = {}) => ({
  receiptNo,
  procedureId: 'khai_sinh',
  unitCode: '18073',
  cadreId: 'c-desk',
  receivedOn: '2026-11-10',
  dueOn: '2026-11-18',
  returnedOn: '2026-11-18',
  ...extra,
});

let rc: ReturnType<typeof ratingCollections>;

beforeAll(async () => {
  const db = firestore();
  rc = ratingCollections(db);
  await writeProvince(
    db,
    [],
    [{ cadre: person('c-desk', '18073', 'xa_van_thu', { fullName: 'Nguyễn Thị Lan' }) }],
  );
  const res = await citizen.call(
    'registerReceipts',
    {
      receipts: [
        receipt('H42-OPEN-0001'),
        receipt('H42-DUP-0001'),
        receipt('H42-RACE-0001'),
        receipt('H42-LATE-0001', { returnedOn: '2026-10-20', dueOn: '2026-10-20', receivedOn: '2026-10-01' }),
        receipt('H42-WAIT-0001', { returnedOn: null }),
        receipt('H42-EDGE-0001', { returnedOn: '2026-11-01', dueOn: '2026-11-01', receivedOn: '2026-10-25' }),
        receipt('H42-LIM-0001'),
        receipt('H42-FIX-0001'),
      ],
    },
    { ip: ip() },
    integration,
  );
  expect(res).toMatchObject({ created: 8, updated: 0, unchanged: 0, refused: 0 });
});

afterAll(() => {
  citizen.cleanup();
  cleanup();
});

describe('registerReceipts', () => {
  test('reports every row: created, unchanged, updated and refused with the reason; codes for accepted rows', async () => {
    const res = await citizen.call(
      'registerReceipts',
      {
        receipts: [
          receipt('H42-OPEN-0001'),
          receipt('H42-NEW-0001', { returnedOn: null }),
          receipt('H42-BAD-0001', { procedureId: 'no_such_procedure' }),
          receipt('H42-BAD-0002', { unitCode: '01001' }),
          receipt('H42-BAD-0003', { returnedOn: '2026-11-01' }),
          { receiptNo: 'H42-BAD-0004', unitCode: '18073' },
          receipt('H42-NEW-0001'),
          receipt('H42-BAD-0005', { cadreId: 'c-nobody' }),
        ],
      },
      { ip: ip() },
      integration,
    );
    expect(res).toMatchObject({ created: 1, updated: 0, unchanged: 1, refused: 6 });
    expect(res.rows.map((r: { status: string }) => r.status)).toEqual([
      'unchanged',
      'created',
      'refused',
      'refused',
      'refused',
      'refused',
      'refused',
      'refused',
    ]);
    expect(res.rows[0].code).toBe(code('H42-OPEN-0001'));
    expect(res.rows[1].code).toBe(code('H42-NEW-0001'));
    expect(res.rows[2].code).toBeUndefined();
    expect(res.rows.slice(2).map((r: { message: { en: string } }) => r.message.en)).toEqual([
      'procedure no_such_procedure is not in the catalogue',
      'unit 01001 does not exist',
      'returned on 2026-11-01, before it was received on 2026-11-10',
      expect.stringMatching(/^invalid row: procedureId: /),
      'receipt number H42-NEW-0001 appears more than once in this call',
      'no cadre c-nobody in the province',
    ]);
    const stored = (await rc.receipts.doc('H42-NEW-0001').get()).data();
    expect(stored).toMatchObject({
      provinceCode: '42',
      communeCode: '18073',
      returnedOn: null,
      registeredBy: 'svc-motcua-42',
    });
  });

  test('a province admin may register; other roles, other provinces and no account may not', async () => {
    const ok = await citizen.call(
      'registerReceipts',
      { receipts: [receipt('H42-ADM-0001')] },
      { ip: ip() },
      admin,
    );
    expect(ok.created).toBe(1);
    const refusals = await Promise.all([
      failure(
        citizen.call(
          'registerReceipts',
          { receipts: [receipt('H42-X-0001')] },
          { ip: ip() },
          {
            uid: 'u-commune',
            token: claims.commune18073,
          },
        ),
      ),
      failure(citizen.call('registerReceipts', { receipts: [receipt('H42-X-0002')] }, { ip: ip() })),
    ]);
    expect(refusals.map((e) => e.code)).toEqual(['permission-denied', 'unauthenticated']);
    const other = await citizen.call(
      'registerReceipts',
      { receipts: [receipt('H42-X-0003')] },
      { ip: ip() },
      {
        uid: 'svc-40',
        token: { role: 'integration', province: '40' },
      },
    );
    expect(other.rows[0].message.en).toBe('unit 18073 is not in province 40');
    expect((await rc.receipts.doc('H42-X-0003').get()).exists).toBe(false);
  });

  test('more than 200 receipts in one call is invalid-argument', async () => {
    const many = Array.from({ length: 201 }, (_, i) => receipt(`H42-MANY-${String(i).padStart(4, '0')}`));
    const e = await failure(citizen.call('registerReceipts', { receipts: many }, { ip: ip() }, integration));
    expect(e.code).toBe('invalid-argument');
    expect(e.details?.fields?.[0]?.path).toBe('receipts');
  });
});

describe('the citizen page: getReceiptForRating', () => {
  test('shows the procedure, the office, the officer and the criteria, without an account', async () => {
    const res = await citizen.call(
      'getReceiptForRating',
      { receiptNo: 'H42-OPEN-0001', code: code('H42-OPEN-0001') },
      { ip: ip() },
    );
    expect(res).toEqual({
      receiptNo: 'H42-OPEN-0001',
      procedure: { id: 'khai_sinh', name: 'Đăng ký khai sinh', nameEn: 'Birth registration' },
      office: { code: '18073', name: 'Phường Thành Sen' },
      officer: 'Nguyễn Thị Lan',
      receivedOn: '2026-11-10',
      returnedOn: '2026-11-18',
      rateBy: '2026-12-18',
      windowDays: 30,
      state: 'open',
      criteria: [
        { id: 'overall', label: { vi: 'Mức độ hài lòng chung', en: 'Overall satisfaction' } },
        { id: 'attitude', label: { vi: 'Thái độ phục vụ của cán bộ', en: "The officer's attitude" } },
        {
          id: 'timeliness',
          label: { vi: 'Thời gian giải quyết (đúng hẹn)', en: 'Timeliness (on the appointed date)' },
        },
        { id: 'guidance', label: { vi: 'Hướng dẫn rõ ràng, đầy đủ', en: 'Clear and complete guidance' } },
      ],
    });
  });

  test('a forged code and an unknown receipt get the same answer', async () => {
    const forged = await failure(
      citizen.call(
        'getReceiptForRating',
        { receiptNo: 'H42-OPEN-0001', code: code('H42-DUP-0001') },
        { ip: ip() },
      ),
    );
    const unknown = await failure(
      citizen.call(
        'getReceiptForRating',
        { receiptNo: 'H42-NONE-0001', code: code('H42-NONE-0001') },
        { ip: ip() },
      ),
    );
    expect([forged.code, forged.message]).toEqual([
      'not-found',
      'Đường dẫn đánh giá không hợp lệ: kiểm tra lại mã trên giấy biên nhận / this rating link is not valid: check the code on your receipt',
    ]);
    expect([unknown.code, unknown.message, unknown.details]).toEqual([
      forged.code,
      forged.message,
      forged.details,
    ]);
  });
});

describe('submitRating', () => {
  test('stores the rating without the comment, and the comment apart', async () => {
    const res = await citizen.call(
      'submitRating',
      {
        receiptNo: 'H42-OPEN-0001',
        code: code('H42-OPEN-0001'),
        criteria: scores,
        trips: 1,
        comment: '  Cán bộ hướng dẫn tận tình.  ',
      },
      { ip: '192.0.2.10' },
    );
    expect(res).toEqual({ receiptNo: 'H42-OPEN-0001', submittedAt: '2026-12-01T03:00:00.000Z' });
    const rating = (await rc.ratings.doc('H42-OPEN-0001').get()).data();
    expect(rating).toEqual({
      id: 'H42-OPEN-0001',
      provinceCode: '42',
      communeCode: '18073',
      unitCode: '18073',
      cadreId: 'c-desk',
      procedure: 'Đăng ký khai sinh',
      procedureId: 'khai_sinh',
      receivedOn: '2026-11-10',
      returnedOn: '2026-11-18',
      criteria: scores,
      trips: 1,
      hasComment: true,
      submittedAt: '2026-12-01T03:00:00.000Z',
      period: '2026-Q4',
      clientSeq: 1,
    });
    expect((await rc.ratingComments.doc('H42-OPEN-0001').get()).data()).toMatchObject({
      comment: 'Cán bộ hướng dẫn tận tình.',
      communeCode: '18073',
      cadreId: 'c-desk',
    });
    const page = await citizen.call(
      'getReceiptForRating',
      { receiptNo: 'H42-OPEN-0001', code: code('H42-OPEN-0001') },
      { ip: ip() },
    );
    expect(page.state).toBe('rated');
  });

  test('a forged code, an unknown receipt and a missing criterion are refused; nothing is stored', async () => {
    const forged = await failure(
      citizen.call(
        'submitRating',
        { receiptNo: 'H42-DUP-0001', code: code('H42-RACE-0001'), criteria: scores, trips: 0 },
        { ip: ip() },
      ),
    );
    const unknown = await failure(
      citizen.call(
        'submitRating',
        { receiptNo: 'H42-NONE-0002', code: code('H42-NONE-0002'), criteria: scores, trips: 0 },
        { ip: ip() },
      ),
    );
    const partial = await failure(
      citizen.call(
        'submitRating',
        { receiptNo: 'H42-DUP-0001', code: code('H42-DUP-0001'), criteria: { overall: 5 }, trips: 0 },
        { ip: ip() },
      ),
    );
    const malformed = await failure(
      citizen.call(
        'submitRating',
        { receiptNo: 'H42-DUP-0001', code: 'abc', criteria: scores, trips: 0 },
        { ip: ip() },
      ),
    );
    expect([forged.code, unknown.code, partial.code, malformed.code]).toEqual([
      'not-found',
      'not-found',
      'invalid-argument',
      'invalid-argument',
    ]);
    expect(unknown.message).toBe(forged.message);
    expect(partial.details?.fields).toEqual([
      {
        path: 'criteria',
        message:
          'Cần chấm đủ các tiêu chí: overall, attitude, timeliness, guidance / every criterion must be rated: overall, attitude, timeliness, guidance',
      },
    ]);
    expect((await rc.ratings.doc('H42-DUP-0001').get()).exists).toBe(false);
    expect((await rc.ratings.doc('H42-NONE-0002').get()).exists).toBe(false);
  });

  test('a second rating of a receipt is already-exists', async () => {
    const input = { receiptNo: 'H42-DUP-0001', code: code('H42-DUP-0001'), criteria: scores, trips: 0 };
    await citizen.call('submitRating', input, { ip: ip() });
    const again = await failure(
      citizen.call('submitRating', { ...input, criteria: { ...scores, overall: 1 } }, { ip: ip() }),
    );
    expect(again.code).toBe('already-exists');
    expect((await rc.ratings.doc('H42-DUP-0001').get()).data()!.criteria.overall).toBe(5);
  });

  test('of 20 concurrent submissions for one receipt exactly one succeeds; the others are already-exists', async () => {
    const input = { receiptNo: 'H42-RACE-0001', code: code('H42-RACE-0001'), trips: 0 };
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        citizen.call(
          'submitRating',
          { ...input, criteria: { ...scores, overall: (i % 5) + 1 } },
          { ip: ip() },
        ),
      ),
    );
    const ok = outcomes.filter((o) => o.status === 'fulfilled');
    const codes = outcomes.flatMap((o) =>
      o.status === 'rejected' ? [(o.reason as { code: string }).code] : [],
    );
    expect(ok).toHaveLength(1);
    expect(codes).toEqual(Array.from({ length: 19 }, () => 'already-exists'));
    const winner = outcomes.findIndex((o) => o.status === 'fulfilled');
    expect((await rc.ratings.doc('H42-RACE-0001').get()).data()!.criteria.overall).toBe((winner % 5) + 1);
  });

  test('only within the window after the return: not before it, not after 30 days, the 30th day included', async () => {
    const rate = (receiptNo: string) =>
      citizen.call(
        'submitRating',
        { receiptNo, code: code(receiptNo), criteria: scores, trips: 0 },
        { ip: ip() },
      );
    const waiting = await failure(rate('H42-WAIT-0001'));
    const late = await failure(rate('H42-LATE-0001'));
    expect([waiting.code, waiting.details?.message?.en]).toEqual([
      'failed-precondition',
      'the result of this dossier has not been returned yet: you can rate it once you receive it',
    ]);
    expect([late.code, late.details?.message?.en]).toEqual([
      'failed-precondition',
      'the rating period has ended (30 days after the result was returned on 2026-10-20)',
    ]);
    // Returned on 1 November: 1 December (Vietnam) is the 30th day after, still open.
    await expect(rate('H42-EDGE-0001')).resolves.toMatchObject({ receiptNo: 'H42-EDGE-0001' });
  });

  test('a client address that exceeds 10 requests in a minute is resource-exhausted with a retry time, refused attempts included', async () => {
    const address = '192.0.2.77';
    const wrong = { receiptNo: 'H42-LIM-0001', code: code('H42-NONE-0009'), criteria: scores, trips: 0 };
    const attempts = [];
    for (let i = 0; i < 10; i++)
      attempts.push(await failure(citizen.call('submitRating', wrong, { ip: address })));
    expect(attempts.map((e) => e.code)).toEqual(Array.from({ length: 10 }, () => 'not-found'));
    const right = { ...wrong, code: code('H42-LIM-0001') };
    const limited = await failure(citizen.call('submitRating', right, { ip: address }));
    expect(limited.code).toBe('resource-exhausted');
    // 03:00:00 UTC: the next minute starts in 60 seconds.
    expect(limited.details).toMatchObject({ retryAfterSeconds: 60 });
    expect(limited.message).toBe(
      'Quá nhiều lượt gửi từ thiết bị này. Vui lòng thử lại sau 60 giây / too many attempts from this device; please try again in 60 seconds',
    );
    // Another address is not limited.
    await expect(citizen.call('submitRating', right, { ip: '192.0.2.78' })).resolves.toMatchObject({
      receiptNo: 'H42-LIM-0001',
    });
    const counters = (await rc.rateLimits.get()).docs.map((d) => d.id);
    expect(counters.some((id) => id.includes('192'))).toBe(false);
  });

  test('a corrected return date reaches the rating, so the flag before_return can see it', async () => {
    const input = { receiptNo: 'H42-FIX-0001', code: code('H42-FIX-0001'), criteria: scores, trips: 0 };
    await citizen.call('submitRating', input, { ip: ip() });
    const res = await citizen.call(
      'registerReceipts',
      { receipts: [receipt('H42-FIX-0001', { returnedOn: '2026-12-05', dueOn: '2026-12-05' })] },
      { ip: ip() },
      integration,
    );
    expect(res.rows[0].status).toBe('updated');
    expect((await rc.ratings.doc('H42-FIX-0001').get()).data()).toMatchObject({
      returnedOn: '2026-12-05',
      submittedAt: '2026-12-01T03:00:00.000Z',
    });
    const audit = (
      await collections(firestore()).audit.where('action', '==', 'receipts.register').get()
    ).docs.map((d) => d.data());
    expect(audit.some((a) => JSON.stringify(a.after).includes('H42-FIX-0001'))).toBe(true);
  });
});

describe('App Check', () => {
  test('when enforced, a request without a valid App Check token is unauthenticated', async () => {
    process.env.RATINGS_ENFORCE_APP_CHECK = 'true';
    jest.resetModules();
    const isolated = await import('../helpers/ratings');
    const caller = isolated.citizenCaller(projectId);
    try {
      const input = { receiptNo: 'H42-ADM-0001', code: code('H42-ADM-0001') };
      const refused = await failure(caller.call('getReceiptForRating', input, { ip: ip() }));
      expect(refused.code).toBe('unauthenticated');
      await expect(
        caller.call('getReceiptForRating', input, { ip: ip(), appCheck: true }),
      ).resolves.toMatchObject({ state: 'open' });
    } finally {
      delete process.env.RATINGS_ENFORCE_APP_CHECK;
      caller.cleanup();
    }
  });
});
