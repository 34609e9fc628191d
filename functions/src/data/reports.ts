/**
 * reports/{id} and what a report reads (docs/reports.md): the report's
 * document and the parts of a large table (packages/model/src/reports.ts),
 * the job's pages (reports/{id}/pages/{index}: the figures one page of units
 * gave, server only), and the scoped reads of the sources — units, unitStats,
 * movements and evaluation results — a page of units at a time (`in` takes at
 * most 30 values). Every read is counted, for the benchmark.
 */
import { createHash } from 'node:crypto';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { getFunctions } from 'firebase-admin/functions';
import { z } from 'zod';
import {
  Evaluation,
  PlanningList,
  Report,
  ReportPart,
  UnitStats,
  type MonitorLogEntry,
  type Movement,
  type Unit,
} from '@canbo/model';
import { monitorCollections } from './monitors';
import { REGION } from '../config';
import { zodConverter } from './converter';
import { collections } from './refs';
import { unitStatsConverter } from './unit-stats';

/** One page of a report's job: the units it covered and what they gave (a kind's own shape, parsed by the kind). */
export const ReportPage = z.object({
  index: z.number().int().nonnegative(),
  units: z.array(z.string()),
  data: z.unknown(),
});
export type ReportPage = z.infer<typeof ReportPage>;

const reportConverter = zodConverter(Report, (r) => r.id);
const partConverter = zodConverter(ReportPart, (p) => String(p.index).padStart(4, '0'));
const pageConverter = zodConverter(ReportPage, (p) => String(p.index).padStart(4, '0'));
/** The fields of a result a report counts (a projection: the rest of a result never travels). */
const LevelFields = Evaluation.pick({ id: true, unitCode: true, rated: true, level: true, review: true });
const levelConverter = zodConverter(LevelFields, (e) => e.id);
const LEVEL_FIELDS = ['id', 'unitCode', 'rated', 'level', 'review'] as const;

const planningConverter = zodConverter(PlanningList, (l) => l.id);

const pad = (i: number) => String(i).padStart(4, '0');

export class ReportStore {
  private readonly c;
  /** Documents read (and empty queries, which Firestore bills as one read). */
  reads = 0;

  constructor(private readonly db: Firestore) {
    this.c = collections(db);
  }

  ref(id: string) {
    return this.db.collection('reports').withConverter(reportConverter).doc(id);
  }

  private pageRef(id: string, index: number) {
    return this.ref(id).collection('pages').withConverter(pageConverter).doc(pad(index));
  }

  private count(n: number): void {
    this.reads += Math.max(1, n);
  }

  async find(id: string): Promise<Report | undefined> {
    this.count(1);
    return (await this.ref(id).get()).data();
  }

  async create(report: Report): Promise<void> {
    await this.ref(report.id).create(report);
  }

  /** The pages already done. */
  async pages(id: string): Promise<ReportPage[]> {
    const snap = await this.ref(id).collection('pages').withConverter(pageConverter).get();
    this.count(snap.size);
    return snap.docs.map((d) => d.data());
  }

  /**
   * Records a page and counts its units in the report's progress, once: a
   * page already recorded (a duplicate or retried task got there first) is
   * left as it is and answers false.
   */
  async savePage(id: string, page: ReportPage, now: string): Promise<boolean> {
    const ref = this.pageRef(id, page.index);
    return this.db.runTransaction(async (tx) => {
      if ((await tx.get(ref)).exists) return false;
      tx.create(ref, page);
      tx.update(this.db.collection('reports').doc(id), {
        'progress.done': FieldValue.increment(page.units.length),
        updatedAt: now,
      });
      return true;
    });
  }

  /** Writes the finished table (in the document, or in parts) and marks the report succeeded. */
  async finish(report: Report, parts: ReportPart[], now: string): Promise<void> {
    const batch = this.db.batch();
    for (const p of parts)
      batch.set(this.ref(report.id).collection('parts').withConverter(partConverter).doc(pad(p.index)), p);
    batch.set(this.ref(report.id), { ...report, updatedAt: now });
    await batch.commit();
  }

  async fail(id: string, error: string, now: string): Promise<void> {
    await this.db.collection('reports').doc(id).update({ state: 'failed', error, updatedAt: now });
  }

  async parts(id: string): Promise<ReportPart[]> {
    const snap = await this.ref(id).collection('parts').withConverter(partConverter).orderBy('index').get();
    this.count(snap.size);
    return snap.docs.map((d) => d.data());
  }

  // The sources. Units are public reference data; the others are read with the province's filter.

  /** Every unit of a province (the province itself, its communes and agencies). */
  async unitsOfProvince(provinceCode: string): Promise<Unit[]> {
    const snap = await this.c.units.where('provinceCode', '==', provinceCode).get();
    this.count(snap.size);
    return snap.docs.map((d) => d.data());
  }

  async unitStats(provinceCode: string, unitCodes: readonly string[]): Promise<UnitStats[]> {
    const snap = await this.db
      .collection('unitStats')
      .withConverter(unitStatsConverter)
      .where('provinceCode', '==', provinceCode)
      .where('unitCode', 'in', unitCodes)
      .get();
    this.count(snap.size);
    return snap.docs.map((d) => d.data());
  }

  /** Movements of the province leaving (`fromUnitCode`) or arriving at (`toUnitCode`) the given units. */
  async movements(
    provinceCode: string,
    side: 'fromUnitCode' | 'toUnitCode',
    unitCodes: readonly string[],
  ): Promise<Movement[]> {
    const snap = await this.c.movements
      .where('provinceCode', '==', provinceCode)
      .where(side, 'in', unitCodes)
      .get();
    this.count(snap.size);
    return snap.docs.map((d) => d.data());
  }

  /** The planning lists of a term for the given units (every post). */
  async planning(provinceCode: string, term: string, unitCodes: readonly string[]): Promise<PlanningList[]> {
    const snap = await this.db
      .collection('planning')
      .withConverter(planningConverter)
      .where('provinceCode', '==', provinceCode)
      .where('term', '==', term)
      .where('unitCode', 'in', unitCodes)
      .get();
    this.count(snap.size);
    return snap.docs.map((d) => d.data());
  }

  /** The area monitors' work log in the given communes (the period is filtered by the report). */
  async monitorLog(provinceCode: string, communeCodes: readonly string[]): Promise<MonitorLogEntry[]> {
    const snap = await monitorCollections(this.db)
      .log.where('provinceCode', '==', provinceCode)
      .where('communeCode', 'in', communeCodes)
      .get();
    this.count(snap.size);
    return snap.docs.map((d) => d.data());
  }

  /** The level fields of the quarter's results of the given units. */
  async levels(
    provinceCode: string,
    quarter: string,
    unitCodes: readonly string[],
  ): Promise<z.infer<typeof LevelFields>[]> {
    const snap = await this.db
      .collection('evaluations')
      .where('provinceCode', '==', provinceCode)
      .where('period', '==', quarter)
      .where('unitCode', 'in', unitCodes)
      .select(...LEVEL_FIELDS)
      .withConverter(levelConverter)
      .get();
    this.count(snap.size);
    return snap.docs.map((d) => d.data());
  }
}

/** The function that runs a report's job (jobs/reportJob.task.ts), as exported from index.ts. */
export const REPORT_JOB_FUNCTION = 'runReportJob';

/** One step of a report's job: the report, and how many pages were done when it was enqueued. */
export interface ReportTask {
  reportId: string;
  step: number;
}

/** Enqueues a report's job (Cloud Tasks in production and under `npm start`; in-process in tests). */
export interface ReportQueue {
  enqueue(task: ReportTask): Promise<void>;
}

/**
 * Cloud Tasks through the Admin SDK's task queue of `runReportJob`. The task
 * id is a hash of the report and the step, so enqueueing the same step twice
 * is refused by the queue as a duplicate (what we want).
 */
export class CloudTasksReportQueue implements ReportQueue {
  async enqueue(task: ReportTask): Promise<void> {
    const queue = getFunctions().taskQueue(`locations/${REGION}/functions/${REPORT_JOB_FUNCTION}`);
    const id = createHash('sha256').update(`${task.reportId}/${task.step}`).digest('hex').slice(0, 40);
    try {
      await queue.enqueue({ ...task }, { id });
    } catch (err) {
      const duplicate =
        typeof err === 'object' &&
        err !== null &&
        'code' in err &&
        err.code === 'functions/task-already-exists';
      if (!duplicate) throw err;
    }
  }
}
