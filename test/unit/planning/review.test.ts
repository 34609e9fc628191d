/**
 * The annual review's flags (docs/legal-basis.md §15): KHT (the yearly result,
 * else the quarters), discipline in its waiting period, retirement before the
 * term's end, standards no longer met, no longer in service.
 */
import {
  DEFAULT_PLANNING_PARAMS,
  khtPeriods,
  reviewFlags,
  standardsGaps,
} from '../../../functions/src/domain/planning';
import { POSITION_BY_ID } from '../../../functions/src/domain/positions';
import type { Level } from '@canbo/model';
import { person } from '../../helpers/province';

const ev = (period: string, level: Level | null, reviewed?: Level) => ({
  period,
  level,
  ...(reviewed
    ? { review: { level: reviewed, reason: 'Xem xét lại', by: 'u1', at: '2027-01-05T00:00:00.000Z' } }
    : {}),
});

describe('KHT in the year', () => {
  test('the yearly result decides when there is one, reviewed level first', () => {
    expect(khtPeriods([ev('2026', 'HTT'), ev('2026-Q2', 'KHT')], 2026)).toEqual([]);
    expect(khtPeriods([ev('2026', 'KHT')], 2026)).toEqual(['2026']);
    expect(khtPeriods([ev('2026', 'HT', 'KHT')], 2026)).toEqual(['2026']);
    expect(khtPeriods([ev('2026', 'KHT', 'HT')], 2026)).toEqual([]);
  });

  test('without a yearly result, each KHT quarter of that year', () => {
    expect(
      khtPeriods(
        [ev('2026-Q3', 'KHT'), ev('2026-Q1', 'KHT'), ev('2026-Q2', 'HT'), ev('2025-Q4', 'KHT')],
        2026,
      ),
    ).toEqual(['2026-Q1', '2026-Q3']);
    expect(khtPeriods([ev('2026-Q1', null)], 2026)).toEqual([]);
  });
});

describe('standards no longer met', () => {
  const chair = POSITION_BY_ID.get('xa_chu_tich_ubnd')!;
  test('education, political theory and Party membership, below the post; experience is not reviewed', () => {
    const ok = person('c1', '18073', 'xa_pho_chu_tich_ubnd', { startedWorkOn: '2025-01-01' });
    expect(standardsGaps(ok, chair)).toEqual([]);
    const weak = person('c1', '18073', 'xa_pho_chu_tich_ubnd', {
      education: { level: 'college', major: 'Kế toán' },
      politicalTheory: 'elementary',
      partyMember: false,
    });
    expect(standardsGaps(weak, chair)).toEqual([
      { vi: 'trình độ chuyên môn', en: 'education' },
      { vi: 'lý luận chính trị', en: 'political theory' },
      { vi: 'chưa là đảng viên', en: 'not a Party member' },
    ]);
  });
});

describe('the flags of one person', () => {
  const chair = POSITION_BY_ID.get('xa_chu_tich_ubnd')!;
  const base = {
    cadre: person('c1', '18073', 'xa_pho_chu_tich_ubnd', { birthDate: '1980-02-01' }),
    discipline: [],
    evaluations: [ev('2026', 'HTT')],
    year: 2026,
    term: '2026-2031',
    position: chair,
    on: '2027-01-10',
  };

  test('nothing to flag', () => {
    expect(reviewFlags(base)).toEqual([]);
  });

  test('every reason at once, in order, with its text', () => {
    const flags = reviewFlags({
      ...base,
      cadre: person('c1', '18073', 'xa_pho_chu_tich_ubnd', {
        birthDate: '1969-06-29',
        status: 'retired',
        partyMember: false,
      }),
      discipline: [{ level: 'reprimand', decidedOn: '2026-05-20' }],
      evaluations: [ev('2026-Q2', 'KHT')],
    });
    expect(flags).toEqual([
      { code: 'left_service', vi: 'Không còn công tác (retired).', en: 'No longer in service (retired).' },
      {
        code: 'kht',
        vi: 'Xếp loại không hoàn thành nhiệm vụ năm 2026 (2026-Q2).',
        en: 'Rated KHT (did not complete) in 2026 (2026-Q2).',
      },
      {
        code: 'discipline',
        vi: 'Bị kỷ luật khiển trách ngày 2026-05-20.',
        en: 'Disciplined (reprimand) on 2026-05-20.',
      },
      {
        code: 'over_age',
        vi: 'Nghỉ hưu ngày 2031-06-29, trước khi kết thúc nhiệm kỳ (2031-06-30).',
        en: 'Retires on 2031-06-29, before the term ends (2031-06-30).',
      },
      {
        code: 'standards',
        vi: 'Không còn đáp ứng tiêu chuẩn của Chủ tịch UBND xã: chưa là đảng viên.',
        en: 'No longer meets the standards of Chair, Commune People’s Committee: not a Party member.',
      },
    ]);
  });

  test('a discipline past its waiting period and a retirement on the last day are not flagged', () => {
    expect(
      reviewFlags({
        ...base,
        cadre: person('c1', '18073', 'xa_pho_chu_tich_ubnd', { birthDate: '1969-06-30' }),
        discipline: [{ level: 'reprimand', decidedOn: '2025-01-10' }],
      }),
    ).toEqual([]);
    expect(
      reviewFlags({ ...base, discipline: [{ level: 'reprimand', decidedOn: '2025-01-11' }] }).map(
        (f) => f.code,
      ),
    ).toEqual(['discipline']);
  });
});

describe('the edges of the review', () => {
  const chair = POSITION_BY_ID.get('xa_chu_tich_ubnd')!;
  const base = {
    cadre: person('c1', '18073', 'xa_pho_chu_tich_ubnd', { birthDate: '1980-02-01' }),
    discipline: [],
    evaluations: [ev('2026', 'HTT')],
    year: 2026,
    term: '2026-2031',
    position: chair,
    on: '2027-01-10',
  };

  test('a post that does not require Party membership has no gap for a non-member', () => {
    const accountant = POSITION_BY_ID.get('xa_ke_toan')!;
    const nonMember = person('c1', '18073', 'xa_ke_toan', { partyMember: false });
    expect(standardsGaps(nonMember, accountant)).toEqual([]);
  });

  test('someone who has left the service is flagged', () => {
    expect(reviewFlags({ ...base, cadre: { ...base.cadre, status: 'left' } })).toEqual([
      { code: 'left_service', vi: 'Không còn công tác (left).', en: 'No longer in service (left).' },
    ]);
  });

  test('two full terms required: retiring in 2034 is flagged over age', () => {
    const cadre = person('c1', '18073', 'xa_pho_chu_tich_ubnd', { birthDate: '1972-01-15' });
    expect(reviewFlags({ ...base, cadre })).toEqual([]);
    expect(
      reviewFlags({ ...base, cadre, params: { ...DEFAULT_PLANNING_PARAMS, fullTerms: 2 } }).map(
        (f) => f.code,
      ),
    ).toEqual(['over_age']);
  });
});
