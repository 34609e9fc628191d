/**
 * Inputs of the callables (Z<Op>Input, T<Op>Input = z.infer). Strict:
 * unknown fields are refused, so a misspelt field is an error, not ignored.
 */
import { z } from 'zod';
import { COMMUNE_ROLES, Role } from './roles';
import { Block, CommuneCode, DocId, IsoDate, ProvinceCode, UnitCode } from './common';
import { CheckCode } from './checks';
import { DurationException, MovementType } from './movements';
import { CadrePrivate, HeadRestriction } from './cadres';
import { RequestId } from './idempotency';
import { message, oneLine } from './messages';

/**
 * The idempotency key every mutating input accepts: a UUID the client repeats
 * when it retries, so a replay within 24 h returns the first result
 * (docs/api.md, "Idempotency").
 */
const requestId = RequestId.optional();

const Decision = z.strictObject({ number: z.string().min(1).max(60), date: IsoDate });

export const ZCheckQuotaInput = z.strictObject({
  unitCode: UnitCode,
  block: Block,
  year: z.number().int().min(2025).max(2100).optional(),
  delta: z.number().int().min(1).max(1000).optional(),
});
export type TCheckQuotaInput = z.infer<typeof ZCheckQuotaInput>;

export const ZProposeMovementInput = z
  .strictObject({
    type: MovementType,
    cadreId: DocId,
    toUnitCode: UnitCode,
    toPositionId: DocId.optional(),
    startDate: IsoDate,
    plannedEndDate: IsoDate.optional(),
    decision: Decision.optional(),
    reason: z.string().trim().min(3).max(2000),
    /**
     * The person's own written request for the move (đơn đề nghị): what it is
     * and the date it bears. Stored on the movement with who recorded it and
     * when; it lifts the pregnancy, young-child and hardship prohibitions at
     * every later check (docs/legal-basis.md §2). The only way to record a
     * request: the proposal's reason is the office's, not the person's.
     */
    personRequest: z
      .strictObject({ note: z.string().trim().min(3).max(1000), date: IsoDate.optional() })
      .optional(),
    /** A secondment beyond 3 years allowed by a specialised law: its basis and a note (docs/legal-basis.md §4). */
    durationException: DurationException.optional(),
    requestId,
  })
  .refine((x) => !x.plannedEndDate || x.plannedEndDate > x.startDate, {
    message: oneLine(message('error.endAfterStart')),
    path: ['plannedEndDate'],
  })
  .refine((x) => !x.durationException || x.type === 'secondment', {
    message: oneLine(message('error.durationExceptionSecondmentOnly')),
    path: ['durationException'],
  })
  .refine((x) => ['termination', 'secondment', 'rotation'].includes(x.type) || x.toPositionId !== undefined, {
    message: oneLine(message('error.targetPositionRequired')),
    path: ['toPositionId'],
  });
export type TProposeMovementInput = z.infer<typeof ZProposeMovementInput>;

/** An override names a known check (an unknown code is refused, not ignored). */
const Override = z.strictObject({ code: CheckCode, reason: z.string().trim().min(10).max(1000) });

export const ZDecideMovementInput = z.strictObject({
  requestId,
  movementId: DocId,
  decision: z.enum(['approve', 'reject']),
  decisionNo: z.string().min(1).max(60).optional(),
  decisionDate: IsoDate.optional(),
  note: z.string().trim().min(1).max(2000),
  overrides: z.array(Override).max(20).optional(),
});
export type TDecideMovementInput = z.infer<typeof ZDecideMovementInput>;

export const ZStartMovementInput = z.strictObject({
  requestId,
  movementId: DocId,
  note: z.string().max(2000).optional(),
  /** The day it actually starts (default: today). */
  startDate: IsoDate.optional(),
  /** Required to start before the approved start date (docs/legal-basis.md §11). */
  earlyStartReason: z.string().trim().min(3).max(2000).optional(),
});
export type TStartMovementInput = z.infer<typeof ZStartMovementInput>;

export const ZCompleteMovementInput = z.strictObject({
  requestId,
  movementId: DocId,
  endDate: IsoDate.optional(),
  note: z.string().trim().min(1).max(2000),
});
export type TCompleteMovementInput = z.infer<typeof ZCompleteMovementInput>;

export const ZExtendMovementInput = z.strictObject({
  requestId,
  movementId: DocId,
  plannedEndDate: IsoDate,
  decisionNo: z.string().min(1).max(60).optional(),
  reason: z.string().trim().min(3).max(2000),
  /**
   * A specialised law that allows this secondment beyond 3 years: its basis
   * and a note. Stored on the movement with the extension (replacing one the
   * proposal recorded) and honoured by the length check (docs/legal-basis.md §4).
   */
  durationException: DurationException.optional(),
});
export type TExtendMovementInput = z.infer<typeof ZExtendMovementInput>;

export const ZCancelMovementInput = z.strictObject({
  requestId,
  movementId: DocId,
  reason: z.string().trim().min(3).max(2000),
});
export type TCancelMovementInput = z.infer<typeof ZCancelMovementInput>;

export const ZSetUserScopeInput = z
  .strictObject({
    uid: z.string().min(1).max(128),
    role: Role,
    province: ProvinceCode,
    communes: z.array(CommuneCode).max(100).optional(),
    cadreId: DocId.optional(),
    requestId,
  })
  // The roles scoped to communes (roles.ts) need at least one.
  .refine((x) => !COMMUNE_ROLES.includes(x.role) || (x.communes?.length ?? 0) > 0, {
    message: oneLine(message('error.communeRoleNeedsCommunes')),
    path: ['communes'],
  })
  .refine((x) => x.role !== 'cadre' || x.cadreId !== undefined, {
    message: oneLine(message('error.cadreRoleNeedsCadreId')),
    path: ['cadreId'],
  });
export type TSetUserScopeInput = z.infer<typeof ZSetUserScopeInput>;

/** reconcileClaims: the province admin's own province; nothing else to say but the idempotency key. */
export const ZReconcileClaimsInput = z.strictObject({ requestId });
export type TReconcileClaimsInput = z.infer<typeof ZReconcileClaimsInput>;

// ── Quotas by year (allocateQuota, carryOverQuotas): docs/api.md, docs/legal-basis.md §9 ──

/** The year of a quota document (quotas/{unit}_{block}_{year}). */
const QuotaYear = z.number().int().min(2025).max(2100);

export const ZAllocateQuotaInput = z.strictObject({
  unitCode: UnitCode,
  block: Block,
  year: QuotaYear,
  /** Posts allocated (biên chế được giao); may be cut below the counts, with a warning. */
  allocated: z.number().int().min(0).max(100000),
  /** Temporary (tạm giao) until the competent authority's decision makes it final. */
  status: z.enum(['temporary', 'final']),
  /** The allocation decision (số và ngày quyết định giao biên chế). */
  decision: Decision,
  reason: z.string().trim().min(3).max(2000),
  requestId,
});
export type TAllocateQuotaInput = z.infer<typeof ZAllocateQuotaInput>;

export const ZCarryOverQuotasInput = z.strictObject({
  /** The year to open (its 1 January has come); the previous year's documents are carried into it. */
  year: QuotaYear,
  requestId,
});
export type TCarryOverQuotasInput = z.infer<typeof ZCarryOverQuotasInput>;

// ── Unit statistics (rebuildUnitStats): docs/api.md, docs/data-model.md "unitStats" ──

/** rebuildUnitStats: recomputes the caller's own province (its province admin); only the idempotency key. */
export const ZRebuildUnitStatsInput = z.strictObject({ requestId });
export type TRebuildUnitStatsInput = z.infer<typeof ZRebuildUnitStatsInput>;

// ── The facts that forbid a transfer or secondment (recordRestrictions): docs/api.md, docs/legal-basis.md §2 ──

/**
 * Some of a profile's `restrictions` (the others are kept): each field as the
 * profile's schema has it (null clears `youngestChildBirthDate`,
 * `fatherCondition` or `headRestriction`). At least one field.
 */
const RestrictionsPatch = z
  .strictObject({
    ...CadrePrivate.shape.restrictions.shape,
    headRestriction: z.strictObject(HeadRestriction.shape).nullable(),
  })
  .partial()
  .refine((x) => Object.keys(x).length > 0, {
    message: oneLine(message('error.restrictionsEmpty')),
  });

export const ZRecordRestrictionsInput = z.strictObject({
  cadreId: DocId,
  restrictions: RestrictionsPatch,
  /** Why it is recorded now (the document it rests on); kept in the audit entry. */
  reason: z.string().trim().min(3).max(2000),
  requestId,
});
export type TRecordRestrictionsInput = z.infer<typeof ZRecordRestrictionsInput>;
