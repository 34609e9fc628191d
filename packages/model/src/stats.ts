/**
 * unitStats/{unitCode}: what a dashboard draws for one unit (province,
 * commune or agency) without reading any person's document — the people on
 * its quota counted by block, status, category, gender, ethnicity,
 * qualification and birth year, the people working there from elsewhere, and
 * the figures of its quota documents (docs/data-model.md, "unitStats").
 *
 * Kept current by the transactions that change people and quotas (blind
 * writes: increments for the people, a copy of each quota document written;
 * the statistics document is never read in those transactions, so it adds no
 * contention), and recomputed from scratch by `rebuildUnitStats` (nightly and
 * on demand). Ages are not stored: an age band changes as days pass, a birth
 * year does not, so the client turns `byBirthYear` into bands for any date.
 */
import { z } from 'zod';
import { Block, EducationLevel, IsoDateTime, PoliticalTheory, Scope, UnitCode } from './common';
import { CadreStatus, Category } from './cadres';

/** The shape of the figures; bumped when they change meaning (a rebuild rewrites every document). */
export const UNIT_STATS_VERSION = 1;

/**
 * Statuses of people in service: counted in every breakdown except
 * `byStatus`, which counts everyone on the unit's quota (retired and left
 * included, so that the totals of the unit's people stay visible).
 */
export const IN_SERVICE_STATUSES = ['active', 'seconded_out', 'on_leave'] as const;

/**
 * A count. An integer that may be negative only on a document that was never
 * rebuilt after people existed (increments then start from zero): rebuild it.
 */
const Count = z.number().int();
// Counts per key: a missing key is zero.

export const Gender = z.enum(['male', 'female']);

/** The people whose home unit (the quota they are on, `Cadre.homeUnitCode`) is this unit. */
export const PeopleFigures = z.object({
  /** In service (active, seconded out, on leave). */
  inService: Count.prefault(0),
  /** Every person on the quota, by status (retired and left included). */
  byStatus: z.partialRecord(CadreStatus, Count).prefault({}),
  // The breakdowns below count people in service only.
  byBlock: z.partialRecord(Block, Count).prefault({}),
  byCategory: z.partialRecord(Category, Count).prefault({}),
  byGender: z.partialRecord(Gender, Count).prefault({}),
  /** Of ethnic minorities (`ethnicMinority`: not Kinh). */
  ethnicMinority: Count.prefault(0),
  /** By the ethnicity as recorded (e.g. "Kinh", "Thái"). */
  byEthnicity: z.record(z.string().min(1), Count).prefault({}),
  byEducation: z.partialRecord(EducationLevel, Count).prefault({}),
  byPoliticalTheory: z.partialRecord(PoliticalTheory, Count).prefault({}),
  partyMembers: Count.prefault(0),
  /** By birth year ("1980"): the client computes age bands for the date it shows. */
  byBirthYear: z.record(z.string().regex(/^\d{4}$/), Count).prefault({}),
  /** Women by birth year, for age bands of women. */
  womenByBirthYear: z.record(z.string().regex(/^\d{4}$/), Count).prefault({}),
});
export type PeopleFigures = z.infer<typeof PeopleFigures>;

/**
 * People in service working in this unit now whose home unit is another
 * (seconded or rotated in: `currentUnitCode` here, `homeUnitCode` elsewhere).
 */
export const HostedFigures = z.object({
  inService: Count.prefault(0),
  byBlock: z.partialRecord(Block, Count).prefault({}),
});
export type HostedFigures = z.infer<typeof HostedFigures>;

/** A copy of the figures of quotas/{unitCode}_{block}_{year}. */
export const QuotaFigures = z.object({
  allocated: z.number().int().nonnegative(),
  filled: z.number().int().nonnegative(),
  reservedForReturn: z.number().int().nonnegative(),
  incoming: z.number().int().nonnegative(),
  status: z.enum(['temporary', 'final']),
  /** Allocated ahead of its year (`openedAt: null`): the counts are a forecast. */
  forecast: z.boolean(),
});
export type QuotaFigures = z.infer<typeof QuotaFigures>;

export const UnitStats = Scope.extend({
  /** The unit; `communeCode` is its commune (null for a province or a provincial agency). */
  unitCode: UnitCode,
  people: PeopleFigures.prefault({}),
  hosted: HostedFigures.prefault({}),
  /**
   * Holders in service of each key post (positions with `keyPost`) in this
   * unit, main or concurrent, by position id: a key post of the unit's level
   * missing here (or 0) is vacant.
   */
  keyPosts: z.record(z.string().min(1), Count).prefault({}),
  /** Quota figures by year ("2026") and block. */
  quotas: z.record(z.string().regex(/^\d{4}$/), z.partialRecord(Block, QuotaFigures)).prefault({}),
  /** UNIT_STATS_VERSION of the last rebuild; absent before the first. */
  version: z.number().int().positive().optional(),
  /** The last change written (incremental or rebuild). */
  updatedAt: IsoDateTime,
  /** The last rebuild from the people and quotas; absent before the first. */
  rebuiltAt: IsoDateTime.nullable().optional(),
});
export type UnitStats = z.infer<typeof UnitStats>;
