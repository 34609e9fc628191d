/**
 * The checks' context for the table tests (movement-checks-table.test.ts,
 * movement-checks-rules.test.ts): a context in which every check passes, a
 * move of a justice officer of commune 18073 (province 42, from Nghệ An, 40,
 * born 1985-06-15, in service since 2008) to 18100 on 2027-01-01, and the
 * results as rows of code, outcome, overridability and English message.
 */
import {
  DEFAULT_CHECK_PARAMS,
  runChecks,
  type CheckContext,
} from '../../../functions/src/domain/movement-checks';
import { POSITION_BY_ID } from '../../../functions/src/domain/positions';
import type { Cadre, CheckResult } from '@canbo/model';
import { person, profile } from '../../helpers/province';

export const cadre = (overrides: Partial<Cadre> = {}): Cadre =>
  person('18073-0010', '18073', 'xa_tu_phap_ho_tich', overrides);

export type Overrides = Omit<Partial<CheckContext>, 'request'> & {
  request?: Partial<CheckContext['request']>;
};

export function context(overrides: Overrides = {}): CheckContext {
  const { request, ...rest } = overrides;
  const toPositionId = request?.toPositionId === undefined ? 'xa_tu_phap_ho_tich' : request.toPositionId;
  return {
    request: {
      type: 'transfer',
      toUnitCode: '18100',
      toProvinceCode: '42',
      startDate: '2027-01-01',
      plannedEndDate: null,
      personRequest: null,
      ...request,
      toPositionId,
    },
    cadre: cadre(),
    profile: profile(),
    targetPosition: toPositionId ? POSITION_BY_ID.get(toPositionId) : undefined,
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

export type Row = [code: string, outcome: CheckResult['outcome'], overridable: boolean, messageEn: string];
export const rows = (results: CheckResult[]): Row[] =>
  results.map((c) => [c.code, c.outcome, c.overridable, c.messageEn]);
export const table = (ctx: CheckContext): Row[] => rows(runChecks(ctx));

/** The row of one check, or undefined when it did not run. */
export const row = (ctx: CheckContext, code: string): Row | undefined =>
  table(ctx).find((r) => r[0] === code);
