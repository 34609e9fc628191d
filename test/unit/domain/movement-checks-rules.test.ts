/**
 * Each movement check on both sides of its boundaries, with the outcome, the
 * overridability and the English message written out (issue 15). The full
 * lists per movement type are in movement-checks-table.test.ts; the rules in
 * docs/legal-basis.md.
 */
import {
  checkCompletion,
  checkExtension,
  checkStartDate,
  DEFAULT_CHECK_PARAMS,
  secondmentExtensionLimit,
} from '../../../functions/src/domain/movement-checks';
import type { Cadre, OpenMovement } from '@canbo/model';
import { movement, profile } from '../../helpers/province';
import { cadre, context, row, type Overrides, type Row } from './check-context';

const ASKED = { recordedBy: 'u-admin', at: '2026-12-01T08:00:00.000Z', note: 'Đơn ngày 30/11' };
const secondment = (o: Overrides = {}) =>
  context({ ...o, request: { type: 'secondment', plannedEndDate: '2028-01-01', ...o.request } });

describe('prohibited_situations (§2): every situation named, and only 5 and 6 lifted by a request', () => {
  const forbidden = (reasons: string) => [
    'prohibited_situations',
    'fail',
    false,
    `Transfer and secondment are forbidden: ${reasons}.`,
  ];

  test('all seven at once, in the decree’s order', () => {
    const ctx = context({
      cadre: cadre({ gender: 'female' }),
      profile: profile({
        underDisciplineReview: true,
        underInvestigation: true,
        seriousIllness: true,
        longTermTraining: true,
        pregnantOrMaternity: true,
        youngestChildBirthDate: '2026-01-01',
        specialHardship: true,
        headRestriction: { decisionNo: '12/QĐ-UBND', decidedOn: '2026-10-01', note: 'Bàn giao' },
      }),
      openMovements: [{ id: 'mv-1', type: 'secondment', status: 'active' }],
    });
    expect(row(ctx, 'prohibited_situations')).toEqual(
      forbidden(
        'under disciplinary review; under investigation, prosecution, inspection or audit; ' +
          'under treatment for a serious illness; in long-term training; already on secondment; ' +
          'another case decided by the competent head (decision 12/QĐ-UBND of 2026-10-01: Bàn giao); ' +
          'pregnant or on maternity leave; raising a child under 36 months; in especially difficult circumstances',
      ),
    );
  });

  test.each([
    [{ underDisciplineReview: true }, 'under disciplinary review'],
    [{ underInvestigation: true }, 'under investigation, prosecution, inspection or audit'],
    [{ seriousIllness: true }, 'under treatment for a serious illness'],
    [{ longTermTraining: true }, 'in long-term training'],
    [{ pregnantOrMaternity: true }, 'pregnant or on maternity leave'],
    [{ specialHardship: true }, 'in especially difficult circumstances'],
  ])('%o alone', (restriction, reason) => {
    expect(row(context({ profile: profile(restriction) }), 'prohibited_situations')).toEqual(
      forbidden(reason),
    );
  });

  test('only an active secondment is “already on secondment”; another open movement is not', () => {
    const open = (m: OpenMovement) => row(context({ openMovements: [m] }), 'prohibited_situations')![1];
    expect(open({ id: 'mv-1', type: 'secondment', status: 'active' })).toBe('fail');
    expect(open({ id: 'mv-1', type: 'secondment', status: 'approved' })).toBe('pass');
    expect(open({ id: 'mv-1', type: 'rotation', status: 'active' })).toBe('pass');
  });

  test('a father in the recorded condition is named with it', () => {
    const ctx = context({
      profile: profile({ youngestChildBirthDate: '2026-01-01', fatherCondition: 'mother_deceased' }),
    });
    expect(row(ctx, 'prohibited_situations')).toEqual(
      forbidden("raising a child under 36 months (the child's mother has died)"),
    );
  });

  test('a request lifts pregnancy, the young child and hardship, and the result says so and quotes the note', () => {
    const ctx = context({
      cadre: cadre({ gender: 'female' }),
      profile: profile({
        pregnantOrMaternity: true,
        youngestChildBirthDate: '2026-01-01',
        specialHardship: true,
      }),
      request: { personRequest: ASKED },
    });
    expect(row(ctx, 'prohibited_situations')).toEqual([
      'prohibited_situations',
      'pass',
      false,
      'No forbidding situation applies; the person asked for the move (Đơn ngày 30/11), which lifts: ' +
        'pregnant or on maternity leave; raising a child under 36 months; in especially difficult circumstances.',
    ]);
    // The legacy flag counts as a request too.
    expect(
      row(
        context({ profile: profile({ specialHardship: true }), request: { requestedByCadre: true } }),
        'prohibited_situations',
      ),
    ).toEqual([
      'prohibited_situations',
      'pass',
      false,
      'No forbidding situation applies; the person asked for the move (), which lifts: in especially difficult circumstances.',
    ]);
  });

  test('a request with nothing to lift is an ordinary pass', () => {
    expect(row(context({ request: { personRequest: ASKED } }), 'prohibited_situations')).toEqual([
      'prohibited_situations',
      'pass',
      false,
      'None of the situations that forbid transfer and secondment applies.',
    ]);
  });

  test('the child’s age limit follows the parameter', () => {
    const params = { ...DEFAULT_CHECK_PARAMS, childMonths: 12 };
    const mother = cadre({ gender: 'female' });
    const at = (birth: string) =>
      row(
        context({ cadre: mother, params, profile: profile({ youngestChildBirthDate: birth }) }),
        'prohibited_situations',
      );
    expect(at('2026-01-02')).toEqual(forbidden('raising a child under 12 months'));
    expect(at('2026-01-01')![1]).toBe('pass');
  });
});

describe('public_employee_secondment (§3)', () => {
  const employee = cadre({ gender: 'female', category: 'public_employee' });
  test('both reasons named; the limit is the day 36 months before the start', () => {
    const ctx = secondment({
      cadre: employee,
      profile: profile({ pregnantOrMaternity: true, youngestChildBirthDate: '2024-01-02' }),
    });
    expect(row(ctx, 'public_employee_secondment')).toEqual([
      'public_employee_secondment',
      'fail',
      false,
      'A female public employee who is pregnant or on maternity leave, raising a child under 36 months cannot be seconded, even at her request.',
    ]);
    expect(
      row(
        secondment({ cadre: employee, profile: profile({ youngestChildBirthDate: '2024-01-01' }) }),
        'public_employee_secondment',
      )![1],
    ).toBe('pass');
    // A man's pregnancy flag (never recorded for a man) is not read.
    const man = cadre({ gender: 'male', category: 'public_employee' });
    expect(
      row(
        secondment({ cadre: man, profile: profile({ pregnantOrMaternity: true }) }),
        'public_employee_secondment',
      )![1],
    ).toBe('pass');
  });
});

describe('secondment length and destination (§4)', () => {
  const length = (plannedEndDate: string | null, o: Overrides = {}) =>
    row(secondment({ ...o, request: { plannedEndDate, ...o.request } }), 'secondment_duration');

  test('an end is needed, after the start, at most 36 months after it', () => {
    expect(length(null)).toEqual([
      'secondment_duration',
      'fail',
      false,
      'A secondment needs a planned end date.',
    ]);
    expect(length('2027-01-01')).toEqual([
      'secondment_duration',
      'fail',
      false,
      'The end date must be after the start date.',
    ]);
    expect(length('2026-12-31')![3]).toBe('The end date must be after the start date.');
    expect(length('2027-01-02')).toEqual([
      'secondment_duration',
      'pass',
      false,
      'The secondment lasts until 2027-01-02.',
    ]);
    expect(length('2030-01-01')).toEqual([
      'secondment_duration',
      'pass',
      false,
      'The secondment lasts until 2030-01-01.',
    ]);
    expect(length('2030-01-02')).toEqual([
      'secondment_duration',
      'fail',
      false,
      'The secondment exceeds 36 months (latest end 2030-01-01).',
    ]);
  });

  test('beyond the limit under a specialised law, citing it', () => {
    const durationException = { basis: 'Luật Giáo dục 2019, Điều 5', note: 'Vùng đặc biệt khó khăn' };
    expect(length('2031-06-30', { request: { durationException } })).toEqual([
      'secondment_duration',
      'pass',
      false,
      'Secondment until 2031-06-30, beyond 36 months under a specialised law: Luật Giáo dục 2019, Điều 5 (Vùng đặc biệt khó khăn).',
    ]);
    // An exception does not excuse a missing or inverted end.
    expect(length(null, { request: { durationException } })![1]).toBe('fail');
  });

  test('the limit follows the parameter', () => {
    const params = { ...DEFAULT_CHECK_PARAMS, secondmentMonths: 12 };
    expect(length('2028-01-01', { params })![1]).toBe('pass');
    expect(length('2028-01-02', { params })![3]).toBe(
      'The secondment exceeds 12 months (latest end 2028-01-01).',
    );
  });

  test('an extension is measured from the actual start and says so', () => {
    const m = movement('mv-42-00003', 'secondment', { actualStartDate: '2027-02-01' });
    expect(checkExtension(m, '2030-02-02')).toMatchObject({
      outcome: 'fail',
      messageEn: 'The extension goes beyond 36 months from 2027-02-01 (latest end 2030-02-01).',
    });
    expect(checkExtension(movement('mv-42-00004', 'secondment'), '2030-01-02')).toMatchObject({
      outcome: 'fail',
      messageEn: 'The extension goes beyond 36 months from 2027-01-01 (latest end 2030-01-01).',
    });
    expect(checkExtension(movement('mv-42-00004', 'secondment'), '2030-01-01')!.outcome).toBe('pass');
    for (const type of ['transfer', 'appointment', 'concurrent', 'termination'] as const)
      expect(checkExtension(movement('mv-42-00005', type), '2035-01-01')).toBeNull();
    expect(secondmentExtensionLimit('2027-08-31')).toBe('2030-08-31');
  });

  test('to the own unit fails; a second secondment of any status fails; another kind of movement does not', () => {
    expect(row(secondment({ request: { toUnitCode: '18073' } }), 'secondment_target_unit')).toEqual([
      'secondment_target_unit',
      'fail',
      false,
      "A secondment cannot be to the person's own unit (18073).",
    ]);
    const single = (m: OpenMovement) => row(secondment({ openMovements: [m] }), 'single_secondment');
    expect(single({ id: 'mv-42-00009', type: 'secondment', status: 'proposed' })).toEqual([
      'single_secondment',
      'fail',
      false,
      'Another secondment exists (mv-42-00009, proposed).',
    ]);
    expect(single({ id: 'mv-42-00010', type: 'concurrent', status: 'active' })![1]).toBe('pass');
  });
});

describe('open_movement (§1): a pending move blocks any other move', () => {
  const open = (type: OpenMovement['type'], status: OpenMovement['status']) =>
    row(context({ openMovements: [{ id: 'mv-42-00011', type, status }] }), 'open_movement')!;

  test.each([
    ['transfer', 'proposed', 'fail'],
    ['transfer', 'approved', 'fail'],
    ['transfer', 'active', 'pass'], // its effects are made
    ['appointment', 'active', 'pass'],
    ['termination', 'active', 'pass'],
    ['secondment', 'active', 'fail'], // still away
    ['rotation', 'active', 'fail'],
    ['termination', 'proposed', 'fail'],
    ['concurrent', 'proposed', 'pass'], // concurrent posts are aside
    ['concurrent', 'active', 'pass'],
  ] as const)('a %s %s: %s', (type, status, outcome) => {
    expect(open(type, status).slice(0, 3)).toEqual(['open_movement', outcome, false]);
  });

  test('the refusal names the other movement', () => {
    expect(open('rotation', 'active')[3]).toBe(
      'The person already has an unfinished rotation mv-42-00011 (active); complete or cancel it first.',
    );
  });
});

describe('rotation (§5)', () => {
  const PLANNED: Cadre['planning'] = [
    { positionId: 'xa_chu_tich_ubnd', unitCode: '18073', term: '2025-2030', addedOn: '2025-10-15' },
  ];
  const heldPost = (positionId: string, concurrent = false) => ({
    positionId,
    unitCode: '18073',
    concurrent,
    since: '2020-01-01',
    decisionNo: null,
  });
  const rotation = (request: Overrides['request'] = {}, c: Partial<Cadre> = {}) =>
    context({
      cadre: cadre({ planning: PLANNED, ...c }),
      request: {
        type: 'rotation',
        toPositionId: 'xa_pho_chu_tich_ubnd',
        plannedEndDate: '2030-01-01',
        ...request,
      },
    });

  test('length: no end fails, naming the earliest end; the minimum follows the parameter', () => {
    expect(row(rotation({ plannedEndDate: null }), 'rotation_duration')).toEqual([
      'rotation_duration',
      'fail',
      true,
      'A rotation lasts at least 36 months (until 2030-01-01 or later).',
    ]);
    expect(row(rotation({ plannedEndDate: '2029-12-31' }), 'rotation_duration')![1]).toBe('fail');
    const params = { ...DEFAULT_CHECK_PARAMS, rotationMonths: 24 };
    const short = { ...rotation({ plannedEndDate: '2028-12-31' }), params };
    expect(row(short, 'rotation_duration')![3]).toBe(
      'A rotation lasts at least 24 months (until 2029-01-01 or later).',
    );
    expect(row({ ...rotation({ plannedEndDate: '2029-01-01' }), params }, 'rotation_duration')![1]).toBe(
      'pass',
    );
  });

  test('who: in planning, or sent as a non-local to a post that needs one', () => {
    expect(row(rotation({}, { planning: [] }), 'rotation_planning')).toEqual([
      'rotation_planning',
      'fail',
      true,
      'The person is neither in planning nor placed as a non-local.',
    ]);
    expect(row(rotation({ toPositionId: 'xa_bi_thu' }, { planning: [] }), 'rotation_planning')).toEqual([
      'rotation_planning',
      'pass',
      true,
      'Rotated to place a non-local.',
    ]);
    // A local sent to that post is not placed as a non-local.
    const local = { hometown: { provinceCode: '42', communeCode: null, text: 'Hà Tĩnh' }, planning: [] };
    expect(row(rotation({ toPositionId: 'xa_bi_thu' }, local), 'rotation_planning')![1]).toBe('fail');
  });

  test('working life: 10 years, or 5 when the rotation places a non-local', () => {
    // A man born 1972-03-10 retires at 62, on 2034-03-10: 7 years after the start.
    const older = { birthDate: '1972-03-10' };
    expect(row(rotation({}, older), 'rotation_working_life')).toEqual([
      'rotation_working_life',
      'fail',
      true,
      '7 working years left (retires 2034-03-10); at least 10 needed.',
    ]);
    expect(row(rotation({ toPositionId: 'xa_bi_thu' }, older), 'rotation_working_life')).toEqual([
      'rotation_working_life',
      'pass',
      true,
      '7 working years left (retires 2034-03-10).',
    ]);
    // Born 1970-01-01: retires 2032-01-01, exactly 5 years; born 1969-12-31: 2031-12-31, 4 years.
    expect(
      row(rotation({ toPositionId: 'xa_bi_thu' }, { birthDate: '1970-01-01' }), 'rotation_working_life')![1],
    ).toBe('pass');
    expect(
      row(rotation({ toPositionId: 'xa_bi_thu' }, { birthDate: '1969-12-31' }), 'rotation_working_life'),
    ).toEqual([
      'rotation_working_life',
      'fail',
      true,
      '4 working years left (retires 2031-12-31); at least 5 needed.',
    ]);
    // A local to that post needs the full 10.
    const localOlder = { ...older, hometown: { provinceCode: '42', communeCode: null, text: 'Hà Tĩnh' } };
    expect(row(rotation({ toPositionId: 'xa_bi_thu' }, localOlder), 'rotation_working_life')![3]).toBe(
      '7 working years left (retires 2034-03-10); at least 10 needed.',
    );
  });

  test('post: in the catalogue and a leadership post', () => {
    const unknown = rotation({ toPositionId: 'xa_chuc_danh_cu' });
    expect(row(unknown, 'rotation_post')).toEqual([
      'rotation_post',
      'fail',
      false,
      'The target post xa_chuc_danh_cu is not in the catalogue.',
    ]);
    // Without a post there is no rank to compare.
    expect(row(unknown, 'rotation_rank')).toBeUndefined();
    expect(row(rotation({ toPositionId: 'xa_ke_toan' }), 'rotation_post')).toEqual([
      'rotation_post',
      'fail',
      false,
      'Budget Accountant is not a leadership post.',
    ]);
  });

  test('rank against the main post: equivalent, lower, higher within planning or beyond it', () => {
    const vice = { posts: [heldPost('xa_pho_chu_tich_ubnd')] };
    const rank = (to: string, c: Partial<Cadre>) => row(rotation({ toPositionId: to }, c), 'rotation_rank');
    expect(rank('xa_pho_chu_tich_hdnd', vice)).toEqual([
      'rotation_rank',
      'pass',
      true,
      'Equivalent post (rank 4).',
    ]);
    expect(rank('xa_truong_phong_kinh_te', vice)).toEqual([
      'rotation_rank',
      'warn',
      true,
      'Lower post (rank 3 < 4); the previous position allowance is kept.',
    ]);
    // Planned for chair (5): the chair's post is within planning.
    expect(rank('xa_chu_tich_ubnd', vice)).toEqual([
      'rotation_rank',
      'pass',
      true,
      "The target post (rank 5) is within the person's planning.",
    ]);
    // Planned for a head of division (3) only: the chair's post is beyond it.
    const plannedLow: Cadre['planning'] = [
      { positionId: 'xa_truong_phong_kinh_te', unitCode: '18073', term: '2025-2030', addedOn: '2025-10-15' },
    ];
    expect(rank('xa_chu_tich_ubnd', { ...vice, planning: plannedLow })).toEqual([
      'rotation_rank',
      'fail',
      true,
      'Higher post (rank 5 > 4): only for an outstanding cadre, with a reason.',
    ]);
    // Planned only for a post outside the catalogue: nothing is within planning.
    const plannedUnknown: Cadre['planning'] = [
      { positionId: 'xa_chuc_danh_cu', unitCode: '18073', term: '2025-2030', addedOn: '2025-10-15' },
    ];
    expect(rank('xa_chu_tich_ubnd', { ...vice, planning: plannedUnknown })![1]).toBe('fail');
    // Planned for the provincial chair (8): higher posts up to it are within planning.
    const plannedHigh: Cadre['planning'] = [
      ...plannedLow,
      { positionId: 'tinh_chu_tich_ubnd', unitCode: '42', term: '2025-2030', addedOn: '2025-10-15' },
    ];
    expect(rank('xa_chu_tich_ubnd', { ...vice, planning: plannedHigh })![1]).toBe('pass');
    // The main post counts, not a concurrent post listed first.
    const concurrentFirst = { posts: [heldPost('xa_chu_tich_hdnd', true), heldPost('xa_pho_chu_tich_ubnd')] };
    expect(rank('xa_pho_chu_tich_hdnd', concurrentFirst)![3]).toBe('Equivalent post (rank 4).');
    // No main post: nothing to compare, a warning.
    expect(rank('xa_pho_chu_tich_hdnd', { posts: [] })!.slice(0, 3)).toEqual(['rotation_rank', 'warn', true]);
  });
});

describe('post_standards (§6): each gap named', () => {
  const chair = (c: Partial<Cadre>) =>
    row(context({ cadre: cadre(c), request: { toPositionId: 'xa_chu_tich_ubnd' } }), 'post_standards')!;
  const gaps = (list: string) => [
    'post_standards',
    'fail',
    true,
    `Does not meet the standards of Chair, Commune People’s Committee: ${list}.`,
  ];

  test('education, political theory, experience and membership, in that order', () => {
    expect(
      chair({
        education: { level: 'college', major: '' },
        politicalTheory: 'elementary',
        startedWorkOn: '2023-01-01',
        partyMember: false,
      }),
    ).toEqual(
      gaps(
        'education college < bachelor; political theory elementary < intermediate; 4 years of service < 5; not a Party member',
      ),
    );
  });

  test('each standard met exactly passes; more than enough passes', () => {
    const met: Row = [
      'post_standards',
      'pass',
      true,
      'Meets the standards of Chair, Commune People’s Committee.',
    ];
    expect(chair({})).toEqual(met); // bachelor, intermediate, since 2008, member
    expect(chair({ education: { level: 'master', major: 'Luật' }, politicalTheory: 'advanced' })).toEqual(
      met,
    );
    expect(chair({ education: { level: 'college', major: '' } })).toEqual(
      gaps('education college < bachelor'),
    );
    expect(chair({ politicalTheory: 'elementary' })).toEqual(
      gaps('political theory elementary < intermediate'),
    );
    expect(chair({ startedWorkOn: '2022-01-02' })).toEqual(gaps('4 years of service < 5'));
  });

  test('membership is asked only where the post requires it', () => {
    expect(row(context({ cadre: cadre({ partyMember: false }) }), 'post_standards')![1]).toBe('pass');
  });
});

describe('non_local (§7): local by hometown, or by 20 years worked in that same province', () => {
  const secretary = (c: Partial<Cadre>, toProvinceCode = '42') =>
    row(context({ cadre: cadre(c), request: { toPositionId: 'xa_bi_thu', toProvinceCode } }), 'non_local');

  test('20 years worked in another province do not make a person local to the target', () => {
    // Works in Hà Tĩnh (42) for 25 years, from Nghệ An (40): local to 42, not to Quảng Trị (44).
    expect(secretary({ yearsInProvince: 25 })).toEqual([
      'non_local',
      'fail',
      true,
      'Commune Party Secretary must be held by a non-local.',
    ]);
    expect(secretary({ yearsInProvince: 25 }, '44')).toEqual(['non_local', 'pass', true, 'Not a local.']);
    // By hometown, whatever the years.
    expect(secretary({ yearsInProvince: 0 }, '40')![1]).toBe('fail');
  });

  test('the number of years is a parameter', () => {
    const ctx = context({
      cadre: cadre({ yearsInProvince: 10 }),
      request: { toPositionId: 'xa_bi_thu' },
      params: { ...DEFAULT_CHECK_PARAMS, localAfterYears: 10 },
    });
    expect(row(ctx, 'non_local')![1]).toBe('fail');
    expect(row({ ...ctx, cadre: cadre({ yearsInProvince: 9 }) }, 'non_local')![1]).toBe('pass');
  });
});

describe('quotas, the sending unit and the target post (§9, §10)', () => {
  test('no quota for the year the approval is recorded in: named, not overridable', () => {
    expect(row(context({ targetQuota: undefined }), 'target_quota')).toEqual([
      'target_quota',
      'fail',
      false,
      'Unit 18100 has no government quota allocated for 2027 (the year the approval is recorded). Allocate it first (allocateQuota).',
    ]);
    expect(row(context({ targetQuota: undefined, quotaYear: 2026 }), 'target_quota')![3]).toBe(
      'Unit 18100 has no government quota allocated for 2026 (the year the approval is recorded). Allocate it first (allocateQuota).',
    );
  });

  test('the last free post passes; none free fails', () => {
    expect(
      row(
        context({ targetQuota: { allocated: 32, filled: 29, reservedForReturn: 1, incoming: 1 } }),
        'target_quota',
      ),
    ).toEqual(['target_quota', 'pass', false, '1 posts free.']);
    expect(
      row(
        context({ targetQuota: { allocated: 32, filled: 30, reservedForReturn: 2, incoming: 0 } }),
        'target_quota',
      ),
    ).toEqual([
      'target_quota',
      'fail',
      false,
      'No free post at 18100: allocated 32, filled 30, reserved 2, incoming 0.',
    ]);
  });

  test('the sending unit’s norm: no quota or no norm, at the norm, below it', () => {
    expect(row(context({ sendingQuota: undefined }), 'sending_unit_norm')).toEqual([
      'sending_unit_norm',
      'pass',
      true,
      'No norm applies.',
    ]);
    expect(row(context({ sendingNorm: undefined }), 'sending_unit_norm')![3]).toBe('No norm applies.');
    const keeps = (filled: number) =>
      row(
        context({ sendingQuota: { allocated: 32, filled, reservedForReturn: 0, incoming: 0 } }),
        'sending_unit_norm',
      );
    expect(keeps(31)).toEqual(['sending_unit_norm', 'pass', true, 'The sending unit keeps 30 people.']);
    expect(keeps(30)).toEqual([
      'sending_unit_norm',
      'warn',
      true,
      'The sending unit keeps 29 people, below its norm of 30.',
    ]);
    // A norm of 0 still applies (it is not "no norm").
    expect(
      row(
        context({
          sendingNorm: 0,
          sendingQuota: { allocated: 0, filled: 0, reservedForReturn: 0, incoming: 0 },
        }),
        'sending_unit_norm',
      )![1],
    ).toBe('warn');
  });

  test('the only holder of a key post warns; two holders, or a post that is not key, do not', () => {
    const chair = cadre({
      posts: [
        {
          positionId: 'xa_chu_tich_ubnd',
          unitCode: '18073',
          concurrent: false,
          since: '2020-01-01',
          decisionNo: null,
        },
      ],
    });
    const key = (holdersOfCadrePost: number, c = chair) =>
      row(context({ cadre: c, holdersOfCadrePost }), 'sole_key_post_holder');
    expect(key(1)).toEqual([
      'sole_key_post_holder',
      'warn',
      true,
      'The sending unit loses its only Chair, Commune People’s Committee.',
    ]);
    expect(key(0)![1]).toBe('warn');
    expect(key(2)).toEqual(['sole_key_post_holder', 'pass', true, 'No sole key-post holder leaves.']);
    expect(key(1, cadre())![1]).toBe('pass');
    expect(key(1, cadre({ posts: [] }))![1]).toBe('pass');
  });

  test('the target post’s usual number of holders: full fails, one less passes, no number never fails', () => {
    const bi = (holdersOfTargetPost: number, toPositionId = 'xa_chanh_van_phong') =>
      row(context({ holdersOfTargetPost, request: { toPositionId } }), 'target_post_vacancy');
    expect(bi(1)).toEqual([
      'target_post_vacancy',
      'fail',
      true,
      'Head, Council and Committee Office already has 1 holders.',
    ]);
    expect(bi(0)).toEqual([
      'target_post_vacancy',
      'pass',
      true,
      'Head, Council and Committee Office is vacant.',
    ]);
    expect(bi(40, 'xa_tu_phap_ho_tich')![1]).toBe('pass');
  });
});

describe('dates (§11)', () => {
  test('a start before the approved date, with and without a reason', () => {
    const m = { startDate: '2027-01-10' };
    expect(checkStartDate(m, '2027-01-10')).toMatchObject({
      outcome: 'pass',
      overridable: true,
      messageEn: 'Starts on 2027-01-10 (approved 2027-01-10).',
    });
    expect(checkStartDate(m, '2027-01-09')).toMatchObject({
      outcome: 'fail',
      overridable: true,
      messageEn: 'Starting on 2027-01-09, before the approved 2027-01-10: a reason is needed.',
    });
    expect(checkStartDate(m, '2027-01-09', null).outcome).toBe('fail');
    expect(checkStartDate(m, '2027-01-09', '  Bàn giao gấp ')).toMatchObject({
      outcome: 'pass',
      messageEn: 'Early start on 2027-01-09 (approved 2027-01-10): Bàn giao gấp.',
    });
  });

  test('a completion is measured from the actual start when recorded', () => {
    expect(
      checkCompletion({ startDate: '2027-01-10', actualStartDate: '2027-01-12' }, '2027-01-11'),
    ).toMatchObject({
      outcome: 'fail',
      overridable: false,
      messageEn: 'End date 2027-01-11 is before the start date 2027-01-12.',
    });
    expect(checkCompletion({ startDate: '2027-01-10', actualStartDate: null }, '2027-01-10')).toMatchObject({
      outcome: 'pass',
      messageEn: 'Ends on 2027-01-10 (started 2027-01-10).',
    });
  });
});
