/**
 * The rules of Regulation 377-QĐ/TW an addition to planning must meet
 * (docs/legal-basis.md §15), each on both sides of its boundary. Every
 * expected value is written out.
 */
import {
  additionRules,
  barringDisciplines,
  checkAge,
  checkAlreadyPlanned,
  checkAppointmentPending,
  checkCadreStatus,
  checkDiscipline,
  checkHigherPost,
  checkPerPersonCap,
  checkPerPostCap,
  DEFAULT_PLANNING_PARAMS,
  eligibleAfter,
  failedRules,
  highestHeldRank,
  serviceNeededUntil,
} from '../../../functions/src/domain/planning';
import { POSITION_BY_ID } from '../../../functions/src/domain/positions';
import type { Cadre } from '@canbo/model';
import { catalogPost, planningEntry } from '../../helpers/planning';
import { person } from '../../helpers/province';

const post = catalogPost;
const held = (positionId: string, concurrent = false): Cadre['posts'][number] => ({
  positionId,
  unitCode: '18073',
  concurrent,
  since: '2021-01-01',
  decisionNo: null,
});
const entry = planningEntry;

describe('plan only for a higher post', () => {
  test('the highest rank held counts, main or concurrent; none held is rank 0', () => {
    expect(highestHeldRank([held('xa_pho_chu_tich_ubnd')], POSITION_BY_ID)).toBe(4);
    expect(highestHeldRank([held('xa_truong_phong_kinh_te'), held('xa_bi_thu', true)], POSITION_BY_ID)).toBe(
      5,
    );
    expect(highestHeldRank([], POSITION_BY_ID)).toBe(0);
    expect(highestHeldRank([held('no_such_post')], POSITION_BY_ID)).toBe(0);
  });

  test('rank 5 over rank 4 passes; rank 4 over rank 4 fails', () => {
    expect(checkHigherPost(4, post('xa_chu_tich_ubnd'))).toEqual({
      code: 'higher_post',
      outcome: 'pass',
      overridable: false,
      basis: 'Quy định 377-QĐ/TW: quy hoạch vào chức danh cao hơn',
      basisEn: 'Regulation 377-QĐ/TW: planning is for a higher post',
      message: 'Chức danh quy hoạch (bậc 5) cao hơn chức vụ hiện giữ (bậc 4).',
      messageEn: 'The planned post (rank 5) is above the post held (rank 4).',
    });
    expect(checkHigherPost(4, post('xa_pho_chu_tich_hdnd'))).toMatchObject({
      outcome: 'fail',
      messageEn: 'The planned post (rank 4) is not above the post held (rank 4).',
    });
  });
});

describe('at most 3 people per post', () => {
  test('no list yet and 2 on the list pass; 3 on the list fail', () => {
    expect(checkPerPostCap(undefined)).toMatchObject({
      outcome: 'pass',
      messageEn: 'The post has 0 of 3 people planned.',
    });
    expect(checkPerPostCap({ cadreIds: ['a', 'b'] })).toMatchObject({
      outcome: 'pass',
      messageEn: 'The post has 2 of 3 people planned.',
    });
    expect(checkPerPostCap({ cadreIds: ['a', 'b', 'c'] })).toMatchObject({
      outcome: 'fail',
      message: 'Chức danh đã đủ 3 người quy hoạch.',
      messageEn: 'The post already has 3 people planned.',
    });
  });
});

describe('at most 3 posts per person at the same level', () => {
  const target = { term: '2026-2031', unitCode: '18100', position: post('xa_chu_tich_ubnd') };

  test('2 commune posts in the term pass; 3 fail', () => {
    const two = [entry('xa_bi_thu'), entry('xa_chu_tich_hdnd')];
    expect(checkPerPersonCap(two, target, POSITION_BY_ID)).toMatchObject({
      outcome: 'pass',
      messageEn: 'The person is planned for 2 of 3 commune-level posts.',
    });
    const three = [...two, entry('xa_chu_tich_ubnd', '2026-2031', '18073')];
    expect(checkPerPersonCap(three, target, POSITION_BY_ID)).toEqual(
      expect.objectContaining({
        outcome: 'fail',
        message: 'Cán bộ đã quy hoạch đủ 3 chức danh cấp xã trong nhiệm kỳ 2026-2031.',
        messageEn: 'The person is already planned for 3 commune-level posts in term 2026-2031.',
      }),
    );
  });

  test('posts of another level, of another term, or the same list are not counted', () => {
    const planning = [
      entry('xa_bi_thu'),
      entry('xa_chu_tich_hdnd'),
      entry('tinh_pho_giam_doc_so', '2026-2031', '42'),
      entry('xa_pho_bi_thu', '2031-2036'),
      entry('xa_chu_tich_ubnd', '2026-2031', '18100'),
    ];
    expect(checkPerPersonCap(planning, target, POSITION_BY_ID)).toMatchObject({
      outcome: 'pass',
      messageEn: 'The person is planned for 2 of 3 commune-level posts.',
    });
  });
});

describe('age enough for the term', () => {
  test('the service needed runs to the term’s last day, five years more per extra term', () => {
    expect(serviceNeededUntil('2026-2031')).toBe('2031-06-30');
    expect(serviceNeededUntil('2031-2036')).toBe('2036-06-30');
    expect(serviceNeededUntil('2026-2031', { ...DEFAULT_PLANNING_PARAMS, fullTerms: 2 })).toBe('2036-06-30');
  });

  test('a man retiring on the term’s last day passes; one retiring the day before fails', () => {
    expect(checkAge({ birthDate: '1969-06-30', gender: 'male' }, '2026-2031')).toMatchObject({
      outcome: 'pass',
      messageEn: 'Retires on 2031-06-30, after the term ends (2031-06-30).',
    });
    expect(checkAge({ birthDate: '1969-06-29', gender: 'male' }, '2026-2031')).toMatchObject({
      code: 'age',
      outcome: 'fail',
      message:
        'Nghỉ hưu ngày 2031-06-29, trước khi kết thúc nhiệm kỳ (2031-06-30): không đủ tuổi công tác trọn nhiệm kỳ.',
      messageEn: 'Retires on 2031-06-29, before the term ends (2031-06-30): cannot serve the full term.',
    });
  });

  test('a woman born 1975-06-30 retires 2035-06-30: enough for 2026-2031, not for 2031-2036', () => {
    const woman = { birthDate: '1975-06-30', gender: 'female' as const };
    expect(checkAge(woman, '2026-2031').outcome).toBe('pass');
    expect(checkAge(woman, '2031-2036')).toMatchObject({
      outcome: 'fail',
      messageEn: 'Retires on 2035-06-30, before the term ends (2036-06-30): cannot serve the full term.',
    });
  });
});

describe('discipline waiting periods: 24, 36 and 60 months', () => {
  test('each form’s end of waiting; never after a dismissal', () => {
    expect(eligibleAfter({ level: 'reprimand', decidedOn: '2024-03-15' })).toBe('2026-03-15');
    expect(eligibleAfter({ level: 'warning', decidedOn: '2024-03-15' })).toBe('2027-03-15');
    expect(eligibleAfter({ level: 'removal', decidedOn: '2024-03-15' })).toBe('2029-03-15');
    expect(eligibleAfter({ level: 'dismissal', decidedOn: '2024-03-15' })).toBeNull();
  });

  test.each([
    ['reprimand', '2026-03-14', 'fail'],
    ['reprimand', '2026-03-15', 'pass'],
    ['warning', '2027-03-14', 'fail'],
    ['warning', '2027-03-15', 'pass'],
    ['removal', '2029-03-14', 'fail'],
    ['removal', '2029-03-15', 'pass'],
  ] as const)('%s of 2024-03-15, checked on %s: %s', (level, on, outcome) => {
    expect(checkDiscipline([{ level, decidedOn: '2024-03-15' }], on).outcome).toBe(outcome);
  });

  test('the message names the form, the date and when the person becomes eligible', () => {
    expect(checkDiscipline([{ level: 'warning', decidedOn: '2025-01-10' }], '2026-06-01')).toMatchObject({
      code: 'discipline',
      outcome: 'fail',
      message: 'Bị kỷ luật cảnh cáo ngày 2025-01-10: chưa được quy hoạch trước ngày 2028-01-10.',
      messageEn: 'Disciplined (warning) on 2025-01-10: not eligible before 2028-01-10.',
    });
    expect(checkDiscipline([{ level: 'dismissal', decidedOn: '2010-01-10' }], '2026-06-01')).toMatchObject({
      outcome: 'fail',
      messageEn: 'Dismissed on 2010-01-10: cannot be planned.',
    });
  });

  test('the latest-ending bar is reported; a decision after the date is not counted yet', () => {
    const bars = barringDisciplines(
      [
        { level: 'reprimand', decidedOn: '2025-06-01' },
        { level: 'warning', decidedOn: '2025-01-01' },
        { level: 'removal', decidedOn: '2026-07-01' },
      ],
      '2026-06-01',
    );
    expect(bars).toEqual([
      { level: 'warning', decidedOn: '2025-01-01', eligibleOn: '2028-01-01' },
      { level: 'reprimand', decidedOn: '2025-06-01', eligibleOn: '2027-06-01' },
    ]);
    expect(checkDiscipline([], '2026-06-01')).toMatchObject({
      outcome: 'pass',
      messageEn: 'No discipline within its waiting period.',
    });
  });
});

describe('not planned while proposed for appointment to that post', () => {
  const m = (status: string, toUnitCode = '18073', toPositionId: string | null = 'xa_chu_tich_ubnd') => ({
    id: 'mv-42-00001',
    status,
    toUnitCode,
    toPositionId,
  });

  test('a proposed or approved appointment to the same post and unit fails', () => {
    for (const status of ['proposed', 'approved'])
      expect(checkAppointmentPending([m(status)], '18073', 'xa_chu_tich_ubnd')).toMatchObject({
        code: 'appointment_pending',
        outcome: 'fail',
        messageEn: 'Proposed for appointment to this post (mv-42-00001): not planned at the same time.',
      });
  });

  test('another post, another unit, a draft or none pass', () => {
    for (const pending of [[m('proposed', '18073', 'xa_bi_thu')], [m('proposed', '18100')], [m('draft')], []])
      expect(checkAppointmentPending(pending, '18073', 'xa_chu_tich_ubnd').outcome).toBe('pass');
  });
});

describe('status and the list itself', () => {
  test('a retired or departed person fails; someone on leave passes', () => {
    expect(checkCadreStatus('retired')).toMatchObject({
      outcome: 'fail',
      messageEn: 'The person is no longer in service (retired).',
    });
    expect(checkCadreStatus('left').outcome).toBe('fail');
    expect(checkCadreStatus('on_leave').outcome).toBe('pass');
  });

  test('someone already on the list fails', () => {
    expect(checkAlreadyPlanned({ cadreIds: ['c1'] }, 'c1').outcome).toBe('fail');
    expect(checkAlreadyPlanned({ cadreIds: ['c2'] }, 'c1').outcome).toBe('pass');
    expect(checkAlreadyPlanned(undefined, 'c1').outcome).toBe('pass');
  });
});

describe('every rule of an addition, in order', () => {
  test('a vice-chair planned for chair: all pass; a deputy already at the cap: higher post and cap fail', () => {
    const vice = person('c1', '18073', 'xa_pho_chu_tich_ubnd', { birthDate: '1980-02-01' });
    const base = {
      cadre: vice,
      discipline: [],
      term: '2026-2031',
      unitCode: '18073',
      position: post('xa_chu_tich_ubnd'),
      list: { cadreIds: ['c7', 'c8'] },
      positions: POSITION_BY_ID,
      pendingAppointments: [],
      on: '2026-06-01',
    };
    const all = additionRules(base);
    expect(all.map((r) => [r.code, r.outcome])).toEqual([
      ['cadre_status', 'pass'],
      ['already_planned', 'pass'],
      ['higher_post', 'pass'],
      ['per_post_cap', 'pass'],
      ['per_person_cap', 'pass'],
      ['age', 'pass'],
      ['discipline', 'pass'],
      ['appointment_pending', 'pass'],
    ]);
    expect(failedRules(all)).toEqual([]);
    const refused = additionRules({
      ...base,
      position: post('xa_pho_bi_thu'),
      list: { cadreIds: ['c7', 'c8', 'c9'] },
    });
    expect(failedRules(refused).map((r) => r.code)).toEqual(['higher_post', 'per_post_cap']);
  });
});
