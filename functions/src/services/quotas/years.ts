/**
 * Reading a year's quota inside a transaction, opening it from the previous
 * year when the carry-over has not run yet (docs/legal-basis.md §9): the
 * first days of January work before the yearly job, and the job later finds
 * those documents open and leaves them alone.
 */
import type { Transaction } from 'firebase-admin/firestore';
import { openQuotaYear, type OpenedQuota } from '../../domain/quota-years';
import type { Repositories } from '../../data/repositories';
import type { Block } from '@canbo/model';

/** A unit's quota of one block and year. */
export interface QuotaKey {
  unitCode: string;
  block: Block;
  year: number;
}

/**
 * The quotas of `keys` as effects of their year must see them (reads only;
 * a document opened here has `opened: true` and must be written by the
 * caller in the same transaction). Undefined: no quota for that year or the
 * year before. Without `tx`, an advisory read that locks nothing.
 */
export async function readYearQuotas(
  tx: Transaction | undefined,
  repos: Repositories,
  keys: readonly QuotaKey[],
  at: string,
): Promise<(OpenedQuota | undefined)[]> {
  const current = await repos.quotas.findMany(keys, tx);
  // The previous year is read only where this year's document is missing or a forecast.
  const need = keys.flatMap((k, i) =>
    current[i] && current[i].openedAt !== null ? [] : [{ i, key: { ...k, year: k.year - 1 } }],
  );
  const previous = await repos.quotas.findMany(
    need.map((n) => n.key),
    tx,
  );
  const prevByIndex = new Map(need.map((n, j) => [n.i, previous[j]]));
  return keys.map((_, i) => openQuotaYear(current[i], prevByIndex.get(i), at));
}
