/**
 * Transactions and their locks (emulator/README.md, "Transactions and locks").
 *
 * Model: pessimistic, like Firestore's server transactions and the official
 * emulator. A read-write transaction takes a SHARED lock on every document it
 * reads (found or missing) and, for a query or a ListDocuments, a shared lock
 * on every collection with that collection id, so that a document written
 * later into the result set (a phantom) conflicts too. Two readers both read;
 * a writer needs the document EXCLUSIVELY, so it waits for every other reader
 * (and for every query lock on its collection id).
 *
 * Conflicts between transactions are resolved by wound-wait, as production
 * does: an older transaction that needs a lock aborts (wounds) younger
 * holders; a younger one waits. A retried transaction (`retryTransaction`)
 * keeps the age of the attempt it retries, so it cannot starve, and
 * wound-wait cannot deadlock (two readers upgrading to writers: the older
 * wins at once instead of both waiting for the 2 s timeout). A wait lasts at
 * most `lockTimeoutMs` (2 s, as the official emulator), then answers ABORTED
 * "Transaction lock timeout." and ends the waiter.
 *
 * A retried transaction (one begun with `retryTransaction`) reads with UPDATE
 * locks instead: compatible with shared locks, not with each other. Its
 * earlier attempt was aborted by contention, so it is known to write what it
 * reads; without this, every retry wave of N transactions that read one
 * document would again let all N read and abort N-1 of them, and clients give
 * up after a few attempts. First attempts keep plain shared locks, which is
 * what the recordings show (two transactions both read the same document).
 *
 * Plain (non-transactional) writes wait for conflicting locks the same way and
 * never wound; when they time out, the client's retry policy (ABORTED is
 * retried for non-transactional commits) tries again, and an abandoned lock is
 * released by idle expiry, so a plain write is never refused forever.
 *
 * Read-only transactions take no locks: they read the snapshot of their start
 * (`readTime`), kept by the store's version history.
 *
 * Locks are only ever taken for a request the security rules allowed (the
 * service judges rules first), so that a denied request leaves no trace here.
 */
import { Code, EmulatorError } from './errors';

/** A lockable resource: a document path, or all collections with one id. */
export type LockTarget = { doc: string; collectionId: string } | { collection: string };

/**
 * Reads lock shared (update for a retried transaction), writes exclusive.
 * Collection (query) locks are shared or update, never exclusive.
 */
export type LockMode = 'shared' | 'update' | 'exclusive';

const EXPIRED_MESSAGE = 'The referenced transaction has expired or is no longer valid.';
const TIMEOUT_MESSAGE = 'Transaction lock timeout.';

/** One transaction's state. */
export class Transaction {
  state: 'active' | 'ended' = 'active';
  lastUsed = Date.now();
  /** Documents read (shared locks). */
  readonly docLocks = new Set<string>();
  /** Documents read by a retried transaction (update locks). */
  readonly updateLocks = new Set<string>();
  /** Documents being written (exclusive locks, held only while a commit installs). */
  readonly exclusiveLocks = new Set<string>();
  readonly collectionLocks = new Set<string>();
  readonly collectionUpdateLocks = new Set<string>();
  /** Begun with `retryTransaction`: its reads take update locks. */
  retry = false;
  /** Read-only transactions: the snapshot they read, in microseconds. */
  readTime: number | undefined;
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

  /** The mode of this transaction's reads. */
  get readMode(): LockMode {
    return this.retry ? 'update' : 'shared';
  }

  get holdsLocks(): boolean {
    return (
      this.docLocks.size +
        this.updateLocks.size +
        this.exclusiveLocks.size +
        this.collectionLocks.size +
        this.collectionUpdateLocks.size >
      0
    );
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

/** What `lockTable()` shows: every held lock and how many transactions hold it. */
export interface LockTableView {
  documents: { path: string; mode: LockMode; holders: number }[];
  collections: { collectionId: string; mode: LockMode; holders: number }[];
}

/** Whether bytes are a transaction id of this emulator: 0x11 and a 64-bit counter. */
export function isTransactionId(id: Buffer | undefined): id is Buffer {
  return id !== undefined && id.length === 9 && id[0] === 0x11;
}

function addTo<K>(map: Map<K, Set<Transaction>>, key: K, txn: Transaction): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(txn);
}

function removeFrom<K>(map: Map<K, Set<Transaction>>, key: K, txn: Transaction): void {
  const set = map.get(key);
  if (set?.delete(txn) && set.size === 0) map.delete(key);
}

/** Transactions and locks of one database. */
export class TransactionManager {
  private readonly transactions = new Map<string, Transaction>();
  private readonly sharedDocs = new Map<string, Set<Transaction>>();
  private readonly updateDocs = new Map<string, Set<Transaction>>();
  private readonly updateCollections = new Map<string, Set<Transaction>>();
  private readonly exclusiveDocs = new Map<string, Transaction>();
  private readonly sharedCollections = new Map<string, Set<Transaction>>();
  /** collection id -> transactions holding exclusive document locks in such collections. */
  private readonly exclusiveByCollection = new Map<string, Set<Transaction>>();
  /** Active read-only transactions (their snapshots keep versions alive). */
  private readonly readOnlyActive = new Set<Transaction>();
  private lastSweep = 0;
  private waiters: Waiter[] = [];
  private counter = 0n;
  private priorityCounter = 0;
  private readonly options: TransactionOptions;

  constructor(options: Partial<TransactionOptions> = {}) {
    this.options = { lockTimeoutMs: 2000, idleExpiryMs: 60_000, ...options };
  }

  /**
   * Starts a transaction; `retryOf` is the id of the attempt it retries.
   * Malformed retry ids are INVALID_ARGUMENT "Invalid transaction." (as recorded).
   */
  begin(readOnly: boolean, retryOf?: Buffer): Transaction {
    if (retryOf !== undefined && retryOf.length > 0 && !isTransactionId(retryOf)) {
      throw new EmulatorError(Code.INVALID_ARGUMENT, 'Invalid transaction.');
    }
    this.counter++;
    const id = Buffer.alloc(9);
    id[0] = 0x11;
    id.writeBigUInt64LE(this.counter, 1);
    const previous = retryOf?.length ? this.transactions.get(retryOf.toString('hex')) : undefined;
    if (previous) this.end(previous);
    const priority = previous ? previous.priority : ++this.priorityCounter;
    const txn = new Transaction(id, readOnly, priority);
    txn.retry = Boolean(retryOf?.length);
    this.transactions.set(txn.key, txn);
    if (readOnly) this.readOnlyActive.add(txn);
    this.sweep();
    return txn;
  }

  /**
   * Finds an active transaction. Malformed ids are INVALID_ARGUMENT; unknown,
   * ended or expired ones ABORTED, so that the client's retry loop starts over.
   */
  get(id: Buffer): Transaction {
    if (!isTransactionId(id)) {
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
    const holds = txn.holdsLocks;
    if (txn.state === 'ended' && !holds) return;
    txn.state = 'ended';
    this.readOnlyActive.delete(txn);
    for (const doc of txn.docLocks) removeFrom(this.sharedDocs, doc, txn);
    for (const doc of txn.updateLocks) removeFrom(this.updateDocs, doc, txn);
    for (const coll of txn.collectionUpdateLocks) removeFrom(this.updateCollections, coll, txn);
    for (const doc of txn.exclusiveLocks) {
      if (this.exclusiveDocs.get(doc) === txn) this.exclusiveDocs.delete(doc);
      removeFrom(this.exclusiveByCollection, collectionIdOf(doc), txn);
    }
    for (const coll of txn.collectionLocks) removeFrom(this.sharedCollections, coll, txn);
    txn.docLocks.clear();
    txn.updateLocks.clear();
    txn.exclusiveLocks.clear();
    txn.collectionLocks.clear();
    txn.collectionUpdateLocks.clear();
    txn.cancelWait?.(new EmulatorError(Code.ABORTED, EXPIRED_MESSAGE));
    if (holds) this.wakeAll();
  }

  private isExpired(txn: Transaction): boolean {
    return Date.now() - txn.lastUsed > this.options.idleExpiryMs;
  }

  /** Ends idle transactions and forgets ended ones after a while (at most once a second). */
  private sweep(): void {
    const now = Date.now();
    if (now - this.lastSweep < 1000) return;
    this.lastSweep = now;
    for (const [key, txn] of this.transactions) {
      if (txn.state === 'active' && this.isExpired(txn)) this.end(txn);
      if (txn.state === 'ended' && now - txn.lastUsed > 10 * 60_000) this.transactions.delete(key);
    }
  }

  /** Transactions other than `self` holding a lock that conflicts with `target` in `mode`. */
  private conflicts(self: Transaction | undefined, target: LockTarget, mode: LockMode): Set<Transaction> {
    const out = new Set<Transaction>();
    const add = (t: Transaction | undefined) => {
      if (!t || t === self) return;
      if (this.isExpired(t)) {
        this.end(t);
        return;
      }
      out.add(t);
    };
    const addAll = (set: Set<Transaction> | undefined) => {
      if (set) for (const t of [...set]) add(t);
    };
    // Shared is compatible with shared and update; update is not compatible
    // with update; exclusive with nothing.
    if ('doc' in target) {
      add(this.exclusiveDocs.get(target.doc));
      if (mode !== 'shared') addAll(this.updateDocs.get(target.doc));
      if (mode === 'exclusive') {
        addAll(this.sharedDocs.get(target.doc));
        addAll(this.sharedCollections.get(target.collectionId));
        addAll(this.updateCollections.get(target.collectionId));
      }
    } else {
      addAll(this.exclusiveByCollection.get(target.collection));
      if (mode !== 'shared') addAll(this.updateCollections.get(target.collection));
    }
    return out;
  }

  private grant(txn: Transaction, target: LockTarget, mode: LockMode): void {
    if ('doc' in target) {
      if (mode === 'exclusive') {
        if (txn.exclusiveLocks.has(target.doc)) return;
        txn.exclusiveLocks.add(target.doc);
        this.exclusiveDocs.set(target.doc, txn);
        addTo(this.exclusiveByCollection, target.collectionId, txn);
      } else if (mode === 'update') {
        txn.updateLocks.add(target.doc);
        addTo(this.updateDocs, target.doc, txn);
      } else {
        txn.docLocks.add(target.doc);
        addTo(this.sharedDocs, target.doc, txn);
      }
    } else if (mode === 'update') {
      txn.collectionUpdateLocks.add(target.collection);
      addTo(this.updateCollections, target.collection, txn);
    } else {
      txn.collectionLocks.add(target.collection);
      addTo(this.sharedCollections, target.collection, txn);
    }
  }

  /**
   * One attempt: wounds younger holders (for a transaction) and grants every
   * target if nothing older remains in the way. Returns the holders left.
   */
  private attempt(txn: Transaction | undefined, targets: LockTarget[], mode: LockMode): Set<Transaction> {
    if (txn && txn.state === 'ended') throw new EmulatorError(Code.ABORTED, EXPIRED_MESSAGE);
    const holders = new Set<Transaction>();
    for (const target of targets) for (const h of this.conflicts(txn, target, mode)) holders.add(h);
    if (txn) {
      for (const h of holders) {
        if (txn.priority < h.priority) {
          this.end(h);
          holders.delete(h);
        }
      }
    }
    if (holders.size === 0 && txn) for (const target of targets) this.grant(txn, target, mode);
    return holders;
  }

  /**
   * Locks every target for `txn` (wound-wait), or, with `txn` undefined, waits
   * until no transaction holds a conflicting lock (a plain write). The mode
   * defaults to exclusive (a write); reads pass 'shared'.
   */
  async acquire(
    txn: Transaction | undefined,
    targets: LockTarget[],
    mode: LockMode = 'exclusive',
  ): Promise<void> {
    const deadline = Date.now() + this.options.lockTimeoutMs;
    for (;;) {
      if (this.attempt(txn, targets, mode).size === 0) return;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        if (txn) this.end(txn);
        throw new EmulatorError(Code.ABORTED, TIMEOUT_MESSAGE);
      }
      await this.wait(txn, remaining);
    }
  }

  /**
   * Takes read locks at once, for reads that cannot wait (a synchronous
   * ListDocuments). Shared readers only conflict with a commit installing,
   * and a commit installs synchronously once its exclusive locks are granted,
   * so this only finds an older holder for an update lock (a retry); then it
   * answers as a timed-out wait would.
   */
  acquireSharedNow(txn: Transaction, targets: LockTarget[]): void {
    if (this.attempt(txn, targets, txn.readMode).size === 0) return;
    this.end(txn);
    throw new EmulatorError(Code.ABORTED, TIMEOUT_MESSAGE);
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
    this.readOnlyActive.clear();
  }

  /** Every lock held now, sorted (for diagnostics and tests). */
  lockTable(): LockTableView {
    const documents: LockTableView['documents'] = [];
    for (const [path, set] of this.sharedDocs) documents.push({ path, mode: 'shared', holders: set.size });
    for (const [path, set] of this.updateDocs) documents.push({ path, mode: 'update', holders: set.size });
    for (const path of this.exclusiveDocs.keys()) documents.push({ path, mode: 'exclusive', holders: 1 });
    const collections: LockTableView['collections'] = [];
    for (const [collectionId, set] of this.sharedCollections) {
      collections.push({ collectionId, mode: 'shared', holders: set.size });
    }
    for (const [collectionId, set] of this.updateCollections) {
      collections.push({ collectionId, mode: 'update', holders: set.size });
    }
    documents.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.mode < b.mode ? -1 : 1));
    collections.sort((a, b) =>
      a.collectionId < b.collectionId ? -1 : a.collectionId > b.collectionId ? 1 : a.mode < b.mode ? -1 : 1,
    );
    return { documents, collections };
  }

  /** Read times of active read-only transactions (the store keeps their versions). */
  activeSnapshots(): number[] {
    const out: number[] = [];
    for (const t of this.readOnlyActive) {
      if (t.readTime !== undefined && !this.isExpired(t)) out.push(t.readTime);
    }
    return out;
  }

  /** Number of transactions still active (for diagnostics and tests). */
  get activeCount(): number {
    let n = 0;
    for (const t of this.transactions.values()) if (t.state === 'active') n++;
    return n;
  }
}

function collectionIdOf(path: string): string {
  const segments = path.split('/');
  return segments[segments.length - 2]!;
}
