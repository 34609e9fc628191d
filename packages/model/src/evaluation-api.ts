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

/** A quarter's results per unit in the caller's scope (distribution, moderation, review, lock, run). */
export const ZGetEvaluationSummaryInput = z.strictObject({
  period: Quarter,
  /** One unit: its people are listed too. */
  unitCode: UnitCode.optional(),
});
export type TGetEvaluationSummaryInput = z.infer<typeof ZGetEvaluationSummaryInput>;

/** Writes the annual classification of a province's year from its quarters (annualEvaluations). */
export const ZClassifyYearInput = z.strictObject({
  year: z.number().int().min(2026).max(2100),
  /** Default: the caller's province. */
  provinceCode: ProvinceCode.optional(),
  requestId,
});
export type TClassifyYearInput = z.infer<typeof ZClassifyYearInput>;

/** Levels counted per unit; `notRated`: a result without a level (absence, no products). */
export interface LevelCounts {
  HTXS: number;
  HTT: number;
  HT: number;
  KHT: number;
  notRated: number;
}

/** One person over the HTXS ceiling of their group (domain/evaluation/ceiling.ts). */
export interface ModerationGroup {
  /** `<unitCode>/<taskGroup>`. */
  group: string;
  base: number;
  allowed: number;
  exceeding: number;
  candidates: { cadreId: string; fullName: string | null; total: number; withinCeiling: boolean }[];
}

export interface UnitEvaluationSummary {
  unitCode: string;
  unitName: string | null;
  communeCode: string | null;
  results: number;
  /** By the level that counts (the reviewer's when there is one). */
  levels: LevelCounts;
  reviewed: number;
  /** Average total of the rated people, two decimals; null when nobody is rated. */
  averageTotal: number | null;
  locked: { by: string; at: string } | null;
  moderation: ModerationGroup[];
  /** The unit's state in the run of the quarter, if any. */
  run: { state: string; attempts: number; evaluated: number; written: number } | null;
}

export interface EvaluationPersonRow {
  cadreId: string;
  fullName: string | null;
  unitCode: string;
  taskGroup: string;
  leader: boolean;
  total: number | null;
  level: string | null;
  reviewLevel: string | null;
  effectiveLevel: string | null;
}

export interface EvaluationSummary {
  period: string;
  provinceCode: string;
  units: UnitEvaluationSummary[];
  totals: LevelCounts;
  run: {
    runId: string;
    state: string;
    progress: { done: number; total: number };
    result: Record<string, unknown>;
    updatedAt: string;
  } | null;
  /** The people of `unitCode`, when one unit was asked for. */
  people: EvaluationPersonRow[] | null;
}
