/**
 * Quota (biên chế) arithmetic. A unit's posts in a block are taken by people
 * in post (filled), by secondees who are away and will come back (reserved:
 * biệt phái keeps the home quota, NĐ 170/2025 Art. 26), and by approved
 * movements into the unit that have not started (incoming). What is left is
 * free. Every change keeps filled + reserved + incoming <= allocated.
 */
import type { Quota } from '@canbo/model';

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

export function quotaStatus(q: QuotaCounts, delta = 1): QuotaStatus {
  const free = q.allocated - q.filled - q.reservedForReturn - q.incoming;
  return { ...pick(q), free, fits: delta <= free, delta };
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

/** An attempt to take posts that are not free. */
export class QuotaExceeded extends Error {
  constructor(
    readonly unitCode: string,
    readonly status: QuotaStatus,
  ) {
    super(`Quota of ${unitCode} exceeded: ${status.free} free, ${status.delta} needed`);
  }
}

/**
 * Applies a change. Taking more posts than are free throws QuotaExceeded;
 * moving a post from one count to another (incoming → filled) or freeing
 * posts always succeeds, even in a unit that is already over its quota.
 */
export function applyQuotaDelta<Q extends QuotaCounts & { unitCode: string }>(q: Q, delta: QuotaDelta): Q {
  const next = {
    ...q,
    filled: q.filled + (delta.filled ?? 0),
    reservedForReturn: q.reservedForReturn + (delta.reservedForReturn ?? 0),
    incoming: q.incoming + (delta.incoming ?? 0),
  };
  for (const k of ['filled', 'reservedForReturn', 'incoming'] as const) {
    if (next[k] < 0) throw new Error(`Quota of ${q.unitCode}: ${k} would become negative`);
  }
  const taken = (delta.filled ?? 0) + (delta.reservedForReturn ?? 0) + (delta.incoming ?? 0);
  if (taken > 0) {
    const status = quotaStatus(q, taken);
    if (!status.fits) throw new QuotaExceeded(q.unitCode, status);
  }
  return next;
}
