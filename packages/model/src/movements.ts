/**
 * movements/{id}: transfer (điều động), rotation (luân chuyển), secondment
 * (biệt phái), appointment (bổ nhiệm), concurrent post (kiêm nhiệm) and
 * termination, with every check's result and legal basis, overrides with
 * reasons, and the status history.
 */
import { z } from 'zod';
import { Block, CommuneCode, DocId, IsoDate, IsoDateTime, ProvinceCode, UnitCode } from './common';

export const MovementType = z.enum([
  'transfer',
  'rotation',
  'secondment',
  'appointment',
  'concurrent',
  'termination',
]);
export type MovementType = z.infer<typeof MovementType>;
export const MOVEMENT_TYPE_LABELS: Record<MovementType, string> = {
  transfer: 'Điều động',
  rotation: 'Luân chuyển',
  secondment: 'Biệt phái',
  appointment: 'Bổ nhiệm',
  concurrent: 'Kiêm nhiệm',
  termination: 'Thôi việc, nghỉ hưu',
};

export const MovementStatus = z.enum([
  'draft',
  'proposed',
  'approved',
  'active',
  'completed',
  'cancelled',
  'rejected',
]);
export type MovementStatus = z.infer<typeof MovementStatus>;

export const CheckResult = z.object({
  code: z.string().min(1),
  outcome: z.enum(['pass', 'warn', 'fail']),
  /** A legal prohibition can never be overridden. */
  overridable: z.boolean(),
  basis: z.string().min(1),
  message: z.string().min(1),
});
export type CheckResult = z.infer<typeof CheckResult>;

/** Set by the daily job: ending within 60 days, or past its planned end and not completed. */
export const MovementFlag = z.enum(['ending_soon', 'overdue_return']);

export const Movement = z.object({
  id: DocId,
  type: MovementType,
  status: MovementStatus,
  cadreId: DocId,
  cadreName: z.string(),
  provinceCode: ProvinceCode,
  block: Block,
  fromUnitCode: UnitCode,
  fromPositionId: DocId.nullable(),
  toUnitCode: UnitCode,
  toPositionId: DocId.nullable(),
  /** The communes on either side, for scoped queries (`array-contains`). */
  communeCodes: z.array(CommuneCode),
  startDate: IsoDate,
  plannedEndDate: IsoDate.nullable(),
  actualEndDate: IsoDate.nullable(),
  decision: z.object({ number: z.string().min(1), date: IsoDate }).nullable(),
  reason: z.string(),
  checks: z.array(CheckResult),
  overrides: z.array(
    z.object({ code: z.string(), reason: z.string().min(1), by: z.string(), at: IsoDateTime }),
  ),
  history: z.array(z.object({ status: MovementStatus, at: IsoDateTime, by: z.string(), note: z.string() })),
  createdBy: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Alerts of the daily job (`array-contains` queries find them). */
  flags: z.array(MovementFlag).optional(),
});
export type Movement = z.infer<typeof Movement>;
