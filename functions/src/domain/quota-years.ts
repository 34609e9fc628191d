/**
 * Quotas by year (docs/legal-basis.md §9), pure: which year an effect lands
 * in, how a year's document is opened from the year before (the carry-over,
 * lazily in a transaction or by the yearly job), what the yearly job writes,
 * and what an allocation decision makes of a year's document.
 *
 * Each quotas/{unit}_{block}_{year} describes one calendar year. A document
 * is *open* when its counts are live: effects recorded in its year land on it.
 * A document allocated ahead of its year is a *forecast* (`openedAt: null`):
 * its counts were copied from the closing year when it was allocated and are
 * refreshed when the year opens. Documents without `openedAt` (written before
 * the field existed) are open.
 */
import type { Quota } from '@canbo/model';
import { quotaId } from '@canbo/model';
import { carryOverQuota, isOverAllocated, type QuotaCounts } from './quota';

/**
 * The quota year of a Vietnam calendar day (YYYY-MM-DD): the year in which
 * an effect recorded on that day lands. 31 December 23:59 in Hà Nội
 * (16:59 UTC) is still the old year; 1 January 00:00 (17:00 UTC on
 * 31 December) is the new one.
 */
export function quotaYearOf(day: string): number {
  return Number(day.slice(0, 4));
}

/** Whether the counts of a quota document are live (see the module comment). */
export function isOpenQuota(q: Pick<Quota, 'openedAt'>): boolean {
  return q.openedAt !== null;
}

/** The quota an effect of a year lands on, and whether it must be written even without a change. */
export interface OpenedQuota {
  quota: Quota;
  /** True when the document was opened now (carried over): write it in the same transaction. */
  opened: boolean;
}

/**
 * The document of `year` as effects must see it, given what is stored for
 * that year (`current`) and for the year before (`previous`):
 * - an open document is itself;
 * - a missing or forecast document with a previous year is opened from it by
 *   carryOverQuota (keeping a forecast's allocation and decision);
 * - a forecast with no previous year opens as it is (its counts came from the
 *   latest earlier year, or zeros, when it was allocated);
 * - nothing stored for either year: undefined (no quota allocated).
 */
export function openQuotaYear(
  current: Quota | undefined,
  previous: Quota | undefined,
  at: string,
): OpenedQuota | undefined {
  if (current && isOpenQuota(current)) return { quota: current, opened: false };
  if (previous)
    return { quota: withOverFlag({ ...carryOverQuota(previous, at, current), openedAt: at }), opened: true };
  if (current) return { quota: { ...current, openedAt: at, updatedAt: at }, opened: true };
  return undefined;
}

/** The over-allocation flag as the counts stand (the daily job keeps it current afterwards). */
function withOverFlag(q: Quota): Quota {
  const next: Quota = { ...q };
  delete next.flags;
  if (isOverAllocated(q)) next.flags = ['over_allocation'];
  return next;
}

/** What the yearly carry-over writes for one batch of the closing year's documents. */
export interface CarryOverPlan {
  /** Next year's documents that did not exist: the closing year's counts, its allocation as temporary. */
  create: Quota[];
  /** Next year's forecasts (allocated ahead of the year): the closing year's counts, their own allocation. */
  refresh: Quota[];
  /** Next year's documents already open (by an earlier run or an effect of the new year): left alone. */
  kept: number;
}

/**
 * The carry-over of `closing` (documents of one year) into the next year,
 * given next year's documents as stored (by quota id). Running it again over
 * its own result plans nothing: every document it writes is open.
 */
export function planCarryOver(
  closing: readonly Quota[],
  next: ReadonlyMap<string, Quota>,
  at: string,
): CarryOverPlan {
  const plan: CarryOverPlan = { create: [], refresh: [], kept: 0 };
  for (const q of closing) {
    const existing = next.get(quotaId(q.unitCode, q.block, q.year + 1));
    const opened = openQuotaYear(existing, q, at);
    if (!opened || !opened.opened) plan.kept++;
    else if (existing) plan.refresh.push(opened.quota);
    else plan.create.push(opened.quota);
  }
  return plan;
}

/** An allocation decision for one unit, block and year (allocateQuota). */
export interface AllocationDecision {
  allocated: number;
  status: Quota['status'];
  decision: { number: string; date: string };
}

/** Where allocateQuota starts from. */
export interface AllocationBase {
  /** The document of the year, if stored. */
  current: Quota | undefined;
  /** The previous year's document, if stored (to open the year when it has come). */
  previous: Quota | undefined;
  /** The latest stored year before, for the counts of a new document (undefined: zeros). */
  latestEarlier: QuotaCounts | undefined;
  /** The scope and identity of a new document. */
  identity: Pick<Quota, 'provinceCode' | 'communeCode' | 'unitCode' | 'block' | 'year'>;
}

export interface AllocationResult {
  quota: Quota;
  /** More posts taken than allocated: allowed, warned and flagged. */
  overAllocated: boolean;
}

/**
 * The document of a year after an allocation decision. The counts never
 * change here: only the allocation, its status and decision. A year that has
 * come (`year <= currentYear`) is opened first, so that its counts are live;
 * a later year is a forecast whose counts come from the latest earlier year
 * (or zeros) and are refreshed by the carry-over. A cut below the counts is
 * allowed: the unit then takes no one until it comes down (flag
 * `over_allocation`).
 */
export function allocate(
  base: AllocationBase,
  decision: AllocationDecision,
  currentYear: number,
  at: string,
): AllocationResult {
  const { current, previous, latestEarlier, identity } = base;
  let start: Quota;
  if (identity.year <= currentYear) {
    const opened = openQuotaYear(current, previous, at);
    start = opened?.quota ?? {
      ...identity,
      ...zeroOr(latestEarlier),
      allocated: 0,
      status: 'temporary',
      decision: null,
      openedAt: at,
      updatedAt: at,
    };
  } else {
    start = current ?? {
      ...identity,
      ...zeroOr(latestEarlier),
      allocated: 0,
      status: 'temporary',
      decision: null,
      openedAt: null,
      updatedAt: at,
    };
  }
  const quota = withOverFlag({
    ...start,
    allocated: decision.allocated,
    status: decision.status,
    decision: { number: decision.decision.number, date: decision.decision.date },
    updatedAt: at,
  });
  return { quota, overAllocated: isOverAllocated(quota) };
}

function zeroOr(q: QuotaCounts | undefined): Pick<Quota, 'filled' | 'reservedForReturn' | 'incoming'> {
  return {
    filled: q?.filled ?? 0,
    reservedForReturn: q?.reservedForReturn ?? 0,
    incoming: q?.incoming ?? 0,
  };
}
