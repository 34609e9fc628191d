/**
 * Screening and honours lists (issue 13; docs/screening.md): computed from
 * each person's own quarterly results and citizen satisfaction
 * (functions/src/domain/screening), with the evidence. Decisions on the
 * screening list go through the normal movements; an honour decision is
 * recorded by `recordHonour` (honours/{period}_{cadreId}, audited).
 */
import { z } from 'zod';
import { DocId, IsoDateTime, Scope, UnitCode } from './common';
import { Quarter } from './evaluations';
import { RequestId } from './idempotency';

export const ZGetScreeningListsInput = z.strictObject({
  period: Quarter,
  /** One unit (its commune must be in scope). */
  unitCode: UnitCode.optional(),
});
export type TGetScreeningListsInput = z.infer<typeof ZGetScreeningListsInput>;

export const HonourDecision = z.enum(['honoured', 'not_honoured']);
export type HonourDecision = z.infer<typeof HonourDecision>;

export const ZRecordHonourInput = z.strictObject({
  cadreId: DocId,
  period: Quarter,
  decision: HonourDecision,
  reason: z.string().trim().min(1).max(1000),
  requestId: RequestId.optional(),
});
export type TRecordHonourInput = z.infer<typeof ZRecordHonourInput>;

/** honours/{period}_{cadreId}: the province's decision on a person of the honours list. */
export const Honour = Scope.extend({
  id: z.string().regex(/^\d{4}-Q[1-4]_[A-Za-z0-9_-]+$/),
  period: Quarter,
  cadreId: DocId,
  unitCode: UnitCode,
  decision: HonourDecision,
  reason: z.string().min(1).max(1000),
  decidedBy: z.string().min(1),
  decidedAt: IsoDateTime,
});
export type Honour = z.infer<typeof Honour>;

/** A person's satisfaction of the quarter, as the lists show it. */
export interface SatisfactionEvidence {
  /** Ratings counted (gaming-flagged ones held out). */
  ratings: number;
  satisfied: number;
  /** satisfied / ratings; null without ratings. */
  share: number | null;
}

export type ScreeningReason =
  | { code: 'kht_quarters'; periods: string[] }
  /** KHT in each of the `consecutiveKhtYears` years before the quarter's year (annual classification). */
  | { code: 'kht_years'; years: number[] }
  | { code: 'low_satisfaction'; share: number; ratings: number };

export interface ListedPerson {
  cadreId: string;
  fullName: string | null;
  unitCode: string;
  communeCode: string | null;
  /** The quarters looked at, oldest first, with the level that counts (the reviewer's when there is one). */
  quarters: { period: string; level: string | null; total: number | null }[];
  /** The years looked at (the `consecutiveKhtYears` years before the quarter's), oldest first, with the annual level. */
  years: { year: number; level: string | null }[];
  satisfaction: SatisfactionEvidence | null;
}

export interface ScreeningEntry extends ListedPerson {
  reasons: ScreeningReason[];
}

export interface HonourEntry extends ListedPerson {
  decision: { decision: HonourDecision; reason: string; by: string; at: string } | null;
}

export interface ScreeningLists {
  period: string;
  provinceCode: string;
  /** The thresholds applied (configuration, data/catalogue/evaluation.json). */
  rules: {
    consecutiveKhtPeriods: number;
    consecutiveKhtYears: number;
    lowSatisfactionShare: number;
    lowSatisfactionMinRatings: number;
    honoursMinShare: number;
    honoursMinRatings: number;
  };
  screening: ScreeningEntry[];
  honours: HonourEntry[];
}
