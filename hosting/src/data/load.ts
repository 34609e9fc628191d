/**
 * What the pages load, through the scoped queries of data/scope.ts.
 */
import type { Cadre, Claims, Movement, Region, Unit } from '@canbo/model';
import { toAppError } from '../lib/errors';
import {
  quotasFromDocs,
  quotasFromStats,
  structureByRegion,
  structureOf,
  vacantKeyPosts,
  type CommuneInfo,
  type Structure,
  type VacantKeyPost,
  type KeyPosition,
  type QuotaDoc,
  type QuotaRecord,
  type StatsDoc,
} from './figures';
import { readDoc, runQueries, runQuery } from './reads';
import {
  alertQueries,
  communesOfProvince,
  movementsOfCadre,
  movementsOfCommune,
  peopleOfCommune,
  quotaQueries,
  unitStatsQueries,
  evaluationsOfCadre,
  type QuerySpec,
} from './scope';

/** How long the list of communes (published reference data, changed by a reform) is reused from the browser. */
const COMMUNES_TTL_MS = 24 * 3_600_000;

/**
 * The communes of the province (public reference data), by name. Kept in
 * localStorage for a day, so a repeat visit on a slow connection does not
 * download the unit list again.
 */
export async function loadCommunes(province: string): Promise<CommuneInfo[]> {
  const key = `canbo.communes.${province}`;
  try {
    const cached = JSON.parse(localStorage.getItem(key) ?? 'null') as {
      at: number;
      list: CommuneInfo[];
    } | null;
    if (cached && Date.now() - cached.at < COMMUNES_TTL_MS && Array.isArray(cached.list)) return cached.list;
  } catch {
    // no storage, or a damaged entry: read the list
  }
  const units = await runQuery<Unit>(communesOfProvince(province));
  const list = units
    .filter((u) => u.validTo === null || u.validTo === undefined)
    .map((u) => ({ code: u.code, name: u.name, region: (u.region ?? null) as Region | null }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  try {
    localStorage.setItem(key, JSON.stringify({ at: Date.now(), list }));
  } catch {
    // storage full or unavailable: the next visit reads it again
  }
  return list;
}

export interface Figures {
  /** Where the quota figures came from: the per-unit statistics, or the quota documents while those are not readable. */
  source: 'stats' | 'quotas';
  stats: StatsDoc[];
  records: QuotaRecord[];
}

/**
 * The per-unit statistics of the account's scope (optionally some communes)
 * and their quota figures for `year`; when the statistics cannot be read
 * (not yet built, or not yet open to clients), the quota documents of the
 * year instead, and no structure.
 */
export async function loadFigures(
  claims: Claims,
  year: number,
  communes?: readonly string[],
): Promise<Figures> {
  const statsSpecs = unitStatsQueries(claims, communes);
  if (!statsSpecs) return { source: 'quotas', stats: [], records: [] };
  try {
    const stats = await runQueries<StatsDoc>(statsSpecs);
    if (stats.length > 0) return { source: 'stats', stats, records: quotasFromStats(stats, year) };
  } catch (err) {
    if (toAppError(err).code !== 'permission-denied') throw err;
  }
  const quotaSpecs = quotaQueries(claims, year, communes) ?? [];
  const docs = await runQueries<QuotaDoc>(quotaSpecs);
  return { source: 'quotas', stats: [], records: quotasFromDocs(docs) };
}

export type MovementRow = Movement & { _id: string };

/** What the alerts table shows of a flagged movement. */
export type AlertRow = Pick<
  MovementRow,
  '_id' | 'flags' | 'cadreId' | 'cadreName' | 'type' | 'toUnitCode' | 'plannedEndDate'
>;

/** The structure of one commune's workforce (an area monitor's communes side by side). */
export interface CommuneStructure extends Structure {
  code: string;
  name: string;
}

/**
 * Everything a dashboard (province, or an area monitor's communes) shows,
 * already worked out: what the page keeps for the next visit (data/cache.ts)
 * is this, a few dozen kilobytes, not the statistics documents it came from
 * (about a megabyte to copy in and out of storage on a slow computer).
 */
export interface OverviewData {
  communes: CommuneInfo[];
  /** Where the quota figures came from (loadFigures). */
  source: Figures['source'];
  /** The quotas of the year, one per unit and block. */
  records: QuotaRecord[];
  /** Lowland vs mountain; null without statistics. */
  structure: { all: Structure; lowland: Structure; mountain: Structure } | null;
  /** Per commune, when the view is some communes (an area monitor's); else null. */
  communeStructures: CommuneStructure[] | null;
  /** Null while the statistics carry no key posts. */
  vacant: VacantKeyPost[] | null;
  keyPositions: KeyPosition[];
  alerts: AlertRow[];
}

/**
 * The dashboard's reads, all at once (one round trip on a slow connection,
 * not four): the communes, the figures of `year`, the daily alerts and the
 * key posts, worked out into what the page shows. `communes` limits the view
 * to those (an area monitor's).
 */
export async function loadOverview(
  claims: Claims,
  year: number,
  communes?: readonly string[],
): Promise<OverviewData> {
  const [all, figures, alerts, keyPositions] = await Promise.all([
    loadCommunes(claims.province),
    loadFigures(claims, year, communes),
    loadAlerts(claims),
    loadKeyPositions(),
  ]);
  const list = communes ? all.filter((c) => communes.includes(c.code)) : all;
  const withStats = figures.source === 'stats';
  const regionOf = new Map(list.map((c) => [c.code, c.region]));
  return {
    communes: list,
    source: figures.source,
    records: figures.records,
    structure: withStats ? structureByRegion(figures.stats, regionOf, year) : null,
    communeStructures:
      withStats && communes
        ? list.map((c) => ({
            code: c.code,
            name: c.name,
            ...structureOf(
              figures.stats.filter((s) => s.communeCode === c.code),
              year,
            ),
          }))
        : null,
    vacant: vacantKeyPosts(figures.stats, list, keyPositions),
    keyPositions,
    alerts: alerts.map((m) => ({
      _id: m._id,
      flags: m.flags,
      cadreId: m.cadreId,
      cadreName: m.cadreName,
      type: m.type,
      toUnitCode: m.toUnitCode,
      plannedEndDate: m.plannedEndDate,
    })),
  };
}

/** The movements flagged by the daily scan (ending within 60 days, overdue returns) in the account's scope. */
export async function loadAlerts(claims: Claims): Promise<MovementRow[]> {
  const specs = alertQueries(claims);
  if (!specs) return [];
  const rows = await runQueries<Movement>(specs);
  return rows.filter((m) => (m.flags ?? []).length > 0);
}

export type CadreRow = Cadre & { _id: string };

export async function loadPeople(claims: Claims, commune: string): Promise<CadreRow[] | null> {
  const specs = peopleOfCommune(claims, commune);
  return specs ? runQueries<Cadre>(specs) : null;
}

export async function loadMovements(spec: QuerySpec | null): Promise<MovementRow[] | null> {
  return spec ? runQuery<Movement>(spec) : null;
}

export const communeMovements = (claims: Claims, commune: string) =>
  loadMovements(movementsOfCommune(claims, commune));
export const cadreMovements = (claims: Claims, cadreId: string) =>
  loadMovements(movementsOfCadre(claims, cadreId));

export interface EvaluationRow {
  _id: string;
  period?: string;
  level?: string | null;
  /** A reviewer's confirmation or change of the level (it is the one that counts). */
  review?: { level?: string } | null;
  total?: number | null;
  status?: string;
}

export async function loadEvaluations(claims: Claims, cadreId: string, commune: string | null) {
  const spec = evaluationsOfCadre(claims, cadreId, commune);
  return spec ? runQuery<EvaluationRow>(spec) : [];
}

/** The agencies and other units under a commune (public reference data). */
export async function loadUnitsUnder(parentCode: string): Promise<(Unit & { _id: string })[]> {
  return runQuery<Unit>({
    collection: 'units',
    filters: [{ field: 'parentCode', op: '==', value: parentCode }],
  });
}

export const loadUnit = (code: string) => readDoc<Unit>({ collection: 'units', id: code });
export const loadCadre = (id: string) => readDoc<Cadre>({ collection: 'cadres', id });

export interface PositionInfo {
  _id: string;
  name?: string;
  nameEn?: string;
  keyPost?: boolean;
}

/** Positions by id (public reference data), for the names of posts. */
export async function loadPositions(ids: readonly string[]): Promise<Map<string, PositionInfo>> {
  const unique = [...new Set(ids)];
  const found = await Promise.all(unique.map((id) => readDoc<PositionInfo>({ collection: 'positions', id })));
  return new Map(found.filter((p): p is PositionInfo => p !== null).map((p) => [p._id, p]));
}

/** The key posts of the commune level (public reference data: positions). */
export async function loadKeyPositions(): Promise<KeyPosition[]> {
  const found = await runQuery<KeyPosition>({
    collection: 'positions',
    filters: [
      { field: 'keyPost', op: '==', value: true },
      { field: 'level', op: '==', value: 'commune' },
    ],
  });
  return found.map((p) => ({
    id: p._id,
    name: p.name,
    nameEn: p.nameEn,
    holdersPerUnit: p.holdersPerUnit ?? null,
  }));
}
