/**
 * One unit's quarter, scored from its inputs (the quarterly job's planner,
 * beside a thin worker in services/evaluation/evaluate-unit.ts). Pure and
 * deterministic: the same inputs and rules give the same documents, byte for
 * byte, which is what makes a retried or repeated task harmless.
 *
 * Civil servants are scored first; then each leader, whose criterion d is the
 * result of the unit they lead, from the levels just computed for the unit's
 * other people (docs/legal-basis.md §13.3: computed, never typed in).
 */
import { createHash } from 'node:crypto';
import type {
  Bilingual,
  Evaluation,
  EvaluationInput,
  Level,
  MessageKey,
  SatisfactionConfig,
  ScoringInput,
} from '@canbo/model';
import { type OfficerRatings, withAttitudeFromRatings } from './attitude';
import type { EvaluationRules } from './rules';
import { EvaluationInputInvalid, scoreEvaluation } from './score';

/** A result as the job writes it: everything but the reviewer's part. */
export type ComputedEvaluation = Omit<Evaluation, 'review'>;

/** An input the rules cannot score (e.g. a part the split no longer has): reported, not written. */
export interface UnitProblem {
  cadreId: string;
  field: string;
  key: MessageKey;
  text: Bilingual;
}

export interface UnitPlan {
  /** One result per scorable input, by person id. */
  results: ComputedEvaluation[];
  /** Each result's digest, by person id. */
  digests: Record<string, string>;
  /** The digest of the whole unit: equal digests mean equal results. */
  unitDigest: string;
  problems: UnitProblem[];
}

/** JSON with object keys sorted, so that equal values give equal text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A short digest of a value (SHA-256 of its stable JSON, 128 bits in hex). */
export function digestOf(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex').slice(0, 32);
}

/** The unit's citizen satisfaction of the quarter, by person, when the rules take the attitude part from it. */
export interface UnitRatings {
  officers: ReadonlyMap<string, OfficerRatings>;
  config: Pick<SatisfactionConfig, 'attitude'>;
}

/** Scores every input of one unit and quarter. */
export function evaluateUnit(
  inputs: readonly EvaluationInput[],
  rules: EvaluationRules,
  ratings?: UnitRatings,
): UnitPlan {
  const rulesDigest = digestOf(rules);
  const sorted = [...inputs].sort((a, b) => (a.cadreId < b.cadreId ? -1 : a.cadreId > b.cadreId ? 1 : 0));
  const results: ComputedEvaluation[] = [];
  const problems: UnitProblem[] = [];

  const score = (input: EvaluationInput, typed: ScoringInput): void => {
    const { scoring, attitude } = ratings
      ? withAttitudeFromRatings(typed, ratings.officers.get(input.cadreId), rules, ratings.config)
      : { scoring: typed, attitude: undefined };
    let r: ReturnType<typeof scoreEvaluation>;
    try {
      r = scoreEvaluation(scoring, rules);
    } catch (e) {
      if (!(e instanceof EvaluationInputInvalid)) throw e;
      problems.push({ cadreId: input.cadreId, field: e.field, key: e.key, text: e.text });
      return;
    }
    const base = {
      id: input.id,
      provinceCode: input.provinceCode,
      communeCode: input.communeCode,
      period: input.period,
      cadreId: input.cadreId,
      unitCode: input.unitCode,
      taskGroup: input.taskGroup,
      leader: scoring.leader !== null,
      inputsUpdatedAt: input.updatedAt,
    };
    results.push({
      ...base,
      rated: r.rated,
      general: r.general,
      tasks: r.tasks,
      total: r.total,
      scoreLevel: r.scoreLevel,
      level: r.level,
      reasons: r.reasons,
      // Always written (null without evidence): the job's merge then clears evidence left by an earlier rule.
      attitude: attitude ?? null,
      inputsDigest: digestOf({ base, scoring, attitude, rules: rulesDigest }),
    });
  };

  for (const input of sorted) if (input.scoring.leader === null) score(input, input.scoring);
  const subordinateLevels: Level[] = results.flatMap((r) => (r.level ? [r.level] : []));
  for (const input of sorted) {
    const leader = input.scoring.leader;
    if (leader !== null) score(input, { ...input.scoring, leader: { ...leader, subordinateLevels } });
  }
  results.sort((a, b) => (a.cadreId < b.cadreId ? -1 : a.cadreId > b.cadreId ? 1 : 0));
  const digests = Object.fromEntries(results.map((r) => [r.cadreId, r.inputsDigest]));
  return {
    results,
    digests,
    unitDigest: digestOf({ digests, problems: problems.map((p) => p.cadreId) }),
    problems,
  };
}

/** The results whose digest differs from the one last written: what a task must write. */
export function changedResults(
  plan: UnitPlan,
  written: Readonly<Record<string, string>>,
): ComputedEvaluation[] {
  return plan.results.filter((r) => written[r.cadreId] !== r.inputsDigest);
}
