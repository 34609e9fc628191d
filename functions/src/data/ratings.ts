/**
 * Receipts, ratings, their comments and the per-client rate counters (issue
 * 11): typed refs with zod converters and the repository the rating use cases
 * read and write through (services/ratings). Kept beside refs.ts and
 * repositories.ts rather than inside them; `ratings` is the same collection
 * and converter as `collections(db).ratings`.
 */
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import { Rating, RatingComment, Receipt } from '@canbo/model';
import { z } from 'zod';
import { zodConverter } from './converter';
import { converters } from './refs';

/**
 * rateLimits/{clientKey}_{day}: what one client address did on one Vietnam
 * day: requests (`count`), ratings accepted (`accepted`, which gives the next
 * rating its `clientSeq`), and requests in the current minute (`minute`,
 * `minuteCount`). The key is a keyed hash of the address, never the address
 * (domain/rating-code.ts `clientKey`); `expiresAt` carries a TTL policy
 * (firestore.indexes.json) so the counters disappear two days later.
 */
export const RateCounter = z.object({
  id: z.string().regex(/^[a-f0-9]{24}_\d{8}$/),
  count: z.number().int().min(0),
  accepted: z.number().int().min(0),
  /** The minute `minuteCount` counts, `YYYY-MM-DDTHH:MM` (UTC). */
  minute: z.string(),
  minuteCount: z.number().int().min(0),
  expiresAt: z.iso.datetime(),
});
export type RateCounter = z.infer<typeof RateCounter>;

export const ratingConverters = {
  receipts: zodConverter(Receipt, (r) => r.id),
  ratings: converters.ratings,
  ratingComments: zodConverter(RatingComment, (c) => c.id),
  rateLimits: zodConverter(RateCounter, (c) => c.id),
};

export function ratingCollections(db: Firestore) {
  return {
    receipts: db.collection('receipts').withConverter(ratingConverters.receipts),
    ratings: db.collection('ratings').withConverter(ratingConverters.ratings),
    ratingComments: db.collection('ratingComments').withConverter(ratingConverters.ratingComments),
    rateLimits: db.collection('rateLimits').withConverter(ratingConverters.rateLimits),
  };
}
export type RatingCollections = ReturnType<typeof ratingCollections>;

/** What one submission reads in its transaction, in one round trip. */
export interface SubmissionRead {
  receipt: Receipt | undefined;
  rated: boolean;
  counter: RateCounter | undefined;
}

export class RatingRepository {
  readonly c: RatingCollections;

  constructor(db: Firestore) {
    this.c = ratingCollections(db);
  }

  async findReceipt(receiptNo: string): Promise<Receipt | undefined> {
    return (await this.c.receipts.doc(receiptNo).get()).data();
  }

  async isRated(receiptNo: string): Promise<boolean> {
    return (await this.c.ratings.doc(receiptNo).get()).exists;
  }

  /** Receipts and their ratings by number, in one read inside `tx`. */
  async receiptsAndRatings(
    tx: Transaction,
    receiptNos: readonly string[],
  ): Promise<{ receipts: (Receipt | undefined)[]; ratings: (Rating | undefined)[] }> {
    if (receiptNos.length === 0) return { receipts: [], ratings: [] };
    const refs = [
      ...receiptNos.map((n) => this.c.receipts.doc(n).withConverter(null)),
      ...receiptNos.map((n) => this.c.ratings.doc(n).withConverter(null)),
    ];
    const snaps = await tx.getAll(...refs);
    const receipts = snaps
      .slice(0, receiptNos.length)
      .map((s) => (s.exists ? Receipt.parse(s.data()) : undefined));
    const ratings = snaps
      .slice(receiptNos.length)
      .map((s) => (s.exists ? Rating.parse(s.data()) : undefined));
    return { receipts, ratings };
  }

  /** The receipt, whether it is rated, and the client's counter, in one read inside `tx`. */
  async readSubmission(tx: Transaction, receiptNo: string, counterKey: string): Promise<SubmissionRead> {
    const [receipt, rating, counter] = await tx.getAll(
      this.c.receipts.doc(receiptNo).withConverter(null),
      this.c.ratings.doc(receiptNo).withConverter(null),
      this.c.rateLimits.doc(counterKey).withConverter(null),
    );
    return {
      receipt: receipt?.exists ? Receipt.parse(receipt.data()) : undefined,
      rated: rating?.exists ?? false,
      counter: counter?.exists ? RateCounter.parse(counter.data()) : undefined,
    };
  }

  /** The ratings of a quarter in a province, or in one commune (the pages' scoped query). */
  async ratingsOf(provinceCode: string, period: string, communeCode?: string): Promise<Rating[]> {
    let q = this.c.ratings.where('provinceCode', '==', provinceCode).where('period', '==', period);
    if (communeCode) q = q.where('communeCode', '==', communeCode);
    return (await q.get()).docs.map((d) => d.data());
  }

  /** The ratings of one officer in a quarter of a province (the evidence of a burst). */
  async ratingsOfOfficer(provinceCode: string, period: string, cadreId: string): Promise<Rating[]> {
    const q = this.c.ratings
      .where('provinceCode', '==', provinceCode)
      .where('period', '==', period)
      .where('cadreId', '==', cadreId);
    return (await q.get()).docs.map((d) => d.data());
  }

  async readRating(tx: Transaction, receiptNo: string): Promise<Rating | undefined> {
    return (await tx.get(this.c.ratings.doc(receiptNo))).data();
  }

  /** Receipts of a province (or a commune) returned between two days, inclusive. */
  async returnedBetween(
    provinceCode: string,
    from: string,
    to: string,
    communeCode?: string,
  ): Promise<Receipt[]> {
    let q = this.c.receipts.where('provinceCode', '==', provinceCode);
    if (communeCode) q = q.where('communeCode', '==', communeCode);
    const snap = await q.where('returnedOn', '>=', from).where('returnedOn', '<=', to).get();
    return snap.docs.map((d) => d.data());
  }

  saveCounter(tx: Transaction, counter: RateCounter): void {
    tx.set(this.c.rateLimits.doc(counter.id), counter);
  }

  /** Creates the rating (and its comment): a second create of the same receipt fails the transaction. */
  createRating(tx: Transaction, rating: Rating, comment: RatingComment | null): void {
    tx.create(this.c.ratings.doc(rating.id), rating);
    if (comment) tx.create(this.c.ratingComments.doc(comment.id), comment);
  }

  saveReceipt(tx: Transaction, receipt: Receipt): void {
    tx.set(this.c.receipts.doc(receipt.id), receipt);
  }

  saveRating(tx: Transaction, rating: Rating): void {
    tx.set(this.c.ratings.doc(rating.id), rating);
  }
}
