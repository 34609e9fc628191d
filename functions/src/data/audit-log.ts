/**
 * The append-only audit log (docs/data-model.md, `audit/`): who, what, on
 * which document, before and after, why, when. Every mutation writes its
 * entry through this one class, inside the transaction of the change when the
 * change is in Firestore.
 */
import type { Transaction } from 'firebase-admin/firestore';
import { AuditEntry } from '@canbo/model';
import type { ServiceDeps } from '../lib/deps';
import type { Collections } from './refs';

export interface AuditRecord {
  actor: { uid: string; role: string; province: string };
  /** e.g. `movement.approve`, `user.setScope`. */
  action: string;
  /** The document or account changed, e.g. `movements/{id}`, `users/{uid}`. */
  target: string;
  before: unknown;
  after: unknown;
  reason: string;
}

/** A plain-JSON copy of a value, as the audit entry stores it (null stays null). */
function snapshot(value: unknown): AuditEntry['before'] {
  return value === null || value === undefined
    ? null
    : AuditEntry.shape.before.parse(JSON.parse(JSON.stringify(value)));
}

export class AuditLog {
  constructor(
    private readonly c: Collections,
    private readonly deps: ServiceDeps,
  ) {}

  private entry(record: AuditRecord): AuditEntry {
    return {
      id: this.deps.newId('audit'),
      provinceCode: record.actor.province,
      actor: { uid: record.actor.uid, role: record.actor.role },
      action: record.action,
      target: record.target,
      before: snapshot(record.before),
      after: snapshot(record.after),
      reason: record.reason,
      at: this.deps.clock.now().toISOString(),
    };
  }

  /** Records a change made in the same transaction: both are committed or neither. */
  append(tx: Transaction, record: AuditRecord): AuditEntry {
    const entry = this.entry(record);
    tx.create(this.c.audit.doc(entry.id), entry);
    return entry;
  }

  /** Records a change made outside Firestore (Auth custom claims), after it was made. */
  async write(record: AuditRecord): Promise<AuditEntry> {
    const entry = this.entry(record);
    await this.c.audit.doc(entry.id).create(entry);
    return entry;
  }
}
