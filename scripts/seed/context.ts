/** What every generator of the demo province shares: options, the random source, the units. */
import { addDays } from '../../functions/src/domain/dates';
import type { StaffingNorms } from '../../functions/src/domain/norms';
import type { Region, Unit } from '@canbo/model';
import { Random } from './random';

export interface GenerateOptions {
  provinceCode: string;
  /** Multiplies the number of people per unit (1 = realistic). */
  scale: number;
  seed: number;
  /** The day the data describes (YYYY-MM-DD): ages, dates and "ending soon" are relative to it. */
  asOf: string;
  norms?: StaffingNorms;
}

export interface SeedContext {
  options: GenerateOptions;
  rng: Random;
  province: Unit;
  communes: Unit[];
  unitByCode: ReadonlyMap<string, Unit>;
  otherProvinces: string[];
  regionOf: ReadonlyMap<string, Region | null>;
  /** The year of `asOf`: the seed holds that year's quotas. */
  year: number;
  /** `asOf` at 08:00 UTC, the `updatedAt` of every document. */
  now: string;
  /** A count at the option's scale, at least 1. */
  scaled: (n: number) => number;
}

export function seedContext(units: Unit[], options: GenerateOptions): SeedContext {
  const p = options.provinceCode;
  const province = units.find((u) => u.code === p && u.level === 'province');
  if (!province) throw new Error(`Unknown province code ${p}`);
  const communes = units.filter((u) => u.level === 'commune' && u.provinceCode === p);
  return {
    options,
    rng: new Random(`${options.seed}:${p}`),
    province,
    communes,
    unitByCode: new Map(units.map((u) => [u.code, u])),
    otherProvinces: units.filter((u) => u.level === 'province' && u.code !== p).map((u) => u.code),
    regionOf: new Map(communes.map((c) => [c.code, c.region])),
    year: Number(options.asOf.slice(0, 4)),
    now: `${options.asOf}T08:00:00.000Z`,
    scaled: (n) => Math.max(1, Math.round(n * options.scale)),
  };
}

/** A date `years` (and up to a year more) before `date`. */
export function yearsBefore(date: string, years: number, rng: Random): string {
  const d = new Date(Date.parse(date));
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return addDays(d.toISOString().slice(0, 10), -rng.int(0, 364));
}
