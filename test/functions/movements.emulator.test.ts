/**
 * The movement callables against the emulator (firebase-functions-test):
 * input validation, scopes, legal checks with their basis, overrides, quota
 * effects on both sides, the audit log, and concurrency.
 */
import { getFirestore } from 'firebase-admin/firestore';
import functionsTest from 'firebase-functions-test';
import * as fns from '../../functions/src';
import { collections } from '../../functions/src/data/refs';
import { quotaId } from '@canbo/model';
import { getServices } from '../../functions/src/services';
import { uniqueProjectId } from '../helpers/firestore';
import { claims, person, profile, quota, writeProvince } from '../helpers/province';

// The services initialise the default app on first use (in beforeAll), after this.
const projectId = uniqueProjectId('movements');
process.env.GCLOUD_PROJECT = projectId;
process.env.METADATA_SERVER_DETECTION = 'none';
const fft = functionsTest({ projectId });

type Claims = Record<string, unknown>;
const call = async (
  fn: keyof typeof fns,
  data: unknown,
  token: Claims | null = claims.admin,
  uid = 'u-admin',
) => {
  const wrapped = fft.wrap(fns[fn] as unknown as Parameters<typeof fft.wrap>[0]) as unknown as (
    req: unknown,
  ) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  return wrapped({ data, auth: token ? { uid, token } : undefined, rawRequest: {} });
};
const failure = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as {
      code: string;
      message: string;
      details?: {
        checks?: { code: string; basis: string; overridable: boolean }[];
        fields?: { path: string }[];
      };
    };
  }
  throw new Error('expected the call to fail');
};

let db: ReturnType<typeof getFirestore>;
let c: ReturnType<typeof collections>;
const q = async (unitCode: string) =>
  (await c.quotas.doc(quotaId(unitCode, 'government', 2027)).get()).data()!;

beforeAll(async () => {
  getServices(); // initialises the default app, as the first call of a function would
  db = getFirestore();
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
      ...Array.from({ length: 8 }, (_, i) => ({
        cadre: person(`c-race-${i}`, '18073', 'xa_van_hoa_xa_hoi'),
      })),
    ],
  );
});

afterAll(() => fft.cleanup());

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
    expect(
      (await failure(call('checkQuota', { unitCode: '18100', block: 'government', year: 2027 }, null))).code,
    ).toBe('unauthenticated');
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
    const started = await call('startMovement', { movementId: m.id });
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
    const err = await failure(call('startMovement', { movementId: m.id }));
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
    await call('startMovement', { movementId: m.id });
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
