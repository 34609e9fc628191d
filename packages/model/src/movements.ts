/**
 * movements/{id}: transfer (điều động), rotation (luân chuyển), secondment
 * (biệt phái), appointment (bổ nhiệm), concurrent post (kiêm nhiệm) and
 * termination, with every check's result and legal basis, overrides with
 * reasons, and the status history.
 */
import { z } from 'zod';
import { CheckCode } from './checks';
import { Block, CommuneCode, DocId, IsoDate, IsoDateTime, ProvinceCode, UnitCode } from './common';
import { viLabelsOf } from './messages/ui';

export const MovementType = z.enum([
  'transfer',
  'rotation',
  'secondment',
  'appointment',
  'concurrent',
  'termination',
]);
export type MovementType = z.infer<typeof MovementType>;
export const MOVEMENT_TYPE_LABELS: Record<MovementType, string> = viLabelsOf(
  'movementType',
  MovementType.options,
);

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

/**
 * Statuses of a movement that is still open: proposed, approved or under
 * way. Queries for a person's open movements and the quota counts use this
 * one list.
 */
export const OPEN_STATUSES = ['proposed', 'approved', 'active'] as const satisfies readonly MovementStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];
export function isOpenStatus(status: MovementStatus): status is OpenStatus {
  return (OPEN_STATUSES as readonly MovementStatus[]).includes(status);
}

/**
 * One check's outcome. `basis` and `message` are Vietnamese, `basisEn` and
 * `messageEn` English: a client shows either language. Code, basis and
 * overridability come from CHECK_RULES (./checks.ts).
 */
export const CheckResult = z.object({
  code: CheckCode,
  outcome: z.enum(['pass', 'warn', 'fail']),
  /** A legal prohibition can never be overridden. */
  overridable: z.boolean(),
  basis: z.string().min(1),
  basisEn: z.string().min(1),
  message: z.string().min(1),
  messageEn: z.string().min(1),
});
export type CheckResult = z.infer<typeof CheckResult>;

/**
 * The person's own request for the move (đơn đề nghị), recorded with who
 * recorded it and when. It lifts the pregnancy, young-child and hardship
 * prohibitions of Decree 170/2025 at every later check (docs/legal-basis.md §2).
 */
export const PersonRequest = z.object({
  recordedBy: z.string().min(1),
  at: IsoDateTime,
  /** What the written request says (or which document it is). */
  note: z.string().min(1),
  /** The date the request bears, when given (absent on older records, whose note may carry it). */
  date: IsoDate.optional(),
});
export type PersonRequest = z.infer<typeof PersonRequest>;

/**
 * A recorded legal exception to a duration limit: a secondment longer than
 * three years where a specialised law allows it (docs/legal-basis.md §4).
 */
export const DurationException = z.object({
  basis: z.string().trim().min(3).max(300),
  note: z.string().trim().min(3).max(2000),
});
export type DurationException = z.infer<typeof DurationException>;

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
  /** The approved start date. */
  startDate: IsoDate,
  /** When it actually started (set by startMovement; absent on older records). */
  actualStartDate: IsoDate.nullable().optional(),
  /** Why it started before the approved date (docs/legal-basis.md §11). */
  earlyStartReason: z.string().min(1).nullable().optional(),
  plannedEndDate: IsoDate.nullable(),
  actualEndDate: IsoDate.nullable(),
  /** The person asked for the move (null or absent: they did not). */
  personRequest: PersonRequest.nullable().optional(),
  /** A specialised law allows a longer secondment (null or absent: none). */
  durationException: DurationException.nullable().optional(),
  decision: z.object({ number: z.string().min(1), date: IsoDate }).nullable(),
  reason: z.string(),
  checks: z.array(CheckResult),
  overrides: z.array(
    z.object({ code: CheckCode, reason: z.string().min(1), by: z.string(), at: IsoDateTime }),
  ),
  history: z.array(z.object({ status: MovementStatus, at: IsoDateTime, by: z.string(), note: z.string() })),
  createdBy: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Alerts of the daily job (`array-contains` queries find them). */
  flags: z.array(MovementFlag).optional(),
});
export type Movement = z.infer<typeof Movement>;

/** What a proposal asks for, stored or about to be: the rest of a movement comes from the person. */
export type MovementDraft = Pick<
  Movement,
  | 'id'
  | 'type'
  | 'toUnitCode'
  | 'toPositionId'
  | 'startDate'
  | 'plannedEndDate'
  | 'personRequest'
  | 'durationException'
>;
