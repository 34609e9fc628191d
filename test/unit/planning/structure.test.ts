/**
 * The structure of planning against its targets (docs/legal-basis.md §15) and
 * the targets file's schema: ages at the term's start on both sides of each
 * band's limit, distinct people, shares against the targets.
 */
import {
  distinctPeople,
  parsePlanningTargets,
  PLANNING_TARGETS,
  planningStructure,
} from '../../../functions/src/domain/planning';
import { CatalogueInvalid } from '../../../functions/src/domain/catalogue';
import type { PlanningPerson } from '@canbo/model';
import targetsJson from '../../../data/catalogue/planning-targets.json';

const p = (cadreId: string, birthDate: string, extra: Partial<PlanningPerson> = {}): PlanningPerson => ({
  cadreId,
  fullName: `Cán bộ ${cadreId}`,
  gender: 'male',
  birthDate,
  ethnicMinority: false,
  fromUnitCode: '18073',
  addedOn: '2026-03-01',
  addedBy: 'u1',
  reason: 'Nghị quyết quy hoạch',
  flags: [],
  reviewedOn: null,
  ...extra,
});

describe('the targets file', () => {
  test('loads with three bands, each target marked unconfirmed', () => {
    expect(PLANNING_TARGETS.ageBands.bands.map((b) => [b.id, b.minAge, b.maxAge, b.minShare])).toEqual([
      ['under_40', null, 39, 0.15],
      ['40_to_50', 40, 50, 0.2],
      ['over_50', 51, null, 0.1],
    ]);
    expect(PLANNING_TARGETS.young).toMatchObject({ underAge: 40, minShare: 0.15, certainty: 'unconfirmed' });
    expect(PLANNING_TARGETS.women).toMatchObject({ minShare: 0.25, certainty: 'unconfirmed' });
    expect(PLANNING_TARGETS.ethnicMinority).toMatchObject({ minShare: 0.1, certainty: 'unconfirmed' });
  });

  test('bands with a gap, a share above 1 or a missing certainty are refused, naming the file', () => {
    const gap = structuredClone(targetsJson);
    gap.ageBands.bands[1]!.minAge = 41;
    expect(() => parsePlanningTargets(gap)).toThrow(CatalogueInvalid);
    expect(() => parsePlanningTargets(gap)).toThrow(
      'data/catalogue/planning-targets.json is invalid: (root): nhóm tuổi 40_to_50 phải bắt đầu ngay sau under_40 / age band 40_to_50 must start the year after under_40',
    );
    const share = structuredClone(targetsJson);
    share.women.minShare = 1.5;
    expect(() => parsePlanningTargets(share)).toThrow(/women\.minShare/);
    const noCertainty: Record<string, unknown> = { ...targetsJson.young };
    delete noCertainty.certainty;
    expect(() => parsePlanningTargets({ ...targetsJson, young: noCertainty })).toThrow(/young\.certainty/);
  });
});

describe('the structure of a term’s lists', () => {
  test('ages at 1 July 2026 on both sides of 40 and 50; someone on two lists counts once', () => {
    const lists = [
      {
        entries: [
          p('a', '1986-07-02'), // 39 on 2026-07-01: under 40, young
          p('b', '1986-07-01', { gender: 'female' }), // 40: 40 to 50
          p('c', '1975-07-02', { ethnicMinority: true }), // 50: 40 to 50
        ],
      },
      { entries: [p('d', '1975-07-01'), p('a', '1986-07-02')] }, // d: 51, over 50
    ];
    const s = planningStructure(lists, PLANNING_TARGETS, '2026-2031', '18073');
    expect(s.people).toBe(4);
    expect(s.figures).toEqual([
      {
        id: 'under_40',
        vi: 'Dưới 40 tuổi',
        en: 'Under 40',
        count: 1,
        share: 0.25,
        minShare: 0.15,
        met: true,
        certainty: 'unconfirmed',
      },
      {
        id: '40_to_50',
        vi: 'Từ 40 đến 50 tuổi',
        en: '40 to 50',
        count: 2,
        share: 0.5,
        minShare: 0.2,
        met: true,
        certainty: 'unconfirmed',
      },
      {
        id: 'over_50',
        vi: 'Trên 50 tuổi',
        en: 'Over 50',
        count: 1,
        share: 0.25,
        minShare: 0.1,
        met: true,
        certainty: 'unconfirmed',
      },
      {
        id: 'young',
        vi: 'Cán bộ trẻ',
        en: 'Young cadres',
        count: 1,
        share: 0.25,
        minShare: 0.15,
        met: true,
        certainty: 'unconfirmed',
      },
      {
        id: 'women',
        vi: 'Cán bộ nữ',
        en: 'Women',
        count: 1,
        share: 0.25,
        minShare: 0.25,
        met: true,
        certainty: 'unconfirmed',
      },
      {
        id: 'ethnicMinority',
        vi: 'Dân tộc thiểu số',
        en: 'Ethnic minorities',
        count: 1,
        share: 0.25,
        minShare: 0.1,
        met: true,
        certainty: 'unconfirmed',
      },
    ]);
  });

  test('below a target is not met; with nobody planned nothing is met', () => {
    const men = [
      {
        entries: [
          p('a', '1980-01-01'),
          p('b', '1981-01-01'),
          p('c', '1982-01-01'),
          p('d', '1983-01-01'),
          p('e', '1984-01-01'),
        ],
      },
    ];
    const s = planningStructure(men, PLANNING_TARGETS, '2026-2031', '18073');
    expect(s.figures.find((f) => f.id === 'women')).toEqual({
      id: 'women',
      vi: 'Cán bộ nữ',
      en: 'Women',
      count: 0,
      share: 0,
      minShare: 0.25,
      met: false,
      certainty: 'unconfirmed',
    });
    const empty = planningStructure([], PLANNING_TARGETS, '2031-2036', '42');
    expect(empty).toMatchObject({ unitCode: '42', term: '2031-2036', people: 0 });
    expect(empty.figures.map((f) => f.met)).toEqual([false, false, false, false, false, false]);
  });
});

describe('the edges of the structure', () => {
  test('someone on two lists is counted with their first entry', () => {
    const first = p('a', '1986-07-02', { fromUnitCode: '18073' });
    const second = p('a', '1986-07-02', { fromUnitCode: '18100' });
    expect(distinctPeople([{ entries: [first] }, { entries: [second, p('b', '1980-01-01')] }])).toEqual([
      first,
      p('b', '1980-01-01'),
    ]);
  });

  test('with nobody planned every share is 0 and even a target of 0 is not met', () => {
    const zero = {
      ...PLANNING_TARGETS,
      ageBands: {
        ...PLANNING_TARGETS.ageBands,
        bands: PLANNING_TARGETS.ageBands.bands.map((b) => ({ ...b, minShare: 0 })),
      },
      women: { ...PLANNING_TARGETS.women, minShare: 0 },
    };
    const empty = planningStructure([], zero, '2026-2031', '18073');
    expect(empty.figures.map((f) => [f.id, f.count, f.share, f.minShare, f.met])).toEqual([
      ['under_40', 0, 0, 0, false],
      ['40_to_50', 0, 0, 0, false],
      ['over_50', 0, 0, 0, false],
      ['young', 0, 0, 0.15, false],
      ['women', 0, 0, 0, false],
      ['ethnicMinority', 0, 0, 0.1, false],
    ]);
    const one = planningStructure([{ entries: [p('a', '1980-01-01')] }], zero, '2026-2031', '18073');
    expect(one.figures.map((f) => [f.id, f.count, f.share, f.met])).toEqual([
      ['under_40', 0, 0, true],
      ['40_to_50', 1, 1, true],
      ['over_50', 0, 0, true],
      ['young', 0, 0, false],
      ['women', 0, 0, true],
      ['ethnicMinority', 0, 0, false],
    ]);
  });
});
