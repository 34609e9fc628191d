/**
 * Citizen satisfaction per officer and per unit and quarter (issue 11,
 * docs/satisfaction.md): the configuration of the scoring and the shape of
 * its results, shared by the server (functions/src/domain/satisfaction) and
 * the web client's commune, cadre and province pages.
 */
import { z } from 'zod';
import { CriterionId } from './ratings';

const share = z.number().min(0).max(1);
const count = z.number().int().min(0);

/**
 * One band of the mapping from an officer's satisfied share to the part of
 * Decree 335's 30 general points about attitude toward citizens: from
 * `minShare` up, the officer gets `fraction` of the part's points. The law
 * fixes no such mapping (docs/legal-basis.md): it is a province's choice.
 */
export const AttitudeBand = z.object({ minShare: share, fraction: share });
export type AttitudeBand = z.infer<typeof AttitudeBand>;

export const SatisfactionConfig = z.object({
  /** An overall rating at or above this counts as satisfied (4 = hài lòng, 5 = rất hài lòng). */
  satisfiedFrom: z.number().int().min(1).max(5),
  /** Below this many ratings in the quarter an officer's score is "insufficient", not a number. */
  minRatings: z.number().int().min(1),
  /**
   * Strength of the beta-binomial prior centred on the unit's share, in
   * ratings: the officer's share is (satisfied + k·unitShare) / (n + k).
   */
  priorStrength: z.number().min(0),
  flags: z.object({
    /** At least `count` ratings for one officer within `minutes` minutes form a burst. */
    burstCount: z.number().int().min(2),
    burstMinutes: z.number().int().min(1),
    /** A rating that is the `clientSeq`-th or later from one client address on one day is flagged. */
    clientPerDay: z.number().int().min(2),
  }),
  attitude: z.object({
    /** The share of the attitude part that satisfaction decides (the reviewer assesses the rest). */
    weight: share,
    /** Bands by share satisfied, highest first; below every band: 0. */
    bands: z.array(AttitudeBand).min(1),
  }),
});
export type SatisfactionConfig = z.infer<typeof SatisfactionConfig>;

/** The defaults docs/satisfaction.md explains; a province may set its own. */
export const DEFAULT_SATISFACTION_CONFIG: SatisfactionConfig = {
  satisfiedFrom: 4,
  minRatings: 10,
  priorStrength: 10,
  flags: { burstCount: 5, burstMinutes: 30, clientPerDay: 6 },
  attitude: {
    weight: 1,
    bands: [
      { minShare: 0.9, fraction: 1 },
      { minShare: 0.8, fraction: 0.8 },
      { minShare: 0.7, fraction: 0.6 },
      { minShare: 0.5, fraction: 0.4 },
      { minShare: 0, fraction: 0.2 },
    ],
  },
};

/** Signs of gaming, flagged for review rather than counted (docs/satisfaction.md). */
export const GamingFlag = z.enum(['burst', 'many_from_client', 'before_return']);
export type GamingFlag = z.infer<typeof GamingFlag>;

/** A 95 % interval of a share. */
export const Interval = z.object({ low: share, high: share });
export type Interval = z.infer<typeof Interval>;

/** What the ratings of a group (an officer, a unit) say, before any estimate. */
export const RatingSummary = z.object({
  count,
  satisfied: count,
  /** satisfied / count, null without ratings. */
  share: share.nullable(),
  /** Mean score per criterion asked (1–5), over the ratings that have it. */
  means: z.partialRecord(CriterionId, z.number().min(1).max(5)),
  /** Ratings by number of trips: 0, 1, 2 or more. */
  trips: z.object({ 0: count, 1: count, 2: count }),
});
export type RatingSummary = z.infer<typeof RatingSummary>;

export const UnitSatisfaction = RatingSummary.extend({
  unitCode: z.string(),
  period: z.string(),
  /** A 95 % interval of the unit's share (Jeffreys), null without ratings. */
  interval: Interval.nullable(),
  /** Ratings held out of the counts because they carry a gaming flag not yet reviewed. */
  flagged: count,
});
export type UnitSatisfaction = z.infer<typeof UnitSatisfaction>;

export const OfficerSatisfaction = RatingSummary.extend({
  cadreId: z.string(),
  unitCode: z.string(),
  period: z.string(),
  /** `insufficient` below the minimum number of ratings: no share is reported as the officer's score. */
  status: z.enum(['scored', 'insufficient']),
  /** The share shrunk toward the unit's (null when insufficient). */
  estimate: share.nullable(),
  interval: Interval.nullable(),
  flagged: count,
});
export type OfficerSatisfaction = z.infer<typeof OfficerSatisfaction>;

/**
 * getSatisfaction: a quarter's scores within the caller's scope (the commune,
 * cadre and province pages). `unitCode` narrows to one unit; `cadreId` to one officer.
 */
export const ZGetSatisfactionInput = z.strictObject({
  period: z.string().regex(/^\d{4}-Q[1-4]$/),
  unitCode: z
    .string()
    .regex(/^(\d{2}|\d{5}|\d{2}(\d{3})?-[a-z0-9-]+)$/)
    .optional(),
  cadreId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,128}$/)
    .optional(),
});
export type TGetSatisfactionInput = z.infer<typeof ZGetSatisfactionInput>;

/** One of Decision 766's ratios: percent (null without a denominator), numerator, denominator. */
export interface Ratio766 {
  percent: number | null;
  numerator: number;
  denominator: number;
}

/**
 * A rating the scoring flagged, with the facts a reviewer weighs (the
 * province's admins and auditors only; docs/satisfaction.md, "Review").
 */
export interface FlaggedRating {
  receiptNo: string;
  unitCode: string;
  communeCode: string | null;
  cadreId: string | null;
  flags: GamingFlag[];
  submittedAt: string;
  returnedOn: string | null;
  /** The rank among the ratings accepted from the same client address that day (null: not recorded). */
  clientSeq: number | null;
  /** Ratings for the same officer within `burstMinutes` before or after this one, itself included. */
  nearby: number;
  overall: number;
  hasComment: boolean;
  review: { decision: 'count' | 'exclude'; by: string; at: string; reason: string | null } | null;
}

export interface SatisfactionReport {
  period: string;
  units: (UnitSatisfaction & {
    decision766: { procedureSatisfaction: Ratio766; onTimeReturn: Ratio766 };
  })[];
  officers: OfficerSatisfaction[];
  /** Flagged ratings of the quarter with their evidence: for province admins and auditors only. */
  flagged?: FlaggedRating[];
  /** The configuration the scores were computed with. */
  config: SatisfactionConfig;
}
