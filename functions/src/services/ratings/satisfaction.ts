/**
 * getSatisfaction (docs/api.md, "Receipts and citizen ratings"): a quarter's
 * satisfaction within the caller's scope, computed by the pure functions of
 * domain/satisfaction on the ratings read with the scope's query:
 * province-wide roles, their province (or one unit of it); commune roles,
 * their communes (or one of them); a cadre, their own score only. Comments
 * are not read here. Province admins and auditors also get the quarter's
 * flagged ratings with their evidence (the review page).
 */
import {
  communeOf,
  DEFAULT_SATISFACTION_CONFIG,
  type FlaggedRating,
  type Rating,
  type Receipt,
  type SatisfactionReport,
  type TGetSatisfactionInput,
} from '@canbo/model';
import { decision766Ratios, officerNeighbours, quarterlySatisfaction } from '../../domain/satisfaction';
import { RatingRepository } from '../../data/ratings';
import { type Actor, requireScope } from '../../lib/actor';
import { Forbidden } from '../../lib/errors';
import type { UseCaseDeps } from '../deps';

/** First and last day of a quarter `YYYY-Qn`. */
function quarterDays(period: string): [string, string] {
  const year = period.slice(0, 4);
  const q = Number(period.slice(6));
  const from = `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
  const to = `${year}-${String(q * 3).padStart(2, '0')}-${q === 1 || q === 4 ? '31' : '30'}`;
  return [from, to];
}

export async function getSatisfaction(
  d: UseCaseDeps,
  actor: Actor,
  input: TGetSatisfactionInput,
): Promise<SatisfactionReport> {
  const repo = new RatingRepository(d.db);
  const config = DEFAULT_SATISFACTION_CONFIG;
  let communes: (string | undefined)[];
  if (actor.role === 'province_admin' || actor.role === 'auditor') {
    if (input.unitCode) {
      const unit = await d.repos.units.get(input.unitCode);
      requireScope(actor, unit.provinceCode, communeOf(unit.code));
      communes = [communeOf(unit.code) ?? undefined];
    } else communes = [undefined];
  } else if (actor.role === 'cadre') {
    if (!actor.cadreId || (input.cadreId && input.cadreId !== actor.cadreId))
      throw new Forbidden('error.outsideScope');
    communes = [undefined];
  } else {
    const wanted = input.unitCode ? [input.unitCode.slice(0, 5)] : actor.communes;
    for (const c of wanted) requireScope(actor, actor.province, c);
    communes = wanted;
  }
  const [from, to] = quarterDays(input.period);
  const read = await Promise.all(
    communes.map(async (c) => ({
      ratings: await repo.ratingsOf(actor.province, input.period, c),
      receipts: await repo.returnedBetween(actor.province, from, to, c),
    })),
  );
  let ratings: Rating[] = read.flatMap((r) => r.ratings);
  const receipts: Receipt[] = read.flatMap((r) => r.receipts);
  // A commune's code covers the commune and its agencies (18073-vp…): the reads above are that commune's.
  if (input.unitCode && communeOf(input.unitCode) !== input.unitCode)
    ratings = ratings.filter((r) => r.unitCode === input.unitCode);
  const q = quarterlySatisfaction(ratings, input.period, config);
  const cadreId = actor.role === 'cadre' ? actor.cadreId : input.cadreId;
  return {
    period: input.period,
    // A cadre sees their own score, not their colleagues' nor the unit's list.
    units:
      actor.role === 'cadre'
        ? []
        : q.units.map((u) => {
            const r = decision766Ratios(u.unitCode, input.period, q.counted, receipts, config.satisfiedFrom);
            return {
              ...u,
              decision766: { procedureSatisfaction: r.procedureSatisfaction, onTimeReturn: r.onTimeReturn },
            };
          }),
    officers: cadreId ? q.officers.filter((o) => o.cadreId === cadreId) : q.officers,
    ...(actor.role === 'province_admin' || actor.role === 'auditor'
      ? { flagged: flaggedOf(ratings, q.flagged, config) }
      : {}),
    config,
  };
}

/** The flagged ratings with the facts a reviewer weighs, by officer then time (a burst reads as a run). */
function flaggedOf(
  ratings: readonly Rating[],
  flagged: readonly { id: string; flags: FlaggedRating['flags'] }[],
  config: typeof DEFAULT_SATISFACTION_CONFIG,
): FlaggedRating[] {
  const byId = new Map(ratings.map((r) => [r.id, r]));
  const nearby = officerNeighbours(ratings, config);
  return flagged
    .flatMap(({ id, flags }) => {
      const r = byId.get(id);
      if (!r) return [];
      return [
        {
          receiptNo: r.id,
          unitCode: r.unitCode,
          communeCode: r.communeCode,
          cadreId: r.cadreId,
          flags,
          submittedAt: r.submittedAt,
          returnedOn: r.returnedOn ?? null,
          clientSeq: r.clientSeq ?? null,
          nearby: nearby.get(r.id) ?? 1,
          overall: r.criteria.overall,
          hasComment: r.hasComment ?? false,
          review: r.review
            ? {
                decision: r.review.decision,
                by: r.review.by,
                at: r.review.at,
                reason: r.review.reason ?? null,
              }
            : null,
        },
      ];
    })
    .sort(
      (a, b) =>
        (a.cadreId ?? '').localeCompare(b.cadreId ?? '') ||
        a.submittedAt.localeCompare(b.submittedAt) ||
        a.receiptNo.localeCompare(b.receiptNo),
    );
}
