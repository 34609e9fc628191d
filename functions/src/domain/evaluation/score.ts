/**
 * The score and level of one person for one period under Decree 335
 * (docs/legal-basis.md §13): general criteria (up to 30 points) plus task
 * results (up to 70), the level by the thresholds, and the facts that force
 * KHT whatever the score. Pure: `previewEvaluation` and the quarterly job
 * call the same function, so what a reviewer sees live is what the job saves.
 */
import type { GeneralSubCriterion, Level, LeaderCriteria, OverrideFacts, ScoringInput } from '@canbo/model';
import { DomainError } from '../errors';
import { type TaskSubScores, taskSubScores } from './products';
import type { EvaluationRules } from './rules';

/** An input the rules cannot score: a part of the general criteria that is unknown, missing or over its points. */
export class EvaluationInputInvalid extends DomainError {
  readonly code = 'invalid-argument' as const;
  constructor(
    readonly field: string,
    why: 'unknownPart' | 'missingPart' | 'overMax' | 'corruptionNotLeader',
    params: Record<string, string | number> = {},
  ) {
    super(`evaluation.input.${why}`, { field, ...params });
  }
}

/** Why the level is what it is. */
export type ScoreReason =
  | { code: 'score'; total: number; level: Level }
  | { code: 'override'; fact: keyof OverrideFacts }
  | { code: 'not_rated'; why: 'no_products' | 'working_time'; workingDays: number | null };

export interface TaskScore extends TaskSubScores {
  /** Leader criteria d (unit result), đ (organisation), e (third criterion); null for others. */
  d: number | null;
  dd: number | null;
  e: number | null;
  /** The mean of the sub-scores, %. */
  percent: number;
  /** Points out of `tasksMax`. */
  points: number;
}

export interface ScoreResult {
  rated: boolean;
  general: { points: number; parts: { id: string; points: number; max: number }[] };
  tasks: TaskScore | null;
  /** General + task points, to two decimals; null when not rated. */
  total: number | null;
  /** The level the total alone gives. */
  scoreLevel: Level | null;
  /** The level after the facts that force KHT. */
  level: Level | null;
  reasons: ScoreReason[];
}

/**
 * Scores are kept to two decimals, as the forms show them, and the level
 * follows the total shown (a system rule, §13.4): 69.995 shows as 70.00 and
 * is HTT. The small addend keeps binary rounding noise (69.99999999999997)
 * from deciding a level.
 */
export function roundScore(x: number): number {
  return Math.round(x * 100 + 1e-7) / 100;
}

/** The level of a total by the thresholds (HTXS ≥ 90, HTT ≥ 70, HT ≥ 50, else KHT). */
export function levelOf(total: number, thresholds: EvaluationRules['thresholds']): Level {
  if (total >= thresholds.HTXS) return 'HTXS';
  if (total >= thresholds.HTT) return 'HTT';
  if (total >= thresholds.HT) return 'HT';
  return 'KHT';
}

/** Leader criterion d: 100 % unless a subordinate is rated KHT (then 50 %), from their levels. */
export function unitResultOf(subordinateLevels: readonly Level[], rules: EvaluationRules): number {
  return subordinateLevels.includes('KHT') ? rules.unitResult.anyKHT : rules.unitResult.allAtLeastHT;
}

/** The parts of the general criteria for a leader or another civil servant. */
export function generalParts(leader: boolean, rules: EvaluationRules): readonly GeneralSubCriterion[] {
  return leader ? rules.generalSplit.leader : rules.generalSplit.nonLeader;
}

function scoreGeneral(input: ScoringInput, rules: EvaluationRules): ScoreResult['general'] {
  const parts = generalParts(input.leader !== null, rules);
  const known = new Set(parts.map((p) => p.id));
  for (const id of Object.keys(input.general))
    if (!known.has(id)) throw new EvaluationInputInvalid(`general.${id}`, 'unknownPart', { part: id });
  const scored = parts.map((p) => {
    const points = input.general[p.id];
    if (points === undefined)
      throw new EvaluationInputInvalid(`general.${p.id}`, 'missingPart', { part: p.id });
    if (points > p.max)
      throw new EvaluationInputInvalid(`general.${p.id}`, 'overMax', { part: p.id, points, max: p.max });
    return { id: p.id, points, max: p.max };
  });
  return { points: scored.reduce((s, p) => s + p.points, 0), parts: scored };
}

function scoreTasks(sub: TaskSubScores, leader: LeaderCriteria | null, rules: EvaluationRules): TaskScore {
  if (leader === null) {
    const percent = (sub.a + sub.b + sub.c) / 3;
    return { ...sub, d: null, dd: null, e: null, percent, points: (percent * rules.tasksMax) / 100 };
  }
  const d = unitResultOf(leader.subordinateLevels, rules);
  const dd = rules.organisation[leader.organisation];
  const e = leader.thirdCriterion;
  const percent = (sub.a + sub.b + sub.c + d + dd + e) / 6;
  return { ...sub, d, dd, e, percent, points: (percent * rules.tasksMax) / 100 };
}

/** The facts that force KHT, in the order the decree lists them. */
const OVERRIDE_FACTS: readonly (keyof OverrideFacts)[] = [
  'degradationConcluded',
  'disciplineInYear',
  'corruptionInDirectUnit',
];

/** Scores one person for one period. Throws EvaluationInputInvalid for input the rules cannot score. */
export function scoreEvaluation(input: ScoringInput, rules: EvaluationRules): ScoreResult {
  if (input.overrides.corruptionInDirectUnit && input.leader === null)
    throw new EvaluationInputInvalid('overrides.corruptionInDirectUnit', 'corruptionNotLeader');
  const general = scoreGeneral(input, rules);
  const overrides = OVERRIDE_FACTS.filter((f) => input.overrides[f]).map((fact): ScoreReason => ({
    code: 'override',
    fact,
  }));
  const notRated = (why: 'no_products' | 'working_time'): ScoreResult => ({
    rated: false,
    general,
    tasks: null,
    total: null,
    scoreLevel: null,
    level: null,
    reasons: [{ code: 'not_rated', why, workingDays: input.workingDays }, ...overrides],
  });
  if (
    input.workingDays !== null &&
    (input.workingDays === 0 || input.workingDays < rules.minWorkingDaysToRate)
  )
    return notRated('working_time');
  const sub = taskSubScores(input.products, rules.deductionPerIssue);
  if (sub === null) return notRated('no_products');
  const tasks = scoreTasks(sub, input.leader, rules);
  const total = roundScore(general.points + tasks.points);
  const scoreLevel = levelOf(total, rules.thresholds);
  return {
    rated: true,
    general,
    tasks,
    total,
    scoreLevel,
    level: overrides.length > 0 ? 'KHT' : scoreLevel,
    reasons: [{ code: 'score', total, level: scoreLevel }, ...overrides],
  };
}
