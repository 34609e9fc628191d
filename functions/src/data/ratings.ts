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
 * rateLimits/{key}: how many requests one client address made in one window
 * (a minute, or a Vietnam day). The key is a keyed hash of the address, never
 * the address; `expiresAt` carries a TTL policy (firestore.indexes.json) so
 * the counters disappear after a day.
 */
export const RateCounter = z.object({
  id: z.string().regex(/^[a-z0-9_-]{8,80}$/),
  count: z.number().int().min(0),
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
  counters: (RateCounter | undefined)[];
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

  /** Rate counters by key, in one read (inside `tx`). */
  async counters(tx: Transaction, keys: readonly string[]): Promise<(RateCounter | undefined)[]> {
    const snaps = await tx.getAll(...keys.map((k) => this.c.rateLimits.doc(k).withConverter(null)));
    return snaps.map((s) => (s.exists ? RateCounter.parse(s.data()) : undefined));
  }

  /** The receipt, whether it is rated, and the counters of the client, in one read inside `tx`. */
  async readSubmission(
    tx: Transaction,
    receiptNo: string,
    counterKeys: readonly string[],
  ): Promise<SubmissionRead> {
    const refs = [
      this.c.receipts.doc(receiptNo).withConverter(null),
      this.c.ratings.doc(receiptNo).withConverter(null),
      ...counterKeys.map((k) => this.c.rateLimits.doc(k).withConverter(null)),
    ];
    const [receipt, rating, ...counters] = await tx.getAll(...refs);
    return {
      receipt: receipt?.exists ? Receipt.parse(receipt.data()) : undefined,
      rated: rating?.exists ?? false,
      counters: counters.map((s) => (s.exists ? RateCounter.parse(s.data()) : undefined)),
    };
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
