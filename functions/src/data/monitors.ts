/**
 * Area monitors (issue 13, docs/monitors.md): typed refs with zod converters
 * for `monitorAssignments` and `monitorLog`, and the repository the monitor
 * use cases (services/monitors) read and write through. The monitor's current
 * communes live in `userScopes/{uid}` (repositories.ts, UserScopeRepository).
 */
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import { MonitorAssignment, MonitorLogEntry } from '@canbo/model';
import { zodConverter } from './converter';

export const monitorConverters = {
  assignments: zodConverter(MonitorAssignment, (a) => a.id),
  log: zodConverter(MonitorLogEntry, (e) => e.id),
};

export function monitorCollections(db: Firestore) {
  return {
    assignments: db.collection('monitorAssignments').withConverter(monitorConverters.assignments),
    log: db.collection('monitorLog').withConverter(monitorConverters.log),
  };
}
export type MonitorCollections = ReturnType<typeof monitorCollections>;

export class MonitorRepository {
  readonly c: MonitorCollections;

  constructor(db: Firestore) {
    this.c = monitorCollections(db);
  }

  /** The monitor's current assignment (`to: null`), if any; at most one exists. */
  async currentAssignment(tx: Transaction, monitorUid: string): Promise<MonitorAssignment | undefined> {
    const q = this.c.assignments.where('monitorUid', '==', monitorUid).where('to', '==', null);
    const snap = await tx.get(q);
    return snap.docs[0]?.data();
  }

  /** A monitor's assignments of one province, newest first (the history). */
  async history(provinceCode: string, monitorUid: string): Promise<MonitorAssignment[]> {
    const snap = await this.c.assignments
      .where('provinceCode', '==', provinceCode)
      .where('monitorUid', '==', monitorUid)
      .orderBy('from', 'desc')
      .get();
    return snap.docs.map((d) => d.data());
  }

  saveAssignment(tx: Transaction, a: MonitorAssignment): void {
    tx.set(this.c.assignments.doc(a.id), a);
  }

  async findEntry(id: string, tx?: Transaction): Promise<MonitorLogEntry | undefined> {
    const ref = this.c.log.doc(id);
    return (tx ? await tx.get(ref) : await ref.get()).data();
  }

  createEntry(tx: Transaction, e: MonitorLogEntry): void {
    tx.create(this.c.log.doc(e.id), e);
  }

  saveEntry(tx: Transaction, e: MonitorLogEntry): void {
    tx.set(this.c.log.doc(e.id), e);
  }

  /** Every entry of a monitor dated within [from, to] (for the monitor's report). */
  async entriesBy(
    provinceCode: string,
    monitorUid: string,
    from: string,
    to: string,
  ): Promise<MonitorLogEntry[]> {
    const snap = await this.c.log
      .where('provinceCode', '==', provinceCode)
      .where('monitorUid', '==', monitorUid)
      .where('date', '>=', from)
      .where('date', '<=', to)
      .orderBy('date', 'asc')
      .get();
    return snap.docs.map((d) => d.data());
  }
}
