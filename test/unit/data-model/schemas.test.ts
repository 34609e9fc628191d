/** Every collection's schema accepts a well-formed document and refuses malformed ones. */
import {
  Cadre,
  CadrePrivate,
  Evaluation,
  EvaluationInput,
  Movement,
  Position,
  Quota,
  Rating,
  Unit,
} from '@canbo/model';
import { POSITIONS } from '../../../functions/src/domain/positions';
import {
  evaluation as evaluationBuilder,
  evaluationInput as evaluationInputBuilder,
  movement as movementFixture,
  person,
  profile as profileFixture,
  rating as ratingBuilder,
} from '../../helpers/province';

const now = '2026-11-25T08:00:00.000Z';

/** A commune People's Committee chair, built on the shared fixture. */
const cadre: Cadre = person('18073-0001', '18073', 'xa_chu_tich_ubnd', {
  fullName: 'Nguyễn Văn Hùng',
  birthDate: '1975-04-12',
  hometown: { provinceCode: '42', communeCode: null, text: 'Hà Tĩnh' },
  category: 'cadre',
  politicalTheory: 'advanced',
  yearsInProvince: 27,
});

const issuesOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => i.path.join('.'));

describe('cadres', () => {
  test('a complete record is valid', () => {
    expect(Cadre.safeParse(cadre).success).toBe(true);
  });

  test.each([
    ['a 4-digit commune code', { communeCode: '1807' }, 'communeCode'],
    ['an impossible birth date', { birthDate: '1975-02-30' }, 'birthDate'],
    ['an unknown gender', { gender: 'x' }, 'gender'],
    ['an unknown education level', { education: { level: 'phd', major: '' } }, 'education.level'],
    [
      'a malformed planning term',
      { planning: [{ positionId: 'xa_bi_thu', unitCode: '18073', term: '2025', addedOn: '2025-01-01' }] },
      'planning.0.term',
    ],
    ['a missing name', { fullName: '' }, 'fullName'],
  ])('refuses %s', (_label, change, path) => {
    expect(issuesOf(Cadre.safeParse({ ...cadre, ...change }))).toContain(path);
  });

  test('the private profile needs a 12-digit national ID and known relations', () => {
    const profile = {
      ...profileFixture({}, [{ relation: 'spouse', fullName: 'Lê Thị Hoa', birthYear: 1978, cadreId: null }]),
      phone: '0912345678',
    };
    expect(CadrePrivate.safeParse(profile).success).toBe(true);
    expect(issuesOf(CadrePrivate.safeParse({ ...profile, nationalId: '42075001234' }))).toContain(
      'nationalId',
    );
    expect(
      issuesOf(
        CadrePrivate.safeParse({ ...profile, family: [{ ...profile.family[0], relation: 'cousin' }] }),
      ),
    ).toContain('family.0.relation');
    // A relation written on the other record reads as its inverse: child-in-law is a relation.
    expect(
      CadrePrivate.safeParse({ ...profile, family: [{ ...profile.family[0], relation: 'child_in_law' }] })
        .success,
    ).toBe(true);
  });

  test("the profile records a father's condition and the head's restriction; older profiles without them stay valid", () => {
    const base = profileFixture();
    const withExceptions = {
      ...base,
      restrictions: {
        ...base.restrictions,
        youngestChildBirthDate: '2025-06-01',
        fatherCondition: 'mother_deceased',
        headRestriction: {
          decisionNo: '12/QĐ-UBND',
          decidedOn: '2026-10-01',
          note: 'Đang bàn giao công việc',
        },
      },
    };
    expect(CadrePrivate.safeParse(withExceptions).success).toBe(true);
    const older: Record<string, unknown> = { ...withExceptions.restrictions };
    delete older.fatherCondition;
    delete older.headRestriction;
    expect(CadrePrivate.safeParse({ ...base, restrictions: older }).success).toBe(true);
    expect(
      issuesOf(
        CadrePrivate.safeParse({
          ...withExceptions,
          restrictions: { ...withExceptions.restrictions, fatherCondition: 'divorced' },
        }),
      ),
    ).toContain('restrictions.fatherCondition');
    expect(
      issuesOf(
        CadrePrivate.safeParse({
          ...withExceptions,
          restrictions: {
            ...withExceptions.restrictions,
            headRestriction: { decisionNo: '', decidedOn: '01/10/2026', note: 'x' },
          },
        }),
      ),
    ).toEqual(
      expect.arrayContaining([
        'restrictions.headRestriction.decisionNo',
        'restrictions.headRestriction.decidedOn',
        'restrictions.headRestriction.note',
      ]),
    );
  });
});

describe('units', () => {
  const commune: Unit = {
    code: '18073',
    name: 'Phường Thành Sen',
    type: 'phuong',
    level: 'commune',
    provinceCode: '42',
    parentCode: '42',
    region: 'lowland',
    population: 60000,
    estimated: true,
    validFrom: '2025-07-01',
    validTo: null,
    predecessors: [
      {
        oldCode: '18073',
        oldName: 'Phường Bắc Hà',
        oldDistrictName: 'Thành phố Hà Tĩnh',
        oldProvinceCode: '42',
        part: false,
      },
    ],
    legalBasis: null,
  };
  test('a commune with lineage is valid; a commune without parent or with a 2-digit code is not', () => {
    expect(Unit.safeParse(commune).success).toBe(true);
    expect(issuesOf(Unit.safeParse({ ...commune, parentCode: null }))).toContain('parentCode');
    expect(issuesOf(Unit.safeParse({ ...commune, code: '42' }))).toContain('code');
    expect(issuesOf(Unit.safeParse({ ...commune, type: 'huyen' }))).toContain('type');
  });
});

describe('quotas, movements, evaluations, ratings, positions', () => {
  test('quotas count non-negative whole posts for a known block', () => {
    const quota = {
      provinceCode: '42',
      communeCode: '18073',
      unitCode: '18073',
      block: 'government',
      year: 2026,
      allocated: 32,
      status: 'final',
      decision: null,
      filled: 30,
      reservedForReturn: 1,
      incoming: 0,
      updatedAt: now,
    };
    expect(Quota.safeParse(quota).success).toBe(true);
    expect(issuesOf(Quota.safeParse({ ...quota, filled: -1 }))).toContain('filled');
    expect(issuesOf(Quota.safeParse({ ...quota, block: 'district' }))).toContain('block');
    expect(issuesOf(Quota.safeParse({ ...quota, allocated: 2.5 }))).toContain('allocated');
  });

  test('movements have a known type and status, and checks carry their basis', () => {
    const movement = movementFixture('mv-42-00001', 'secondment', {
      checks: [
        {
          code: 'target_quota',
          outcome: 'pass',
          overridable: false,
          basis: 'NĐ 170/2025',
          basisEn: 'Decree 170/2025',
          message: 'ok',
          messageEn: 'ok',
        },
      ],
    });
    expect(Movement.safeParse(movement).success).toBe(true);
    expect(issuesOf(Movement.safeParse({ ...movement, type: 'promotion' }))).toContain('type');
    expect(
      issuesOf(
        Movement.safeParse({
          ...movement,
          checks: [{ ...movement.checks[0]!, basis: '' }],
        }),
      ),
    ).toContain('checks.0.basis');
    // A check code that no check produces is refused (the seed once wrote `quota`).
    expect(
      issuesOf(Movement.safeParse({ ...movement, checks: [{ ...movement.checks[0]!, code: 'quota' }] })),
    ).toContain('checks.0.code');
  });

  test('evaluation results stay within the 30 + 70 point scale', () => {
    const evaluation = evaluationBuilder('18073-0001', '2026-Q3');
    expect(evaluation.id).toBe('2026-Q3_18073-0001');
    expect(Evaluation.safeParse(evaluation).success).toBe(true);
    expect(issuesOf(Evaluation.safeParse({ ...evaluation, total: 100.5 }))).toContain('total');
    expect(
      issuesOf(Evaluation.safeParse({ ...evaluation, tasks: { ...evaluation.tasks!, a: 101 } })),
    ).toContain('tasks.a');
    expect(
      issuesOf(Evaluation.safeParse({ ...evaluation, reasons: [{ code: 'override', fact: 'late' }] })),
    ).toContain('reasons.0.fact');
    expect(issuesOf(Evaluation.safeParse({ ...evaluation, period: '2026-Q5' }))).toContain('period');
    expect(issuesOf(Evaluation.safeParse({ ...evaluation, level: 'GOOD' }))).toContain('level');
  });

  test('evaluation inputs: a quarter, weighted products, points that are not negative', () => {
    const input = evaluationInputBuilder('18073-0001', '2026-Q3');
    expect(EvaluationInput.safeParse(input).success).toBe(true);
    expect(issuesOf(EvaluationInput.safeParse({ ...input, period: '2026' }))).toContain('period');
    const products = input.scoring.products;
    expect(
      issuesOf(
        EvaluationInput.safeParse({
          ...input,
          scoring: { ...input.scoring, products: [{ ...products[0]!, coefficient: 0 }] },
        }),
      ),
    ).toContain('scoring.products.0.coefficient');
    expect(
      issuesOf(
        EvaluationInput.safeParse({
          ...input,
          scoring: { ...input.scoring, general: { politics_ethics: -1 } },
        }),
      ),
    ).toContain('scoring.general.politics_ethics');
  });

  test('ratings use the five-level scale and 0, 1 or 2+ trips', () => {
    const rating = ratingBuilder('18073-20261101-0001', '18073');
    expect(Rating.safeParse(rating).success).toBe(true);
    expect(issuesOf(Rating.safeParse({ ...rating, criteria: { ...rating.criteria, overall: 6 } }))).toContain(
      'criteria.overall',
    );
    expect(issuesOf(Rating.safeParse({ ...rating, trips: 3 }))).toContain('trips');
  });

  test('the position catalogue is valid, ids are unique, and exclusions name real posts', () => {
    const ids = new Set(POSITIONS.map((p) => p.id));
    expect(ids.size).toBe(POSITIONS.length);
    for (const p of POSITIONS) {
      expect(Position.safeParse(p).success).toBe(true);
      for (const x of p.relativeExclusions) expect(ids).toContain(x);
    }
    // The posts the non-local policy names (docs/legal-basis.md).
    const nonLocal = POSITIONS.filter((p) => p.nonLocalRequired).map((p) => p.id);
    expect(nonLocal).toEqual(
      expect.arrayContaining([
        'tinh_bi_thu',
        'tinh_chu_tich_ubnd',
        'tinh_chu_nhiem_ubkt',
        'tinh_chanh_thanh_tra',
        'xa_bi_thu',
      ]),
    );
    // Personnel, accounting and treasury work is barred to relatives of the head (PCTN Art. 20).
    expect(POSITIONS.filter((p) => p.barredToRelativesOfHead).map((p) => p.id)).toEqual(
      expect.arrayContaining(['xa_cong_chuc_noi_vu', 'xa_ke_toan', 'xa_thu_quy']),
    );
  });
});
