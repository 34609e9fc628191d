/**
 * evaluations/{period}_{cadreId}: quarterly and annual results under Nghị
 * định 335/2025: 30 points of general criteria and 70 of task
 * results, the satisfaction component, the total and the level.
 */
import { z } from 'zod';
import { DocId, IsoDateTime, Scope, UnitCode } from './common';
import { message, oneLine } from './messages';

/** 2026-Q1 … 2026-Q4, or 2026 for the annual roll-up. */
export const Period = z.string().regex(/^\d{4}(-Q[1-4])?$/, oneLine(message('field.evaluation_period')));

export const Level = z.enum(['HTXS', 'HTT', 'HT', 'KHT']);
export type Level = z.infer<typeof Level>;
export const LEVEL_LABELS: Record<z.infer<typeof Level>, string> = {
  HTXS: 'Hoàn thành xuất sắc nhiệm vụ',
  HTT: 'Hoàn thành tốt nhiệm vụ',
  HT: 'Hoàn thành nhiệm vụ',
  KHT: 'Không hoàn thành nhiệm vụ',
};

const Percent = z.number().min(0).max(100);

export const EvaluationInputs = z.object({
  /** General criteria (politics, ethics, discipline, attitude to citizens…), 0–30. */
  general: z.number().min(0).max(30),
  /** Task results as % of assigned products: quantity, quality, progress. */
  tasks: z.object({ quantity: Percent, quality: Percent, progress: Percent }),
  /** Leaders only: unit result (100 or 50) and organisation criteria. */
  leader: z
    .object({ unitResult: z.union([z.literal(100), z.literal(50)]), organisation: Percent })
    .nullable(),
  /** Reprimand or heavier discipline in the period forces KHT (NĐ 335 Art. 20(4)). */
  disciplined: z.boolean(),
  selfAssessment: z.string(),
});

export const Evaluation = Scope.extend({
  id: z.string().regex(/^\d{4}(-Q[1-4])?_[A-Za-z0-9_-]+$/),
  period: Period,
  cadreId: DocId,
  unitCode: UnitCode,
  inputs: EvaluationInputs,
  subScores: z.object({ general: z.number(), tasks: z.number() }).nullable(),
  satisfaction: z.object({ ratings: z.number().int().nonnegative(), satisfiedShare: Percent }).nullable(),
  total: z.number().min(0).max(100).nullable(),
  level: Level.nullable(),
  override: z.object({ level: Level, reason: z.string().min(1), by: z.string() }).nullable(),
  reviewedBy: z.string().nullable(),
  status: z.enum(['input', 'computed', 'reviewed', 'final']),
  jobRunId: z.string().nullable(),
  updatedAt: IsoDateTime,
});
export type Evaluation = z.infer<typeof Evaluation>;
