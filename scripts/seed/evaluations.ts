/**
 * The quarterly evaluation of the two quarters before `asOf`
 * (docs/legal-basis.md §13): inputs for everyone still working (work products
 * with their coefficients, general points on the example split, leader
 * criteria, the facts that force KHT), the results the quarterly job computes
 * from them, through the same planner (functions/src/domain/evaluation/unit.ts),
 * and each quarter's run document, as a finished run leaves it, so that the
 * schedule does not run the demo's quarters again on its own (a province admin
 * can, with runEvaluation).
 */
import { previousQuarter, quarterBefore } from '../../functions/src/domain/evaluation/periods';
import { evaluateUnit } from '../../functions/src/domain/evaluation/unit';
import { DEFAULT_EVALUATION_RULES } from '../../functions/src/domain/evaluation/rules';
import { POSITION_BY_ID } from '../../functions/src/domain/positions';
import {
  type Cadre,
  type CadrePrivate,
  communeOf,
  DEFAULT_TASK_GROUP,
  type Evaluation,
  type EvaluationInput,
  evaluationId,
  evaluationRunId,
  type Job,
  type WorkProduct,
} from '@canbo/model';
import type { SeedContext } from './context';
import type { Random } from './random';

/** The two quarters before the one `asOf` falls in, oldest first. */
export function pastQuarters(asOf: string): [string, string] {
  const newer = previousQuarter(asOf);
  return [quarterBefore(newer), newer];
}

/** Points to the half point, within [min, max]. */
const half = (rng: Random, mean: number, sd: number, min: number, max: number) =>
  Math.round(rng.normal(mean, sd, min, max) * 2) / 2;

function products(rng: Random, strong: boolean): WorkProduct[] {
  return Array.from({ length: rng.int(4, 8) }, (_, i) => ({
    id: `sp${i + 1}`,
    name: `Sản phẩm ${i + 1}`,
    coefficient: rng.int(1, 3),
    completed: rng.chance(strong ? 0.98 : 0.8),
    majorErrors: rng.chance(strong ? 0.02 : 0.2) ? [{ objectiveCause: rng.chance(0.3) }] : [],
    delays: rng.chance(strong ? 0.03 : 0.25) ? [{ objectiveCause: rng.chance(0.3) }] : [],
  }));
}

export interface GeneratedEvaluations {
  inputs: EvaluationInput[];
  results: Evaluation[];
  runs: Job[];
}

export function generateEvaluations(
  ctx: SeedContext,
  cadres: readonly Cadre[],
  privates: ReadonlyMap<string, CadrePrivate>,
): GeneratedEvaluations {
  const { rng } = ctx;
  const quarters = pastQuarters(ctx.options.asOf);
  const inputs: EvaluationInput[] = [];
  for (const period of quarters) {
    for (const c of cadres) {
      if (c.status === 'retired' || c.status === 'left') continue;
      const position = POSITION_BY_ID.get(c.posts[0]!.positionId)!;
      const strong = rng.chance(0.2);
      const g = (max: number) => half(rng, max * (strong ? 0.92 : 0.72), max * 0.1, 0, max);
      const general: Record<string, number> = position.leadership
        ? {
            politics: g(5),
            ethics_discipline: g(5),
            leadership: g(16),
            service_attitude: g(2),
            innovation: g(2),
          }
        : { politics_ethics: g(15), service_attitude: g(10), self_criticism: g(5) };
      inputs.push({
        id: evaluationId(period, c.id),
        period,
        cadreId: c.id,
        provinceCode: c.provinceCode,
        communeCode: communeOf(c.currentUnitCode),
        unitCode: c.currentUnitCode,
        taskGroup: DEFAULT_TASK_GROUP,
        scoring: {
          general,
          products: products(rng, strong),
          leader: position.leadership
            ? {
                subordinateLevels: [],
                organisation: rng.chance(0.85) ? 'full' : 'other',
                thirdCriterion: Math.round(rng.normal(strong ? 96 : 88, 6, 50, 100)),
              }
            : null,
          overrides: {
            disciplineInYear: (privates.get(c.id)?.discipline.length ?? 0) > 0 && rng.chance(0.3),
            degradationConcluded: false,
            corruptionInDirectUnit: false,
          },
          workingDays: rng.chance(0.02) ? rng.int(20, 60) : null,
        },
        selfAssessment: 'Hoàn thành các nhiệm vụ được giao trong quý.',
        updatedAt: ctx.now,
        updatedBy: 'seed',
      });
    }
  }
  // Each quarter as its run left it: one planner pass per unit.
  const results: Evaluation[] = [];
  const runs: Job[] = [];
  for (const period of quarters) {
    const byUnit = new Map<string, EvaluationInput[]>();
    for (const i of inputs.filter((x) => x.period === period))
      byUnit.set(i.unitCode, [...(byUnit.get(i.unitCode) ?? []), i]);
    const plans = [...byUnit.values()].map((unitInputs) =>
      evaluateUnit(unitInputs, DEFAULT_EVALUATION_RULES),
    );
    const scored = plans.flatMap((p) => p.results);
    results.push(...scored);
    runs.push({
      id: evaluationRunId(period, ctx.province.code),
      kind: 'quarterly_evaluation',
      provinceCode: ctx.province.code,
      state: 'succeeded',
      progress: { done: byUnit.size, total: byUnit.size },
      leases: {},
      params: { period, generation: 1, by: 'seed' },
      error: null,
      result: {
        evaluated: scored.length,
        written: scored.length,
        problems: plans.reduce((n, p) => n + p.problems.length, 0),
        locked: 0,
      },
      startedAt: ctx.now,
      updatedAt: ctx.now,
    });
  }
  return { inputs, results, runs };
}
