/**
 * The `quota_year_unallocated` check (docs/legal-basis.md §9): a movement
 * that takes a target post and starts in a later year than the approval is
 * warned while that year has no quota for the target unit, and passes once
 * allocated; a start in the approval's own year runs no such check.
 */
import {
  DEFAULT_CHECK_PARAMS,
  runChecks,
  type CheckContext,
} from '../../../functions/src/domain/movement-checks';
import { POSITION_BY_ID } from '../../../functions/src/domain/positions';
import { person, profile } from '../../helpers/province';

function context(startDate: string, quotaYearAhead: CheckContext['quotaYearAhead']): CheckContext {
  return {
    request: {
      type: 'transfer',
      toUnitCode: '18100',
      toProvinceCode: '42',
      toPositionId: 'xa_van_hoa_xa_hoi',
      startDate,
      plannedEndDate: null,
    },
    cadre: person('c-1', '18073', 'xa_van_hoa_xa_hoi'),
    profile: profile(),
    targetPosition: POSITION_BY_ID.get('xa_van_hoa_xa_hoi'),
    positions: POSITION_BY_ID,
    openMovements: [],
    relatives: [],
    targetQuota: { allocated: 32, filled: 30, reservedForReturn: 0, incoming: 0 },
    quotaYear: 2026,
    quotaYearAhead,
    sendingQuota: { allocated: 32, filled: 32, reservedForReturn: 0, incoming: 0 },
    sendingNorm: 30,
    holdersOfCadrePost: 2,
    holdersOfTargetPost: 0,
    params: DEFAULT_CHECK_PARAMS,
  };
}

const yearCheck = (ctx: CheckContext) => runChecks(ctx).filter((c) => c.code === 'quota_year_unallocated');

test('a start on 31 December of the approval year runs no year check', () => {
  expect(yearCheck(context('2026-12-31', undefined))).toEqual([]);
});

test('a start on 1 January of the next year, unallocated: an overridable warning in both languages', () => {
  expect(yearCheck(context('2027-01-01', { year: 2027, quota: undefined }))).toEqual([
    {
      code: 'quota_year_unallocated',
      outcome: 'warn',
      overridable: true,
      basis:
        'Biên chế được giao theo năm: năm bắt đầu chưa có quyết định giao biên chế (tạm giao theo năm trước khi kết chuyển)',
      basisEn:
        'Quotas are allocated per year: the start year has no allocation yet (the previous one is carried over as temporary)',
      message:
        'Đơn vị 18100 chưa được giao biên chế khối government năm 2027 (năm bắt đầu). Khi sang năm, biên chế năm 2026 được kết chuyển tạm giao cho đến khi có quyết định.',
      messageEn:
        'Unit 18100 has no government quota allocated for 2027 (the start year). At the turn of the year the 2026 quota is carried over as temporary until a decision.',
    },
  ]);
});

test('allocated (temporary or final): the check passes and names the status', () => {
  expect(yearCheck(context('2027-01-01', { year: 2027, quota: { status: 'temporary' } }))).toMatchObject([
    {
      outcome: 'pass',
      message: 'Đã giao biên chế năm 2027 (tạm giao).',
      messageEn: 'Quota for 2027 allocated (temporary).',
    },
  ]);
});

test('a secondment takes no target post, so no year check', () => {
  const ctx = context('2027-01-01', { year: 2027, quota: undefined });
  ctx.request = { ...ctx.request, type: 'secondment', plannedEndDate: '2027-12-31' };
  expect(yearCheck(ctx)).toEqual([]);
});
