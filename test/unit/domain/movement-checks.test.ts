/** Every movement check, with dates on both sides of each boundary. */
import { retirementDate } from '../../../functions/src/domain/dates';
import {
  blockingChecks,
  DEFAULT_CHECK_PARAMS,
  runChecks,
  type CheckContext,
} from '../../../functions/src/domain/movement-checks';
import {
  countHolders,
  holdersNeeded,
  mainPostOf,
  sendingNormFor,
} from '../../../functions/src/domain/check-inputs';
import { DEFAULT_NORMS } from '../../../functions/src/domain/norms';
import { POSITION_BY_ID } from '../../../functions/src/domain/positions';
import { type Cadre, type OpenMovement } from '@canbo/model';
import { person, profile } from '../../helpers/province';

const START = '2027-01-01';
/** The person's own written request, as a movement records it (docs/legal-basis.md §2). */
const ASKED = {
  recordedBy: 'u-admin',
  at: '2026-12-01T08:00:00.000Z',
  note: 'Đơn đề nghị',
  date: '2026-11-30',
};

/** The person under test: a justice officer of 18073 from Nghệ An, as in the shared fixtures. */
const cadre = (overrides: Partial<Cadre> = {}): Cadre =>
  person('18073-0010', '18073', 'xa_tu_phap_ho_tich', overrides);

function context(
  overrides: Omit<Partial<CheckContext>, 'request'> & { request?: Partial<CheckContext['request']> } = {},
): CheckContext {
  const { request, ...rest } = overrides;
  return {
    request: {
      type: 'secondment',
      toUnitCode: '18100',
      toProvinceCode: '42',
      toPositionId: 'xa_tu_phap_ho_tich',
      startDate: START,
      plannedEndDate: '2028-01-01',
      personRequest: null,
      ...request,
    },
    cadre: cadre(),
    profile: profile(),
    targetPosition:
      POSITION_BY_ID.get(
        (request?.toPositionId === undefined ? 'xa_tu_phap_ho_tich' : request.toPositionId) ?? '',
      ) ?? undefined,
    positions: POSITION_BY_ID,
    openMovements: [],
    relatives: [],
    targetQuota: { allocated: 32, filled: 30, reservedForReturn: 0, incoming: 0 },
    sendingQuota: { allocated: 32, filled: 32, reservedForReturn: 0, incoming: 0 },
    sendingNorm: 30,
    holdersOfCadrePost: 2,
    holdersOfTargetPost: 0,
    params: DEFAULT_CHECK_PARAMS,
    ...rest,
  };
}

const outcome = (ctx: CheckContext, code: string) => runChecks(ctx).find((c) => c.code === code);

describe('secondment (biệt phái)', () => {
  test('lasts at most 36 months: the last allowed day passes, the next fails, no end date fails', () => {
    expect(
      outcome(context({ request: { plannedEndDate: '2030-01-01' } }), 'secondment_duration')!.outcome,
    ).toBe('pass');
    const tooLong = outcome(context({ request: { plannedEndDate: '2030-01-02' } }), 'secondment_duration')!;
    expect(tooLong).toMatchObject({ outcome: 'fail', overridable: false });
    expect(tooLong.basis).toContain('Nghị định 170/2025');
    expect(outcome(context({ request: { plannedEndDate: null } }), 'secondment_duration')!.outcome).toBe(
      'fail',
    );
  });

  test('no two secondments at once', () => {
    const other: OpenMovement = { id: 'mv-42-00009', type: 'secondment', status: 'approved' };
    expect(outcome(context({ openMovements: [other] }), 'single_secondment')).toMatchObject({
      outcome: 'fail',
      overridable: false,
    });
    expect(outcome(context(), 'single_secondment')!.outcome).toBe('pass');
  });
});

describe('the seven situations that forbid transfer and secondment', () => {
  test.each([
    ['a discipline review', { underDisciplineReview: true }],
    ['an investigation', { underInvestigation: true }],
    ['a serious illness', { seriousIllness: true }],
    ['long-term training', { longTermTraining: true }],
    ['pregnancy or maternity leave', { pregnantOrMaternity: true }],
    ['special hardship', { specialHardship: true }],
  ])('%s forbids it, and no override helps', (_label, restriction) => {
    for (const type of ['transfer', 'secondment'] as const) {
      const ctx = context({ profile: profile(restriction), request: { type } });
      const check = outcome(ctx, 'prohibited_situations')!;
      expect(check).toMatchObject({ outcome: 'fail', overridable: false });
      expect(blockingChecks(runChecks(ctx), new Set(['prohibited_situations']))).toContainEqual(check);
    }
  });

  test('a child under 36 months forbids it for a mother: born the day after the limit fails, on the limit passes', () => {
    // Behaviour changed by issue 9: the person under test is now a woman; a
    // father is protected only in the conditions tested below.
    // Dates written out (issue 15): the limit is the day 36 months before the start.
    const limit = '2024-01-01';
    const mother = cadre({ gender: 'female' });
    expect(
      outcome(
        context({ cadre: mother, profile: profile({ youngestChildBirthDate: '2024-01-02' }) }),
        'prohibited_situations',
      )!.outcome,
    ).toBe('fail');
    expect(
      outcome(
        context({ cadre: mother, profile: profile({ youngestChildBirthDate: limit }) }),
        'prohibited_situations',
      )!.outcome,
    ).toBe('pass');
  });

  test('pregnancy, a young child and hardship do not forbid it when the person asks for the move', () => {
    const p = profile({
      pregnantOrMaternity: true,
      youngestChildBirthDate: '2026-07-01',
      specialHardship: true,
    });
    expect(
      outcome(context({ profile: p, request: { personRequest: ASKED } }), 'prohibited_situations')!.outcome,
    ).toBe('pass');
    // The other four apply even then.
    const q = profile({ underInvestigation: true });
    expect(
      outcome(context({ profile: q, request: { personRequest: ASKED } }), 'prohibited_situations')!.outcome,
    ).toBe('fail');
  });

  test('being on an active secondment already forbids a transfer', () => {
    const active: OpenMovement = { id: 'mv-1', type: 'secondment', status: 'active' };
    expect(
      outcome(context({ openMovements: [active], request: { type: 'transfer' } }), 'prohibited_situations')!
        .outcome,
    ).toBe('fail');
  });
});

describe('rotation (luân chuyển)', () => {
  const rotation = (request: Partial<CheckContext['request']> = {}, c: Partial<Cadre> = {}) =>
    context({
      cadre: cadre({
        planning: [
          { positionId: 'xa_chu_tich_ubnd', unitCode: '18073', term: '2025-2030', addedOn: '2025-10-15' },
        ],
        ...c,
      }),
      request: {
        type: 'rotation',
        toPositionId: 'xa_pho_chu_tich_ubnd',
        plannedEndDate: '2030-01-01',
        ...request,
      },
    });

  test('lasts at least 36 months: exactly 36 passes, a day less fails (overridable in special cases)', () => {
    expect(outcome(rotation(), 'rotation_duration')!.outcome).toBe('pass');
    expect(outcome(rotation({ plannedEndDate: '2029-12-31' }), 'rotation_duration')).toMatchObject({
      outcome: 'fail',
      overridable: true,
    });
  });

  test('is for cadres in planning, or for the non-local policy', () => {
    expect(outcome(rotation(), 'rotation_planning')!.outcome).toBe('pass');
    expect(outcome(rotation({}, { planning: [] }), 'rotation_planning')!.outcome).toBe('fail');
    // Not planned, but sent as a non-local commune Party secretary: allowed.
    const nonLocal = rotation({ toPositionId: 'xa_bi_thu' }, { planning: [] });
    nonLocal.targetPosition = POSITION_BY_ID.get('xa_bi_thu');
    expect(outcome(nonLocal, 'rotation_planning')!.outcome).toBe('pass');
  });

  test('needs 10 years of working life left: retiring 10 years after the start passes, a day earlier fails', () => {
    // A man born 1968-03-01 retires at 62 on 2030-03-01 — too close to a 2027 start.
    expect(outcome(rotation({}, { birthDate: '1968-03-01' }), 'rotation_working_life')!.outcome).toBe('fail');
    // Men born from 1966 retire at 62: born 1975-01-01 retires 2037-01-01, exactly 10 years after START.
    expect(retirementDate('1975-01-01', 'male')).toBe('2037-01-01');
    expect(outcome(rotation({}, { birthDate: '1975-01-01' }), 'rotation_working_life')!.outcome).toBe('pass');
    expect(outcome(rotation({}, { birthDate: '1975-01-02' }), 'rotation_working_life')!.outcome).toBe('pass');
    expect(
      outcome(
        rotation({ startDate: '2027-01-02', plannedEndDate: '2030-01-02' }, { birthDate: '1975-01-01' }),
        'rotation_working_life',
      )!.outcome,
    ).toBe('fail');
  });
});

describe('retirement dates (Bộ luật Lao động 2019, Điều 169)', () => {
  test.each([
    ['1961-01-15', 'male', '2021-04-15'], // 60y3m in 2021
    ['1966-05-10', 'male', '2028-05-10'], // 62 from 2028
    ['1970-03-01', 'female', '2027-07-01'], // 57y4m in 2027
    ['1980-01-01', 'female', '2040-01-01'], // 60 from 2035
  ] as const)('born %s (%s) retires %s', (birth, gender, expected) => {
    expect(retirementDate(birth, gender)).toBe(expected);
  });
});

describe('standards, non-local posts, relatives', () => {
  test('the target post standards: education, political theory, experience, party membership', () => {
    const chair = (c: Partial<Cadre>) =>
      context({
        cadre: cadre(c),
        request: { type: 'appointment', toUnitCode: '18073', toPositionId: 'xa_chu_tich_ubnd' },
      });
    const ok = chair({});
    ok.targetPosition = POSITION_BY_ID.get('xa_chu_tich_ubnd');
    expect(outcome(ok, 'post_standards')!.outcome).toBe('pass');
    for (const weak of [
      { education: { level: 'college' as const, major: '' } },
      { politicalTheory: 'elementary' as const },
      { partyMember: false },
      { startedWorkOn: '2023-01-01' },
    ]) {
      const ctx = chair(weak);
      ctx.targetPosition = POSITION_BY_ID.get('xa_chu_tich_ubnd');
      expect(outcome(ctx, 'post_standards')).toMatchObject({ outcome: 'fail', overridable: true });
    }
    // Experience boundary: 5 years needed; started exactly 5 years before passes, a day later fails.
    const five = chair({ startedWorkOn: '2022-01-01' });
    five.targetPosition = POSITION_BY_ID.get('xa_chu_tich_ubnd');
    expect(outcome(five, 'post_standards')!.outcome).toBe('pass');
    const almost = chair({ startedWorkOn: '2022-01-02' });
    almost.targetPosition = POSITION_BY_ID.get('xa_chu_tich_ubnd');
    expect(outcome(almost, 'post_standards')!.outcome).toBe('fail');
  });

  test('a key post that must go to a non-local refuses a local; 20 years in the province count as local', () => {
    const secretary = (c: Partial<Cadre>) => {
      const ctx = context({ cadre: cadre(c), request: { type: 'transfer', toPositionId: 'xa_bi_thu' } });
      ctx.targetPosition = POSITION_BY_ID.get('xa_bi_thu');
      return outcome(ctx, 'non_local')!;
    };
    expect(
      secretary({ hometown: { provinceCode: '40', communeCode: null, text: '' }, yearsInProvince: 19 })
        .outcome,
    ).toBe('pass');
    expect(
      secretary({ hometown: { provinceCode: '40', communeCode: null, text: '' }, yearsInProvince: 20 })
        .outcome,
    ).toBe('fail');
    expect(secretary({ hometown: { provinceCode: '42', communeCode: null, text: '' } }).outcome).toBe('fail');
  });

  test('relatives: a paired post in the same unit, or a barred post under a relative who heads the unit', () => {
    const withRelative = (toPositionId: string, relativePost: string, unit = '18100') => {
      const ctx = context({
        request: { type: 'transfer', toPositionId },
        relatives: [
          {
            relation: 'spouse',
            cadre: {
              id: 'r',
              fullName: 'Lê Thị Hoa',
              posts: [
                {
                  positionId: relativePost,
                  unitCode: unit,
                  concurrent: false,
                  since: '2020-01-01',
                  decisionNo: null,
                },
              ],
            },
          },
        ],
      });
      ctx.targetPosition = POSITION_BY_ID.get(toPositionId);
      return outcome(ctx, 'relatives')!;
    };
    expect(withRelative('xa_pho_chu_tich_ubnd', 'xa_chu_tich_ubnd')).toMatchObject({
      outcome: 'fail',
      overridable: false,
    });
    expect(withRelative('xa_ke_toan', 'xa_chu_tich_ubnd').outcome).toBe('fail'); // accountant under a relative who chairs
    expect(withRelative('xa_ke_toan', 'xa_chu_tich_ubnd', '18115').outcome).toBe('pass'); // another unit
    expect(withRelative('xa_tu_phap_ho_tich', 'xa_chu_tich_ubnd').outcome).toBe('pass'); // not a barred post
  });
});

describe('quotas and warnings', () => {
  test('the target quota counts incoming and reserved posts', () => {
    const transfer = (q: CheckContext['targetQuota']) =>
      outcome(context({ request: { type: 'transfer' }, targetQuota: q }), 'target_quota')!;
    expect(transfer({ allocated: 32, filled: 31, reservedForReturn: 0, incoming: 0 }).outcome).toBe('pass');
    expect(transfer({ allocated: 32, filled: 30, reservedForReturn: 1, incoming: 1 })).toMatchObject({
      outcome: 'fail',
      overridable: false,
    });
    expect(transfer(undefined).outcome).toBe('fail');
    // A secondment does not take a post at the target.
    expect(
      outcome(
        context({ targetQuota: { allocated: 0, filled: 0, reservedForReturn: 0, incoming: 0 } }),
        'target_quota',
      ),
    ).toBeUndefined();
  });

  test('warns when the sending unit falls below its norm or loses its only key-post holder', () => {
    expect(
      outcome(
        context({ sendingQuota: { allocated: 32, filled: 30, reservedForReturn: 0, incoming: 0 } }),
        'sending_unit_norm',
      )!.outcome,
    ).toBe('warn');
    expect(outcome(context(), 'sending_unit_norm')!.outcome).toBe('pass');
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
    expect(outcome(context({ cadre: chair, holdersOfCadrePost: 1 }), 'sole_key_post_holder')!.outcome).toBe(
      'warn',
    );
    expect(blockingChecks(runChecks(context({ cadre: chair, holdersOfCadrePost: 1 })), new Set())).toEqual(
      [],
    );
  });

  // Review of issue 9: the check read posts[0], which may be a concurrent post (kiêm nhiệm), while the
  // loader counts the holders of the main post. Failed before the fix (pass on the concurrent post).
  test('the key post is the main post, even when a concurrent post is listed first', () => {
    const chairAlsoClerk = cadre({
      posts: [
        {
          positionId: 'xa_tu_phap_ho_tich',
          unitCode: '18073',
          concurrent: true,
          since: '2023-01-01',
          decisionNo: null,
        },
        {
          positionId: 'xa_chu_tich_ubnd',
          unitCode: '18073',
          concurrent: false,
          since: '2020-01-01',
          decisionNo: null,
        },
      ],
    });
    expect(
      outcome(context({ cadre: chairAlsoClerk, holdersOfCadrePost: 1 }), 'sole_key_post_holder')!.outcome,
    ).toBe('warn');
    const clerkAlsoChair = cadre({
      posts: [
        {
          positionId: 'xa_chu_tich_ubnd',
          unitCode: '18073',
          concurrent: true,
          since: '2023-01-01',
          decisionNo: null,
        },
        {
          positionId: 'xa_tu_phap_ho_tich',
          unitCode: '18073',
          concurrent: false,
          since: '2020-01-01',
          decisionNo: null,
        },
      ],
    });
    expect(
      outcome(context({ cadre: clerkAlsoChair, holdersOfCadrePost: 1 }), 'sole_key_post_holder')!.outcome,
    ).toBe('pass');
  });

  test('an overridable failure stops blocking once overridden; a prohibition never does', () => {
    const ctx = context({
      request: { type: 'transfer', toPositionId: 'xa_bi_thu' },
      cadre: cadre({ hometown: { provinceCode: '42', communeCode: null, text: '' } }),
      profile: profile({ seriousIllness: true }),
    });
    ctx.targetPosition = POSITION_BY_ID.get('xa_bi_thu');
    const blocking = blockingChecks(
      runChecks(ctx),
      new Set(['non_local', 'prohibited_situations', 'post_standards']),
    );
    expect(blocking.map((c) => c.code)).toEqual(['prohibited_situations']);
  });
});

/** The legal basis of a few checks, written out: what a result must cite (docs/legal-basis.md). */
const BASIS: Record<string, { vi: string; en: string }> = {
  cadre_status: {
    vi: 'Hồ sơ cán bộ: chỉ người đang công tác, không đang biệt phái/luân chuyển, mới được điều chuyển',
    en: 'Personnel record: only a person in service and not away on secondment or rotation can be moved',
  },
  open_movement: {
    vi: 'Hồ sơ cán bộ: mỗi lúc chỉ một đề xuất điều chuyển chưa hoàn tất (trừ kiêm nhiệm), để biên chế luôn khớp',
    en: 'Personnel record: one unfinished movement of a person at a time (concurrent posts aside), so quotas stay true',
  },
  secondment_duration: {
    vi: 'Nghị định 170/2025/NĐ-CP, Điều 26: biệt phái không quá 3 năm, trừ khi luật chuyên ngành quy định khác',
    en: 'Decree 170/2025/ND-CP, Art. 26: a secondment lasts at most 3 years unless a specialised law provides otherwise',
  },
  rotation_duration: {
    vi: 'Quy định 65-QĐ/TW, Điều 8; Nghị định 170/2025/NĐ-CP, Điều 48: luân chuyển ít nhất 36 tháng',
    en: 'Party Regulation 65-QĐ/TW, Art. 8; Decree 170/2025/ND-CP, Art. 48: a rotation lasts at least 36 months',
  },
  relatives: {
    vi: 'Luật Phòng, chống tham nhũng 2018, Điều 20; Quy định 114-QĐ/TW: người có quan hệ gia đình không giữ các chức vụ liên quan',
    en: 'Anti-Corruption Law 2018, Art. 20; Party Regulation 114-QĐ/TW: relatives may not hold related posts',
  },
  target_quota: {
    vi: 'Biên chế được giao cho đơn vị (quyết định giao biên chế của cấp có thẩm quyền)',
    en: 'Staffing quota allocated to the unit (decision of the competent authority)',
  },
};

test('every check result carries its legal basis and its message in both languages, filled', () => {
  const contexts = [
    context(),
    context({ request: { type: 'transfer' }, profile: profile({ seriousIllness: true }) }),
    context({
      request: {
        type: 'rotation',
        toPositionId: 'xa_pho_chu_tich_ubnd',
        plannedEndDate: '2029-07-01',
      },
    }),
    context({
      request: { type: 'appointment', toUnitCode: '18100', toPositionId: 'xa_chu_tich_ubnd' },
      targetQuota: undefined,
    }),
  ];
  const seen = new Set<string>();
  for (const ctx of contexts) {
    for (const c of runChecks(ctx)) {
      const basis = BASIS[c.code];
      if (basis) {
        expect({ code: c.code, basis: c.basis, basisEn: c.basisEn }).toEqual({
          code: c.code,
          basis: basis.vi,
          basisEn: basis.en,
        });
        seen.add(c.code);
      }
      expect(c.basis.trim()).not.toBe('');
      expect(c.basisEn.trim()).not.toBe('');
      expect(c.basisEn).not.toBe(c.basis);
      expect(c.message).not.toMatch(/\{\w+\}/);
      expect(c.messageEn).not.toMatch(/\{\w+\}/);
      expect(c.messageEn).not.toBe(c.message);
    }
  }
  // Each basis written out above was met by at least one result.
  expect([...seen].sort()).toEqual([
    'cadre_status',
    'open_movement',
    'relatives',
    'rotation_duration',
    'secondment_duration',
    'target_quota',
  ]);
});

/*
 * The inputs a rule decides for the checks' context, shared by the server's
 * loader and the seed (functions/src/domain/check-inputs.ts).
 */
describe('check inputs decided by rule', () => {
  const chair = cadre({
    posts: [
      {
        positionId: 'xa_tu_phap_ho_tich',
        unitCode: '18073',
        concurrent: true,
        since: '2023-01-01',
        decisionNo: null,
      },
      {
        positionId: 'xa_chu_tich_ubnd',
        unitCode: '18073',
        concurrent: false,
        since: '2020-01-01',
        decisionNo: null,
      },
    ],
  });

  test('the main post is the first one not held concurrently', () => {
    expect(mainPostOf(chair)).toBe('xa_chu_tich_ubnd');
    expect(mainPostOf(cadre())).toBe('xa_tu_phap_ho_tich');
    expect(mainPostOf({ posts: [] })).toBeUndefined();
  });

  test('holders are counted only for a key main post and a target post with a fixed number of holders', () => {
    expect(holdersNeeded(chair, '18100', 'xa_chu_tich_ubnd', POSITION_BY_ID)).toEqual({
      home: { unitCode: '18073', positionId: 'xa_chu_tich_ubnd' },
      target: { unitCode: '18100', positionId: 'xa_chu_tich_ubnd' },
    });
    expect(holdersNeeded(cadre(), '18100', 'xa_tu_phap_ho_tich', POSITION_BY_ID)).toEqual({
      home: null,
      target: null,
    });
    expect(holdersNeeded(chair, '18100', null, POSITION_BY_ID)).toEqual({
      home: { unitCode: '18073', positionId: 'xa_chu_tich_ubnd' },
      target: null,
    });
  });

  test('uncounted lists read as two holders at home and none at the target', () => {
    const asked: string[] = [];
    const count = (q: { unitCode: string; positionId: string }) => {
      asked.push(`${q.unitCode}/${q.positionId}`);
      return 1;
    };
    expect(countHolders({ home: null, target: null }, count)).toEqual({ home: 2, target: 0 });
    expect(
      countHolders({ home: { unitCode: '18073', positionId: 'xa_chu_tich_ubnd' }, target: null }, count),
    ).toEqual({ home: 1, target: 0 });
    expect(asked).toEqual(['18073/xa_chu_tich_ubnd']);
  });

  test('a commune is held to the per-commune norm of its block; another unit to none', () => {
    const norms = {
      ...DEFAULT_NORMS,
      communeGovernmentPosts: 32,
      communePartyPosts: { ...DEFAULT_NORMS.communePartyPosts, min: 4, max: 7 },
    };
    expect(sendingNormFor('18073', 'government', norms)).toBe(32);
    expect(sendingNormFor('18073', 'party', norms)).toBe(6);
    expect(sendingNormFor('42', 'government', norms)).toBeUndefined();
  });
});
