/**
 * The movement callables against the emulator (firebase-functions-test):
 * input validation, scopes, legal checks with their basis, overrides, quota
 * effects on both sides, the audit log, and concurrency.
 */
import { collections } from '../../functions/src/data/refs';
import { quotaId } from '@canbo/model';
import { callableHarness, failure } from '../helpers/callable';
import { person, profile, quota, writeProvince, claims } from '../helpers/province';

const { call, firestore, cleanup } = callableHarness('movements');

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
    ],
  );
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
    const done = await call('completeMovement', {
      movementId: m.id,
      endDate: '2028-06-30',
      note: 'Trở về đơn vị',
    });
    expect(done).toMatchObject({ status: 'completed', actualEndDate: '2028-06-30' });
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
      personRequest: { note: 'Đơn đề nghị ngày 01/11/2026' },
    });
    expect(m.personRequest).toMatchObject({ recordedBy: 'u-admin', note: 'Đơn đề nghị ngày 01/11/2026' });
    expect(m.checks.find((x: { code: string }) => x.code === 'prohibited_situations').outcome).toBe('pass');
    await call('cancelMovement', { movementId: m.id, reason: 'Dọn dữ liệu thử' });
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
