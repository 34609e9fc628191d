/**
 * For each movement type, the full list of checks runChecks runs, in order,
 * with each one's outcome, overridability and English message, written out
 * (issue 15): a check that stops running, runs for the wrong type, changes its
 * outcome or its flag fails here, not only the code asserted one at a time.
 * Every expected value is literal; the rules are in docs/legal-basis.md.
 */
import {
  blockingChecks,
  checkOpenMovement,
  checkResult,
  DEFAULT_CHECK_PARAMS,
  isLocal,
  MOVES_PERSON,
  personRequested,
  quotaRefusal,
  rankOf,
  requestOf,
  runChecks,
  secondmentExtensionLimit,
  TAKES_TARGET_QUOTA,
  type CheckContext,
  type CheckParams,
} from '../../../functions/src/domain/movement-checks';
import { POSITION_BY_ID } from '../../../functions/src/domain/positions';
import type { Cadre, OpenMovement } from '@canbo/model';
import { movement, profile } from '../../helpers/province';
import { cadre, context, rows, table, type Row } from './check-context';

const PLANNED_FOR_CHAIR: Cadre['planning'] = [
  { positionId: 'xa_chu_tich_ubnd', unitCode: '18073', term: '2025-2030', addedOn: '2025-10-15' },
];

// The passing rows shared by several types, written out once.
const STATUS_PASS: Row = ['cadre_status', 'pass', false, 'The person is in service.'];
const OPEN_PASS: Row = ['open_movement', 'pass', false, 'No other unfinished movement.'];
const PROHIBITED_PASS: Row = [
  'prohibited_situations',
  'pass',
  false,
  'None of the situations that forbid transfer and secondment applies.',
];
const RELATIVES_PASS: Row = ['relatives', 'pass', false, 'No relative holds a related post in the unit.'];
const NORM_PASS: Row = ['sending_unit_norm', 'pass', true, 'The sending unit keeps 31 people.'];
const KEY_PASS: Row = ['sole_key_post_holder', 'pass', true, 'No sole key-post holder leaves.'];
const QUOTA_PASS: Row = ['target_quota', 'pass', false, '2 posts free.'];
const JUSTICE_STANDARDS: Row = [
  'post_standards',
  'pass',
  true,
  'Meets the standards of Justice and Civil Status Officer.',
];
const JUSTICE_VACANT: Row = [
  'target_post_vacancy',
  'pass',
  true,
  'Justice and Civil Status Officer is vacant.',
];

describe('the checks each movement type runs, in order, when everything is in order', () => {
  test('transfer (điều động): status, open movement, the seven situations, target post, quota, sending unit', () => {
    expect(table(context())).toEqual([
      STATUS_PASS,
      OPEN_PASS,
      PROHIBITED_PASS,
      JUSTICE_STANDARDS,
      RELATIVES_PASS,
      JUSTICE_VACANT,
      QUOTA_PASS,
      NORM_PASS,
      KEY_PASS,
    ]);
  });

  test('secondment (biệt phái): its length, destination and uniqueness; no vacancy and no target quota', () => {
    const ctx = context({ request: { type: 'secondment', plannedEndDate: '2028-01-01' } });
    expect(table(ctx)).toEqual([
      STATUS_PASS,
      OPEN_PASS,
      PROHIBITED_PASS,
      ['secondment_duration', 'pass', false, 'The secondment lasts until 2028-01-01.'],
      ['secondment_target_unit', 'pass', false, 'Seconded to another unit (18100).'],
      ['single_secondment', 'pass', false, 'No other secondment.'],
      JUSTICE_STANDARDS,
      RELATIVES_PASS,
      NORM_PASS,
      KEY_PASS,
    ]);
  });

  test('secondment of a public employee (viên chức): the Law on Public Employees check is added', () => {
    const ctx = context({
      cadre: cadre({ category: 'public_employee' }),
      request: { type: 'secondment', plannedEndDate: '2028-01-01' },
    });
    expect(table(ctx).map((r) => r[0])).toEqual([
      'cadre_status',
      'open_movement',
      'prohibited_situations',
      'public_employee_secondment',
      'secondment_duration',
      'secondment_target_unit',
      'single_secondment',
      'post_standards',
      'relatives',
      'sending_unit_norm',
      'sole_key_post_holder',
    ]);
    expect(table(ctx)[3]).toEqual([
      'public_employee_secondment',
      'pass',
      false,
      'The public employee is not in a situation that forbids secondment.',
    ]);
  });

  test('rotation (luân chuyển): length, who, working life, post and rank; not the seven situations', () => {
    const ctx = context({
      cadre: cadre({ planning: PLANNED_FOR_CHAIR }),
      request: { type: 'rotation', toPositionId: 'xa_pho_chu_tich_ubnd', plannedEndDate: '2030-01-01' },
    });
    expect(table(ctx)).toEqual([
      STATUS_PASS,
      OPEN_PASS,
      ['rotation_duration', 'pass', true, 'The rotation lasts until 2030-01-01.'],
      ['rotation_planning', 'pass', true, 'The person is in planning.'],
      ['rotation_working_life', 'pass', true, '20 working years left (retires 2047-06-15).'],
      ['rotation_post', 'pass', false, 'Rotated to the post of Vice-Chair, People’s Committee.'],
      ['rotation_rank', 'pass', true, "The target post (rank 4) is within the person's planning."],
      ['post_standards', 'pass', true, 'Meets the standards of Vice-Chair, People’s Committee.'],
      RELATIVES_PASS,
      ['target_post_vacancy', 'pass', true, 'Vice-Chair, People’s Committee is vacant.'],
      QUOTA_PASS,
      NORM_PASS,
      KEY_PASS,
    ]);
  });

  test('appointment (bổ nhiệm) in the home unit: no quota taken, nothing asked of the sending unit', () => {
    // Planned for the post: an appointment to a leadership post checks planning (issue 13, §15).
    const ctx = context({
      cadre: cadre({ planning: PLANNED_FOR_CHAIR }),
      request: { type: 'appointment', toUnitCode: '18073', toPositionId: 'xa_chu_tich_ubnd' },
    });
    expect(table(ctx)).toEqual([
      STATUS_PASS,
      OPEN_PASS,
      ['post_standards', 'pass', true, 'Meets the standards of Chair, Commune People’s Committee.'],
      RELATIVES_PASS,
      ['target_post_vacancy', 'pass', true, 'Chair, Commune People’s Committee is vacant.'],
      [
        'in_planning',
        'pass',
        true,
        'The person is planned for Chair, Commune People’s Committee (term 2025-2030).',
      ],
    ]);
  });

  test('appointment to another unit takes a post of that unit’s quota', () => {
    const ctx = context({ request: { type: 'appointment', toPositionId: 'xa_chu_tich_ubnd' } });
    expect(table(ctx).map((r) => r[0])).toEqual([
      'cadre_status',
      'open_movement',
      'post_standards',
      'relatives',
      'target_post_vacancy',
      'in_planning',
      'target_quota',
    ]);
  });

  test('termination (thôi việc): status, open movement and the sending unit only, even with a post named', () => {
    const expected: Row[] = [STATUS_PASS, OPEN_PASS, NORM_PASS, KEY_PASS];
    expect(table(context({ request: { type: 'termination', toPositionId: null } }))).toEqual(expected);
    expect(table(context({ request: { type: 'termination' } }))).toEqual(expected);
  });

  test('concurrent post (kiêm nhiệm): no open-movement check, no quota, nothing asked of the sending unit', () => {
    expect(table(context({ request: { type: 'concurrent', toUnitCode: '18073' } }))).toEqual([
      STATUS_PASS,
      JUSTICE_STANDARDS,
      RELATIVES_PASS,
      JUSTICE_VACANT,
    ]);
    // In another unit it still takes no post of that unit's quota.
    expect(table(context({ request: { type: 'concurrent' } })).map((r) => r[0])).toEqual([
      'cadre_status',
      'post_standards',
      'relatives',
      'target_post_vacancy',
    ]);
  });

  test('a transfer or rotation to the home unit takes no post of the quota', () => {
    expect(table(context({ request: { toUnitCode: '18073' } })).map((r) => r[0])).toEqual([
      'cadre_status',
      'open_movement',
      'prohibited_situations',
      'post_standards',
      'relatives',
      'target_post_vacancy',
      'sending_unit_norm',
      'sole_key_post_holder',
    ]);
  });

  test('a key post that must go to a non-local adds non_local after the standards', () => {
    const ctx = context({ request: { toPositionId: 'xa_bi_thu' } });
    expect(table(ctx)).toEqual([
      STATUS_PASS,
      OPEN_PASS,
      PROHIBITED_PASS,
      ['post_standards', 'pass', true, 'Meets the standards of Commune Party Secretary.'],
      ['non_local', 'pass', true, 'Not a local.'],
      RELATIVES_PASS,
      ['target_post_vacancy', 'pass', true, 'Commune Party Secretary is vacant.'],
      QUOTA_PASS,
      NORM_PASS,
      KEY_PASS,
    ]);
  });

  test('no target post: the post checks do not run', () => {
    expect(table(context({ request: { toPositionId: null } })).map((r) => r[0])).toEqual([
      'cadre_status',
      'open_movement',
      'prohibited_situations',
      'target_quota',
      'sending_unit_norm',
      'sole_key_post_holder',
    ]);
  });

  test('a start in a later year adds the quota-year check after the target quota', () => {
    const unallocated = context({ quotaYearAhead: { year: 2028, quota: undefined } });
    expect(table(unallocated).slice(6)).toEqual([
      QUOTA_PASS,
      [
        'quota_year_unallocated',
        'warn',
        true,
        'Unit 18100 has no government quota allocated for 2028 (the start year). At the turn of the year the 2027 quota is carried over as temporary until a decision.',
      ],
      NORM_PASS,
      KEY_PASS,
    ]);
    const allocated = context({ quotaYearAhead: { year: 2028, quota: { status: 'final' } } });
    expect(table(allocated)[7]).toEqual([
      'quota_year_unallocated',
      'pass',
      true,
      'Quota for 2028 allocated (final).',
    ]);
    const temporary = context({ quotaYearAhead: { year: 2028, quota: { status: 'temporary' } } });
    expect(runChecks(temporary)[7]).toMatchObject({
      message: 'Đã giao biên chế năm 2028 (tạm giao).',
      messageEn: 'Quota for 2028 allocated (temporary).',
    });
    // A secondment takes no post of the target quota, so no year ahead is asked about.
    expect(
      table(
        context({
          request: { type: 'secondment', plannedEndDate: '2028-06-01' },
          quotaYearAhead: { year: 2028, quota: undefined },
        }),
      ).map((r) => r[0]),
    ).not.toContain('quota_year_unallocated');
  });
});

describe('everything wrong at once: every failure, its flag, and what an override can lift', () => {
  const pending: OpenMovement = { id: 'mv-42-00007', type: 'appointment', status: 'approved' };
  const ctx = context({
    cadre: cadre({
      status: 'retired',
      hometown: { provinceCode: '42', communeCode: null, text: 'Hà Tĩnh' },
      partyMember: false,
      posts: [
        {
          positionId: 'xa_chu_tich_ubnd',
          unitCode: '18073',
          concurrent: false,
          since: '2020-01-01',
          decisionNo: null,
        },
      ],
    }),
    profile: profile({ underDisciplineReview: true }),
    request: { toPositionId: 'xa_bi_thu' },
    openMovements: [pending],
    relatives: [
      {
        relation: 'sibling',
        cadre: {
          id: 'r1',
          fullName: 'Lê Văn Hùng',
          posts: [
            {
              positionId: 'xa_pho_bi_thu',
              unitCode: '18100',
              concurrent: false,
              since: '2020-01-01',
              decisionNo: null,
            },
          ],
        },
      },
    ],
    targetQuota: { allocated: 32, filled: 30, reservedForReturn: 1, incoming: 1 },
    sendingQuota: { allocated: 32, filled: 30, reservedForReturn: 0, incoming: 0 },
    holdersOfCadrePost: 1,
    holdersOfTargetPost: 1,
  });

  test('the full list', () => {
    expect(table(ctx)).toEqual([
      ['cadre_status', 'fail', false, 'The person is no longer in service (retired).'],
      [
        'open_movement',
        'fail',
        false,
        'The person already has an unfinished appointment mv-42-00007 (approved); complete or cancel it first.',
      ],
      [
        'prohibited_situations',
        'fail',
        false,
        'Transfer and secondment are forbidden: under disciplinary review.',
      ],
      [
        'post_standards',
        'fail',
        true,
        'Does not meet the standards of Commune Party Secretary: not a Party member.',
      ],
      ['non_local', 'fail', true, 'Commune Party Secretary must be held by a non-local.'],
      [
        'relatives',
        'fail',
        false,
        'Relatives rule broken: Lê Văn Hùng (sibling) holds Standing Deputy Party Secretary.',
      ],
      ['target_post_vacancy', 'fail', true, 'Commune Party Secretary already has 1 holders.'],
      [
        'target_quota',
        'fail',
        false,
        'No free post at 18100: allocated 32, filled 30, reserved 1, incoming 1.',
      ],
      ['sending_unit_norm', 'warn', true, 'The sending unit keeps 29 people, below its norm of 30.'],
      [
        'sole_key_post_holder',
        'warn',
        true,
        'The sending unit loses its only Chair, Commune People’s Committee.',
      ],
    ]);
  });

  test('overriding every code lifts only the overridable failures; warnings never block', () => {
    const all = new Set(runChecks(ctx).map((c) => c.code));
    expect(blockingChecks(runChecks(ctx), all).map((c) => c.code)).toEqual([
      'cadre_status',
      'open_movement',
      'prohibited_situations',
      'relatives',
      'target_quota',
    ]);
    expect(blockingChecks(runChecks(ctx), new Set()).map((c) => c.code)).toEqual([
      'cadre_status',
      'open_movement',
      'prohibited_situations',
      'post_standards',
      'non_local',
      'relatives',
      'target_post_vacancy',
      'target_quota',
    ]);
    // An override of a code that did not fail changes nothing.
    expect(blockingChecks(runChecks(context()), new Set(['cadre_status']))).toEqual([]);
  });

  test('every result cites the basis of its code, in both languages', () => {
    expect(runChecks(ctx)[5]).toMatchObject({
      code: 'relatives',
      basis:
        'Luật Phòng, chống tham nhũng 2018, Điều 20; Quy định 114-QĐ/TW: người có quan hệ gia đình không giữ các chức vụ liên quan',
      basisEn:
        'Anti-Corruption Law 2018, Art. 20; Party Regulation 114-QĐ/TW: relatives may not hold related posts',
      message:
        'Vi phạm quy định về người có quan hệ gia đình: Lê Văn Hùng (anh/chị/em ruột) giữ chức Phó Bí thư Thường trực Đảng ủy xã.',
    });
  });
});

describe('the status check: only a person in service and at home can be moved (§1)', () => {
  const status = (s: Cadre['status'], type: CheckContext['request']['type'] = 'transfer') =>
    rows(runChecks(context({ cadre: cadre({ status: s }), request: { type } })))[0];

  test.each([
    ['retired', ['cadre_status', 'fail', false, 'The person is no longer in service (retired).']],
    ['left', ['cadre_status', 'fail', false, 'The person is no longer in service (left).']],
    [
      'seconded_out',
      ['cadre_status', 'fail', false, 'The person is away on secondment or rotation; end it first.'],
    ],
    ['on_leave', ['cadre_status', 'pass', false, 'The person is in service.']],
    ['active', ['cadre_status', 'pass', false, 'The person is in service.']],
  ] as const)('%s', (s, expected) => {
    for (const type of [
      'transfer',
      'rotation',
      'secondment',
      'appointment',
      'concurrent',
      'termination',
    ] as const)
      expect(status(s, type)).toEqual(expected);
  });
});

describe('the exported building blocks', () => {
  test('a warning is always overridable, even for a code whose failures are not', () => {
    expect(checkResult('relatives', 'warn', { vi: 'Cảnh báo', en: 'Warning' })).toEqual({
      code: 'relatives',
      outcome: 'warn',
      overridable: true,
      basis:
        'Luật Phòng, chống tham nhũng 2018, Điều 20; Quy định 114-QĐ/TW: người có quan hệ gia đình không giữ các chức vụ liên quan',
      basisEn:
        'Anti-Corruption Law 2018, Art. 20; Party Regulation 114-QĐ/TW: relatives may not hold related posts',
      message: 'Cảnh báo',
      messageEn: 'Warning',
    });
    expect(checkResult('relatives', 'fail', { vi: 'a', en: 'b' }).overridable).toBe(false);
    expect(checkResult('relatives', 'pass', { vi: 'a', en: 'b' }).overridable).toBe(false);
    expect(checkResult('post_standards', 'fail', { vi: 'a', en: 'b' }).overridable).toBe(true);
  });

  test('the default parameters, pinned', () => {
    const expected: CheckParams = {
      localAfterYears: 20,
      rotationYearsLeft: 10,
      nonLocalRotationYearsLeft: 5,
      rotationMonths: 36,
      secondmentMonths: 36,
      childMonths: 36,
    };
    expect(DEFAULT_CHECK_PARAMS).toEqual(expected);
  });

  test('which types move the person and which take a post of the target quota', () => {
    expect(MOVES_PERSON).toEqual(['transfer', 'rotation', 'secondment', 'appointment', 'termination']);
    expect(TAKES_TARGET_QUOTA).toEqual(['transfer', 'rotation', 'appointment']);
  });

  test('a request counts from the recorded request or the legacy flag, nothing else', () => {
    const base = context().request;
    expect(personRequested(base)).toBe(false);
    expect(personRequested({ ...base, requestedByCadre: false })).toBe(false);
    expect(personRequested({ ...base, requestedByCadre: true })).toBe(true);
    expect(
      personRequested({
        ...base,
        personRequest: { recordedBy: 'u', at: '2026-12-01T00:00:00.000Z', note: 'Đơn' },
      }),
    ).toBe(true);
  });

  test('requestOf reads the request and the exception from the stored movement', () => {
    const exception = { basis: 'Luật X, Điều 5', note: 'Vùng khó khăn' };
    const asked = { recordedBy: 'u', at: '2026-12-01T00:00:00.000Z', note: 'Đơn' };
    expect(
      requestOf(movement('mv-1', 'secondment', { personRequest: asked, durationException: exception }), '42'),
    ).toEqual({
      type: 'secondment',
      toUnitCode: '18100',
      toProvinceCode: '42',
      toPositionId: 'xa_ke_toan',
      startDate: '2027-01-01',
      plannedEndDate: '2029-01-01',
      personRequest: asked,
      durationException: exception,
    });
    expect(requestOf(movement('mv-2', 'transfer'), '40')).toEqual({
      type: 'transfer',
      toUnitCode: '18100',
      toProvinceCode: '40',
      toPositionId: 'xa_ke_toan',
      startDate: '2027-01-01',
      plannedEndDate: null,
      personRequest: null,
      durationException: null,
    });
  });

  test('the rank of a post is the catalogue’s; none for no post', () => {
    expect(rankOf(POSITION_BY_ID.get('xa_chu_tich_ubnd'))).toBe(5);
    expect(rankOf(undefined)).toBeUndefined();
  });

  test('quotaRefusal names the counts of the unit', () => {
    expect(
      quotaRefusal('18100', {
        allocated: 10,
        filled: 8,
        reservedForReturn: 1,
        incoming: 1,
        free: 0,
        fits: false,
        delta: 1,
      }),
    ).toMatchObject({
      code: 'target_quota',
      outcome: 'fail',
      overridable: false,
      messageEn: 'No free post at 18100: allocated 10, filled 8, reserved 1, incoming 1.',
    });
  });

  test('the longest extension of a secondment: 36 months from its start, month ends clamped', () => {
    expect(secondmentExtensionLimit('2027-01-01')).toBe('2030-01-01');
    expect(secondmentExtensionLimit('2027-02-28', { ...DEFAULT_CHECK_PARAMS, secondmentMonths: 12 })).toBe(
      '2028-02-28',
    );
  });

  test('isLocal: by hometown, or by 20 years worked in that same province', () => {
    const params = DEFAULT_CHECK_PARAMS;
    const fromNgheAn = { provinceCode: '40', communeCode: null, text: 'Nghệ An' };
    expect(isLocal(cadre({ hometown: fromNgheAn, yearsInProvince: 25 }), '42', params)).toBe(true);
    expect(isLocal(cadre({ hometown: fromNgheAn, yearsInProvince: 19 }), '42', params)).toBe(false);
    expect(isLocal(cadre({ hometown: fromNgheAn, yearsInProvince: 0 }), '40', params)).toBe(true);
    // 25 years in Hà Tĩnh (42) make no one local to Quảng Trị (44).
    expect(isLocal(cadre({ hometown: fromNgheAn, yearsInProvince: 25 }), '44', params)).toBe(false);
  });

  test('checkOpenMovement directly: a concurrent post is aside, either way', () => {
    const proposed: OpenMovement = { id: 'mv-9', type: 'transfer', status: 'proposed' };
    expect(checkOpenMovement('concurrent', [proposed])).toBeUndefined();
    expect(
      checkOpenMovement('transfer', [{ id: 'mv-8', type: 'concurrent', status: 'proposed' }]),
    ).toMatchObject({
      outcome: 'pass',
    });
  });
});
