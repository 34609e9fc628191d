/**
 * rebuildUnitStats: recomputes unitStats/{unitCode} of one province from its
 * people and quota documents (docs/data-model.md, "unitStats"). The movement
 * and quota transactions keep the figures current by increments; this is the
 * check and the repair: nightly for every province (jobs/), on demand for a
 * province admin (the callable), and after the seed.
 *
 * Reads are paged by document id, the figures summed by the domain
 * (`computeUnitStats`, the same contributions the increments add), and the
 * documents replaced in batches; a document of a unit that no longer has
 * people or quotas is reset to zeros. Progress goes to
 * `jobs/unit-stats-rebuild-{province}-{day}` (done: documents read, then
 * written). A change committed while a rebuild runs may be counted from the
 * page read before it and overwritten by the batch after it: the next
 * rebuild corrects it, which is why the nightly run is at a quiet hour.
 */
import type { Transaction } from 'firebase-admin/firestore';
import { computeUnitStats, emptyUnitStats } from '../../domain/unit-stats';
import { requireRole, type Actor } from '../../lib/actor';
import { today } from '../../lib/clock';
import { log } from '../../log';
import type { UseCaseDeps } from '../deps';
import {
  type Cadre,
  type Job,
  message,
  oneLine,
  type Quota,
  type TRebuildUnitStatsInput,
  UNIT_STATS_VERSION,
  type UnitStats,
} from '@canbo/model';

/** Documents per page read. */
const PAGE = 1000;
/** Statistics documents per batch written (a batch takes at most 500 writes). */
const BATCH = 400;

export interface RebuildResult {
  jobId: string;
  provinceCode: string;
  /** People and quota documents read. */
  people: number;
  quotas: number;
  /** Statistics documents written: units with figures, and units reset to zeros. */
  units: number;
  reset: number;
}

/** Writes the audit entry of a run inside the transaction that records its success. */
export type RebuildAudit = (tx: Transaction, result: RebuildResult) => void;

/** The worker: one province, with `audit` for a run someone asked for. */
export async function rebuildUnitStatsOf(
  deps: UseCaseDeps,
  provinceCode: string,
  audit?: RebuildAudit,
): Promise<RebuildResult> {
  const { db, repos, stats } = deps;
  const startedAt = deps.clock.now().toISOString();
  const jobId = `unit-stats-rebuild-${provinceCode}-${today(deps.clock)}`;
  const size = await stats.sizeOf(provinceCode);
  const result: RebuildResult = { jobId, provinceCode, people: 0, quotas: 0, units: 0, reset: 0 };
  let total = size.people + size.quotas;
  const job = (state: Job['state'], done: number, error: string | null = null): Job => ({
    id: jobId,
    kind: 'unit_stats_rebuild',
    provinceCode,
    state,
    progress: { done, total: Math.max(total, done) },
    leases: {},
    params: { provinceCode },
    error,
    result: { people: result.people, quotas: result.quotas, units: result.units, reset: result.reset },
    startedAt,
    updatedAt: deps.clock.now().toISOString(),
  });
  await repos.jobs.save(job('running', 0));
  let done = 0;
  try {
    const people: Cadre[] = [];
    for await (const page of stats.peoplePages(provinceCode, PAGE)) {
      people.push(...page);
      done += page.length;
      await repos.jobs.save(job('running', done));
    }
    const quotas: Quota[] = [];
    for await (const page of stats.quotaPages(provinceCode, PAGE)) {
      quotas.push(...page);
      done += page.length;
      await repos.jobs.save(job('running', done));
    }
    result.people = people.length;
    result.quotas = quotas.length;
    const at = deps.clock.now().toISOString();
    const figures = computeUnitStats(provinceCode, people, quotas, at);
    // Units whose figures went away (their last person moved, a stale document): zeros.
    const stale = (await stats.ofProvince(provinceCode)).filter((s) => !figures.has(s.unitCode));
    const writes: UnitStats[] = [
      ...figures.values(),
      ...stale.map((s) => ({
        ...emptyUnitStats(s.unitCode, provinceCode, at),
        version: UNIT_STATS_VERSION,
        rebuiltAt: at,
      })),
    ];
    result.units = figures.size;
    result.reset = stale.length;
    total = done + writes.length;
    for (let i = 0; i < writes.length; i += BATCH) {
      const batch = db.batch();
      for (const s of writes.slice(i, i + BATCH)) stats.replace(batch, s);
      await batch.commit();
      done += Math.min(BATCH, writes.length - i);
      if (i + BATCH < writes.length) await repos.jobs.save(job('running', done));
    }
    // The success and, for a run someone asked for, its audit entry, together.
    await db.runTransaction(async (tx) => {
      repos.jobs.saveIn(tx, job('succeeded', done));
      audit?.(tx, result);
    });
  } catch (err) {
    await repos.jobs.save(job('failed', done, err instanceof Error ? err.message : String(err)));
    throw err;
  }
  log.info('unitStats.rebuilt', { ...result });
  return result;
}

/** rebuildUnitStats({ requestId? }): a province admin recomputes their own province, audited. */
export async function rebuildUnitStats(
  deps: UseCaseDeps,
  actor: Actor,
  _input: TRebuildUnitStatsInput,
): Promise<RebuildResult> {
  requireRole(actor, 'province_admin');
  return rebuildUnitStatsOf(deps, actor.province, (tx, result) =>
    deps.repos.audit.append(tx, {
      actor,
      action: 'unitStats.rebuild',
      target: `jobs/${result.jobId}`,
      before: null,
      after: result,
      reason: oneLine(message('audit.rebuildUnitStats', { province: actor.province })),
    }),
  );
}

/** The nightly run: every province that has people or quotas, one job each; a failure does not stop the others. */
export async function rebuildEveryProvince(deps: UseCaseDeps): Promise<RebuildResult[]> {
  const provinces = await deps.stats.provinces();
  const results: RebuildResult[] = [];
  const failures: string[] = [];
  for (const p of provinces) {
    const size = await deps.stats.sizeOf(p);
    if (size.people + size.quotas === 0 && (await deps.stats.ofProvince(p)).length === 0) continue;
    try {
      results.push(await rebuildUnitStatsOf(deps, p));
    } catch (err) {
      failures.push(`${p}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (failures.length > 0) throw new Error(`unit statistics not rebuilt for ${failures.join('; ')}`);
  return results;
}
