/**
 * ratings/{receiptNo}: one citizen rating per dossier receipt, on the
 * five-level scale portals use (5 = rất hài lòng … 1 = rất không hài lòng)
 * plus the number of trips. The receipt number is the id,
 * which makes "one per receipt" a property of the data: submitRating
 * creates it with a transaction `create`, so a second one is refused.
 *
 * The citizen's comment is not on the rating (which every commune role of the
 * unit reads): it lives in ratingComments/{receiptNo}, which only the province
 * and the commune's leadership read (firestore.rules). Nothing that identifies
 * the citizen is stored: no name, no contact, no address, no client address.
 */
import { z } from 'zod';
import { DocId, IsoDate, IsoDateTime, Scope, UnitCode } from './common';
import { Period } from './evaluations';
import { RequestId } from './idempotency';
import { message, oneLine } from './messages';
import { ReceiptNo } from './receipts';

const Likert = z.number().int().min(1).max(5);
export type Likert = 1 | 2 | 3 | 4 | 5;

/**
 * The criteria a citizen may be asked about. Which of them a deployment asks
 * is configuration (RATING_CRITERIA, default the first four); `overall` is
 * always asked, since the satisfied share is read from it.
 */
export const CriterionId = z.enum([
  'overall',
  'attitude',
  'timeliness',
  'guidance',
  'publicity',
  'facilities',
]);
export type CriterionId = z.infer<typeof CriterionId>;

export const CRITERION_LABELS: Record<CriterionId, { vi: string; en: string }> = {
  overall: { vi: 'Mức độ hài lòng chung', en: 'Overall satisfaction' },
  attitude: { vi: 'Thái độ phục vụ của cán bộ', en: "The officer's attitude" },
  timeliness: { vi: 'Thời gian giải quyết (đúng hẹn)', en: 'Timeliness (on the appointed date)' },
  guidance: { vi: 'Hướng dẫn rõ ràng, đầy đủ', en: 'Clear and complete guidance' },
  publicity: { vi: 'Công khai thủ tục, phí, lệ phí', en: 'Procedure, fees and charges made public' },
  facilities: { vi: 'Cơ sở vật chất nơi tiếp nhận', en: 'Facilities at the office' },
};

/** The criteria asked when the deployment does not say otherwise. */
export const DEFAULT_CRITERIA: readonly CriterionId[] = ['overall', 'attitude', 'timeliness', 'guidance'];

/** 0, 1, or 2 meaning two or more (portals ask 0 / 1 / ≥ 2). */
export const Trips = z.union([z.literal(0), z.literal(1), z.literal(2)]);
export type Trips = z.infer<typeof Trips>;

/** Scores per criterion: `overall` always, the other configured criteria beside it. */
export const CriteriaScores = z
  .object({ overall: Likert })
  .catchall(Likert)
  .refine((c) => Object.keys(c).every((k) => CriterionId.safeParse(k).success), {
    error: () => oneLine(message('rating.field.criterion')),
  });
export type CriteriaScores = z.infer<typeof CriteriaScores>;

/** How a reviewer settled a rating that was flagged as a possible sign of gaming. */
export const RatingReview = z.object({
  /** `count`: the rating is genuine and counts; `exclude`: it stays out of every score. */
  decision: z.enum(['count', 'exclude']),
  by: z.string().min(1),
  at: IsoDateTime,
  /** Why (reviewRating requires it; reviews written before it existed have none). */
  reason: z.string().min(1).max(500).optional(),
});
export type RatingReview = z.infer<typeof RatingReview>;

export const Rating = Scope.extend({
  id: ReceiptNo,
  unitCode: UnitCode,
  cadreId: DocId.nullable(),
  procedure: z.string().min(1),
  /** The catalogue id of the procedure (ratings written before receipts existed have only its name). */
  procedureId: DocId.optional(),
  receivedOn: IsoDate,
  /** The day the result was returned, copied from the receipt (and kept equal to it by registerReceipts). */
  returnedOn: IsoDate.nullable().optional(),
  criteria: CriteriaScores,
  trips: Trips,
  /** Whether the citizen left a comment (in ratingComments/{receiptNo}). */
  hasComment: z.boolean().optional(),
  submittedAt: IsoDateTime,
  /** The quarter of the submission, Vietnam time (`2026-Q4`): what scores group by. */
  period: Period.optional(),
  /**
   * The rank of this submission among those accepted from the same client
   * address on that day (1 = first). The address itself is never stored; a
   * high rank is a sign of stuffing (or of a kiosk), flagged for review.
   */
  clientSeq: z.number().int().min(1).optional(),
  review: RatingReview.optional(),
});
export type Rating = z.infer<typeof Rating>;

/** ratingComments/{receiptNo}: a citizen's comment, read only by the province and the commune's leadership. */
export const RatingComment = Scope.extend({
  id: ReceiptNo,
  unitCode: UnitCode,
  cadreId: DocId.nullable(),
  comment: z.string().min(1).max(1000),
  submittedAt: IsoDateTime,
});
export type RatingComment = z.infer<typeof RatingComment>;

// The citizen callables: no account, the receipt number and its code are the credential.

/** The verification code of a rating link: base32 (RFC 4648 alphabet), 16 characters. */
export const RatingCode = z.string().regex(/^[A-Z2-7]{16}$/, oneLine(message('rating.field.code')));

export const ZGetReceiptForRatingInput = z.strictObject({ receiptNo: ReceiptNo, code: RatingCode });
export type TGetReceiptForRatingInput = z.infer<typeof ZGetReceiptForRatingInput>;

export const ZSubmitRatingInput = z.strictObject({
  receiptNo: ReceiptNo,
  code: RatingCode,
  criteria: CriteriaScores,
  trips: Trips,
  comment: z.string().trim().max(1000).optional(),
});
export type TSubmitRatingInput = z.infer<typeof ZSubmitRatingInput>;

/** What the citizen page shows before rating (getReceiptForRating). */
export interface ReceiptForRating {
  receiptNo: string;
  procedure: { id: string; name: string; nameEn: string };
  office: { code: string; name: string };
  /** The handling officer's full name, or null when the receipt names none. */
  officer: string | null;
  receivedOn: string;
  returnedOn: string | null;
  /** The last day (Vietnam) a rating is accepted; null until the result is returned. */
  rateBy: string | null;
  /** Days after the return during which a rating is accepted (RATING_WINDOW_DAYS). */
  windowDays: number;
  /** `open`: a rating is accepted now; otherwise why not. */
  state: 'open' | 'rated' | 'not_returned' | 'closed';
  criteria: { id: CriterionId; label: { vi: string; en: string } }[];
}

export interface SubmitRatingResult {
  receiptNo: string;
  submittedAt: string;
}

/**
 * reviewRating (province admins): settles a rating the scoring flagged as a
 * possible sign of gaming. `count` puts it back in the scores, `exclude` keeps
 * it out; the same decision again changes nothing (docs/satisfaction.md, "Review").
 */
export const ZReviewRatingInput = z.strictObject({
  receiptNo: ReceiptNo,
  decision: RatingReview.shape.decision,
  reason: z.string().trim().min(3).max(500),
  requestId: RequestId.optional(),
});
export type TReviewRatingInput = z.infer<typeof ZReviewRatingInput>;

export interface ReviewRatingResult {
  receiptNo: string;
  decision: 'count' | 'exclude';
  /** False when the rating already carried this decision (nothing written, nothing audited). */
  changed: boolean;
  /** The flags the rating carries in its quarter (empty when it was reviewed before and no longer trips one). */
  flags: string[];
}
