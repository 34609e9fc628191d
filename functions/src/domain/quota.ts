/**
 * Quota (biên chế) arithmetic, defined once (docs/legal-basis.md §9). A
 * unit's posts in a block are taken by people in post (filled), by secondees
 * and rotated cadres who are away and will come back (reserved: the sending
 * unit keeps them on its quota), and by approved movements into the unit that
 * have not started (incoming). What is left is free. Every change the
 * callables make keeps filled + reserved + incoming <= allocated.
 */
import type { Quota } from '@canbo/model';
import { DomainError } from './errors';

/** What checkQuota reports. */
export interface QuotaStatus {
  allocated: number;
  filled: number;
  reservedForReturn: number;
  incoming: number;
  free: number;
  /** Whether `delta` more posts would fit. */
  fits: boolean;
  delta: number;
}

export type QuotaCounts = Pick<Quota, 'allocated' | 'filled' | 'reservedForReturn' | 'incoming'>;

/** Posts taken: people in post, slots kept for returns, approved arrivals. */
export function takenPosts(q: QuotaCounts): number {
  return q.filled + q.reservedForReturn + q.incoming;
}

export function quotaStatus(q: QuotaCounts, delta = 1): QuotaStatus {
  const free = q.allocated - takenPosts(q);
  return { ...pick(q), free, fits: delta <= free, delta };
}

/** More posts taken than allocated (the daily job flags it `over_allocation`). */
export function isOverAllocated(q: QuotaCounts): boolean {
  return takenPosts(q) > q.allocated;
}

function pick(q: QuotaCounts): QuotaCounts {
  return {
    allocated: q.allocated,
    filled: q.filled,
    reservedForReturn: q.reservedForReturn,
    incoming: q.incoming,
  };
}

/** A change to the counts; positive takes posts, negative frees them. */
export type QuotaDelta = Partial<Record<'filled' | 'reservedForReturn' | 'incoming', number>>;

/** An attempt to take posts that are not free (failed-precondition, `details.quota` = status). */
export class QuotaExceeded extends DomainError {
  readonly code = 'failed-precondition' as const;
  constructor(
    readonly unitCode: string,
    readonly status: QuotaStatus,
  ) {
    super('domain.quota_exceeded', { unit: unitCode, free: status.free, needed: status.delta });
  }
}

/**
 * A count would become negative: the stored counts no longer describe the
 * people they count (a drift to reconcile), not a rule the user broke.
 */
export class QuotaInvariantBroken extends DomainError {
  readonly code = 'failed-precondition' as const;
  constructor(
    readonly unitCode: string,
    readonly count: 'filled' | 'reservedForReturn' | 'incoming',
  ) {
    super('domain.quota_invariant', { unit: unitCode, count });
  }
}

/**
 * Applies a change. Taking more posts than are free throws QuotaExceeded;
 * moving a post from one count to another (incoming → filled) or freeing
 * posts always succeeds, even in a unit that is already over its quota; a
 * count that would go below zero throws QuotaInvariantBroken.
 */
export function applyQuotaDelta<Q extends QuotaCounts & { unitCode: string }>(q: Q, delta: QuotaDelta): Q {
  const next = {
    ...q,
    filled: q.filled + (delta.filled ?? 0),
    reservedForReturn: q.reservedForReturn + (delta.reservedForReturn ?? 0),
    incoming: q.incoming + (delta.incoming ?? 0),
  };
  for (const k of ['filled', 'reservedForReturn', 'incoming'] as const) {
    if (next[k] < 0) throw new QuotaInvariantBroken(q.unitCode, k);
  }
  const taken = (delta.filled ?? 0) + (delta.reservedForReturn ?? 0) + (delta.incoming ?? 0);
  if (taken > 0) {
    const status = quotaStatus(q, taken);
    if (!status.fits) throw new QuotaExceeded(q.unitCode, status);
  }
  return next;
}

/**
 * The yearly carry-over (docs/legal-basis.md §9): next year's quota opens
 * with this year's counts — people in post, slots kept for returns, approved
 * arrivals — so that every effect of the new year lands on counts that
 * describe the people. An allocation already decided for next year
 * (`existing`, made ahead of the year: its counts were a forecast) keeps its
 * allocation, status and decision and only takes the closing year's counts;
 * otherwise the current allocation is carried as temporary (tạm giao) until
 * decided. Opening the year (`openedAt`) is ./quota-years.ts's `openQuotaYear`.
 */
export function carryOverQuota(q: Quota, at: string, existing?: Quota): Quota {
  const base: Quota = existing ?? { ...q, status: 'temporary', decision: null };
  const next: Quota = {
    ...base,
    year: q.year + 1,
    filled: q.filled,
    reservedForReturn: q.reservedForReturn,
    incoming: q.incoming,
    updatedAt: at,
  };
  delete next.flags;
  return next;
}
