/**
 * The quarterly evaluation's documents (packages/model/src/evaluations.ts):
 * inputs, results, finalised units, and each unit's lease in a run
 * (jobs/{runId}/units/{unitCode}). Typed refs with zod converters, as in
 * refs.ts, and the reads and writes the evaluation use cases and the job need.
 */
import { FieldValue, type Firestore, type Transaction, type WriteBatch } from 'firebase-admin/firestore';
import {
  AnnualEvaluation,
  Evaluation,
  EvaluationInput,
  Honour,
  communeOf,
  EvaluationLock,
  EvaluationUnitRun,
  evaluationId,
  evaluationLockId,
} from '@canbo/model';
import type { ComputedEvaluation } from '../domain/evaluation/unit';
import { zodConverter } from './converter';
import { collections } from './refs';

const inputConverter = zodConverter(EvaluationInput, (i) => i.id);
const lockConverter = zodConverter(EvaluationLock, (l) => l.id);
const unitRunConverter = zodConverter(EvaluationUnitRun, (u) => u.unitCode);
const annualConverter = zodConverter(AnnualEvaluation, (a) => a.id);
const honourConverter = zodConverter(Honour, (h) => h.id);

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Firestore's limit of writes in one batch. */
const BATCH = 500;

export class EvaluationStore {
  private readonly c;

  constructor(private readonly db: Firestore) {
    this.c = collections(db);
  }

  inputs() {
    return this.db.collection('evaluationInputs').withConverter(inputConverter);
  }

  results() {
    return this.c.evaluations;
  }

  locks() {
    return this.db.collection('evaluationLocks').withConverter(lockConverter);
  }

  unitRuns(runId: string) {
    return this.c.jobs.doc(runId).collection('units').withConverter(unitRunConverter);
  }

  jobs() {
    return this.c.jobs;
  }

  /** annualEvaluations/{year}_{cadreId}: the yearly classification (classifyYear). */
  annual() {
    return this.db.collection('annualEvaluations').withConverter(annualConverter);
  }

  /** honours/{period}_{cadreId}: the province's decision on a person of the honours list. */
  honours() {
    return this.db.collection('honours').withConverter(honourConverter);
  }

  /** The current units of a province with their names (summary pages). */
  async unitsOf(provinceCode: string): Promise<{ code: string; name: string; communeCode: string | null }[]> {
    const snap = await this.c.units.where('provinceCode', '==', provinceCode).get();
    return snap.docs
      .map((d) => d.data())
      .filter((u) => u.validTo === null)
      .map((u) => ({ code: u.code, name: u.name, communeCode: communeOf(u.code) }));
  }

  /**
   * Results of a province in some quarters, optionally only some communes
   * (a commune role's scope): one query per commune, `period in` the
   * quarters (at most 30), equality filters only, so no composite index.
   */
  async resultsIn(
    provinceCode: string,
    periods: readonly string[],
    communes: readonly string[] | null,
  ): Promise<Evaluation[]> {
    const base = this.results().where('provinceCode', '==', provinceCode);
    const byPeriod =
      periods.length === 1
        ? base.where('period', '==', periods[0])
        : base.where('period', 'in', [...periods]);
    if (communes === null) return (await byPeriod.get()).docs.map((d) => d.data());
    const parts = await Promise.all(communes.map((c) => byPeriod.where('communeCode', '==', c).get()));
    return parts.flatMap((snap) => snap.docs.map((d) => d.data()));
  }

  /** The finalised units of a province's quarter. */
  async locksOf(provinceCode: string, period: string): Promise<EvaluationLock[]> {
    const snap = await this.locks()
      .where('provinceCode', '==', provinceCode)
      .where('period', '==', period)
      .get();
    return snap.docs.map((d) => d.data());
  }

  /** Every unit's state in a run. */
  async unitRunsOf(runId: string): Promise<EvaluationUnitRun[]> {
    return (await this.unitRuns(runId).get()).docs.map((d) => d.data());
  }

  /** The annual classifications of a province's year, by person. */
  async annualOf(provinceCode: string, year: number): Promise<Map<string, AnnualEvaluation>> {
    const snap = await this.annual()
      .where('provinceCode', '==', provinceCode)
      .where('year', '==', year)
      .get();
    return new Map(snap.docs.map((d) => [d.data().cadreId, d.data()]));
  }

  /** Writes annual classifications in batches of 500 (each a whole document: it has no part of anyone else's). */
  async writeAnnual(docs: readonly AnnualEvaluation[]): Promise<void> {
    for (const part of chunk(docs, BATCH)) {
      const batch = this.db.batch();
      for (const a of part) batch.set(this.annual().doc(a.id), a);
      await batch.commit();
    }
  }

  /** The honour decisions of a province's quarter. */
  async honoursOf(provinceCode: string, period: string): Promise<Honour[]> {
    const snap = await this.honours()
      .where('provinceCode', '==', provinceCode)
      .where('period', '==', period)
      .get();
    return snap.docs.map((d) => d.data());
  }

  /** The current units of a province (province, communes, agencies): one task each. */
  async unitCodesOf(provinceCode: string): Promise<string[]> {
    const snap = await this.c.units.where('provinceCode', '==', provinceCode).get();
    return snap.docs
      .map((d) => d.data())
      .filter((u) => u.validTo === null)
      .map((u) => u.code)
      .sort();
  }

  /** The provinces with at least one input for the quarter (one small query per province). */
  async provincesWithInputs(period: string): Promise<string[]> {
    const provinces = await this.c.units.where('level', '==', 'province').get();
    const found: string[] = [];
    for (const p of provinces.docs) {
      const code = p.data().code;
      const any = await this.inputs()
        .where('provinceCode', '==', code)
        .where('period', '==', period)
        .limit(1)
        .get();
      if (!any.empty) found.push(code);
    }
    return found.sort();
  }

  /** The units a run has finished in a generation. */
  async unitsDone(runId: string, generation: number): Promise<Set<string>> {
    const snap = await this.unitRuns(runId)
      .where('generation', '==', generation)
      .where('state', 'in', ['done', 'locked'])
      .get();
    return new Set(snap.docs.map((d) => d.data().unitCode));
  }

  async findInput(period: string, cadreId: string, tx?: Transaction): Promise<EvaluationInput | undefined> {
    const ref = this.inputs().doc(evaluationId(period, cadreId));
    return (tx ? await tx.get(ref) : await ref.get()).data();
  }

  saveInput(tx: Transaction, input: EvaluationInput): void {
    tx.set(this.inputs().doc(input.id), input);
  }

  async findResult(id: string, tx?: Transaction): Promise<Evaluation | undefined> {
    const ref = this.results().doc(id);
    return (tx ? await tx.get(ref) : await ref.get()).data();
  }

  saveResult(tx: Transaction, result: Evaluation): void {
    tx.set(this.results().doc(result.id), result);
  }

  async findLock(period: string, unitCode: string, tx?: Transaction): Promise<EvaluationLock | undefined> {
    const ref = this.locks().doc(evaluationLockId(period, unitCode));
    return (tx ? await tx.get(ref) : await ref.get()).data();
  }

  saveLock(tx: Transaction, lock: EvaluationLock): void {
    tx.create(this.locks().doc(lock.id), lock);
  }

  /** Every input of one unit and quarter: one query (the job's only read per person). */
  async inputsOfUnit(provinceCode: string, unitCode: string, period: string): Promise<EvaluationInput[]> {
    const snap = await this.inputs()
      .where('provinceCode', '==', provinceCode)
      .where('unitCode', '==', unitCode)
      .where('period', '==', period)
      .get();
    return snap.docs.map((d) => d.data());
  }

  /** Results of one unit and quarter. */
  async resultsOfUnit(
    provinceCode: string,
    unitCode: string,
    period: string,
    tx?: Transaction,
  ): Promise<Evaluation[]> {
    const q = this.results()
      .where('provinceCode', '==', provinceCode)
      .where('unitCode', '==', unitCode)
      .where('period', '==', period);
    return (tx ? await tx.get(q) : await q.get()).docs.map((d) => d.data());
  }

  /**
   * Writes computed results in batches of 500, merging: a reviewer's part is
   * never touched. Equal inputs give equal documents, so a repeated write
   * changes nothing.
   */
  async writeResults(results: readonly ComputedEvaluation[]): Promise<void> {
    for (let i = 0; i < results.length; i += BATCH) {
      const batch: WriteBatch = this.db.batch();
      for (const r of results.slice(i, i + BATCH)) batch.set(this.results().doc(r.id), r, { merge: true });
      await batch.commit();
    }
  }

  /**
   * Adds one unit to a run's progress and its counts to the run's result,
   * inside the unit's finishing transaction, without reading the run: blind
   * increments do not contend with the other units' tasks.
   */
  countUnitDone(tx: Transaction, runId: string, counts: Record<string, number>, now: string): void {
    const update: Record<string, FieldValue | string> = {
      'progress.done': FieldValue.increment(1),
      updatedAt: now,
    };
    for (const [k, v] of Object.entries(counts)) update[`result.${k}`] = FieldValue.increment(v);
    tx.update(this.c.jobs.doc(runId), update);
  }

  /** Ends a running run whose every unit is done (idempotent: only the first caller changes it). */
  async markRunSucceededWhenDone(runId: string, now: string): Promise<boolean> {
    const ref = this.c.jobs.doc(runId);
    const seen = (await ref.get()).data();
    if (!seen || seen.state !== 'running' || seen.progress.done < seen.progress.total) return false;
    return this.db.runTransaction(async (tx) => {
      const job = (await tx.get(ref)).data();
      if (!job || job.state !== 'running' || job.progress.done < job.progress.total) return false;
      tx.set(ref, { ...job, state: 'succeeded', updatedAt: now });
      return true;
    });
  }
}
