/**
 * The unit statistics planner (functions/src/domain/unit-stats.ts): what a
 * person contributes, the increments of a change, the quota copy and the
 * figures computed from scratch, with literal expected values.
 */
import {
  comparableFigures,
  computeUnitStats,
  contributions,
  emptyUnitStats,
  quotaFigures,
  statsDelta,
} from '../../../functions/src/domain/unit-stats';
import { applyToCadre } from '../../../functions/src/domain/movement-lifecycle';
import { movement, person, quota } from '../../helpers/province';
import { UnitStats } from '@canbo/model';

const AT = '2026-11-25T08:00:00.000Z';

/** A woman of the Thái minority, not a party member, in the party block. */
const thai = person('18073-002', '18073', 'xa_ke_toan', {
  gender: 'female',
  birthDate: '1990-03-02',
  ethnicity: 'Thái',
  ethnicMinority: true,
  partyMember: false,
  partyJoinDate: null,
  block: 'party',
  category: 'cadre',
  education: { level: 'master', major: 'Kinh tế' },
  politicalTheory: 'advanced',
});

describe('contributions', () => {
  test('a person in service counts at their home unit in every breakdown', () => {
    expect(contributions(person('18073-001', '18073', 'xa_ke_toan'))).toEqual([
      { unitCode: '18073', path: ['people', 'byStatus', 'active'] },
      { unitCode: '18073', path: ['people', 'inService'] },
      { unitCode: '18073', path: ['people', 'byBlock', 'government'] },
      { unitCode: '18073', path: ['people', 'byCategory', 'civil_servant'] },
      { unitCode: '18073', path: ['people', 'byGender', 'male'] },
      { unitCode: '18073', path: ['people', 'byEthnicity', 'Kinh'] },
      { unitCode: '18073', path: ['people', 'byEducation', 'bachelor'] },
      { unitCode: '18073', path: ['people', 'byPoliticalTheory', 'intermediate'] },
      { unitCode: '18073', path: ['people', 'byBirthYear', '1985'] },
      { unitCode: '18073', path: ['people', 'partyMembers'] },
    ]);
  });

  test('a minority woman also counts as a minority and in the women by birth year', () => {
    const paths = contributions(thai).map((c) => c.path.join('.'));
    expect(paths).toContain('people.ethnicMinority');
    expect(paths).toContain('people.womenByBirthYear.1990');
    expect(paths).not.toContain('people.partyMembers');
  });

  test('a person who left counts only in the status of their home unit', () => {
    expect(contributions(person('18073-003', '18073', 'xa_ke_toan', { status: 'left' }))).toEqual([
      { unitCode: '18073', path: ['people', 'byStatus', 'left'] },
    ]);
  });

  test('a secondee counts at home and as hosted where they work', () => {
    const away = person('18073-004', '18073', 'xa_ke_toan', {
      status: 'seconded_out',
      currentUnitCode: '18100',
      communeCode: '18100',
    });
    const hosted = contributions(away).filter((c) => c.unitCode === '18100');
    expect(hosted).toEqual([
      { unitCode: '18100', path: ['hosted', 'inService'] },
      { unitCode: '18100', path: ['hosted', 'byBlock', 'government'] },
    ]);
    expect(contributions(away)).toHaveLength(12);
  });
});

describe('statsDelta', () => {
  test('a new person adds one on each of their paths', () => {
    expect(statsDelta(undefined, thai)).toEqual([
      {
        unitCode: '18073',
        provinceCode: '42',
        communeCode: '18073',
        increments: [
          { path: ['people', 'byStatus', 'active'], by: 1 },
          { path: ['people', 'inService'], by: 1 },
          { path: ['people', 'byBlock', 'party'], by: 1 },
          { path: ['people', 'byCategory', 'cadre'], by: 1 },
          { path: ['people', 'byGender', 'female'], by: 1 },
          { path: ['people', 'byEthnicity', 'Thái'], by: 1 },
          { path: ['people', 'byEducation', 'master'], by: 1 },
          { path: ['people', 'byPoliticalTheory', 'advanced'], by: 1 },
          { path: ['people', 'byBirthYear', '1990'], by: 1 },
          { path: ['people', 'ethnicMinority'], by: 1 },
          { path: ['people', 'womenByBirthYear', '1990'], by: 1 },
        ],
      },
    ]);
  });

  test('a change that moves no figure writes nothing', () => {
    const before = person('18073-001', '18073', 'xa_ke_toan');
    const after = {
      ...before,
      openMovements: [{ id: 'mv-1', type: 'transfer' as const, status: 'proposed' as const }],
    };
    expect(statsDelta(before, after)).toEqual([]);
  });

  test('starting a secondment moves the status at home and adds a hosted person at the target', () => {
    const before = person('c1', '18073', 'xa_ke_toan');
    const after = applyToCadre(before, movement('mv-1', 'secondment', { status: 'approved' }), 'start', AT);
    expect(statsDelta(before, after)).toEqual([
      {
        unitCode: '18073',
        provinceCode: '42',
        communeCode: '18073',
        increments: [
          { path: ['people', 'byStatus', 'active'], by: -1 },
          { path: ['people', 'byStatus', 'seconded_out'], by: 1 },
        ],
      },
      {
        unitCode: '18100',
        provinceCode: '42',
        communeCode: '18100',
        increments: [
          { path: ['hosted', 'inService'], by: 1 },
          { path: ['hosted', 'byBlock', 'government'], by: 1 },
        ],
      },
    ]);
  });

  test('a transfer moves every figure of the person from one unit to the other', () => {
    const before = person('c1', '18073', 'xa_ke_toan', { partyMember: false, partyJoinDate: null });
    const after = applyToCadre(before, movement('mv-2', 'transfer', { status: 'approved' }), 'start', AT);
    const [from, to] = statsDelta(before, after);
    expect(from!.unitCode).toBe('18073');
    expect(from!.increments.every((i) => i.by === -1)).toBe(true);
    expect(from!.increments).toHaveLength(9);
    expect(to!.unitCode).toBe('18100');
    expect(to!.increments.map((i) => `${i.path.join('.')}:${i.by}`)).toEqual([
      'people.byStatus.active:1',
      'people.inService:1',
      'people.byBlock.government:1',
      'people.byCategory.civil_servant:1',
      'people.byGender.male:1',
      'people.byEthnicity.Kinh:1',
      'people.byEducation.bachelor:1',
      'people.byPoliticalTheory.intermediate:1',
      'people.byBirthYear.1985:1',
    ]);
  });

  test('a termination takes the person out of every breakdown but keeps them in the status count', () => {
    const before = person('c1', '18073', 'xa_ke_toan');
    const after = applyToCadre(before, movement('mv-3', 'termination', { status: 'approved' }), 'start', AT);
    const [home] = statsDelta(before, after);
    expect(home!.increments.filter((i) => i.by > 0)).toEqual([
      { path: ['people', 'byStatus', 'left'], by: 1 },
    ]);
    expect(home!.increments.filter((i) => i.by < 0)).toHaveLength(10);
  });

  test('key posts count where the post is, main or concurrent, while the holder is in service', () => {
    const chair = person('c9', '18073', 'xa_chu_tich_ubnd', {
      posts: [
        {
          positionId: 'xa_chu_tich_ubnd',
          unitCode: '18073',
          concurrent: false,
          since: '2021-01-01',
          decisionNo: null,
        },
        {
          positionId: 'xa_bi_thu',
          unitCode: '18100',
          concurrent: true,
          since: '2022-01-01',
          decisionNo: null,
        },
        {
          positionId: 'xa_ke_toan',
          unitCode: '18100',
          concurrent: true,
          since: '2022-01-01',
          decisionNo: null,
        },
      ],
    });
    const keyPosts = contributions(chair).filter((c) => c.path[0] === 'keyPosts');
    expect(keyPosts).toEqual([
      { unitCode: '18073', path: ['keyPosts', 'xa_chu_tich_ubnd'] },
      { unitCode: '18100', path: ['keyPosts', 'xa_bi_thu'] },
    ]);
    const retired = { ...chair, status: 'retired' as const };
    const deltas = statsDelta(chair, retired);
    expect(deltas.map((d) => d.increments.filter((i) => i.path[0] === 'keyPosts'))).toEqual([
      [{ path: ['keyPosts', 'xa_chu_tich_ubnd'], by: -1 }],
      [{ path: ['keyPosts', 'xa_bi_thu'], by: -1 }],
    ]);
  });

  test('a provincial agency has no commune', () => {
    const [d] = statsDelta(
      undefined,
      person('42-snv-001', '42-snv', 'tinh_truong_ban_to_chuc', { communeCode: null }),
    );
    expect(d!.communeCode).toBeNull();
    expect(d!.unitCode).toBe('42-snv');
  });
});

describe('quotaFigures and computeUnitStats', () => {
  test('a quota document is copied with its counts, a forecast marked', () => {
    expect(
      quotaFigures(quota('18073', 10, 7, { reservedForReturn: 1, incoming: 2, openedAt: null })),
    ).toEqual({
      allocated: 10,
      filled: 7,
      reservedForReturn: 1,
      incoming: 2,
      status: 'final',
      forecast: true,
    });
    expect(quotaFigures(quota('18073', 10, 7)).forecast).toBe(false);
  });

  test('the figures from scratch sum the people and copy the quotas', () => {
    const away = person('18073-004', '18073', 'xa_ke_toan', {
      status: 'seconded_out',
      currentUnitCode: '18100',
      communeCode: '18100',
      birthDate: '1985-01-01',
    });
    const result = computeUnitStats(
      '42',
      [person('18073-001', '18073', 'xa_ke_toan'), thai, away],
      [quota('18073', 10, 2, { reservedForReturn: 1 }), quota('18100', 8, 8, { block: 'party', year: 2026 })],
      AT,
    );
    expect([...result.keys()]).toEqual(['18073', '18100']);
    const home = result.get('18073')!;
    expect(home.people).toEqual({
      inService: 3,
      byStatus: { active: 2, seconded_out: 1 },
      byBlock: { government: 2, party: 1 },
      byCategory: { civil_servant: 2, cadre: 1 },
      byGender: { male: 2, female: 1 },
      ethnicMinority: 1,
      byEthnicity: { Kinh: 2, Thái: 1 },
      byEducation: { bachelor: 2, master: 1 },
      byPoliticalTheory: { intermediate: 2, advanced: 1 },
      partyMembers: 2,
      byBirthYear: { '1985': 2, '1990': 1 },
      womenByBirthYear: { '1990': 1 },
    });
    expect(home.quotas).toEqual({
      '2027': {
        government: {
          allocated: 10,
          filled: 2,
          reservedForReturn: 1,
          incoming: 0,
          status: 'final',
          forecast: false,
        },
      },
    });
    expect(home).toMatchObject({
      provinceCode: '42',
      communeCode: '18073',
      version: 1,
      rebuiltAt: AT,
      updatedAt: AT,
    });
    const target = result.get('18100')!;
    expect(target.people.inService).toBe(0);
    expect(target.hosted).toEqual({ inService: 1, byBlock: { government: 1 } });
    expect(target.quotas['2026']?.party?.filled).toBe(8);
  });

  test('comparable figures ignore zeros and empty maps left by increments', () => {
    const zeroed = UnitStats.parse({
      ...emptyUnitStats('18073', '42', AT),
      people: { inService: 1, byStatus: { active: 1, left: 0 }, byBlock: { government: 1, party: 0 } },
      hosted: { inService: 0, byBlock: { party: 0 } },
    });
    expect(comparableFigures(zeroed)).toEqual({
      unitCode: '18073',
      people: { byBlock: { government: 1 }, byStatus: { active: 1 }, inService: 1 },
    });
  });
});

describe('statsDelta at its edges', () => {
  test('no person before or after: nothing to write', () => {
    expect(statsDelta(undefined, undefined)).toEqual([]);
  });

  test('a person removed takes one off each of their paths', () => {
    expect(statsDelta(thai, undefined)).toEqual([
      {
        unitCode: '18073',
        provinceCode: '42',
        communeCode: '18073',
        increments: [
          { path: ['people', 'byStatus', 'active'], by: -1 },
          { path: ['people', 'inService'], by: -1 },
          { path: ['people', 'byBlock', 'party'], by: -1 },
          { path: ['people', 'byCategory', 'cadre'], by: -1 },
          { path: ['people', 'byGender', 'female'], by: -1 },
          { path: ['people', 'byEthnicity', 'Thái'], by: -1 },
          { path: ['people', 'byEducation', 'master'], by: -1 },
          { path: ['people', 'byPoliticalTheory', 'advanced'], by: -1 },
          { path: ['people', 'byBirthYear', '1990'], by: -1 },
          { path: ['people', 'ethnicMinority'], by: -1 },
          { path: ['people', 'womenByBirthYear', '1990'], by: -1 },
        ],
      },
    ]);
  });

  test('the units come in code order, whatever order the person names them in', () => {
    // Home 18100 is counted before the unit hosting them (18073).
    const away = person('18100-007', '18100', 'xa_ke_toan', {
      status: 'seconded_out',
      currentUnitCode: '18073',
      communeCode: '18073',
    });
    expect(statsDelta(undefined, away).map((d) => d.unitCode)).toEqual(['18073', '18100']);
    // A transfer from 18100 to 18073: the old unit is met first.
    const before = person('c7', '18100', 'xa_ke_toan');
    const after = applyToCadre(
      before,
      movement('mv-7', 'transfer', { status: 'approved', fromUnitCode: '18100', toUnitCode: '18073' }),
      'start',
      AT,
    );
    expect(statsDelta(before, after).map((d) => [d.unitCode, d.increments[0]])).toEqual([
      ['18073', { path: ['people', 'byStatus', 'active'], by: 1 }],
      ['18100', { path: ['people', 'byStatus', 'active'], by: -1 }],
    ]);
  });
});

describe('contributions of posts outside the catalogue', () => {
  test('a post whose position the catalogue does not know is no key post (a transfer without a target post leaves one)', () => {
    expect(
      contributions(person('18073-008', '18073', '', { partyMember: false, partyJoinDate: null })),
    ).toEqual([
      { unitCode: '18073', path: ['people', 'byStatus', 'active'] },
      { unitCode: '18073', path: ['people', 'inService'] },
      { unitCode: '18073', path: ['people', 'byBlock', 'government'] },
      { unitCode: '18073', path: ['people', 'byCategory', 'civil_servant'] },
      { unitCode: '18073', path: ['people', 'byGender', 'male'] },
      { unitCode: '18073', path: ['people', 'byEthnicity', 'Kinh'] },
      { unitCode: '18073', path: ['people', 'byEducation', 'bachelor'] },
      { unitCode: '18073', path: ['people', 'byPoliticalTheory', 'intermediate'] },
      { unitCode: '18073', path: ['people', 'byBirthYear', '1985'] },
    ]);
  });
});

describe('figures from scratch and comparable figures, in code and key order', () => {
  test('the units of a rebuild come in code order, whatever order people and quotas name them in', () => {
    const result = computeUnitStats(
      '42',
      [person('18100-001', '18100', 'xa_ke_toan')],
      [quota('18073', 5, 0)],
      AT,
    );
    expect([...result.keys()]).toEqual(['18073', '18100']);
    expect(result.get('18073')!.people.inService).toBe(0);
    expect(result.get('18073')!.quotas['2027']?.government?.allocated).toBe(5);
    expect(result.get('18100')!.people.inService).toBe(1);
    expect(result.get('18100')!.quotas).toEqual({});
  });

  test('comparable figures list their keys sorted, at every level', () => {
    const stats = UnitStats.parse({
      ...emptyUnitStats('18073', '42', AT),
      people: {
        inService: 2,
        byStatus: { seconded_out: 1, active: 1 },
        byBlock: { party: 1, government: 1 },
      },
      hosted: { inService: 1, byBlock: { party: 1 } },
    });
    expect(JSON.stringify(comparableFigures(stats))).toBe(
      '{"hosted":{"byBlock":{"party":1},"inService":1},' +
        '"people":{"byBlock":{"government":1,"party":1},"byStatus":{"active":1,"seconded_out":1},"inService":2},' +
        '"unitCode":"18073"}',
    );
  });
});
