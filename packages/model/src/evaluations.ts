/**
 * The quarterly evaluation under Nghị định 335/2025 (docs/legal-basis.md §13):
 *
 * - evaluationInputs/{period}_{cadreId}: what the commune or the province
 *   records for one person and quarter (work products, general criteria,
 *   leader criteria, facts that force KHT) and the person's self-assessment.
 *   Written by callables only, refused once the unit's quarter is final.
 * - evaluations/{period}_{cadreId}: the result the quarterly job computes from
 *   them (every sub-score, the total, the level and why) and the reviewer's
 *   confirmation or override.
 * - evaluationLocks/{period}_{unitCode}: a unit's quarter, finalised.
 */
import { z } from 'zod';
import { DocId, IsoDateTime, Scope, UnitCode } from './common';
import { ScoringInput } from './evaluation-rules';
import { Level } from './levels';
import { message, oneLine } from './messages';

/** 2026-Q1 … 2026-Q4, or 2026 for the annual roll-up. */
export const Period = z.string().regex(/^\d{4}(-Q[1-4])?$/, oneLine(message('field.evaluation_period')));
/** A quarter, the period the job scores. */
export const Quarter = z.string().regex(/^\d{4}-Q[1-4]$/, oneLine(message('field.evaluation_period')));

const Percent = z.number().min(0).max(100);
const Points = z.number().min(0).max(100);

/** The group of similar tasks the HTXS ceiling counts within (default: the whole unit). */
export const TaskGroup = DocId;
export const DEFAULT_TASK_GROUP = 'chung';

export const EvaluationInput = Scope.extend({
  id: z.string().regex(/^\d{4}-Q[1-4]_[A-Za-z0-9_-]+$/),
  period: Quarter,
  cadreId: DocId,
  /** The unit that rates the person this quarter: where they work (a secondee is rated by the receiving unit). */
  unitCode: UnitCode,
  taskGroup: TaskGroup,
  scoring: ScoringInput,
  selfAssessment: z.string().max(5000).nullable(),
  updatedAt: IsoDateTime,
  updatedBy: z.string().min(1),
});
export type EvaluationInput = z.infer<typeof EvaluationInput>;

/** Why a level is what it is (functions/src/domain/evaluation/score.ts). */
export const ScoreReason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('score'), total: Points, level: Level }),
  z.object({
    code: z.literal('override'),
    fact: z.enum(['disciplineInYear', 'degradationConcluded', 'corruptionInDirectUnit']),
  }),
  z.object({
    code: z.literal('not_rated'),
    why: z.enum(['no_products', 'working_time']),
    workingDays: z.number().int().nonnegative().nullable(),
  }),
]);
export type ScoreReason = z.infer<typeof ScoreReason>;

export const TaskScore = z.object({
  a: Percent,
  b: Percent,
  c: Percent,
  d: Percent.nullable(),
  dd: Percent.nullable(),
  e: Percent.nullable(),
  percent: Percent,
  points: Points,
});

/**
 * The attitude part of the general criteria taken from citizens' ratings
 * (rules.attitudeFromSatisfaction; functions/src/domain/evaluation/attitude.ts):
 * the evidence, and whether it replaced the reviewer's points.
 */
export const AttitudeFromRatings = z.object({
  /** The general part marked attitudeTowardCitizens. */
  partId: DocId,
  /** Ratings counted in the quarter (gaming-flagged ones held out). */
  ratings: z.number().int().nonnegative(),
  /** The shrunk satisfied share; null when the ratings are too few (the reviewer's points stand). */
  estimate: z.number().min(0).max(1).nullable(),
  applied: z.boolean(),
  /** The points satisfaction gave, out of `satisfactionMax` (null when not applied). */
  satisfactionPoints: Points.nullable(),
  satisfactionMax: Points.nullable(),
  /** What the reviewer had entered for the part. */
  reviewerPoints: Points.nullable(),
});
export type AttitudeFromRatings = z.infer<typeof AttitudeFromRatings>;

export const Evaluation = Scope.extend({
  id: z.string().regex(/^\d{4}(-Q[1-4])?_[A-Za-z0-9_-]+$/),
  period: Period,
  cadreId: DocId,
  unitCode: UnitCode,
  taskGroup: TaskGroup,
  leader: z.boolean(),
  rated: z.boolean(),
  general: z.object({
    points: Points,
    parts: z.array(z.object({ id: DocId, points: Points, max: Points })),
  }),
  tasks: TaskScore.nullable(),
  total: Points.nullable(),
  /** The level the total alone gives. */
  scoreLevel: Level.nullable(),
  /** The level after the facts that force KHT. */
  level: Level.nullable(),
  reasons: z.array(ScoreReason),
  /** The evidence when the rules take the attitude part from citizens' ratings; null otherwise. */
  attitude: AttitudeFromRatings.nullable().optional(),
  /**
   * A reviewer's confirmation or change of the level, with the reason
   * (audited). Absent until someone reviews: the job never writes it, so a
   * re-run keeps every review.
   */
  review: z
    .object({ level: Level, reason: z.string().min(1).max(1000), by: z.string().min(1), at: IsoDateTime })
    .optional(),
  /** A digest of the inputs and rules the result was computed from: a re-run with the same ones writes nothing. */
  inputsDigest: z.string().min(1),
  /**
   * When the inputs were last changed. The result carries no time of its own,
   * so computing it again from the same inputs gives the same document.
   */
  inputsUpdatedAt: IsoDateTime,
});
export type Evaluation = z.infer<typeof Evaluation>;

/** The level that counts: the reviewer's when there is one. */
export function effectiveLevel(e: Pick<Evaluation, 'level' | 'review'>): Level | null {
  return e.review?.level ?? e.level;
}

export const EvaluationLock = Scope.extend({
  id: z.string().regex(/^\d{4}-Q[1-4]_/),
  period: Quarter,
  unitCode: UnitCode,
  finalisedBy: z.string().min(1),
  finalisedAt: IsoDateTime,
  /** How many results the unit's quarter had when it was finalised. */
  evaluations: z.number().int().nonnegative(),
});
export type EvaluationLock = z.infer<typeof EvaluationLock>;

/** The unit's lease and digest in a run: jobs/{runId}/units/{unitCode}. */
export const EvaluationUnitRun = z.object({
  unitCode: UnitCode,
  state: z.enum(['pending', 'running', 'done', 'locked']),
  /** Who holds the unit (the task's attempt) and until when; a lease past its time may be taken over. */
  lease: z.object({ holder: z.string().min(1), until: IsoDateTime }).nullable(),
  attempts: z.number().int().nonnegative(),
  /** The run's generation this state belongs to (a new run of a finished period starts a new one). */
  generation: z.number().int().nonnegative(),
  /** The digest of every input of the unit when it was last done: the same digest again means nothing to write. */
  digest: z.string().nullable(),
  /** The digest each person's result was last written with: only a changed one is written again. */
  digests: z.record(DocId, z.string()),
  evaluated: z.number().int().nonnegative(),
  written: z.number().int().nonnegative(),
  updatedAt: IsoDateTime,
});
export type EvaluationUnitRun = z.infer<typeof EvaluationUnitRun>;

/**
 * The annual classification of one person (Decree 335 Art. 21;
 * functions/src/domain/evaluation/annual.ts), written by `classifyYear`:
 * annualEvaluations/{year}_{cadreId}. A collection of its own rather than
 * evaluations/{year}_…: its shape is the quarters' levels and their average,
 * not sub-scores. Deterministic (no time of its own): the same quarters give
 * the same document.
 */
export const AnnualEvaluation = Scope.extend({
  id: z.string().regex(/^\d{4}_[A-Za-z0-9_-]+$/),
  year: z.number().int().min(2026).max(2100),
  cadreId: DocId,
  /** The unit of the person's latest rated quarter (a transferee's quarters follow them). */
  unitCode: UnitCode,
  quarters: z.array(z.object({ period: Quarter, total: Points.nullable(), level: Level.nullable() })),
  rated: z.boolean(),
  periodsRated: z.number().int().min(0).max(4),
  average: Points.nullable(),
  level: Level.nullable(),
  reasons: z.array(
    z.discriminatedUnion('code', [
      z.object({ code: z.literal('average'), average: Points, periods: z.number().int(), level: Level }),
      z.object({
        code: z.literal('count'),
        counts: z.object({
          HTXS: z.number().int(),
          HTT: z.number().int(),
          HT: z.number().int(),
          KHT: z.number().int(),
        }),
        level: Level,
      }),
      z.object({
        code: z.literal('override'),
        fact: z.enum(['disciplineInYear', 'degradationConcluded', 'corruptionInDirectUnit']),
      }),
      z.object({ code: z.literal('not_rated') }),
    ]),
  ),
  digest: z.string().min(1),
});
export type AnnualEvaluation = z.infer<typeof AnnualEvaluation>;
