/**
 * The planning lists (packages/model/src/planning.ts): planning/{term}_{unitCode}_{positionId},
 * typed with a zod converter both ways, and the reads the planning use cases
 * need besides the shared repositories: a term's lists in a province, and a
 * person's results of a year (the annual review, docs/legal-basis.md §15).
 */
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import { Evaluation, evaluationId, Level, PlanningList, planningListId } from '@canbo/model';
import { z } from 'zod';
import { zodConverter } from './converter';
import { collections } from './refs';

const planningConverter = zodConverter(PlanningList, (l) => l.id);

/** What the review reads of annualEvaluations/{year}_{cadreId} (the yearly classification, when it exists). */
const AnnualLevel = z.object({ level: Level.nullable() });

/** A result the review reads: a period and its level (a reviewer's level counts first). */
export type ResultOfPeriod = Pick<Evaluation, 'period' | 'level' | 'review'>;

export class PlanningStore {
  constructor(private readonly db: Firestore) {}

  lists() {
    return this.db.collection('planning').withConverter(planningConverter);
  }

  ref(term: string, unitCode: string, positionId: string) {
    return this.lists().doc(planningListId(term, unitCode, positionId));
  }

  /** One list (inside `tx` when given); undefined while nobody was ever planned for it. */
  async find(
    term: string,
    unitCode: string,
    positionId: string,
    tx?: Transaction,
  ): Promise<PlanningList | undefined> {
    const ref = this.ref(term, unitCode, positionId);
    return (tx ? await tx.get(ref) : await ref.get()).data();
  }

  /** Writes a list inside the transaction (with the person's entries and the audit entry). */
  save(tx: Transaction, list: PlanningList): void {
    tx.set(this.lists().doc(list.id), list);
  }

  /** A term's lists in a province (equality filters only: no composite index). */
  async ofTerm(provinceCode: string, term: string): Promise<PlanningList[]> {
    const snap = await this.lists().where('provinceCode', '==', provinceCode).where('term', '==', term).get();
    return snap.docs.map((d) => d.data());
  }

  /** The provinces that have lists of a term (the yearly review of every province). */
  async provincesWithLists(term: string): Promise<string[]> {
    const snap = await this.lists().where('term', '==', term).get();
    return [...new Set(snap.docs.map((d) => d.data().provinceCode))].sort();
  }

  /**
   * A person's results of `year`: the yearly classification (annualEvaluations,
   * as period "YYYY"), a yearly result in evaluations, and the four quarters;
   * those not stored are left out.
   */
  async resultsOf(cadreId: string, year: number): Promise<ResultOfPeriod[]> {
    const c = collections(this.db);
    const periods = [String(year), ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`)];
    const refs = periods.map((p) => c.evaluations.doc(evaluationId(p, cadreId)));
    const annualRef = this.db.collection('annualEvaluations').doc(`${year}_${cadreId}`);
    const [annual, ...snaps] = await this.db.getAll(annualRef, ...refs.map((r) => r.withConverter(null)));
    const results: ResultOfPeriod[] = snaps.flatMap((s) => (s.exists ? [Evaluation.parse(s.data())] : []));
    if (annual?.exists && !results.some((r) => r.period === String(year))) {
      const parsed = AnnualLevel.safeParse(annual.data());
      if (parsed.success) results.push({ period: String(year), level: parsed.data.level });
    }
    return results;
  }
}
