/**
 * The edges of the planning rules (docs/legal-basis.md §15) that the worked
 * cases in rules.test.ts do not reach: which entries the per-person cap counts,
 * a discipline decided on the day of the check, the order of several bars with
 * a dismissal among them, and the regulation's figures passed as parameters.
 * Every expected value is written out.
 */
import {
  additionRules,
  barringDisciplines,
  checkDiscipline,
  checkPerPersonCap,
  DEFAULT_PLANNING_PARAMS,
  failedRules,
} from '../../../functions/src/domain/planning';
import { POSITION_BY_ID } from '../../../functions/src/domain/positions';
import { catalogPost, planningEntry } from '../../helpers/planning';
import { person } from '../../helpers/province';

const post = catalogPost;
/** An entry of the 2026–2031 term, in 18073 unless another unit is named. */
const entry = (positionId: string, unitCode = '18073') => planningEntry(positionId, '2026-2031', unitCode);

describe('the per-person cap counts every other post of the level, in any unit', () => {
  const target = { term: '2026-2031', unitCode: '18100', position: post('xa_chu_tich_ubnd') };

  test('another post in the same unit counts; a post unknown to the catalogue does not', () => {
    const planning = [
      entry('xa_bi_thu', '18100'),
      entry('xa_chu_tich_hdnd'),
      entry('no_such_post'),
      entry('xa_pho_bi_thu'),
    ];
    expect(checkPerPersonCap(planning, target, POSITION_BY_ID)).toMatchObject({
      code: 'per_person_cap',
      outcome: 'fail',
      messageEn: 'The person is already planned for 3 commune-level posts in term 2026-2031.',
    });
    expect(checkPerPersonCap(planning.slice(1), target, POSITION_BY_ID)).toMatchObject({
      outcome: 'pass',
      messageEn: 'The person is planned for 2 of 3 commune-level posts.',
    });
  });

  test('a cap of 2 passed as a parameter refuses the third post', () => {
    const two = [entry('xa_bi_thu'), entry('xa_chu_tich_hdnd')];
    expect(
      checkPerPersonCap(two, target, POSITION_BY_ID, { ...DEFAULT_PLANNING_PARAMS, perPersonMax: 2 }),
    ).toMatchObject({
      outcome: 'fail',
      messageEn: 'The person is already planned for 2 commune-level posts in term 2026-2031.',
    });
  });
});

describe('discipline bars: from the day of the decision, the one ending last first', () => {
  test('a reprimand decided on the day of the check already bars', () => {
    expect(barringDisciplines([{ level: 'reprimand', decidedOn: '2026-06-01' }], '2026-06-01')).toEqual([
      { level: 'reprimand', decidedOn: '2026-06-01', eligibleOn: '2028-06-01' },
    ]);
    expect(checkDiscipline([{ level: 'reprimand', decidedOn: '2026-06-01' }], '2026-06-01')).toMatchObject({
      outcome: 'fail',
      messageEn: 'Disciplined (reprimand) on 2026-06-01: not eligible before 2028-06-01.',
    });
    expect(barringDisciplines([{ level: 'reprimand', decidedOn: '2026-06-02' }], '2026-06-01')).toEqual([]);
  });

  test('a dismissal comes before every bar that ends, wherever it stands in the record', () => {
    const expected = [
      { level: 'dismissal', decidedOn: '2012-05-05', eligibleOn: null },
      { level: 'removal', decidedOn: '2024-01-01', eligibleOn: '2029-01-01' },
      { level: 'warning', decidedOn: '2025-01-01', eligibleOn: '2028-01-01' },
      { level: 'reprimand', decidedOn: '2025-06-01', eligibleOn: '2027-06-01' },
    ];
    const records = [
      [
        { level: 'reprimand', decidedOn: '2025-06-01' },
        { level: 'warning', decidedOn: '2025-01-01' },
        { level: 'removal', decidedOn: '2024-01-01' },
        { level: 'dismissal', decidedOn: '2012-05-05' },
      ],
      [
        { level: 'dismissal', decidedOn: '2012-05-05' },
        { level: 'reprimand', decidedOn: '2025-06-01' },
        { level: 'removal', decidedOn: '2024-01-01' },
        { level: 'warning', decidedOn: '2025-01-01' },
      ],
      [
        { level: 'warning', decidedOn: '2025-01-01' },
        { level: 'dismissal', decidedOn: '2012-05-05' },
        { level: 'reprimand', decidedOn: '2025-06-01' },
        { level: 'removal', decidedOn: '2024-01-01' },
      ],
    ] as const;
    for (const record of records) expect(barringDisciplines(record, '2026-06-01')).toEqual(expected);
    for (const record of records)
      expect(checkDiscipline(record, '2026-06-01')).toMatchObject({
        outcome: 'fail',
        messageEn: 'Dismissed on 2012-05-05: cannot be planned.',
      });
  });
});

describe('an addition is checked against the figures it is given', () => {
  test('a cap of 2 people per post and 12 months after a reprimand', () => {
    const params = {
      ...DEFAULT_PLANNING_PARAMS,
      perPostMax: 2,
      waitingMonths: { reprimand: 12, warning: 36, removal: 60 },
    };
    const ctx = {
      cadre: person('c1', '18073', 'xa_pho_chu_tich_ubnd', { birthDate: '1980-02-01' }),
      discipline: [{ level: 'reprimand' as const, decidedOn: '2025-03-01' }],
      term: '2026-2031',
      unitCode: '18073',
      position: post('xa_chu_tich_ubnd'),
      list: { cadreIds: ['c7', 'c8'] },
      positions: POSITION_BY_ID,
      pendingAppointments: [],
      on: '2026-06-01',
    };
    expect(failedRules(additionRules({ ...ctx, params })).map((r) => r.code)).toEqual(['per_post_cap']);
    expect(failedRules(additionRules(ctx)).map((r) => r.code)).toEqual(['discipline']);
  });
});
