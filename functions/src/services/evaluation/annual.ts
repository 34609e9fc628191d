/**
 * classifyYear (docs/evaluation-job.md, "Annual classification"): the yearly
 * level of every person of a province from their quarters
 * (domain/evaluation/annual.ts: the average of the rated quarters' totals by
 * default, or the configured count rule; a fact that forced KHT in any
 * quarter forces it for the year), written as annualEvaluations/{year}_{cadreId}.
 * The quarters are grouped by person across the province, so a transferee's
 * quarters rated by their old unit count too. The level of a quarter is the
 * reviewer's when there is one. Deterministic: a document that would not
 * change is not written again. A province admin calls it (for the year's
 * report, after the fourth quarter is final); one query of the year's results
 * and one of the existing classifications.
 */
import {
  type AnnualEvaluation,
  communeOf,
  effectiveLevel,
  type Evaluation,
  message,
  oneLine,
  type OverrideFacts,
  type TClassifyYearInput,
} from '@canbo/model';
import { annualClassification, overridesIn } from '../../domain/evaluation/annual';
import { quartersOf } from '../../domain/evaluation/periods';
import type { EvaluationRules } from '../../domain/evaluation/rules';
import { digestOf } from '../../domain/evaluation/unit';
import { type Actor, requireRole, requireScope } from '../../lib/actor';
import type { EvaluationDeps } from './deps';

export interface YearClassified {
  year: number;
  provinceCode: string;
  people: number;
  written: number;
  byLevel: Record<string, number>;
}

/** One person's annual document from their quarters' results (pure). */
export function annualDocument(
  provinceCode: string,
  year: number,
  quarters: readonly Evaluation[],
  rules: EvaluationRules,
): AnnualEvaluation {
  const sorted = [...quarters].sort((a, b) => (a.period < b.period ? -1 : 1));
  const last = [...sorted].reverse().find((q) => q.total !== null) ?? sorted[sorted.length - 1]!;
  const facts = new Set(sorted.flatMap((q) => overridesIn(q.reasons)));
  const yearFacts: OverrideFacts = {
    disciplineInYear: facts.has('disciplineInYear'),
    degradationConcluded: facts.has('degradationConcluded'),
    corruptionInDirectUnit: facts.has('corruptionInDirectUnit'),
  };
  const periods = sorted.map((q) => ({ period: q.period, total: q.total, level: effectiveLevel(q) }));
  const r = annualClassification(periods, yearFacts, rules);
  const body = {
    id: `${year}_${last.cadreId}`,
    provinceCode,
    communeCode: communeOf(last.unitCode),
    year,
    cadreId: last.cadreId,
    unitCode: last.unitCode,
    quarters: periods,
    rated: r.rated,
    periodsRated: r.periodsRated,
    average: r.average,
    level: r.level,
    reasons: r.reasons,
  };
  return { ...body, digest: digestOf(body) };
}

export async function classifyYear(
  deps: EvaluationDeps,
  actor: Actor,
  input: TClassifyYearInput,
): Promise<YearClassified> {
  requireRole(actor, 'province_admin');
  const provinceCode = input.provinceCode ?? actor.province;
  requireScope(actor, provinceCode, null);
  const [results, existing] = await Promise.all([
    deps.evaluations.resultsIn(provinceCode, quartersOf(input.year), null),
    deps.evaluations.annualOf(provinceCode, input.year),
  ]);
  const byPerson = new Map<string, Evaluation[]>();
  for (const r of results) byPerson.set(r.cadreId, [...(byPerson.get(r.cadreId) ?? []), r]);
  const docs = [...byPerson.values()].map((qs) => annualDocument(provinceCode, input.year, qs, deps.rules));
  const changed = docs.filter((d) => existing.get(d.cadreId)?.digest !== d.digest);
  await deps.evaluations.writeAnnual(changed);
  const byLevel: Record<string, number> = { HTXS: 0, HTT: 0, HT: 0, KHT: 0, notRated: 0 };
  for (const d of docs) byLevel[d.level ?? 'notRated']! += 1;
  const out = { year: input.year, provinceCode, people: docs.length, written: changed.length, byLevel };
  await deps.repos.audit.write({
    actor,
    action: 'evaluation.classifyYear',
    target: `annualEvaluations/${input.year}`,
    before: null,
    after: { people: out.people, written: out.written, byLevel },
    reason: oneLine(message('evaluation.audit.annual', { year: input.year })),
  });
  return out;
}
