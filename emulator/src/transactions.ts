/**
 * Transactions and their locks.
 *
 * Model: pessimistic, like Firestore's server transactions. A read-write
 * transaction locks every document it reads (found or missing) and, for a
 * query, every collection with the query's collection id, so that a document
 * written later into the result set (a phantom) conflicts too. Locks are
 * exclusive and conflicts are resolved by wound-wait: an older transaction
 * that needs a lock aborts (wounds) younger holders; a younger one waits. A
 * retried transaction (`retryTransaction`) keeps the age of the attempt it
 * retries, so it cannot starve, and wound-wait cannot deadlock. A wait lasts
 * at most `lockTimeoutMs` (2 s, as the official emulator), then answers
 * ABORTED "Transaction lock timeout." and ends the waiter.
 *
 * Plain (non-transactional) writes wait for conflicting locks the same way and
 * never wound; when they time out, the client's retry policy (ABORTED is
 * retried for non-transactional commits) tries again, and an abandoned lock is
 * released by idle expiry, so a plain write is never refused forever.
 *
 * Read-only transactions take no locks.
 */
import { Code, EmulatorError } from './errors';

/** A lockable resource: a document path, or all collections with one id. */
export type LockTarget = { doc: string; collectionId: string } | { collection: string };

const EXPIRED_MESSAGE = 'The referenced transaction has expired or is no longer valid.';
const TIMEOUT_MESSAGE = 'Transaction lock timeout.';

/** One transaction's state. */
export class Transaction {
  state: 'active' | 'ended' = 'active';
  lastUsed = Date.now();
  readonly docLocks = new Set<string>();
  readonly collectionLocks = new Set<string>();
  /** Rejects the pending lock wait, if any, when the transaction is wounded. */
  cancelWait: ((err: EmulatorError) => void) | undefined;

  constructor(
    readonly id: Buffer,
    readonly readOnly: boolean,
    /** Lower is older; inherited by retries. */
    readonly priority: number,
  ) {}

  get key(): string {
    return this.id.toString('hex');
  }
}

interface Waiter {
  priority: number;
  wake: () => void;
}

/** Options of the transaction manager (defaults follow the official emulator). */
export interface TransactionOptions {
  lockTimeoutMs: number;
  idleExpiryMs: number;
}

/** Transactions and locks of one database. */
export class TransactionManager {
  private readonly transactions = new Map<string, Transaction>();
  private readonly docHolders = new Map<string, Transaction>();
  private readonly collectionHolders = new Map<string, Transaction>();
  /** collection id -> transactions holding document locks in such collections. */
  private readonly docHoldersByCollection = new Map<string, Map<Transaction, number>>();
  private waiters: Waiter[] = [];
  private counter = 0n;
  private priorityCounter = 0;
  private readonly options: TransactionOptions;

  constructor(options: Partial<TransactionOptions> = {}) {
    this.options = { lockTimeoutMs: 2000, idleExpiryMs: 60_000, ...options };
  }

  /** Starts a transaction; `retryOf` is the id of the attempt it retries. */
  begin(readOnly: boolean, retryOf?: Buffer): Transaction {
    this.counter++;
    const id = Buffer.alloc(9);
    id[0] = 0x11;
    id.writeBigUInt64LE(this.counter, 1);
    const previous = retryOf ? this.transactions.get(retryOf.toString('hex')) : undefined;
    if (previous) this.end(previous);
    const priority = previous ? previous.priority : ++this.priorityCounter;
    const txn = new Transaction(id, readOnly, priority);
    this.transactions.set(txn.key, txn);
    this.sweep();
    return txn;
  }

  /**
   * Finds an active transaction. Malformed ids are INVALID_ARGUMENT; unknown,
   * ended or expired ones ABORTED, so that the client's retry loop starts over.
   */
  get(id: Buffer): Transaction {
    if (id.length !== 9 || id[0] !== 0x11) {
      throw new EmulatorError(Code.INVALID_ARGUMENT, 'Invalid transaction.');
    }
    const txn = this.transactions.get(id.toString('hex'));
    if (!txn || txn.state === 'ended' || this.isExpired(txn)) {
      if (txn) this.end(txn);
      throw new EmulatorError(Code.ABORTED, EXPIRED_MESSAGE);
    }
    txn.lastUsed = Date.now();
    return txn;
  }

  /** Ends a transaction (commit, rollback, abort) and releases its locks. Idempotent. */
  end(txn: Transaction): void {
    if (txn.state === 'ended' && txn.docLocks.size === 0 && txn.collectionLocks.size === 0) return;
    txn.state = 'ended';
    for (const doc of txn.docLocks) {
      if (this.docHolders.get(doc) === txn) this.docHolders.delete(doc);
    }
    for (const coll of txn.collectionLocks) {
      if (this.collectionHolders.get(coll) === txn) this.collectionHolders.delete(coll);
    }
    for (const [coll, holders] of this.docHoldersByCollection) {
      if (holders.delete(txn) && holders.size === 0) this.docHoldersByCollection.delete(coll);
    }
    txn.docLocks.clear();
    txn.collectionLocks.clear();
    txn.cancelWait?.(new EmulatorError(Code.ABORTED, EXPIRED_MESSAGE));
    this.wakeAll();
  }

  private isExpired(txn: Transaction): boolean {
    return Date.now() - txn.lastUsed > this.options.idleExpiryMs;
  }

  /** Ends idle transactions and forgets ended ones after a while. */
  private sweep(): void {
    const now = Date.now();
    for (const [key, txn] of this.transactions) {
      if (txn.state === 'active' && this.isExpired(txn)) this.end(txn);
      if (txn.state === 'ended' && now - txn.lastUsed > 10 * 60_000) this.transactions.delete(key);
    }
  }

  /** Transactions other than `self` holding a lock that conflicts with `target`. */
  private conflicts(self: Transaction | undefined, target: LockTarget): Set<Transaction> {
    const out = new Set<Transaction>();
    const add = (t: Transaction | undefined) => {
      if (!t || t === self) return;
      if (this.isExpired(t)) {
        this.end(t);
        return;
      }
      out.add(t);
    };
    if ('doc' in target) {
      add(this.docHolders.get(target.doc));
      add(this.collectionHolders.get(target.collectionId));
    } else {
      add(this.collectionHolders.get(target.collection));
      for (const t of this.docHoldersByCollection.get(target.collection)?.keys() ?? []) add(t);
    }
    return out;
  }

  private grant(txn: Transaction, target: LockTarget): void {
    if ('doc' in target) {
      if (txn.docLocks.has(target.doc)) return;
      txn.docLocks.add(target.doc);
      this.docHolders.set(target.doc, txn);
      let holders = this.docHoldersByCollection.get(target.collectionId);
      if (!holders) this.docHoldersByCollection.set(target.collectionId, (holders = new Map()));
      holders.set(txn, (holders.get(txn) ?? 0) + 1);
    } else {
      txn.collectionLocks.add(target.collection);
      this.collectionHolders.set(target.collection, txn);
    }
  }

  /**
   * Locks every target for `txn` (wound-wait), or, with `txn` undefined, waits
   * until no transaction holds a conflicting lock (a plain write).
   */
  async acquire(txn: Transaction | undefined, targets: LockTarget[]): Promise<void> {
    const deadline = Date.now() + this.options.lockTimeoutMs;
    for (;;) {
      if (txn && txn.state === 'ended') throw new EmulatorError(Code.ABORTED, EXPIRED_MESSAGE);
      const holders = new Set<Transaction>();
      for (const target of targets) for (const h of this.conflicts(txn, target)) holders.add(h);
      if (txn) {
        for (const h of holders) {
          if (txn.priority < h.priority) {
            this.end(h);
            holders.delete(h);
          }
        }
      }
      if (holders.size === 0) {
        if (txn) for (const target of targets) this.grant(txn, target);
        return;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        if (txn) this.end(txn);
        throw new EmulatorError(Code.ABORTED, TIMEOUT_MESSAGE);
      }
      await this.wait(txn, remaining);
    }
  }

  private wait(txn: Transaction | undefined, ms: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        priority: txn?.priority ?? Number.MAX_SAFE_INTEGER,
        wake: () => {
          clearTimeout(timer);
          if (txn) txn.cancelWait = undefined;
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        if (txn) txn.cancelWait = undefined;
        resolve();
      }, ms);
      if (txn) {
        txn.cancelWait = (err) => {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== waiter);
          txn.cancelWait = undefined;
          reject(err);
        };
      }
      this.waiters.push(waiter);
    });
  }

  /** Wakes every waiter, oldest transaction first, to re-check its locks. */
  private wakeAll(): void {
    if (this.waiters.length === 0) return;
    const waiters = this.waiters.sort((a, b) => a.priority - b.priority);
    this.waiters = [];
    for (const w of waiters) w.wake();
  }

  /** Forgets every transaction and lock (used when a database is cleared). */
  reset(): void {
    for (const txn of this.transactions.values()) this.end(txn);
    this.transactions.clear();
  }

  /** Number of transactions still active (for diagnostics and tests). */
  get activeCount(): number {
    let n = 0;
    for (const t of this.transactions.values()) if (t.state === 'active') n++;
    return n;
  }
}
