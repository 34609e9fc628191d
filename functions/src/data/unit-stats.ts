/**
 * unitStats/{unitCode}: the thin writer of the figures the domain plans
 * (functions/src/domain/unit-stats.ts), and the paged reads a rebuild needs.
 *
 * The incremental writes are blind merges: increments (FieldValue.increment)
 * for the people and a copy of each quota document written, never a read of
 * the statistics document, so a transaction that keeps them locks nothing
 * more than it did. A merge cannot go through the zod converter (it carries
 * increment sentinels): its value is built here from the typed plan, with
 * the document's scope fields on every write so that the rules can scope a
 * document however it was created. Reads and whole-document writes (the
 * rebuild) go through the converter.
 */
import {
  type DocumentReference,
  FieldPath,
  FieldValue,
  type Firestore,
  type Query,
  type SetOptions,
  Transaction,
  type WriteBatch,
} from 'firebase-admin/firestore';
import { type Cadre, communeOf, type Quota, UnitStats } from '@canbo/model';
import { quotaFigures, type UnitStatsDelta } from '../domain/unit-stats';
import { zodConverter } from './converter';
import { collections } from './refs';

/** Where a write goes: a transaction's or a batch's (both take `set` with merge). */
export type StatsWriter = Transaction | WriteBatch;

/** `set` on either kind of writer (their overloads do not unify). */
function setIn<T extends object>(
  w: StatsWriter,
  ref: DocumentReference<T>,
  data: T,
  options?: SetOptions,
): void {
  if (w instanceof Transaction) {
    if (options) w.set(ref, data, options);
    else w.set(ref, data);
  } else if (options) w.set(ref, data, options);
  else w.set(ref, data);
}

const COLLECTION = 'unitStats';

export const unitStatsConverter = zodConverter(UnitStats, (s) => s.unitCode);

interface Tree {
  [key: string]: Tree | FieldValue | number | string | boolean | null;
}

const isTree = (x: Tree[string] | undefined): x is Tree =>
  typeof x === 'object' && x !== null && !(x instanceof FieldValue);

/** A nested object holding `leaf` at `path` inside `into` (merged with what is there). */
function put(into: Tree, path: readonly string[], leaf: Tree[string]): void {
  let node = into;
  for (const name of path.slice(0, -1)) {
    const child = node[name];
    if (isTree(child)) {
      node = child;
    } else {
      const created: Tree = {};
      node[name] = created;
      node = created;
    }
  }
  node[path[path.length - 1]!] = leaf;
}

export class UnitStatsStore {
  private readonly c;

  constructor(private readonly db: Firestore) {
    this.c = collections(db);
  }

  /** The typed reference of a unit's statistics. */
  ref(unitCode: string): DocumentReference<UnitStats> {
    return this.db.collection(COLLECTION).doc(unitCode).withConverter(unitStatsConverter);
  }

  private raw(unitCode: string): DocumentReference {
    return this.db.collection(COLLECTION).doc(unitCode);
  }

  /**
   * Writes what a change did to the figures, one merge per unit: the
   * increments of `statsDelta(before, after)` for each person changed and the
   * copy of each quota document written. Nothing when there is neither.
   */
  record(
    w: StatsWriter,
    change: { people?: readonly UnitStatsDelta[]; quotas?: readonly Quota[] },
    at: string,
  ): void {
    const docs = new Map<string, Tree>();
    const docOf = (unitCode: string, provinceCode: string): Tree => {
      const found = docs.get(unitCode);
      if (found) return found;
      const created: Tree = { unitCode, provinceCode, communeCode: communeOf(unitCode), updatedAt: at };
      docs.set(unitCode, created);
      return created;
    };
    // Increments of several people on one path add up (a batch of an import).
    const sums = new Map<string, { unitCode: string; path: readonly string[]; by: number }>();
    for (const d of change.people ?? []) {
      docOf(d.unitCode, d.provinceCode);
      for (const { path, by } of d.increments) {
        const key = JSON.stringify([d.unitCode, ...path]);
        sums.set(key, { unitCode: d.unitCode, path, by: (sums.get(key)?.by ?? 0) + by });
      }
    }
    for (const { unitCode, path, by } of sums.values()) {
      if (by !== 0) put(docs.get(unitCode)!, path, FieldValue.increment(by));
    }
    for (const q of change.quotas ?? []) {
      put(docOf(q.unitCode, q.provinceCode), ['quotas', String(q.year), q.block], { ...quotaFigures(q) });
    }
    for (const [unitCode, data] of docs) setIn(w, this.raw(unitCode), data, { merge: true });
  }

  /** Replaces a unit's document with rebuilt figures. */
  replace(w: StatsWriter, stats: UnitStats): void {
    setIn(w, this.ref(stats.unitCode), stats);
  }

  async find(unitCode: string): Promise<UnitStats | undefined> {
    return (await this.ref(unitCode).get()).data();
  }

  /** Every statistics document of a province. */
  async ofProvince(provinceCode: string): Promise<UnitStats[]> {
    const snap = await this.db
      .collection(COLLECTION)
      .withConverter(unitStatsConverter)
      .where('provinceCode', '==', provinceCode)
      .get();
    return snap.docs.map((d) => d.data());
  }

  /** The codes of every province (the units of level province). */
  async provinces(): Promise<string[]> {
    const snap = await this.c.units.where('level', '==', 'province').get();
    return snap.docs.map((d) => d.data().code).sort();
  }

  /** How many people and quota documents a province has (for a job's progress). */
  async sizeOf(provinceCode: string): Promise<{ people: number; quotas: number }> {
    const [people, quotas] = await Promise.all([
      this.c.cadres.where('provinceCode', '==', provinceCode).count().get(),
      this.c.quotas.where('provinceCode', '==', provinceCode).count().get(),
    ]);
    return { people: people.data().count, quotas: quotas.data().count };
  }

  /** The people of a province, a page at a time (by id). */
  peoplePages(provinceCode: string, size: number): AsyncGenerator<Cadre[]> {
    return pages(this.c.cadres.where('provinceCode', '==', provinceCode), size);
  }

  /** The quota documents of a province, every year, a page at a time (by id). */
  quotaPages(provinceCode: string, size: number): AsyncGenerator<Quota[]> {
    return pages(this.c.quotas.where('provinceCode', '==', provinceCode), size);
  }
}

/** Pages of a query ordered by document id, each read after the last id of the one before. */
async function* pages<T>(query: Query<T>, size: number): AsyncGenerator<T[]> {
  let last: string | undefined;
  for (;;) {
    let q = query.orderBy(FieldPath.documentId()).limit(size);
    if (last !== undefined) q = q.startAfter(last);
    const snap = await q.get();
    if (snap.empty) return;
    yield snap.docs.map((d) => d.data());
    if (snap.size < size) return;
    last = snap.docs[snap.docs.length - 1]!.id;
  }
}
