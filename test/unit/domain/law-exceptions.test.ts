/**
 * The law's exceptions and the date rules (issue 9), each on both sides of
 * its boundary: the person's request kept on the movement, the father's
 * condition, the viên chức rule, relatives from either record, rotation to a
 * post of equivalent rank, long secondments under a specialised law, the
 * head's restriction, start and end dates.
 */
import { ChecksFailed } from '../../../functions/src/domain/errors';
import {
  checkCompletion,
  checkExtension,
  checkStartDate,
  requestOf,
  runChecks,
  type CheckContext,
} from '../../../functions/src/domain/movement-checks';
import { transitionMovement } from '../../../functions/src/domain/movement-lifecycle';
import { POSITION_BY_ID } from '../../../functions/src/domain/positions';
import {
  familyCadreIds,
  INVERSE_RELATION,
  moverRelatives,
  relativesInSystem,
} from '../../../functions/src/domain/relatives';
import type { Cadre, CadrePrivate, CheckCode } from '@canbo/model';
import { movement, profile } from '../../helpers/province';
import { cadre, context as baseContext, type Overrides } from './check-context';

/** The shared all-pass context (check-context.ts), as a secondment from 2027-01-01 until 2028-01-01. */
const context = (overrides: Overrides = {}): CheckContext =>
  baseContext({
    ...overrides,
    request: { type: 'secondment', plannedEndDate: '2028-01-01', ...overrides.request },
  });

const check = (ctx: CheckContext, code: CheckCode) => runChecks(ctx).find((c) => c.code === code);
const REQUEST = {
  recordedBy: 'uid-admin',
  at: '2026-11-20T08:00:00.000Z',
  note: 'Đơn đề nghị ngày 2026-11-18',
};
/**
 * The birth date of a child aged `months` on START, written out (issue 15: never computed by the
 * code under test).
 */
const BORN: Record<number, string> = { 6: '2026-07-01', 35: '2024-02-01', 36: '2024-01-01' };
const childAged = (months: 6 | 35 | 36) => BORN[months]!;

describe("the person's request is kept on the movement and honoured at every check", () => {
  const pregnant = profile({ pregnantOrMaternity: true });
  const woman = cadre({ gender: 'female' });

  test('a proposal with a recorded request passes; without one it fails', () => {
    expect(
      check(
        context({ cadre: woman, profile: pregnant, request: { personRequest: REQUEST } }),
        'prohibited_situations',
      ),
    ).toMatchObject({ outcome: 'pass' });
    expect(check(context({ cadre: woman, profile: pregnant }), 'prohibited_situations')).toMatchObject({
      outcome: 'fail',
      overridable: false,
    });
  });

  test('approval re-checks from the stored movement, so the request still lifts the ban', () => {
    const stored = movement('mv-42-00001', 'secondment', { personRequest: REQUEST });
    const atApproval = context({ cadre: woman, profile: pregnant, request: requestOf(stored, '42') });
    const result = check(atApproval, 'prohibited_situations')!;
    expect(result.outcome).toBe('pass');
    expect(result.message).toContain('Đơn đề nghị ngày 2026-11-18');
    expect(result.messageEn).toContain('asked for the move');
    // A movement stored without a request is checked as one.
    const without = movement('mv-42-00002', 'secondment');
    expect(
      check(
        context({ cadre: woman, profile: pregnant, request: requestOf(without, '42') }),
        'prohibited_situations',
      )!.outcome,
    ).toBe('fail');
  });

  test('the request does not lift the other situations', () => {
    const ctx = context({
      profile: profile({ underInvestigation: true }),
      request: { personRequest: REQUEST },
    });
    expect(check(ctx, 'prohibited_situations')!.outcome).toBe('fail');
  });
});

describe('a father is protected only when the mother has died or in force majeure', () => {
  const father = cadre({ gender: 'male' });
  const withChild = (months: 6 | 35 | 36, extra: Partial<CadrePrivate['restrictions']> = {}) =>
    check(
      context({ cadre: father, profile: profile({ youngestChildBirthDate: childAged(months), ...extra }) }),
      'prohibited_situations',
    )!;

  test('a father of a child under 36 months without the condition is not refused', () => {
    expect(withChild(35).outcome).toBe('pass');
  });

  test.each(['mother_deceased', 'force_majeure'] as const)(
    'with %s: 35 months fails, 36 months passes',
    (condition) => {
      const young = withChild(35, { fatherCondition: condition });
      expect(young).toMatchObject({ outcome: 'fail', overridable: false });
      expect(young.messageEn).toContain('raising a child under 36 months');
      // Born exactly 36 months before the start: no longer under 36 months.
      expect(withChild(36, { fatherCondition: condition }).outcome).toBe('pass');
    },
  );

  test('a born-the-day-after-the-limit child with the condition fails', () => {
    const p = profile({
      youngestChildBirthDate: '2024-01-02',
      fatherCondition: 'mother_deceased',
    });
    expect(check(context({ cadre: father, profile: p }), 'prohibited_situations')!.outcome).toBe('fail');
  });

  test('his request lifts it like a mother’s', () => {
    const p = profile({ youngestChildBirthDate: childAged(6), fatherCondition: 'force_majeure' });
    expect(
      check(
        context({ cadre: father, profile: p, request: { personRequest: REQUEST } }),
        'prohibited_situations',
      )!.outcome,
    ).toBe('pass');
  });
});

describe('a public employee (viên chức) is not seconded while pregnant or with a child under 36 months, even on request', () => {
  const employee = (gender: 'male' | 'female') => cadre({ gender, category: 'public_employee' });

  test('pregnant and asking: the civil-service ban is lifted, the public-employee rule is not', () => {
    const ctx = context({
      cadre: employee('female'),
      profile: profile({ pregnantOrMaternity: true }),
      request: { personRequest: REQUEST },
    });
    expect(check(ctx, 'prohibited_situations')!.outcome).toBe('pass');
    expect(check(ctx, 'public_employee_secondment')).toMatchObject({ outcome: 'fail', overridable: false });
    expect(check(ctx, 'public_employee_secondment')!.basis).toContain('Luật Viên chức');
  });

  test('child 35 months fails, 36 months passes', () => {
    const at = (months: 6 | 35 | 36) =>
      check(
        context({
          cadre: employee('female'),
          profile: profile({ youngestChildBirthDate: childAged(months) }),
          request: { personRequest: REQUEST },
        }),
        'public_employee_secondment',
      )!.outcome;
    expect(at(35)).toBe('fail');
    expect(at(36)).toBe('pass');
  });

  test('the rule names women only, and only secondments', () => {
    const p = profile({ youngestChildBirthDate: childAged(6) });
    expect(
      check(context({ cadre: employee('male'), profile: p }), 'public_employee_secondment')!.outcome,
    ).toBe('pass');
    expect(
      check(
        context({ cadre: employee('female'), profile: p, request: { type: 'transfer' } }),
        'public_employee_secondment',
      ),
    ).toBeUndefined();
    // A civil servant is not under this rule.
    expect(
      check(context({ cadre: cadre({ gender: 'female' }), profile: p }), 'public_employee_secondment'),
    ).toBeUndefined();
  });
});

describe('relatives, whichever record the relation is written on and whichever of the two moves', () => {
  const post = (positionId: string, unitCode = '18100') => ({
    positionId,
    unitCode,
    concurrent: false,
    since: '2020-01-01',
    decisionNo: null,
  });
  const relative = (
    positionId: string,
    relation: string,
    recordedOn?: 'mover' | 'relative',
    unitCode = '18100',
  ) => ({
    relation,
    recordedOn,
    cadre: { id: 'r1', fullName: 'Lê Văn Hùng', posts: [post(positionId, unitCode)] },
  });
  const relativesCheck = (toPositionId: string, relatives: CheckContext['relatives']) =>
    check(context({ request: { type: 'transfer', toPositionId }, relatives }), 'relatives')!;

  test('the inverse table: each relation read twice is itself; parent-in-law ↔ child-in-law', () => {
    expect(INVERSE_RELATION.parent_in_law).toBe('child_in_law');
    expect(INVERSE_RELATION.child_in_law).toBe('parent_in_law');
    expect(INVERSE_RELATION.parent).toBe('child');
    expect(INVERSE_RELATION.spouse).toBe('spouse');
    for (const [r, inverse] of Object.entries(INVERSE_RELATION)) expect(INVERSE_RELATION[inverse]).toBe(r);
  });

  test('a relation written on the relative’s record is read from the mover’s side', () => {
    // The relative's record says: "the mover is my parent-in-law" → the relative is the mover's child-in-law.
    const result = relativesCheck('xa_pho_chu_tich_ubnd', [
      relative('xa_chu_tich_ubnd', 'parent_in_law', 'relative'),
    ]);
    expect(result).toMatchObject({ outcome: 'fail', overridable: false });
    expect(result.message).toContain('con dâu/con rể');
    expect(result.messageEn).toContain('child-in-law');
    // Written on the mover's record, the same words mean the other direction.
    expect(
      relativesCheck('xa_pho_chu_tich_ubnd', [relative('xa_chu_tich_ubnd', 'parent_in_law')]).messageEn,
    ).toContain('parent-in-law');
  });

  test('found from both records, the relative counts once (the mover’s record wins)', () => {
    const both = moverRelatives(
      [relative('xa_ke_toan', 'child', 'relative'), relative('xa_ke_toan', 'parent', 'mover')],
      'me',
    );
    expect(both).toEqual([{ relation: 'parent', cadre: expect.objectContaining({ id: 'r1' }) }]);
    // The mover listed as their own relative is ignored.
    expect(
      moverRelatives([{ relation: 'spouse', cadre: { id: 'me', fullName: 'X', posts: [] } }], 'me'),
    ).toEqual([]);
  });

  test('the mover becoming chair over a relative who keeps the accounts fails; elsewhere it passes', () => {
    expect(relativesCheck('xa_chu_tich_ubnd', [relative('xa_ke_toan', 'sibling', 'relative')]).outcome).toBe(
      'fail',
    );
    expect(
      relativesCheck('xa_chu_tich_ubnd', [relative('xa_ke_toan', 'sibling', 'relative', '18115')]).outcome,
    ).toBe('pass');
    // A post that is not barred under a relative head: no conflict.
    expect(
      relativesCheck('xa_chu_tich_ubnd', [relative('xa_tu_phap_ho_tich', 'sibling', 'relative')]).outcome,
    ).toBe('pass');
  });
});

describe('a rotation is a move to a leadership post of equivalent rank', () => {
  const rotation = (toPositionId: string | null, c: Partial<Cadre> = {}) =>
    context({
      cadre: cadre({
        planning: [
          { positionId: 'xa_chu_tich_ubnd', unitCode: '18073', term: '2025-2030', addedOn: '2025-10-15' },
        ],
        ...c,
      }),
      request: { type: 'rotation', toPositionId, plannedEndDate: '2030-01-01' },
    });
  const leader = (positionId: string, planning: Cadre['planning'] = []) =>
    ({
      posts: [{ positionId, unitCode: '18073', concurrent: false, since: '2020-01-01', decisionNo: null }],
      planning,
    }) as Partial<Cadre>;

  test('without a target post it fails clearly and cannot be overridden', () => {
    const result = check(rotation(null), 'rotation_post')!;
    expect(result).toMatchObject({ outcome: 'fail', overridable: false });
    expect(result.messageEn).toBe('A rotation needs a target post in the receiving unit.');
  });

  test("a rotation to the person's own unit fails and cannot be overridden", () => {
    const own = context({
      cadre: cadre({
        planning: [
          { positionId: 'xa_chu_tich_ubnd', unitCode: '18073', term: '2025-2030', addedOn: '2025-10-15' },
        ],
      }),
      request: {
        type: 'rotation',
        toUnitCode: '18073',
        toPositionId: 'xa_pho_chu_tich_ubnd',
        plannedEndDate: '2030-01-01',
      },
    });
    expect(check(own, 'rotation_post')).toMatchObject({
      outcome: 'fail',
      overridable: false,
      messageEn:
        "A rotation cannot be to the person's own unit (18073): it moves them to another agency or place.",
    });
  });

  test('a post that is not a leadership post fails', () => {
    expect(check(rotation('xa_ke_toan'), 'rotation_post')!.outcome).toBe('fail');
    expect(check(rotation('xa_pho_chu_tich_ubnd'), 'rotation_post')!.outcome).toBe('pass');
  });

  const rank = (id: string) => POSITION_BY_ID.get(id)?.rank;
  test('ranks: equal passes, lower warns, higher beyond planning needs an override', () => {
    // Vice-chair of the People's Committee (4) to vice-chair of the People's Council (4): equivalent.
    expect(rank('xa_pho_chu_tich_ubnd')).toBe(4);
    expect(rank('xa_pho_chu_tich_hdnd')).toBe(4);
    expect(
      check(rotation('xa_pho_chu_tich_hdnd', leader('xa_pho_chu_tich_ubnd')), 'rotation_rank')!.outcome,
    ).toBe('pass');
    // To head of a division (3): lower, allowed with a warning.
    expect(
      check(rotation('xa_truong_phong_kinh_te', leader('xa_pho_chu_tich_ubnd')), 'rotation_rank')!.outcome,
    ).toBe('warn');
    // To chair (5) with no planning: higher, an overridable failure.
    expect(
      check(rotation('xa_chu_tich_ubnd', leader('xa_pho_chu_tich_ubnd')), 'rotation_rank'),
    ).toMatchObject({ outcome: 'fail', overridable: true });
    // Planned for chair (5): the chair's post is within planning.
    const planned = leader('xa_pho_chu_tich_ubnd', [
      { positionId: 'xa_chu_tich_ubnd', unitCode: '18073', term: '2025-2030', addedOn: '2025-10-15' },
    ]);
    expect(check(rotation('xa_chu_tich_ubnd', planned), 'rotation_rank')!.outcome).toBe('pass');
  });

  test('a current post outside the catalogue (no rank to compare) warns rather than passing silently', () => {
    const ctx = rotation('xa_pho_chu_tich_ubnd', leader('xa_chuc_danh_cu'));
    expect(check(ctx, 'rotation_rank')).toMatchObject({ outcome: 'warn', overridable: true });
    expect(check(ctx, 'rotation_rank')!.messageEn).toBe(
      'No post rank to compare (xa_chuc_danh_cu → xa_pho_chu_tich_ubnd); check the equivalence.',
    );
  });
});

describe('secondments: 36 months unless a specialised law allows more; only to another unit', () => {
  const EXCEPTION = { basis: 'Luật chuyên ngành X, Điều 5', note: 'Biệt phái giáo viên vùng khó khăn' };

  test('exactly 36 months passes; a day more fails without an exception and passes with one, citing it', () => {
    expect(
      check(context({ request: { plannedEndDate: '2030-01-01' } }), 'secondment_duration')!.outcome,
    ).toBe('pass');
    const longer = '2030-01-02';
    expect(check(context({ request: { plannedEndDate: longer } }), 'secondment_duration')).toMatchObject({
      outcome: 'fail',
      overridable: false,
    });
    const excepted = check(
      context({ request: { plannedEndDate: longer, durationException: EXCEPTION } }),
      'secondment_duration',
    )!;
    expect(excepted.outcome).toBe('pass');
    expect(excepted.message).toContain('Luật chuyên ngành X, Điều 5');
  });

  test('an extension is measured from the actual start, and honours the exception', () => {
    const m = movement('mv-42-00003', 'secondment', { actualStartDate: '2027-02-01' });
    expect(checkExtension(m, '2030-02-01')!.outcome).toBe('pass');
    expect(checkExtension(m, '2030-02-02')).toMatchObject({
      code: 'secondment_duration',
      outcome: 'fail',
      overridable: false,
    });
    expect(checkExtension({ ...m, durationException: EXCEPTION }, '2031-02-02')!.outcome).toBe('pass');
    expect(checkExtension(movement('mv-42-00004', 'rotation'), '2035-01-01')).toBeNull();
  });

  test('a secondment to the person’s own unit fails; to another unit passes', () => {
    expect(check(context({ request: { toUnitCode: '18073' } }), 'secondment_target_unit')).toMatchObject({
      outcome: 'fail',
      overridable: false,
    });
    expect(check(context(), 'secondment_target_unit')!.outcome).toBe('pass');
  });
});

test('the seventh situation: a restriction decided by the competent head refuses, citing the decision', () => {
  const headRestriction = {
    decisionNo: '12/QĐ-UBND',
    decidedOn: '2026-10-01',
    note: 'Đang bàn giao công việc',
  };
  const refused = check(
    context({ profile: profile({ headRestriction }), request: { personRequest: REQUEST } }),
    'prohibited_situations',
  )!;
  expect(refused).toMatchObject({ outcome: 'fail', overridable: false });
  expect(refused.message).toContain('12/QĐ-UBND');
  expect(
    check(context({ profile: profile({ headRestriction: null }) }), 'prohibited_situations')!.outcome,
  ).toBe('pass');
});

test('a person away on secondment cannot be terminated before the secondment is completed', () => {
  const away = context({
    cadre: cadre({ status: 'seconded_out' }),
    request: { type: 'termination', toPositionId: null },
  });
  expect(check(away, 'cadre_status')).toMatchObject({ outcome: 'fail', overridable: false });
  expect(
    check(context({ request: { type: 'termination', toPositionId: null } }), 'cadre_status')!.outcome,
  ).toBe('pass');
});

describe('dates', () => {
  test('a start before the approved date needs a reason; on the date it passes', () => {
    const m = { startDate: '2027-01-01' };
    expect(checkStartDate(m, '2027-01-01').outcome).toBe('pass');
    expect(checkStartDate(m, '2026-12-31')).toMatchObject({ code: 'start_date', outcome: 'fail' });
    expect(checkStartDate(m, '2026-12-31', '  ').outcome).toBe('fail');
    const early = checkStartDate(m, '2026-12-31', 'Bàn giao gấp trước Tết');
    expect(early.outcome).toBe('pass');
    expect(early.message).toContain('Bàn giao gấp trước Tết');
  });

  test('a completion on the start day passes, the day before fails; the actual start counts', () => {
    expect(checkCompletion({ startDate: '2027-01-01' }, '2027-01-01').outcome).toBe('pass');
    expect(checkCompletion({ startDate: '2027-01-01' }, '2026-12-31')).toMatchObject({
      code: 'end_date',
      outcome: 'fail',
      overridable: false,
    });
    expect(
      checkCompletion({ startDate: '2027-01-01', actualStartDate: '2026-12-20' }, '2026-12-31').outcome,
    ).toBe('pass');
  });

  test('transitionMovement records the actual dates and refuses dates that make no sense', () => {
    const approved = movement('mv-42-00005', 'secondment', { status: 'approved' });
    const e = { at: '2027-01-05T08:00:00.000Z', by: 'uid-admin', note: 'Bắt đầu' };
    const started = transitionMovement(approved, 'start', e);
    expect(started).toMatchObject({ status: 'active', actualStartDate: '2027-01-05' });
    expect(started.history.at(-1)).toEqual({ status: 'active', at: e.at, by: 'uid-admin', note: 'Bắt đầu' });
    expect(() => transitionMovement(approved, 'start', { ...e, on: '2026-12-30' })).toThrow(ChecksFailed);
    expect(
      transitionMovement(approved, 'start', {
        ...e,
        on: '2026-12-30',
        earlyStartReason: 'Nhiệm vụ đột xuất',
      }),
    ).toMatchObject({
      actualStartDate: '2026-12-30',
      earlyStartReason: 'Nhiệm vụ đột xuất',
    });
    let refused: unknown;
    try {
      transitionMovement(started, 'complete', { ...e, on: '2027-01-04' });
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(ChecksFailed);
    expect((refused as ChecksFailed).code).toBe('failed-precondition');
    expect((refused as ChecksFailed).checks.map((c) => c.code)).toEqual(['end_date']);
    expect(transitionMovement(started, 'complete', { ...e, on: '2027-01-05' })).toMatchObject({
      status: 'completed',
      actualEndDate: '2027-01-05',
    });
  });
});

test('the loader’s input: relatives from the mover’s list and from the records that name the mover', () => {
  const rel = (id: string) => ({ id, fullName: `Người ${id}`, posts: [] });
  const entry = (relation: 'spouse' | 'parent_in_law' | 'child', cadreId: string | null) => ({
    relation,
    fullName: 'x',
    birthYear: 1960,
    cadreId,
  });
  const own = [entry('spouse', 'c-spouse'), entry('child', null), entry('child', 'c-unknown')];
  const found = relativesInSystem('me', own, new Map([['c-spouse', rel('c-spouse')]]), [
    { cadre: rel('c-son-in-law'), family: [entry('parent_in_law', 'me'), entry('spouse', 'someone-else')] },
  ]);
  expect(found).toEqual([
    { relation: 'spouse', cadre: rel('c-spouse'), recordedOn: 'mover' },
    { relation: 'parent_in_law', cadre: rel('c-son-in-law'), recordedOn: 'relative' },
  ]);
  // Read from the mover's side, the son-in-law is a child-in-law.
  expect(moverRelatives(found, 'me').map((r) => r.relation)).toEqual(['spouse', 'child_in_law']);
  expect(
    familyCadreIds([entry('child', 'b'), entry('spouse', 'a'), entry('child', null), entry('child', 'b')]),
  ).toEqual(['a', 'b']);
});
