/**
 * getScreeningLists and recordHonour (docs/screening.md; docs/api.md,
 * "Screening and honours"). The lists are computed from each person's own
 * quarterly results and citizen satisfaction by the pure functions of
 * domain/screening, within the caller's scope: province-wide roles, their
 * province; commune roles, their communes; `unitCode` narrows to one unit.
 * Reads: the results of the quarters looked at (one query, or one per
 * commune), the annual classifications of the years looked at (the same:
 * `year in` the window, equality filters only, so no composite index), the
 * quarter's ratings (the same), the honour decisions, and the names of the
 * people listed. A person classified in those years is considered even
 * without a result in the quarters looked at (KHT two years running, then
 * not rated this year, still lists them). A decision on the screening list is a movement
 * (proposeMovement, audited there); a decision on the honours list is
 * recorded here, audited.
 */
import {
  communeOf,
  DEFAULT_SATISFACTION_CONFIG,
  effectiveLevel,
  evaluationId,
  type Honour,
  type AnnualEvaluation,
  type HonourEntry,
  type ScreeningEntry,
  type ScreeningLists,
  type TGetScreeningListsInput,
  type TRecordHonourInput,
} from '@canbo/model';
import { RatingRepository } from '../../data/ratings';
import { quarterlySatisfaction } from '../../domain/satisfaction';
import {
  type PersonRecord,
  quartersEnding,
  satisfactionOf,
  yearsBefore,
  screeningLists,
} from '../../domain/screening/lists';
import { type Actor, requireRole, requireScope } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import type { EvaluationDeps } from '../evaluation/deps';
import { communesOfActor } from '../evaluation/summary';

const READERS = ['province_admin', 'auditor', 'area_monitor', 'commune_admin', 'commune_viewer'] as const;

export async function getScreeningLists(
  deps: EvaluationDeps,
  actor: Actor,
  input: TGetScreeningListsInput,
): Promise<ScreeningLists> {
  requireRole(actor, ...READERS);
  let communes = communesOfActor(actor);
  if (input.unitCode) {
    const unit = await deps.repos.units.get(input.unitCode);
    requireScope(actor, unit.provinceCode, communeOf(unit.code));
    const commune = communeOf(unit.code);
    if (commune !== null) communes = [commune];
  }
  const province = actor.province;
  const rules = deps.rules;
  const quarters = quartersEnding(input.period, Math.max(1, rules.screening.consecutiveKhtPeriods));
  const years = yearsBefore(input.period, rules.screening.consecutiveKhtYears);
  const ratingsRepo = new RatingRepository(deps.db);
  const [results, annual, ratings, decisions] = await Promise.all([
    deps.evaluations.resultsIn(province, quarters, communes),
    annualIn(deps, province, years, communes),
    communes === null
      ? ratingsRepo.ratingsOf(province, input.period)
      : Promise.all(communes.map((c) => ratingsRepo.ratingsOf(province, input.period, c))).then((l) =>
          l.flat(),
        ),
    deps.evaluations.honoursOf(province, input.period),
  ]);
  const inUnit = <T extends { unitCode: string | null }>(list: T[]) =>
    input.unitCode ? list.filter((x) => x.unitCode === input.unitCode) : list;

  // Satisfaction per person, added up over the units that rated them (gaming-flagged ratings held out).
  const q = quarterlySatisfaction(inUnit(ratings), input.period, DEFAULT_SATISFACTION_CONFIG);
  const sat = new Map<string, { ratings: number; satisfied: number; unitCode: string }>();
  for (const o of q.officers) {
    const s = sat.get(o.cadreId) ?? { ratings: 0, satisfied: 0, unitCode: o.unitCode };
    sat.set(o.cadreId, { ...s, ratings: s.ratings + o.count, satisfied: s.satisfied + o.satisfied });
  }

  const people = new Map<string, PersonRecord>();
  const blank = (cadreId: string, unitCode: string, communeCode: string | null): PersonRecord => ({
    cadreId,
    unitCode,
    communeCode,
    quarters: quarters.map((period) => ({ period, level: null, total: null })),
    years: years.map((year) => ({ year, level: null })),
    satisfaction: null,
  });
  // The years first, oldest first, so that a quarter's unit (read next) overrides a year's.
  for (const a of inUnit(annual).sort((x, y) => x.year - y.year)) {
    const p = people.get(a.cadreId) ?? blank(a.cadreId, a.unitCode, a.communeCode);
    p.unitCode = a.unitCode;
    p.communeCode = a.communeCode;
    p.years = p.years.map((x) => (x.year === a.year ? { year: a.year, level: a.level } : x));
    people.set(a.cadreId, p);
  }
  for (const r of inUnit(results).sort((a, b) => (a.period < b.period ? -1 : 1))) {
    const p = people.get(r.cadreId) ?? blank(r.cadreId, r.unitCode, r.communeCode);
    // The latest quarter's unit: where the person is rated now.
    p.unitCode = r.unitCode;
    p.communeCode = r.communeCode;
    p.quarters = p.quarters.map((x) =>
      x.period === r.period ? { period: r.period, level: effectiveLevel(r), total: r.total } : x,
    );
    people.set(r.cadreId, p);
  }
  for (const [cadreId, s] of sat) {
    const p = people.get(cadreId) ?? blank(cadreId, s.unitCode, communeOf(s.unitCode));
    people.set(cadreId, { ...p, satisfaction: satisfactionOf(s.ratings, s.satisfied) });
  }

  const lists = screeningLists([...people.values()], input.period, rules);
  const listed = [...new Set([...lists.screening, ...lists.honours].map((p) => p.cadreId))];
  const names = new Map((await deps.repos.cadres.findMany(listed)).map((c) => [c.id, c.fullName] as const));
  const decisionOf = new Map(decisions.map((d) => [d.cadreId, d]));
  const screening: ScreeningEntry[] = lists.screening.map((p) => ({
    ...p,
    fullName: names.get(p.cadreId) ?? null,
  }));
  const honours: HonourEntry[] = lists.honours.map((p) => {
    const d = decisionOf.get(p.cadreId);
    return {
      ...p,
      fullName: names.get(p.cadreId) ?? null,
      decision: d ? { decision: d.decision, reason: d.reason, by: d.decidedBy, at: d.decidedAt } : null,
    };
  });
  return {
    period: input.period,
    provinceCode: province,
    rules: {
      consecutiveKhtPeriods: rules.screening.consecutiveKhtPeriods,
      consecutiveKhtYears: rules.screening.consecutiveKhtYears,
      lowSatisfactionShare: rules.screening.lowSatisfactionShare,
      lowSatisfactionMinRatings: rules.screening.lowSatisfactionMinRatings,
      honoursMinShare: rules.honours.minSatisfiedShare,
      honoursMinRatings: rules.honours.minRatings,
    },
    screening,
    honours,
  };
}

/**
 * The annual classifications of a province's years, optionally only some
 * communes (a commune role's scope): one query per commune, `year in` the
 * years (at most 30), equality filters only, so no composite index.
 */
async function annualIn(
  deps: EvaluationDeps,
  provinceCode: string,
  years: readonly number[],
  communes: readonly string[] | null,
): Promise<AnnualEvaluation[]> {
  if (years.length === 0) return [];
  const base = deps.evaluations.annual().where('provinceCode', '==', provinceCode);
  const byYear =
    years.length === 1 ? base.where('year', '==', years[0]) : base.where('year', 'in', [...years]);
  if (communes === null) return (await byYear.get()).docs.map((d) => d.data());
  const parts = await Promise.all(communes.map((c) => byYear.where('communeCode', '==', c).get()));
  return parts.flatMap((snap) => snap.docs.map((d) => d.data()));
}

/**
 * Records the province's decision on a person of the honours list (honoured
 * or not, with the reason), audited. The person's quarter must be rated HTXS
 * (the level that counts); a later decision replaces the earlier one, and the
 * audit keeps both.
 */
export async function recordHonour(
  deps: EvaluationDeps,
  actor: Actor,
  input: TRecordHonourInput,
): Promise<Honour> {
  requireRole(actor, 'province_admin');
  const id = evaluationId(input.period, input.cadreId);
  return deps.db.runTransaction(async (tx) => {
    const [result, before] = await Promise.all([
      deps.evaluations.findResult(id, tx),
      tx.get(deps.evaluations.honours().doc(id)).then((s) => s.data()),
    ]);
    if (!result) throw new AppError('not-found', 'evaluation.unknownResult', { id });
    requireScope(actor, result.provinceCode, result.communeCode);
    if (effectiveLevel(result) !== 'HTXS')
      throw new AppError('failed-precondition', 'screening.notHtxs', {
        period: input.period,
        id: input.cadreId,
      });
    const after: Honour = {
      id,
      provinceCode: result.provinceCode,
      communeCode: result.communeCode,
      period: input.period,
      cadreId: input.cadreId,
      unitCode: result.unitCode,
      decision: input.decision,
      reason: input.reason,
      decidedBy: actor.uid,
      decidedAt: deps.clock.now().toISOString(),
    };
    tx.set(deps.evaluations.honours().doc(id), after);
    deps.repos.audit.append(tx, {
      actor,
      action: 'screening.honour',
      target: `honours/${id}`,
      before: before ? { decision: before.decision, reason: before.reason } : null,
      after: { decision: after.decision, reason: after.reason },
      reason: input.reason,
    });
    return after;
  });
}
