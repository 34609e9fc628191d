/**
 * recordRestrictions against the emulator (firebase-functions-test): who may
 * record the facts that forbid a transfer or secondment, the validation of
 * what is recorded, the audit entry (the restrictions only), and that what is
 * recorded is honoured by proposeMovement (docs/legal-basis.md §2).
 */
import { collections } from '../../functions/src/data/refs';
import { systemClock } from '../../functions/src/lib/clock';
import { callableHarness, failure } from '../helpers/callable';
import { claims, person, profile, quota, writeProvince } from '../helpers/province';

const { call, firestore, cleanup } = callableHarness('restrictions');

// The use cases' clock, fixed, so the 2027 quotas of the fixtures are this year's.
jest.spyOn(systemClock, 'now').mockImplementation(() => new Date('2027-01-05T02:00:00.000Z'));

let c: ReturnType<typeof collections>;

const restrictionsOf = async (id: string) => (await c.cadrePrivate(id).get()).data()!.restrictions;
const auditOf = async (id: string) =>
  (await c.audit.where('target', '==', `cadres/${id}/private/profile`).get()).docs.map((d) => d.data());

/** A secondment of `cadreId` from 18073 to 18100 in February 2027. */
const secondment = (cadreId: string, extra: Record<string, unknown> = {}) => ({
  type: 'secondment',
  cadreId,
  toUnitCode: '18100',
  startDate: '2027-02-01',
  plannedEndDate: '2027-12-31',
  reason: 'Hỗ trợ phường Trần Phú',
  ...extra,
});

const headRestriction = {
  decisionNo: '25/QĐ-UBND',
  decidedOn: '2026-12-20',
  note: 'Giữ lại để hoàn thành đề án chuyển đổi số',
};

beforeAll(async () => {
  const db = firestore();
  c = collections(db);
  await writeProvince(
    db,
    [quota('18073', 32, 30), quota('18100', 32, 20)],
    [
      { cadre: person('c-head', '18073', 'xa_ke_toan') },
      {
        // A father of a child born in August 2026: under 36 months at a start in 2027.
        cadre: person('c-father', '18073', 'xa_van_thu'),
        profile: profile({ youngestChildBirthDate: '2026-08-01' }),
      },
      { cadre: person('c-mother', '18073', 'xa_van_thu', { gender: 'female' }) },
      { cadre: person('c-scope', '18073', 'xa_van_hoa_xa_hoi') },
      { cadre: person('c-away', '18100', 'xa_van_hoa_xa_hoi') },
      { cadre: person('c-valid', '18073', 'xa_van_hoa_xa_hoi') },
      { cadre: person('c-replay', '18073', 'xa_van_hoa_xa_hoi') },
    ],
  );
});

afterAll(cleanup);

describe('who may record restrictions', () => {
  const input = { cadreId: 'c-scope', restrictions: { seriousIllness: true }, reason: 'Giấy ra viện số 12' };

  test('another province, a commune admin outside their communes and a cadre are permission-denied; nothing changes', async () => {
    const refusals = await Promise.all([
      failure(call('recordRestrictions', input, claims.otherProvince, 'u-other')),
      failure(call('recordRestrictions', { ...input, cadreId: 'c-away' }, claims.commune18073, 'u-commune')),
      failure(
        call('recordRestrictions', input, { role: 'cadre', province: '42', cadreId: 'c-scope' }, 'u-cadre'),
      ),
      failure(call('recordRestrictions', input, claims.viewer, 'u-viewer')),
    ]);
    expect(refusals.map((e) => e.code)).toEqual([
      'permission-denied',
      'permission-denied',
      'permission-denied',
      'permission-denied',
    ]);
    expect(refusals[0]!.details!.message).toEqual({ vi: 'Ngoài phạm vi quản lý', en: 'outside your scope' });
    expect(refusals[2]!.message).toBe(
      'Vai trò cadre không được thực hiện thao tác này / role cadre may not do this',
    );
    expect((await restrictionsOf('c-scope')).seriousIllness).toBe(false);
    expect((await restrictionsOf('c-away')).seriousIllness).toBe(false);
    expect(await auditOf('c-scope')).toEqual([]);
    expect(await auditOf('c-away')).toEqual([]);
  });

  test("a commune admin records the facts of their own commune's staff, but not a head's restriction", async () => {
    const done = await call('recordRestrictions', input, claims.commune18073, 'u-commune');
    expect(done.restrictions).toMatchObject({ seriousIllness: true, underInvestigation: false });
    expect((await restrictionsOf('c-scope')).seriousIllness).toBe(true);
    const err = await failure(
      call(
        'recordRestrictions',
        { cadreId: 'c-scope', restrictions: { headRestriction }, reason: 'Quyết định của Chủ tịch' },
        claims.commune18073,
        'u-commune',
      ),
    );
    expect(err.code).toBe('permission-denied');
    expect(err.details!.message).toEqual({
      vi: 'Chỉ cấp tỉnh ghi hoặc bỏ trường hợp do người đứng đầu quyết định',
      en: "only the province records or lifts a competent head's restriction",
    });
    expect((await restrictionsOf('c-scope')).headRestriction).toBeNull();
  });
});

describe('what is recorded is validated', () => {
  test('a head restriction without a decision number, an empty change and an unknown field are invalid-argument', async () => {
    const [noNumber, empty, unknown] = await Promise.all([
      failure(
        call('recordRestrictions', {
          cadreId: 'c-valid',
          restrictions: { headRestriction: { decidedOn: '2026-12-20', note: 'Giữ lại' } },
          reason: 'Quyết định của Chủ tịch',
        }),
      ),
      failure(call('recordRestrictions', { cadreId: 'c-valid', restrictions: {}, reason: 'Không có gì' })),
      failure(
        call('recordRestrictions', {
          cadreId: 'c-valid',
          restrictions: { onLeave: true },
          reason: 'Trường không có',
        }),
      ),
    ]);
    expect([noNumber.code, empty.code, unknown.code]).toEqual([
      'invalid-argument',
      'invalid-argument',
      'invalid-argument',
    ]);
    expect(noNumber.details!.fields!.map((f) => f.path)).toEqual(['restrictions.headRestriction.decisionNo']);
    expect(empty.details!.fields).toEqual([
      {
        path: 'restrictions',
        message: 'Cần ít nhất một thông tin hạn chế / at least one restriction is needed',
      },
    ]);
    expect(unknown.details!.fields!.map((f) => f.path)).toContain('restrictions');
    expect(await auditOf('c-valid')).toEqual([]);
  });

  test("a father's condition is refused for a woman", async () => {
    const err = await failure(
      call('recordRestrictions', {
        cadreId: 'c-mother',
        restrictions: { youngestChildBirthDate: '2026-08-01', fatherCondition: 'mother_deceased' },
        reason: 'Giấy khai sinh của con',
      }),
    );
    expect(err.code).toBe('invalid-argument');
    expect(err.details!.fields).toEqual([
      {
        path: 'restrictions.fatherCondition',
        message:
          "Điều kiện của người cha chỉ ghi cho cán bộ nam / the father's condition is recorded for a man only",
      },
    ]);
    expect((await restrictionsOf('c-mother')).youngestChildBirthDate).toBeNull();
  });
});

describe('recorded, audited and honoured', () => {
  test("a head's restriction is merged into the profile and audited with the restrictions only", async () => {
    const done = await call('recordRestrictions', {
      cadreId: 'c-head',
      restrictions: { headRestriction },
      reason: 'Quyết định 25/QĐ-UBND của Chủ tịch UBND tỉnh',
    });
    const expected = {
      underDisciplineReview: false,
      underInvestigation: false,
      seriousIllness: false,
      longTermTraining: false,
      pregnantOrMaternity: false,
      youngestChildBirthDate: null,
      fatherCondition: null,
      specialHardship: false,
      headRestriction,
    };
    expect(done).toEqual({
      cadreId: 'c-head',
      restrictions: expected,
      updatedAt: '2027-01-05T02:00:00.000Z',
    });
    const stored = (await c.cadrePrivate('c-head').get()).data()!;
    expect(stored.restrictions).toEqual(expected);
    // The rest of the profile is untouched.
    expect(stored.nationalId).toBe('040085001234');
    expect(stored.updatedAt).toBe('2027-01-05T02:00:00.000Z');
    const [entry, ...more] = await auditOf('c-head');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      provinceCode: '42',
      actor: { uid: 'u-admin', role: 'province_admin' },
      action: 'profile.recordRestrictions',
      reason: 'Quyết định 25/QĐ-UBND của Chủ tịch UBND tỉnh',
      before: { restrictions: { ...expected, headRestriction: null } },
      after: { restrictions: expected },
    });
    // No other personal data in the audit log.
    expect(Object.keys(entry!.before!)).toEqual(['restrictions']);
    expect(Object.keys(entry!.after!)).toEqual(['restrictions']);
    expect(JSON.stringify(entry)).not.toContain('040085001234');
  });

  test("a recorded head's restriction refuses a proposal, even one the person asked for; lifted, it no longer does", async () => {
    const before = (await c.movements.where('cadreId', '==', 'c-head').get()).size;
    const err = await failure(
      call(
        'proposeMovement',
        secondment('c-head', { personRequest: { note: 'Đơn xin biệt phái', date: '2026-12-28' } }),
      ),
    );
    expect(err.code).toBe('failed-precondition');
    expect(err.details!.checks!.map((x) => x.code)).toEqual(['prohibited_situations']);
    expect(err.details!.checks![0]!.overridable).toBe(false);
    expect(err.message).toContain('25/QĐ-UBND');
    expect((await c.movements.where('cadreId', '==', 'c-head').get()).size).toBe(before);

    await call('recordRestrictions', {
      cadreId: 'c-head',
      restrictions: { headRestriction: null },
      reason: 'Quyết định 30/QĐ-UBND bãi bỏ quyết định 25/QĐ-UBND',
    });
    const m = await call('proposeMovement', secondment('c-head'));
    expect(m.checks.find((x: { code: string }) => x.code === 'prohibited_situations').outcome).toBe('pass');
    await call('cancelMovement', { movementId: m.id, reason: 'Dọn dữ liệu thử' });
    expect((await auditOf('c-head')).length).toBe(2);
  });

  test("a recorded father's condition lets the young-child rule apply to a father", async () => {
    // Without the condition the rule does not reach a father.
    const free = await call('proposeMovement', secondment('c-father'));
    expect(free.checks.find((x: { code: string }) => x.code === 'prohibited_situations').outcome).toBe(
      'pass',
    );
    await call('cancelMovement', { movementId: free.id, reason: 'Dọn dữ liệu thử' });

    await call('recordRestrictions', {
      cadreId: 'c-father',
      restrictions: { fatherCondition: 'mother_deceased' },
      reason: 'Giấy chứng tử của mẹ cháu',
    });
    expect(await restrictionsOf('c-father')).toMatchObject({
      youngestChildBirthDate: '2026-08-01',
      fatherCondition: 'mother_deceased',
    });
    const err = await failure(call('proposeMovement', secondment('c-father')));
    expect(err.code).toBe('failed-precondition');
    expect(err.details!.checks!.map((x) => x.code)).toEqual(['prohibited_situations']);
    expect(err.details!.message!.en).toContain("the child's mother has died");

    // His own request lifts it, as for a mother (situation 5), and the date is its own field.
    const asked = await call(
      'proposeMovement',
      secondment('c-father', { personRequest: { note: 'Đơn xin biệt phái', date: '2026-12-28' } }),
    );
    expect(asked.personRequest).toEqual({
      recordedBy: 'u-admin',
      at: '2027-01-05T02:00:00.000Z',
      note: 'Đơn xin biệt phái',
      date: '2026-12-28',
    });
    expect(asked.checks.find((x: { code: string }) => x.code === 'prohibited_situations').outcome).toBe(
      'pass',
    );
    await call('cancelMovement', { movementId: asked.id, reason: 'Dọn dữ liệu thử' });
  });

  test('a replay of the same requestId records once and answers the first result', async () => {
    const input = {
      cadreId: 'c-replay',
      restrictions: { specialHardship: true },
      reason: 'Xác nhận hoàn cảnh khó khăn của thủ trưởng',
      requestId: '6f1c2a9e-4b7d-4e0a-9c3b-2d5e8f1a7b40',
    };
    const first = await call('recordRestrictions', input);
    const again = await call('recordRestrictions', input);
    expect(again).toEqual(first);
    expect(await auditOf('c-replay')).toHaveLength(1);
  });
});
