/**
 * Repositories with intent-named methods. Methods that take a Transaction
 * read and write inside it, so a service can combine them (quota, movement,
 * audit) into one atomic change.
 */
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import {
  type AuditEntry,
  type Block,
  type Cadre,
  type CadrePrivate,
  type Movement,
  type Quota,
  quotaId,
  type Unit,
} from '@canbo/model';
import { collections, type Collections } from './refs';

export class UnitRepository {
  constructor(private readonly c: Collections) {}

  async findByCode(code: string, tx?: Transaction): Promise<Unit | undefined> {
    const ref = this.c.units.doc(code);
    return (tx ? await tx.get(ref) : await ref.get()).data();
  }

  /** The communes of a province (current units only). */
  async communesOf(provinceCode: string): Promise<Unit[]> {
    const snap = await this.c.units
      .where('parentCode', '==', provinceCode)
      .where('level', '==', 'commune')
      .get();
    return snap.docs.map((d) => d.data());
  }
}

export class QuotaRepository {
  constructor(private readonly c: Collections) {}

  /** The quota of a unit and block for a year, read inside the transaction. */
  async findForUnit(
    tx: Transaction,
    unitCode: string,
    block: Block,
    year: number,
  ): Promise<Quota | undefined> {
    return (await tx.get(this.c.quotas.doc(quotaId(unitCode, block, year)))).data();
  }

  /** Writes the new counts of a quota inside the transaction. */
  save(tx: Transaction, quota: Quota): void {
    tx.set(this.c.quotas.doc(quotaId(quota.unitCode, quota.block, quota.year)), quota);
  }
}

export class CadreRepository {
  constructor(private readonly c: Collections) {}

  async findById(id: string, tx?: Transaction): Promise<Cadre | undefined> {
    const ref = this.c.cadres.doc(id);
    return (tx ? await tx.get(ref) : await ref.get()).data();
  }

  /** The sensitive profile; callers must record why they read it. */
  async findPrivateProfile(id: string, tx?: Transaction): Promise<CadrePrivate | undefined> {
    const ref = this.c.cadrePrivate(id);
    return (tx ? await tx.get(ref) : await ref.get()).data();
  }

  /** People working in a commune now (its own staff and those seconded in). */
  async workingInCommune(communeCode: string): Promise<Cadre[]> {
    const snap = await this.c.cadres.where('communeCode', '==', communeCode).get();
    return snap.docs.map((d) => d.data());
  }

  save(tx: Transaction, cadre: Cadre): void {
    tx.set(this.c.cadres.doc(cadre.id), cadre);
  }
}

export class MovementRepository {
  constructor(private readonly c: Collections) {}

  async findById(id: string, tx?: Transaction): Promise<Movement | undefined> {
    const ref = this.c.movements.doc(id);
    return (tx ? await tx.get(ref) : await ref.get()).data();
  }

  /** Movements of one person that are neither finished nor refused (for the "two secondments" rule). */
  async openForCadre(cadreId: string, tx?: Transaction): Promise<Movement[]> {
    const q = this.c.movements
      .where('cadreId', '==', cadreId)
      .where('status', 'in', ['proposed', 'approved', 'active']);
    return (tx ? await tx.get(q) : await q.get()).docs.map((d) => d.data());
  }

  create(tx: Transaction, movement: Movement): void {
    tx.create(this.c.movements.doc(movement.id), movement);
  }

  save(tx: Transaction, movement: Movement): void {
    tx.set(this.c.movements.doc(movement.id), movement);
  }
}

/** The append-only audit log: entries are created, never changed. */
export class AuditLog {
  constructor(private readonly c: Collections) {}

  append(tx: Transaction, entry: AuditEntry): void {
    tx.create(this.c.audit.doc(entry.id), entry);
  }
}

/** Every repository over one database. */
export function repositories(db: Firestore) {
  const c = collections(db);
  return {
    units: new UnitRepository(c),
    quotas: new QuotaRepository(c),
    cadres: new CadreRepository(c),
    movements: new MovementRepository(c),
    audit: new AuditLog(c),
    collections: c,
  };
}
