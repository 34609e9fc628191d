/**
 * The movement check `in_planning` (docs/legal-basis.md §15): an appointment
 * to a leadership post is of someone planned for that post or an equivalent
 * or higher one of the same level; overridable with a reason.
 */
import { blockingChecks, checkInPlanning, runChecks } from '../../../functions/src/domain/movement-checks';
import { POSITION_BY_ID } from '../../../functions/src/domain/positions';
import { CHECK_RULES, type Cadre } from '@canbo/model';
import { cadre, context } from '../domain/check-context';

const chair = POSITION_BY_ID.get('xa_chu_tich_ubnd')!;
const planned = (positionId: string, unitCode = '18100', term = '2026-2031'): Cadre['planning'] => [
  { positionId, unitCode, term, addedOn: '2026-03-01' },
];

describe('in_planning', () => {
  test('its row in the table: §15, overridable', () => {
    expect(CHECK_RULES.in_planning).toEqual({
      code: 'in_planning',
      doc: '§15',
      overridable: true,
      basis: {
        vi: 'Quy định 377-QĐ/TW: bổ nhiệm người trong quy hoạch chức danh đó hoặc chức danh tương đương, cao hơn',
        en: 'Regulation 377-QĐ/TW: appoint a person planned for that post or an equivalent or higher one',
      },
    });
  });

  test('planned for the same post (in any unit) passes', () => {
    expect(checkInPlanning(planned('xa_chu_tich_ubnd', '18073'), chair, POSITION_BY_ID)).toMatchObject({
      code: 'in_planning',
      outcome: 'pass',
      overridable: true,
      message: 'Cán bộ trong quy hoạch Chủ tịch UBND xã (nhiệm kỳ 2026-2031).',
      messageEn: 'The person is planned for Chair, Commune People’s Committee (term 2026-2031).',
    });
  });

  test('an equivalent post (same level, same rank) or a higher one of the same level passes', () => {
    expect(checkInPlanning(planned('xa_chu_tich_hdnd'), chair, POSITION_BY_ID)).toMatchObject({
      outcome: 'pass',
      messageEn: 'The person is planned for Chair, Commune People’s Council (term 2026-2031).',
    });
    const vice = POSITION_BY_ID.get('xa_pho_chu_tich_ubnd')!;
    expect(checkInPlanning(planned('xa_bi_thu'), vice, POSITION_BY_ID).outcome).toBe('pass');
  });

  test('a lower post, a post of another level with the same rank, or no planning fails', () => {
    const fail = {
      code: 'in_planning',
      outcome: 'fail',
      overridable: true,
      message: 'Cán bộ không trong quy hoạch Chủ tịch UBND xã hoặc chức danh tương đương.',
      messageEn: 'The person is not planned for Chair, Commune People’s Committee or an equivalent post.',
    };
    expect(checkInPlanning(planned('xa_pho_chu_tich_hdnd'), chair, POSITION_BY_ID)).toMatchObject(fail);
    expect(checkInPlanning(planned('tinh_pho_giam_doc_so', '42'), chair, POSITION_BY_ID)).toMatchObject(fail);
    expect(checkInPlanning([], chair, POSITION_BY_ID)).toMatchObject(fail);
  });

  test('runs for appointments to leadership posts only; a reason overrides it', () => {
    const codes = (ctx: ReturnType<typeof context>) => runChecks(ctx).map((c) => c.code);
    const appoint = context({
      request: { type: 'appointment', toUnitCode: '18073', toPositionId: 'xa_chu_tich_ubnd' },
    });
    expect(codes(appoint)).toContain('in_planning');
    const staff = context({
      request: { type: 'appointment', toUnitCode: '18073', toPositionId: 'xa_tu_phap_ho_tich' },
    });
    expect(codes(staff)).not.toContain('in_planning');
    const transfer = context({ request: { type: 'transfer', toPositionId: 'xa_chu_tich_ubnd' } });
    expect(codes(transfer)).not.toContain('in_planning');
    const results = runChecks(appoint);
    expect(blockingChecks(results, new Set()).map((c) => c.code)).toEqual(['in_planning']);
    expect(blockingChecks(results, new Set(['in_planning']))).toEqual([]);
    const plannedCtx = context({
      cadre: cadre({ planning: planned('xa_chu_tich_ubnd', '18073') }),
      request: { type: 'appointment', toUnitCode: '18073', toPositionId: 'xa_chu_tich_ubnd' },
    });
    expect(blockingChecks(runChecks(plannedCtx), new Set())).toEqual([]);
  });
});
