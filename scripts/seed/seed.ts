/**
 * Writes the official units of all 34 provinces and a generated population
 * for one province, through the typed refs (every document validated), with
 * a BulkWriter. Document ids are deterministic, so running it again
 * overwrites and duplicates nothing.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { collections } from '../../functions/src/data/refs';
import { EvaluationStore } from '../../functions/src/data/evaluations';
import { ratingCollections } from '../../functions/src/data/ratings';
import { flagAlerts } from '../../functions/src/services/alerts';
import { UnitStatsStore } from '../../functions/src/data/unit-stats';
import { computeUnitStats } from '../../functions/src/domain/unit-stats';
import { generateProvince, type GenerateOptions } from './generate';
import { loadOfficialUnits } from './official';
// Area monitors (issue 13, H-monitors)
import { monitorWrites } from './monitors';
import { PlanningStore } from '../../functions/src/data/planning';
import { seedPlanning } from './planning';
import { dossierWrites } from './dossiers';

export interface SeedSummary {
  provinceCode: string;
  counts: Record<string, number>;
  seconds: number;
}

/** Reports progress: a stage name and documents written so far out of the total. */
export type Progress = (stage: string, done: number, total: number) => void;

export async function seedProvince(
  db: Firestore,
  options: GenerateOptions,
  progress: Progress = () => undefined,
): Promise<SeedSummary> {
  const started = Date.now();
  progress('đọc danh mục đơn vị / loading units', 0, 0);
  const units = loadOfficialUnits();
  progress('sinh dữ liệu / generating', 0, 0);
  const g = generateProvince(units, options);
  const c = collections(db);
  const evaluationStore = new EvaluationStore(db);
  const rc = ratingCollections(db);
  const stats = new UnitStatsStore(db);

  const batches: [string, () => void, number][] = [];
  // No ramp-up throttling: it exists to warm up production Firestore (500 ops/s at
  // first) and would only slow a local seed down to ~100 s.
  const writer = db.bulkWriter({ throttling: false });
  writer.onWriteError((err) => err.failedAttempts < 5);
  const plan = {
    units: [...units, ...g.agencies].map((u) => () => writer.set(c.units.doc(u.code), u)),
    positions: g.positions.map((p) => () => writer.set(c.positions.doc(p.id), p)),
    quotas: g.quotas.map(
      ({ id, ...q }) =>
        () =>
          writer.set(c.quotas.doc(id), q),
    ),
    cadres: g.cadres.map((x) => () => writer.set(c.cadres.doc(x.id), x)),
    'cadres/*/private': [...g.privates].map(
      ([id, p]) =>
        () =>
          writer.set(c.cadrePrivate(id), p),
    ),
    movements: g.movements.map((m) => () => writer.set(c.movements.doc(m.id), m)),
    evaluationInputs: g.evaluationInputs.map((e) => () => writer.set(evaluationStore.inputs().doc(e.id), e)),
    evaluations: g.evaluations.map((e) => () => writer.set(c.evaluations.doc(e.id), e)),
    evaluationRuns: g.evaluationRuns.map((j) => () => writer.set(c.jobs.doc(j.id), j)),
    receipts: g.receipts.map((r) => () => writer.set(rc.receipts.doc(r.id), r)),
    ratings: g.ratings.map((r) => () => writer.set(c.ratings.doc(r.id), r)),
    ratingComments: g.ratingComments.map((x) => () => writer.set(rc.ratingComments.doc(x.id), x)),
    // Planning lists (issue 13): moves the people's entries to their term before the people are written.
    planning: seedPlanning(g.cadres, `${options.asOf}T08:00:00.000Z`).map(
      (l) => () => writer.set(new PlanningStore(db).ref(l.term, l.unitCode, l.positionId), l),
    ),
    correctionRequests: dossierWrites(db, writer, g.cadres, options.provinceCode, options.asOf),
    // Area monitors (issue 13, H-monitors): the demo monitors' scopes, assignments and work log.
    ...monitorWrites(writer, db, units, options),
    // The unit statistics of the people and quotas written, summed as the
    // rebuild sums them (docs/data-model.md, "unitStats"): the seed writes
    // people and quotas directly, not through the transactions that keep them.
    unitStats: [
      ...computeUnitStats(options.provinceCode, g.cadres, g.quotas, `${options.asOf}T08:00:00.000Z`).values(),
    ].map((s) => () => writer.set(stats.ref(s.unitCode), s)),
  };
  for (const [name, writes] of Object.entries(plan)) for (const w of writes) batches.push([name, w, 0]);
  const total = batches.length;
  let done = 0;
  let flushedAt = 0;
  for (const [name, write] of batches) {
    write();
    done++;
    if (done - flushedAt >= 5000 || done === total) {
      await writer.flush();
      flushedAt = done;
      progress(`ghi ${name} / writing ${name}`, done, total);
    }
  }
  await writer.close();
  // The daily alert pass, as of the seed's date, so the demo shows what is ending soon.
  progress('đánh dấu cảnh báo / flagging alerts', total, total);
  const alerts = await flagAlerts(db, options.asOf);
  const counts = Object.fromEntries(Object.entries(plan).map(([k, v]) => [k, v.length]));
  counts['alerts: ending soon'] = alerts.ending_soon ?? 0;
  counts['alerts: over quota'] = alerts.over_allocation ?? 0;
  return { provinceCode: options.provinceCode, counts, seconds: (Date.now() - started) / 1000 };
}
