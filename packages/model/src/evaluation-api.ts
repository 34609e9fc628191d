/**
 * Inputs of the evaluation callables (docs/api.md, "Quarterly evaluation"),
 * strict like the others in api.ts: an unknown field is an error.
 */
import { z } from 'zod';
import { DocId, ProvinceCode, UnitCode } from './common';
import { ScoringInput } from './evaluation-rules';
import { Quarter, TaskGroup } from './evaluations';
import { RequestId } from './idempotency';
import { Level } from './levels';

const requestId = RequestId.optional();

/** Records (replaces) what was assessed for one person and quarter; refused once the unit's quarter is final. */
export const ZRecordEvaluationInputsInput = z.strictObject({
  cadreId: DocId,
  period: Quarter,
  /** The group of similar tasks the HTXS ceiling counts within; default "chung" (the whole unit). */
  taskGroup: TaskGroup.optional(),
  scoring: ScoringInput,
  requestId,
});
export type TRecordEvaluationInputsInput = z.infer<typeof ZRecordEvaluationInputsInput>;

/** The person's own self-assessment (tự đánh giá) for a quarter. */
export const ZRecordSelfAssessmentInput = z.strictObject({
  period: Quarter,
  text: z.string().trim().min(1).max(5000),
  requestId,
});
export type TRecordSelfAssessmentInput = z.infer<typeof ZRecordSelfAssessmentInput>;

/** Scores inputs without saving anything: every sub-score, the total, the level and why. */
export const ZPreviewEvaluationInput = z.strictObject({ scoring: ScoringInput });
export type TPreviewEvaluationInput = z.infer<typeof ZPreviewEvaluationInput>;

/** Starts, or resumes, the run of a province's quarter. */
export const ZRunEvaluationInput = z.strictObject({
  period: Quarter,
  /** Default: the caller's province. */
  provinceCode: ProvinceCode.optional(),
  requestId,
});
export type TRunEvaluationInput = z.infer<typeof ZRunEvaluationInput>;

/** Confirms or changes a computed level, with the reason. */
export const ZReviewEvaluationInput = z.strictObject({
  cadreId: DocId,
  period: Quarter,
  level: Level,
  reason: z.string().trim().min(1).max(1000),
  requestId,
});
export type TReviewEvaluationInput = z.infer<typeof ZReviewEvaluationInput>;

/** Locks a unit's quarter: later inputs and reviews are refused. */
export const ZFinaliseEvaluationsInput = z.strictObject({ period: Quarter, unitCode: UnitCode, requestId });
export type TFinaliseEvaluationsInput = z.infer<typeof ZFinaliseEvaluationsInput>;
