/**
 * quotas/{unitCode}_{block}_{year}: how many posts a unit may fill in one
 * block (biên chế) in one calendar year, and the counts kept in step with
 * every personnel change recorded in that year (docs/legal-basis.md §9).
 * Invariant kept by the movement callables: a change that takes posts keeps
 * filled + reservedForReturn + incoming <= allocated; an allocation cut below
 * the counts is allowed (allocateQuota warns, the daily job flags it).
 */
import { z } from 'zod';
import { Block, IsoDate, IsoDateTime, Scope, UnitCode } from './common';

export const Quota = Scope.extend({
  unitCode: UnitCode,
  block: Block,
  year: z.number().int().min(2025).max(2100),
  allocated: z.number().int().nonnegative(),
  /** Temporary (tạm giao) until the province's decision makes it final. */
  status: z.enum(['temporary', 'final']),
  decision: z.object({ number: z.string().min(1), date: IsoDate }).nullable(),
  /** People in post on this quota now. */
  filled: z.number().int().nonnegative(),
  /** Slots kept for secondees who are away and will come back (biệt phái keeps the home quota). */
  reservedForReturn: z.number().int().nonnegative(),
  /** Approved incoming movements not yet started. */
  incoming: z.number().int().nonnegative(),
  updatedAt: IsoDateTime,
  /**
   * When the year's counts became live (the carry-over, or an allocation made
   * in or after the year). `null`: allocated ahead of the year, the counts are
   * a forecast from the closing year that the carry-over refreshes. Absent on
   * documents written before this field existed: live.
   */
  openedAt: IsoDateTime.nullable().optional(),
  /** Set by the daily job when the counts exceed the allocation. */
  flags: z.array(z.enum(['over_allocation'])).optional(),
});
export type Quota = z.infer<typeof Quota>;
