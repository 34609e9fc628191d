/**
 * The movement callables against the emulator (firebase-functions-test):
 * input validation, scopes, legal checks with their basis, overrides, quota
 * effects on both sides, the audit log, and concurrency.
 */
import { collections } from '../../functions/src/data/refs';
import { systemClock } from '../../functions/src/lib/clock';
import { quotaId } from '@canbo/model';
import { callableHarness, failure } from '../helpers/callable';
import { movement, person, profile, quota, unit, writeProvince, claims } from '../helpers/province';

const { call, firestore, cleanup } = callableHarness('movements');

// The use cases' clock, fixed: quota effects land in the quota of the year a
// transition is recorded (docs/legal-basis.md §9), so the fixtures' 2027
// quotas are the ones every step reads and writes, whatever today is; and a
// start or an end is recorded on or before today (§11), so the movements'
// 10 January start lies behind it.
const TODAY = '2027-01-12T02:00:00.000Z';
let clock = TODAY;
jest.spyOn(systemClock, 'now').mockImplementation(() => new Date(clock));
/** Moves the use cases' clock, for a test whose steps happen later in the year. */
const setClock = (iso: string) => {
  clock = iso;
};
afterEach(() => setClock(TODAY));

let c: ReturnType<typeof collections>;
const q = async (unitCode: string) =>
  (await c.quotas.doc(quotaId(unitCode, 'government', 2027)).get()).data()!;

beforeAll(async () => {
  const db = firestore();
  c = collections(db);
  await writeProvince(
    db,
    [quota('18073', 32, 30), quota('18100', 32, 31), quota('18115', 10, 10)],
    [
      { cadre: person('c-transfer', '18073', 'xa_tu_phap_ho_tich') },
      { cadre: person('c-second', '18073', 'xa_ke_toan') },
      {
        cadre: person('c-pregnant', '18073', 'xa_van_thu', { gender: 'female' }),
        profile: profile({ pregnantOrMaternity: true }),
      },
      { cadre: person('c-weak', '18073', 'xa_van_thu', { politicalTheory: 'none' }) },
      { cadre: person('c-full-a', '18073', 'xa_van_hoa_xa_hoi') },
      { cadre: person('c-full-b', '18073', 'xa_van_hoa_xa_hoi') },
      { cadre: person('c-early', '18073', 'xa_van_hoa_xa_hoi') },
      { cadre: person('c-rel', '18073', 'xa_van_thu') },
      {
        // The chair of 18100 records c-rel as a sibling; c-rel's own record names no one.
        cadre: person('c-chair', '18100', 'xa_chu_tich_ubnd'),
        profile: {
          ...profile({}, [
            { relation: 'sibling', fullName: 'Cán bộ c-rel', birthYear: 1985, cadreId: 'c-rel' },
          ]),
          familyCadreIds: ['c-rel'],
        },
      },
      ...Array.from({ length: 8 }, (_, i) => ({
        cadre: person(`c-race-${i}`, '18073', 'xa_van_hoa_xa_hoi'),
      })),
      // One open movement at a time (issue 9): each test has its own people.
      ...[
        'c-track',
        'c-reject',
        'c-double',
        'c-same',
        'c-term-away',
        'c-term-order',
        'c-own',
        'c-future',
      ].map((id) => ({
        cadre: person(id, '18073', 'xa_van_hoa_xa_hoi'),
      })),
      { cadre: person('c-commune', '18073', 'xa_pho_chu_tich_ubnd') },
      // Written before cadres carried their open movements: the field is absent.
      { cadre: person('c-legacy', '18073', 'xa_van_hoa_xa_hoi') },
      { cadre: person('c-legacy-two', '18073', 'xa_van_hoa_xa_hoi') },
    ],
  );
  // Units with room, used only by the tests of one open movement at a time.
  for (const [code, name] of [
    ['18124', 'Phường Nam Hồng Lĩnh'],
    ['18127', 'Xã Thiên Lộc'],
  ] as const) {
    await c.units.doc(code).set(unit(code, name));
    await c.quotas.doc(quotaId(code, 'government', 2027)).set(quota(code, 40, 20));
  }
});

afterAll(cleanup);

describe('input, authentication and scope', () => {
  test('checkQuota reports allocated, filled, reserved, incoming and free', async () => {
    expect(
      await call('checkQuota', { unitCode: '18100', block: 'government', year: 2027, delta: 1 }),
    ).toEqual({
      unitCode: '18100',
      block: 'government',
      year: 2027,
      allocated: 32,
      filled: 31,
      reservedForReturn: 0,
      incoming: 0,
      free: 1,
      fits: true,
      delta: 1,
    });
    expect(
      (await call('checkQuota', { unitCode: '18100', block: 'government', year: 2027, delta: 2 })).fits,
    ).toBe(false);
  });

  test('no sign-in is unauthenticated, another commune or province is permission-denied', async () => {
    const anonymous = await failure(
      call('checkQuota', { unitCode: '18100', block: 'government', year: 2027 }, null),
    );
    expect(anonymous.code).toBe('unauthenticated');
    // Every refusal says why in both languages: one line for simple clients, both texts in details.
    expect(anonymous.message).toBe('Cần đăng nhập / sign-in required');
    expect(anonymous.details!.message).toEqual({ vi: 'Cần đăng nhập', en: 'sign-in required' });
    expect(
      (
        await failure(
          call('checkQuota', { unitCode: '18100', block: 'government', year: 2027 }, claims.commune18073),
        )
      ).code,
    ).toBe('permission-denied');
    expect(
      (await call('checkQuota', { unitCode: '18073', block: 'government', year: 2027 }, claims.commune18073))
        .free,
    ).toBe(2);
    expect(
      (
        await failure(
          call('checkQuota', { unitCode: '18100', block: 'government', year: 2027 }, claims.otherProvince),
        )
      ).code,
    ).toBe('permission-denied');
    expect(
      (await failure(call('checkQuota', { unitCode: '18100', block: 'government' }, { role: 'janitor' })))
        .code,
    ).toBe('permission-denied');
  });

  test('bad input is invalid-argument with the field errors', async () => {
    const err = await failure(
      call('proposeMovement', {
        type: 'promotion',
        cadreId: 'c-transfer',
        toUnitCode: '181',
        startDate: '2027-02-30',
        reason: 'x',
        extra: 1,
      }),
    );
    expect(err.code).toBe('invalid-argument');
    const paths = err.details!.fields!.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['type', 'toUnitCode', 'startDate', 'reason']));
  });

  test('a viewer cannot propose', async () => {
    const err = await failure(
      call(
        'proposeMovement',
        {
          type: 'transfer',
          cadreId: 'c-transfer',
          toUnitCode: '18100',
          toPositionId: 'xa_tu_phap_ho_tich',
          startDate: '2027-01-10',
          reason: 'Theo yêu cầu',
        },
        claims.viewer,
      ),
    );
    expect(err.code).toBe('permission-denied');
  });
});

describe('legal checks', () => {
  test('a prohibition refuses the proposal with the failed check and its basis; nothing is stored', async () => {
    const before = (await c.movements.get()).size;
    const err = await failure(
      call('proposeMovement', {
        type: 'secondment',
        cadreId: 'c-pregnant',
        toUnitCode: '18100',
        startDate: '2027-01-10',
        plannedEndDate: '2027-12-31',
        reason: 'Hỗ trợ',
      }),
    );
    expect(err.code).toBe('failed-precondition');
    expect(err.details!.checks![0]).toMatchObject({ code: 'prohibited_situations', overridable: false });
    expect(err.details!.checks![0]!.basis).toContain('Nghị định 170/2025');
    expect((await c.movements.get()).size).toBe(before);
  });

  test('a relative found only on their own record still blocks a post under them', async () => {
    const err = await failure(
      call('proposeMovement', {
        type: 'transfer',
        cadreId: 'c-rel',
        toUnitCode: '18100',
        toPositionId: 'xa_ke_toan',
        startDate: '2027-01-10',
        reason: 'Bổ sung kế toán',
      }),
    );
    expect(err.code).toBe('failed-precondition');
    expect(err.details!.checks!.map((x) => x.code)).toEqual(['relatives']);
  });

  test('an overridable failure needs a province admin override with a reason, which is recorded', async () => {
    const m = await call('proposeMovement', {
      type: 'transfer',
      cadreId: 'c-weak',
      toUnitCode: '18100',
      toPositionId: 'xa_pho_chu_tich_ubnd',
      startDate: '2027-01-10',
      reason: 'Tăng cường',
    });
    expect(m.checks.find((x: { code: string }) => x.code === 'post_standards').outcome).toBe('fail');
    const refused = await failure(
      call('decideMovement', { movementId: m.id, decision: 'approve', note: 'Duyệt' }),
    );
    expect(refused.code).toBe('failed-precondition');
    expect(refused.details!.checks!.map((x) => x.code)).toContain('post_standards');
    const tooShort = await failure(
      call('decideMovement', {
        movementId: m.id,
        decision: 'approve',
        note: 'Duyệt',
        overrides: [{ code: 'post_standards', reason: 'ngắn' }],
      }),
    );
    expect(tooShort.code).toBe('invalid-argument');
    const approved = await call('decideMovement', {
      movementId: m.id,
      decision: 'approve',
      note: 'Duyệt',
      decisionNo: '45/QĐ-UBND',
      overrides: [{ code: 'post_standards', reason: 'Sẽ học trung cấp lý luận chính trị trong năm 2027' }],
    });
    expect(approved.status).toBe('approved');
    expect(approved.overrides).toEqual([
      expect.objectContaining({
        code: 'post_standards',
        by: 'u-admin',
        reason: 'Sẽ học trung cấp lý luận chính trị trong năm 2027',
      }),
    ]);
    expect((await q('18100')).incoming).toBe(1);
    // The approval took the last free post of 18100.
    expect((await call('checkQuota', { unitCode: '18100', block: 'government', year: 2027 })).free).toBe(0);
    await call('cancelMovement', { movementId: m.id, reason: 'Rút đề xuất' });
    expect((await q('18100')).incoming).toBe(0);
  });
});

describe('lifecycle and quotas', () => {
  test('a transfer: approval reserves the target post, start moves the person and both counts', async () => {
    const m = await call('proposeMovement', {
      type: 'transfer',
      cadreId: 'c-transfer',
      toUnitCode: '18100',
      toPositionId: 'xa_tu_phap_ho_tich',
      startDate: '2027-01-10',
      reason: 'Điều động theo yêu cầu nhiệm vụ',
    });
    expect(m.status).toBe('proposed');
    await call('decideMovement', {
      movementId: m.id,
      decision: 'approve',
      note: 'Đồng ý',
      decisionNo: '101/QĐ-UBND',
      decisionDate: '2026-12-20',
    });
    expect(await q('18100')).toMatchObject({ filled: 31, incoming: 1 });
    // Started on its approved date (an earlier start needs a reason, docs/legal-basis.md §11).
    const started = await call('startMovement', { movementId: m.id, startDate: '2027-01-10' });
    expect(started.status).toBe('active');
    expect(await q('18100')).toMatchObject({ filled: 32, incoming: 0 });
    expect(await q('18073')).toMatchObject({ filled: 29 });
    expect((await c.cadres.doc('c-transfer').get()).data()).toMatchObject({
      homeUnitCode: '18100',
      currentUnitCode: '18100',
      communeCode: '18100',
    });
    const audit = (await c.audit.where('target', '==', `movements/${m.id}`).get()).docs
      .map((d) => d.data().action)
      .sort();
    expect(audit).toEqual(['movement.approve', 'movement.propose', 'movement.start']);
    const err = await failure(call('startMovement', { movementId: m.id, startDate: '2027-01-10' }));
    expect(err.code).toBe('failed-precondition');
  });

  test('a secondment keeps a reserved slot at home, extends within 3 years only, and returns', async () => {
    const m = await call('proposeMovement', {
      type: 'secondment',
      cadreId: 'c-second',
      toUnitCode: '18115',
      startDate: '2027-01-10',
      plannedEndDate: '2028-01-10',
      reason: 'Hỗ trợ kế toán',
    });
    await call('decideMovement', { movementId: m.id, decision: 'approve', note: 'Đồng ý' });
    // 18115 is full, but a secondee stays on the home quota.
    expect(await q('18115')).toMatchObject({ filled: 10, incoming: 0 });
    await call('startMovement', { movementId: m.id, startDate: '2027-01-10' });
    const home = await q('18073');
    expect(home.reservedForReturn).toBe(1);
    expect((await c.cadres.doc('c-second').get()).data()).toMatchObject({
      status: 'seconded_out',
      homeUnitCode: '18073',
      currentUnitCode: '18115',
    });
    const tooLong = await failure(
      call('extendMovement', { movementId: m.id, plannedEndDate: '2030-01-11', reason: 'Gia hạn' }),
    );
    expect(tooLong.code).toBe('failed-precondition');
    expect(tooLong.details!.checks![0]!.code).toBe('secondment_duration');
    expect(
      (
        await call('extendMovement', {
          movementId: m.id,
          plannedEndDate: '2030-01-10',
          reason: 'Gia hạn theo đề nghị',
        })
      ).plannedEndDate,
    ).toBe('2030-01-10');
    // Past 36 months only with a specialised law's exception, recorded with the extension.
    const longer = {
      movementId: m.id,
      plannedEndDate: '2031-01-10',
      reason: 'Gia hạn theo luật chuyên ngành',
    };
    const noException = await failure(call('extendMovement', longer));
    expect(noException.code).toBe('failed-precondition');
    expect(noException.details!.checks![0]).toMatchObject({
      code: 'secondment_duration',
      overridable: false,
    });
    const exception = { basis: 'Luật chuyên ngành X, Điều 5', note: 'Dự án kéo dài đến 2031' };
    const extended = await call('extendMovement', { ...longer, durationException: exception });
    expect(extended).toMatchObject({ plannedEndDate: '2031-01-10', durationException: exception });
    expect((await c.movements.doc(m.id).get()).data()!.durationException).toEqual(exception);
    const audited = (await c.audit.where('target', '==', `movements/${m.id}`).get()).docs
      .map((d) => d.data())
      .filter((e) => e.action === 'movement.extend' && e.after?.plannedEndDate === '2031-01-10');
    expect(audited).toHaveLength(1);
    expect(audited[0]!.before!.durationException).toBeNull();
    expect(audited[0]!.after!.durationException).toEqual(exception);
    setClock('2027-07-01T02:00:00.000Z');
    const done = await call('completeMovement', {
      movementId: m.id,
      endDate: '2027-06-30',
      note: 'Trở về đơn vị',
    });
    expect(done).toMatchObject({ status: 'completed', actualEndDate: '2027-06-30' });
    expect(await q('18073')).toMatchObject({
      reservedForReturn: home.reservedForReturn - 1,
      filled: home.filled + 1,
    });
    expect((await c.cadres.doc('c-second').get()).data()).toMatchObject({
      status: 'active',
      currentUnitCode: '18073',
    });
  });
});

describe('what the proposal records is what later steps check', () => {
  test("the person's own request is recorded and lifts the pregnancy prohibition", async () => {
    const m = await call('proposeMovement', {
      type: 'secondment',
      cadreId: 'c-pregnant',
      toUnitCode: '18100',
      startDate: '2027-01-10',
      plannedEndDate: '2027-12-31',
      reason: 'Hỗ trợ theo nguyện vọng',
      personRequest: { note: 'Đơn đề nghị ngày 01/11/2026', date: '2026-11-01' },
    });
    // The date is a field of its own, not folded into the note.
    expect(m.personRequest).toEqual({
      recordedBy: 'u-admin',
      at: '2027-01-12T02:00:00.000Z',
      note: 'Đơn đề nghị ngày 01/11/2026',
      date: '2026-11-01',
    });
    expect(m.checks.find((x: { code: string }) => x.code === 'prohibited_situations').outcome).toBe('pass');
    await call('cancelMovement', { movementId: m.id, reason: 'Dọn dữ liệu thử' });
  });

  test('the legacy requestedByCadre flag is refused: only a personRequest records a request', async () => {
    const err = await failure(
      call('proposeMovement', {
        type: 'secondment',
        cadreId: 'c-pregnant',
        toUnitCode: '18100',
        startDate: '2027-01-10',
        plannedEndDate: '2027-12-31',
        reason: 'Hỗ trợ theo nguyện vọng',
        requestedByCadre: true,
      }),
    );
    expect(err.code).toBe('invalid-argument');
    expect(err.details!.fields!.map((f) => f.path)).toEqual(['']);
    expect(err.details!.fields![0]!.message).toContain('requestedByCadre');
  });

  test('a start before the approved date needs a reason, which is recorded', async () => {
    await c.quotas.doc(quotaId('18115', 'government', 2027)).set(quota('18115', 11, 10));
    const m = await call('proposeMovement', {
      type: 'transfer',
      cadreId: 'c-early',
      toUnitCode: '18115',
      toPositionId: 'xa_van_hoa_xa_hoi',
      startDate: '2027-01-10',
      reason: 'Điều động sớm',
    });
    await call('decideMovement', { movementId: m.id, decision: 'approve', note: 'Đồng ý' });
    const early = await failure(call('startMovement', { movementId: m.id, startDate: '2027-01-05' }));
    expect(early.code).toBe('failed-precondition');
    expect(early.details!.checks!.map((x) => x.code)).toEqual(['start_date']);
    expect((await c.movements.doc(m.id).get()).data()!.status).toBe('approved');
    const started = await call('startMovement', {
      movementId: m.id,
      startDate: '2027-01-05',
      earlyStartReason: 'Đơn vị thiếu người trước kỳ tiếp dân',
    });
    expect(started).toMatchObject({
      status: 'active',
      actualStartDate: '2027-01-05',
      earlyStartReason: 'Đơn vị thiếu người trước kỳ tiếp dân',
    });
    const before = await failure(
      call('completeMovement', { movementId: m.id, endDate: '2027-01-04', note: 'Kết thúc' }),
    );
    expect(before.code).toBe('failed-precondition');
    expect(before.details!.checks!.map((x) => x.code)).toEqual(['end_date']);
  });
});

describe('refusals that say exactly why', () => {
  const transferTo18115 = (cadreId: string) =>
    call('proposeMovement', {
      type: 'transfer',
      cadreId,
      toUnitCode: '18115',
      toPositionId: 'xa_van_hoa_xa_hoi',
      startDate: '2027-01-10',
      reason: 'Điều động bổ sung',
    });

  test('an override naming a check that did not run is refused, not ignored', async () => {
    await c.quotas.doc(quotaId('18115', 'government', 2027)).set(quota('18115', 11, 10));
    const m = await transferTo18115('c-full-a');
    for (const code of ['no_such_check', 'rotation_duration']) {
      const err = await failure(
        call('decideMovement', {
          movementId: m.id,
          decision: 'approve',
          note: 'Duyệt',
          overrides: [{ code, reason: 'Lý do đủ dài để được ghi nhận' }],
        }),
      );
      expect(err.code).toBe('invalid-argument');
      expect(err.details!.fields!.map((f) => f.path)).toEqual(['overrides.0.code']);
    }
    const stored = (await c.movements.doc(m.id).get()).data()!;
    expect(stored.status).toBe('proposed');
    expect(stored.overrides).toEqual([]);
    expect(await q('18115')).toMatchObject({ incoming: 0 });
    await call('cancelMovement', { movementId: m.id, reason: 'Dọn dữ liệu thử' });
  });

  test('a quota refusal carries the quota counts, on proposal and on approval', async () => {
    await c.quotas.doc(quotaId('18115', 'government', 2027)).set(quota('18115', 10, 10));
    const full = await failure(transferTo18115('c-full-a'));
    expect(full.code).toBe('failed-precondition');
    expect(full.details!.checks!.map((x) => x.code)).toEqual(['target_quota']);
    expect(full.details!.quota).toEqual({
      allocated: 10,
      filled: 10,
      reservedForReturn: 0,
      incoming: 0,
      free: 0,
      fits: false,
      delta: 1,
    });

    await c.quotas.doc(quotaId('18115', 'government', 2027)).set(quota('18115', 11, 10));
    const a = await transferTo18115('c-full-a');
    const b = await transferTo18115('c-full-b');
    await call('decideMovement', { movementId: a.id, decision: 'approve', note: 'Đồng ý' });
    const refused = await failure(
      call('decideMovement', { movementId: b.id, decision: 'approve', note: 'Đồng ý' }),
    );
    expect(refused.code).toBe('failed-precondition');
    expect(refused.details!.checks!.map((x) => x.code)).toEqual(['target_quota']);
    expect(refused.details!.quota).toEqual({
      allocated: 11,
      filled: 10,
      reservedForReturn: 0,
      incoming: 1,
      free: 0,
      fits: false,
      delta: 1,
    });
    await call('cancelMovement', { movementId: a.id, reason: 'Dọn dữ liệu thử' });
    await call('cancelMovement', { movementId: b.id, reason: 'Dọn dữ liệu thử' });
  });
});

test('concurrent proposals and approvals never take a unit over its quota', async () => {
  await c.quotas.doc(quotaId('18115', 'government', 2027)).set(quota('18115', 12, 10));
  const results = await Promise.allSettled(
    Array.from({ length: 8 }, async (_, i) => {
      const m = await call('proposeMovement', {
        type: 'transfer',
        cadreId: `c-race-${i}`,
        toUnitCode: '18115',
        toPositionId: 'xa_van_hoa_xa_hoi',
        startDate: '2027-01-10',
        reason: 'Điều động đồng thời',
      });
      return call('decideMovement', { movementId: m.id, decision: 'approve', note: 'Đồng ý' });
    }),
  );
  const approved = results.filter((r) => r.status === 'fulfilled');
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(approved).toHaveLength(2);
  expect(refused.every((r) => r.reason.code === 'failed-precondition')).toBe(true);
  const after = await q('18115');
  expect(after.filled + after.reservedForReturn + after.incoming).toBe(12);
}, 120_000);

describe('one open movement that moves a person at a time (issue 9)', () => {
  const q24 = async () => (await c.quotas.doc(quotaId('18124', 'government', 2027)).get()).data()!;
  const open = async (cadreId: string) => (await c.cadres.doc(cadreId).get()).data()!.openMovements;
  const transfer = (cadreId: string, toUnitCode = '18124', claimsOf = claims.admin) =>
    call(
      'proposeMovement',
      {
        type: 'transfer',
        cadreId,
        toUnitCode,
        toPositionId: 'xa_van_hoa_xa_hoi',
        startDate: '2027-01-10',
        reason: 'Điều động bổ sung',
      },
      claimsOf,
    );

  test("the person's document keeps their open movements through propose, approve, start and complete", async () => {
    const m = await transfer('c-track');
    expect(await open('c-track')).toEqual([{ id: m.id, type: 'transfer', status: 'proposed' }]);
    await call('decideMovement', { movementId: m.id, decision: 'approve', note: 'Đồng ý' });
    expect(await open('c-track')).toEqual([{ id: m.id, type: 'transfer', status: 'approved' }]);
    await call('startMovement', { movementId: m.id, startDate: '2027-01-10' });
    expect(await open('c-track')).toEqual([{ id: m.id, type: 'transfer', status: 'active' }]);
    await call('completeMovement', { movementId: m.id, endDate: '2027-01-10', note: 'Đã nhận công tác' });
    expect(await open('c-track')).toEqual([]);
  });

  test('reject and cancel take the movement off the list', async () => {
    const rejected = await transfer('c-reject');
    await call('decideMovement', { movementId: rejected.id, decision: 'reject', note: 'Chưa phù hợp' });
    expect(await open('c-reject')).toEqual([]);
    const cancelled = await transfer('c-reject');
    await call('decideMovement', { movementId: cancelled.id, decision: 'approve', note: 'Đồng ý' });
    const before = await q24();
    await call('cancelMovement', { movementId: cancelled.id, reason: 'Rút quyết định' });
    expect(await open('c-reject')).toEqual([]);
    expect((await q24()).incoming).toBe(before.incoming - 1);
  });

  test('a second moving proposal is refused with open_movement; a concurrent post is not one', async () => {
    const first = await transfer('c-double');
    const err = await failure(transfer('c-double', '18127'));
    expect(err.code).toBe('failed-precondition');
    expect(err.details!.checks!.map((x) => x.code)).toEqual(['open_movement']);
    expect(err.details!.checks![0]).toMatchObject({ overridable: false });
    expect(err.details!.message!.vi).toContain(first.id);
    expect(err.details!.message!.en).toContain(first.id);
    // A secondment and a termination move the person too.
    for (const other of [
      { type: 'secondment', toUnitCode: '18100', plannedEndDate: '2027-12-31' },
      { type: 'termination', toUnitCode: '18073' },
    ]) {
      const refused = await failure(
        call('proposeMovement', {
          ...other,
          cadreId: 'c-double',
          startDate: '2027-02-01',
          reason: 'Đề xuất thứ hai',
        }),
      );
      expect(refused.details!.checks!.map((x) => x.code)).toContain('open_movement');
    }
    const concurrent = await call('proposeMovement', {
      type: 'concurrent',
      cadreId: 'c-double',
      toUnitCode: '18073',
      toPositionId: 'xa_truong_ban_hdnd',
      startDate: '2027-01-10',
      reason: 'Kiêm nhiệm',
    });
    expect(concurrent.status).toBe('proposed');
    expect((await open('c-double'))!.map((x) => x.id)).toEqual([first.id, concurrent.id]);
    // Once the first is cancelled, another move can be proposed.
    await call('cancelMovement', { movementId: first.id, reason: 'Đổi phương án' });
    const second = await transfer('c-double', '18127');
    expect(second.status).toBe('proposed');
    await call('cancelMovement', { movementId: second.id, reason: 'Dọn dữ liệu thử' });
    await call('cancelMovement', { movementId: concurrent.id, reason: 'Dọn dữ liệu thử' });
    expect(await open('c-double')).toEqual([]);
  });

  test('two transfers proposed at the same moment: exactly one is recorded', async () => {
    const results = await Promise.allSettled([transfer('c-same'), transfer('c-same', '18127')]);
    const made = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(made).toHaveLength(1);
    expect(refused.map((r) => r.reason.code)).toEqual(['failed-precondition']);
    expect((await c.movements.where('cadreId', '==', 'c-same').get()).size).toBe(1);
    expect(await open('c-same')).toHaveLength(1);
  }, 60_000);

  test('a document written before the list existed is read from the movements', async () => {
    await c.movements.doc('mv-42-legacy-1').set(
      movement('mv-42-legacy-1', 'transfer', {
        cadreId: 'c-legacy',
        cadreName: 'Cán bộ c-legacy',
        status: 'approved',
        toUnitCode: '18124',
        communeCodes: ['18073', '18124'],
        fromPositionId: 'xa_van_hoa_xa_hoi',
        toPositionId: 'xa_van_hoa_xa_hoi',
      }),
    );
    expect(await open('c-legacy')).toBeUndefined();
    const err = await failure(transfer('c-legacy', '18127'));
    expect(err.code).toBe('failed-precondition');
    expect(err.details!.checks!.map((x) => x.code)).toEqual(['open_movement']);
  });

  test('older data with two approved transfers of one person: a start is refused, nothing moves', async () => {
    for (const [id, toUnitCode] of [
      ['mv-42-legacy-2', '18124'],
      ['mv-42-legacy-3', '18127'],
    ] as const) {
      await c.movements.doc(id).set(
        movement(id, 'transfer', {
          cadreId: 'c-legacy-two',
          cadreName: 'Cán bộ c-legacy-two',
          status: 'approved',
          toUnitCode,
          communeCodes: ['18073', toUnitCode],
          fromPositionId: 'xa_van_hoa_xa_hoi',
          toPositionId: 'xa_van_hoa_xa_hoi',
        }),
      );
    }
    const [home, target] = [await q('18073'), await q24()];
    const err = await failure(
      call('startMovement', { movementId: 'mv-42-legacy-2', startDate: '2027-01-01' }),
    );
    expect(err.code).toBe('failed-precondition');
    expect(err.details!.checks!.map((x) => x.code)).toEqual(['open_movement']);
    expect(err.details!.message!.en).toContain('mv-42-legacy-3');
    expect([await q('18073'), await q24()]).toEqual([home, target]);
    expect((await c.cadres.doc('c-legacy-two').get()).data()).toMatchObject({
      homeUnitCode: '18073',
      status: 'active',
    });
    expect((await c.movements.doc('mv-42-legacy-2').get()).data()!.status).toBe('approved');
  });
});

describe('terminations never leave a reserved slot behind (issue 9)', () => {
  const home = async () => (await c.quotas.doc(quotaId('18073', 'government', 2027)).get()).data()!;
  const secondment = (cadreId: string) =>
    call('proposeMovement', {
      type: 'secondment',
      cadreId,
      toUnitCode: '18100',
      startDate: '2027-03-01',
      plannedEndDate: '2027-12-31',
      reason: 'Hỗ trợ chuyên môn',
    });
  const termination = (cadreId: string) =>
    call('proposeMovement', {
      type: 'termination',
      cadreId,
      toUnitCode: '18073',
      startDate: '2027-06-01',
      reason: 'Nghỉ việc theo nguyện vọng',
    });

  test('a seconded person cannot be terminated until the secondment is completed; then the slot is freed', async () => {
    setClock('2027-06-02T02:00:00.000Z');
    const s = await secondment('c-term-away');
    await call('decideMovement', { movementId: s.id, decision: 'approve', note: 'Đồng ý' });
    const before = await home();
    await call('startMovement', { movementId: s.id, startDate: '2027-03-01' });
    expect(await home()).toMatchObject({
      filled: before.filled - 1,
      reservedForReturn: before.reservedForReturn + 1,
    });
    const away = await failure(termination('c-term-away'));
    expect(away.code).toBe('failed-precondition');
    expect(away.details!.checks!.map((x) => x.code)).toContain('cadre_status');
    await call('completeMovement', { movementId: s.id, endDate: '2027-05-31', note: 'Trở về' });
    const t = await termination('c-term-away');
    await call('decideMovement', { movementId: t.id, decision: 'approve', note: 'Đồng ý' });
    await call('startMovement', { movementId: t.id, startDate: '2027-06-01' });
    expect(await home()).toMatchObject({
      filled: before.filled - 1,
      reservedForReturn: before.reservedForReturn,
    });
    expect((await c.cadres.doc('c-term-away').get()).data()).toMatchObject({ status: 'left' });
  });

  test('a termination cannot be proposed beside an approved secondment, nor the other way round', async () => {
    const s = await secondment('c-term-order');
    await call('decideMovement', { movementId: s.id, decision: 'approve', note: 'Đồng ý' });
    const err = await failure(termination('c-term-order'));
    expect(err.code).toBe('failed-precondition');
    expect(err.details!.checks!.map((x) => x.code)).toEqual(['open_movement']);
    await call('cancelMovement', { movementId: s.id, reason: 'Đổi phương án' });
    const t = await termination('c-term-order');
    const refused = await failure(secondment('c-term-order'));
    expect(refused.details!.checks!.map((x) => x.code)).toContain('open_movement');
    await call('cancelMovement', { movementId: t.id, reason: 'Dọn dữ liệu thử' });
  });
});

describe("a commune admin's targets are checked like their sources (issue 9)", () => {
  test.each(['appointment', 'concurrent', 'transfer'])(
    'a %s into a commune outside their communes is permission-denied; nothing is stored',
    async (type) => {
      const before = (await c.movements.where('cadreId', '==', 'c-commune').get()).size;
      const err = await failure(
        call(
          'proposeMovement',
          {
            type,
            cadreId: 'c-commune',
            toUnitCode: '18100',
            toPositionId: 'xa_chu_tich_ubnd',
            startDate: '2027-01-10',
            reason: 'Bổ nhiệm',
          },
          claims.commune18073,
        ),
      );
      expect(err.code).toBe('permission-denied');
      expect((await c.movements.where('cadreId', '==', 'c-commune').get()).size).toBe(before);
    },
  );

  test('an appointment inside their own commune is accepted', async () => {
    const m = await call(
      'proposeMovement',
      {
        type: 'appointment',
        cadreId: 'c-commune',
        toUnitCode: '18073',
        toPositionId: 'xa_chu_tich_ubnd',
        startDate: '2027-01-10',
        reason: 'Bổ nhiệm Chủ tịch',
      },
      claims.commune18073,
    );
    expect(m.status).toBe('proposed');
    await call('cancelMovement', { movementId: m.id, reason: 'Dọn dữ liệu thử' });
  });
});

describe('dates and destinations through the callables (issue 9)', () => {
  test("a secondment to the person's own unit is refused; so is one that ends before it starts", async () => {
    const own = await failure(
      call('proposeMovement', {
        type: 'secondment',
        cadreId: 'c-own',
        toUnitCode: '18073',
        startDate: '2027-01-10',
        plannedEndDate: '2027-12-31',
        reason: 'Biệt phái',
      }),
    );
    expect(own.code).toBe('failed-precondition');
    expect(own.details!.checks!.map((x) => x.code)).toEqual(['secondment_target_unit']);
    const backwards = await failure(
      call('proposeMovement', {
        type: 'secondment',
        cadreId: 'c-own',
        toUnitCode: '18100',
        startDate: '2027-01-10',
        plannedEndDate: '2027-01-01',
        reason: 'Biệt phái',
      }),
    );
    expect(backwards.code).toBe('invalid-argument');
    expect(backwards.details!.fields!.map((f) => f.path)).toEqual(['plannedEndDate']);
    expect((await c.movements.where('cadreId', '==', 'c-own').get()).size).toBe(0);
  });

  test('a start or an end dated after today is refused: only what happened is recorded', async () => {
    const m = await call('proposeMovement', {
      type: 'secondment',
      cadreId: 'c-future',
      toUnitCode: '18100',
      startDate: '2027-01-10',
      plannedEndDate: '2027-12-31',
      reason: 'Biệt phái ngắn',
    });
    await call('decideMovement', { movementId: m.id, decision: 'approve', note: 'Đồng ý' });
    const early = await failure(call('startMovement', { movementId: m.id, startDate: '2031-01-01' }));
    expect(early.code).toBe('invalid-argument');
    expect(early.details!.fields).toEqual([
      {
        path: 'startDate',
        message:
          'Ngày 2031-01-01 chưa đến (hôm nay 2027-01-12): chỉ ghi nhận việc đã diễn ra / date 2031-01-01 is after today (2027-01-12): only what has happened can be recorded',
      },
    ]);
    expect((await c.movements.doc(m.id).get()).data()!.status).toBe('approved');
    await call('startMovement', { movementId: m.id, startDate: '2027-01-10' });
    const late = await failure(
      call('completeMovement', { movementId: m.id, endDate: '2027-01-13', note: 'Kết thúc' }),
    );
    expect(late.code).toBe('invalid-argument');
    expect(late.details!.fields!.map((f) => f.path)).toEqual(['endDate']);
    expect(
      await call('completeMovement', { movementId: m.id, endDate: '2027-01-12', note: 'Kết thúc' }),
    ).toMatchObject({ status: 'completed', actualEndDate: '2027-01-12' });
  });

  test('a completion on the start day is accepted, the day before is not', async () => {
    const m = await call('proposeMovement', {
      type: 'secondment',
      cadreId: 'c-own',
      toUnitCode: '18100',
      startDate: '2027-01-10',
      plannedEndDate: '2027-12-31',
      reason: 'Biệt phái ngắn',
    });
    await call('decideMovement', { movementId: m.id, decision: 'approve', note: 'Đồng ý' });
    const early = await failure(call('startMovement', { movementId: m.id, startDate: '2027-01-09' }));
    expect(early.details!.checks!.map((x) => x.code)).toEqual(['start_date']);
    await call('startMovement', { movementId: m.id, startDate: '2027-01-10' });
    const before = await failure(
      call('completeMovement', { movementId: m.id, endDate: '2027-01-09', note: 'Kết thúc' }),
    );
    expect(before.details!.checks!.map((x) => x.code)).toEqual(['end_date']);
    expect(
      await call('completeMovement', { movementId: m.id, endDate: '2027-01-10', note: 'Kết thúc' }),
    ).toMatchObject({ status: 'completed', actualEndDate: '2027-01-10' });
  });
});
