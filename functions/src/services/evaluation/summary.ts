/**
 * getEvaluationSummary (docs/api.md, "Quarterly evaluation"): a quarter's
 * results per unit within the caller's scope, for the evaluation pages (the
 * web client cannot run the domain's functions): the distribution of levels
 * (the level that counts: the reviewer's when there is one), how many were
 * reviewed, whether the unit is finalised, the HTXS moderation list per group
 * of similar tasks (domain/evaluation/ceiling.ts), and the run's progress.
 * With `unitCode`, the unit's people too. Reads only: one query of results
 * (per commune for a commune role), the locks, the run and its units, the
 * unit names, and the names of the people listed.
 */
import {
  communeOf,
  effectiveLevel,
  type Evaluation,
  type EvaluationSummary,
  evaluationRunId,
  type LevelCounts,
  type TGetEvaluationSummaryInput,
  type UnitEvaluationSummary,
} from '@canbo/model';
import { htxsModeration } from '../../domain/evaluation/ceiling';
import { roundScore } from '../../domain/evaluation/score';
import { type Actor, requireRole, requireScope } from '../../lib/actor';
import { Forbidden } from '../../lib/errors';
import type { EvaluationDeps } from './deps';

const READERS = ['province_admin', 'auditor', 'area_monitor', 'commune_admin', 'commune_viewer'] as const;

/** The communes a caller reads (null: the whole province). */
export function communesOfActor(actor: Actor): string[] | null {
  if (actor.role === 'province_admin' || actor.role === 'auditor') return null;
  if (actor.communes.length === 0) throw new Forbidden('error.outsideScope');
  return actor.communes;
}

export function countLevels(results: readonly Pick<Evaluation, 'level' | 'review'>[]): LevelCounts {
  const counts: LevelCounts = { HTXS: 0, HTT: 0, HT: 0, KHT: 0, notRated: 0 };
  for (const r of results) {
    const level = effectiveLevel(r);
    if (level === null) counts.notRated += 1;
    else counts[level] += 1;
  }
  return counts;
}

export async function getEvaluationSummary(
  deps: EvaluationDeps,
  actor: Actor,
  input: TGetEvaluationSummaryInput,
): Promise<EvaluationSummary> {
  requireRole(actor, ...READERS);
  const store = deps.evaluations;
  let communes = communesOfActor(actor);
  if (input.unitCode) {
    const unit = await deps.repos.units.get(input.unitCode);
    requireScope(actor, unit.provinceCode, communeOf(unit.code));
    const commune = communeOf(unit.code);
    if (commune !== null) communes = [commune];
  }
  const province = actor.province;
  const runId = evaluationRunId(input.period, province);
  const [all, locks, job, unitRuns, units] = await Promise.all([
    store.resultsIn(province, [input.period], communes),
    store.locksOf(province, input.period),
    store
      .jobs()
      .doc(runId)
      .get()
      .then((s) => s.data()),
    store.unitRunsOf(runId),
    store.unitsOf(province),
  ]);
  const results = input.unitCode ? all.filter((r) => r.unitCode === input.unitCode) : all;
  const byUnit = new Map<string, Evaluation[]>();
  for (const r of results) byUnit.set(r.unitCode, [...(byUnit.get(r.unitCode) ?? []), r]);

  const moderation = htxsModeration(
    results.flatMap((r) => {
      const level = effectiveLevel(r);
      return level !== null && r.total !== null
        ? [{ cadreId: r.cadreId, group: `${r.unitCode}/${r.taskGroup}`, total: r.total, level }]
        : [];
    }),
    deps.rules.htxsCeiling,
  );
  const wantNames = new Set(moderation.flatMap((g) => g.candidates.map((c) => c.cadreId)));
  if (input.unitCode) for (const r of results) wantNames.add(r.cadreId);
  const names = new Map(
    (await deps.repos.cadres.findMany([...wantNames])).map((c) => [c.id, c.fullName] as const),
  );

  const unitNames = new Map(units.map((u) => [u.code, u.name]));
  const lockOf = new Map(locks.map((l) => [l.unitCode, l]));
  const runOf = new Map(unitRuns.map((u) => [u.unitCode, u]));
  const summaries: UnitEvaluationSummary[] = [...byUnit.keys()].sort().map((unitCode) => {
    const rs = byUnit.get(unitCode)!;
    const rated = rs.filter((r) => r.total !== null);
    const lock = lockOf.get(unitCode);
    const run = runOf.get(unitCode);
    return {
      unitCode,
      unitName: unitNames.get(unitCode) ?? null,
      communeCode: communeOf(unitCode),
      results: rs.length,
      levels: countLevels(rs),
      reviewed: rs.filter((r) => r.review !== undefined).length,
      averageTotal:
        rated.length === 0 ? null : roundScore(rated.reduce((s, r) => s + (r.total ?? 0), 0) / rated.length),
      locked: lock ? { by: lock.finalisedBy, at: lock.finalisedAt } : null,
      moderation: moderation
        .filter((g) => g.group.startsWith(`${unitCode}/`))
        .map((g) => ({
          ...g,
          candidates: g.candidates.map((c) => ({ ...c, fullName: names.get(c.cadreId) ?? null })),
        })),
      run: run
        ? { state: run.state, attempts: run.attempts, evaluated: run.evaluated, written: run.written }
        : null,
    };
  });

  return {
    period: input.period,
    provinceCode: province,
    units: summaries,
    totals: countLevels(results),
    run: job
      ? {
          runId,
          state: job.state,
          progress: job.progress,
          result: job.result ?? {},
          updatedAt: job.updatedAt,
        }
      : null,
    people: input.unitCode
      ? results
          .map((r) => ({
            cadreId: r.cadreId,
            fullName: names.get(r.cadreId) ?? null,
            unitCode: r.unitCode,
            taskGroup: r.taskGroup,
            leader: r.leader,
            total: r.total,
            level: r.level,
            reviewLevel: r.review?.level ?? null,
            effectiveLevel: effectiveLevel(r),
          }))
          .sort((a, b) => (a.cadreId < b.cadreId ? -1 : 1))
      : null,
  };
}
