/**
 * The Firestore API, independent of transport: the gRPC server and the REST
 * handler both decode requests into the shapes of types.ts and call these
 * methods. Databases are created on first use and isolated by
 * (project, database).
 */
import { OWNER, type Principal } from './auth';
import { Code, EmulatorError, invalid } from './errors';
import { parseFieldPath, projectFields } from './fieldpath';
import { checkQueryIndexes, missingIndexError, type IndexConfig } from './indexes';
import {
  autoId,
  compareSegmentLists,
  databaseName,
  documentsRoot,
  parseDocumentName,
  parseName,
  validateCollectionId,
  type DatabaseId,
} from './paths';
import {
  aggregate,
  executeQuery,
  prepareQuery,
  hasNextPage,
  selectFields,
  validateAggregations,
  validateListDocuments,
  withAggregatedFields,
} from './query';
import { Database, emptyCounts, VERSION_RETENTION_MS, type OperationCounts, type StoredDoc } from './store';
import {
  isTransactionId,
  TransactionManager,
  type LockTarget,
  type Transaction,
  type TransactionOptions,
} from './transactions';
import type {
  ConsistencySelector,
  Fields,
  Precondition,
  ProtoDocument,
  ProtoTimestamp,
  ProtoWrite,
  StructuredAggregationQuery,
  StructuredQuery,
  TransactionOptions as ProtoTransactionOptions,
} from './types';
import { microsToTimestamp, timestampToMicros } from './values';
import type { AccessControl } from './rules/access';
import {
  applyWrites,
  checkBatchWrites,
  checkVerifyConflicts,
  installStaged,
  resolveWrite,
  stageWrites,
} from './writes';

/** One database's documents and transactions. */
export interface DatabaseState {
  db: Database;
  txns: TransactionManager;
}

/** A found or missing document in a BatchGet answer. */
export interface BatchGetResult {
  found?: ProtoDocument;
  missing?: string;
}

/** Common envelope of reads: the transaction begun for the request, if any, and the read time. */
export interface ReadEnvelope {
  transaction?: Buffer;
  readTime: ProtoTimestamp;
}

export interface WriteResultShape {
  updateTime?: ProtoTimestamp;
  transformResults?: unknown[];
}

export interface CommitResponseShape {
  writeResults: WriteResultShape[];
  commitTime: ProtoTimestamp;
}

export interface ServiceOptions {
  transactions?: Partial<TransactionOptions>;
  /** How long replaced versions stay readable (ms, at least the 60 s default). */
  versionRetentionMs?: number;
  /** Security rules for non-owner principals; without it every request is allowed. */
  access?: AccessControl;
  /**
   * Declared indexes (firestore.indexes.json): when set, a query no index serves is refused
   * with FAILED_PRECONDITION, as production does (indexes.ts). Without it, nothing is checked.
   */
  indexes?: IndexConfig;
}

/** Parses `projects/p/databases/d`. */
export function parseDatabaseName(name: string | undefined): DatabaseId {
  const m = /^projects\/([^/]+)\/databases\/([^/]+)$/.exec(name ?? '');
  if (!m) throw invalid(`Invalid database name: "${name ?? ''}"`);
  return { project: m[1]!, database: decodeURIComponent(m[2]!) };
}

function toProtoDoc(root: string, doc: StoredDoc, fields: Fields = doc.fields): ProtoDocument {
  return {
    name: `${root}/${doc.path}`,
    fields,
    createTime: microsToTimestamp(doc.createTime),
    updateTime: microsToTimestamp(doc.updateTime),
  };
}

function maskFields(fields: Fields, mask: { fieldPaths?: string[] } | undefined): Fields {
  if (!mask) return fields;
  return projectFields(fields, (mask.fieldPaths ?? []).map(parseFieldPath));
}

/** Changes of one commit, in the order they were installed (for the journal). */
export interface CommitRecord {
  db: DatabaseId;
  changes: [path: string, doc: StoredDoc | undefined][];
}

/** Where the emulator reads: a database, possibly as it was at an earlier time. */
interface ReadScope {
  txn: Transaction | undefined;
  /** The transaction begun by this request (`newTransaction`), ended if the request fails. */
  begun: Transaction | undefined;
  /** The database to read: the state itself, or a view at a read time. */
  view: DatabaseState;
  /** The read time to answer with, in microseconds (undefined: now). */
  at: number | undefined;
}

/** The emulated Firestore service. */
export class FirestoreService {
  private readonly databases = new Map<string, DatabaseState>();
  /**
   * Persistence: called with the changes of every commit, before it is
   * answered; the answer waits for the returned promise (the journal's fsync).
   * `clear` records that a project's databases were cleared.
   */
  durability:
    | {
        commit(record: CommitRecord): Promise<void> | void;
        clear(project: string): Promise<void> | void;
      }
    | undefined;

  constructor(private readonly options: ServiceOptions = {}) {
    this.indexes = options.indexes;
  }

  /** The index configuration every project is checked against (undefined: no check). */
  indexes: IndexConfig | undefined;
  /** Per-project configurations set through the emulator endpoint; `null` turns the check off. */
  private readonly projectIndexes = new Map<string, IndexConfig | null>();

  /** Sets (or with undefined, resets to the default) one project's index configuration. */
  setProjectIndexes(project: string, config: IndexConfig | null | undefined): void {
    if (config === undefined) this.projectIndexes.delete(project);
    else this.projectIndexes.set(project, config);
  }

  /** Refuses a query that no declared or automatic index serves (FAILED_PRECONDITION). */
  private checkIndexes(project: string, query: StructuredQuery): void {
    const config = this.projectIndexes.has(project) ? this.projectIndexes.get(project) : this.indexes;
    if (!config) return;
    const verdict = checkQueryIndexes(config, query);
    if (!verdict.ok) throw missingIndexError(verdict);
  }

  /** The state of a database, created on first use. */
  database(id: DatabaseId): DatabaseState {
    const key = databaseName(id);
    let state = this.databases.get(key);
    if (!state) {
      state = { db: new Database(id), txns: new TransactionManager(this.options.transactions) };
      this.databases.set(key, state);
    }
    return state;
  }

  /** Every database that has been used. */
  allDatabases(): DatabaseState[] {
    return [...this.databases.values()];
  }

  /** Deletes every document of a project's databases and ends their transactions. */
  clearProject(project: string): void {
    for (const state of this.databases.values()) {
      if (state.db.id.project !== project) continue;
      state.txns.reset();
      state.db.clear();
    }
    void this.durability?.clear(project);
    for (const state of this.databases.values()) {
      if (state.db.id.project !== project) continue;
      this.notify({ db: state.db.id, changes: [], cleared: true });
    }
  }

  /**
   * Called after every durable commit with its changes, and after a clear (`cleared`):
   * what the Listen streams watch (listen.ts). Returns a function that stops observing.
   */
  observe(fn: (record: CommitRecord & { cleared?: boolean }) => void): () => void {
    this.observers.add(fn);
    return () => this.observers.delete(fn);
  }

  private readonly observers = new Set<(record: CommitRecord & { cleared?: boolean }) => void>();

  /** An observer's failure never fails the commit, which is already durable. */
  private notify(record: CommitRecord & { cleared?: boolean }): void {
    for (const observe of this.observers) {
      try {
        observe(record);
      } catch {
        // A listener that cannot follow a change is re-evaluated at the next one.
      }
    }
  }

  /**
   * Installs a commit's changes (synchronously, in `install`), then waits
   * until they are durable. Versions older than the retention that no
   * read-only transaction still reads are forgotten here.
   */
  private async installDurably<T>(state: DatabaseState, install: () => T): Promise<T> {
    const changes: [string, StoredDoc | undefined][] = [];
    state.db.onPut = (path, doc) => changes.push([path, doc]);
    let result: T;
    try {
      result = install();
    } finally {
      state.db.onPut = undefined;
    }
    this.prune(state);
    if (changes.length > 0 && this.durability) await this.durability.commit({ db: state.db.id, changes });
    if (changes.length > 0) this.notify({ db: state.db.id, changes });
    return result;
  }

  private get retentionMicros(): number {
    return Math.max(VERSION_RETENTION_MS, this.options.versionRetentionMs ?? 0) * 1000;
  }

  private prune(state: DatabaseState): void {
    let horizon = Date.now() * 1000 - this.retentionMicros;
    for (const t of state.txns.activeSnapshots()) if (t < horizon) horizon = t;
    state.db.prune(horizon);
  }

  /**
   * Validates a requested read time (microseconds): not in the future, and
   * not older than the versions kept (answers as the official emulator does).
   */
  private checkReadTime(state: DatabaseState, micros: number): number {
    const now = Date.now() * 1000;
    if (micros > Math.max(now, state.db.readTime())) {
      throw invalid("The requested 'read_time' cannot be in the future.");
    }
    const keptSince = Math.max(now - this.retentionMicros, state.db.keptSince);
    if (micros < keptSince) {
      throw new EmulatorError(Code.FAILED_PRECONDITION, "The requested 'read_time' is too old.");
    }
    return micros;
  }

  /** Operation counts of a project, summed over its databases. */
  counts(project: string): OperationCounts {
    const total = emptyCounts();
    for (const state of this.databases.values()) {
      if (state.db.id.project !== project) continue;
      for (const k of Object.keys(total) as (keyof OperationCounts)[]) total[k] += state.db.counts[k];
    }
    return total;
  }

  resetCounts(project: string): void {
    for (const state of this.databases.values()) {
      if (state.db.id.project === project) state.db.counts = emptyCounts();
    }
  }

  /**
   * Resolves where a read runs: in an existing transaction, a new one, or
   * none; and at which time (a read-only transaction's snapshot, a requested
   * `readTime`, or now).
   */
  private readScope(state: DatabaseState, sel: ConsistencySelector): ReadScope {
    let txn: Transaction | undefined;
    let begun: Transaction | undefined;
    let at: number | undefined;
    if (sel.newTransaction) {
      txn = begun = this.beginIn(state, sel.newTransaction);
    } else if (sel.transaction && sel.transaction.length > 0) {
      txn = state.txns.get(sel.transaction);
    } else if (sel.readTime) {
      at = this.checkReadTime(state, timestampToMicros(sel.readTime));
    }
    if (txn?.readOnly) at = txn.readTime;
    const view = at === undefined ? state : { ...state, db: state.db.at(at) };
    return { txn, begun, view, at };
  }

  /** Ends a transaction begun by a request that then failed: its id was never given out. */
  private abandon(state: DatabaseState, scope: ReadScope): void {
    if (scope.begun) state.txns.end(scope.begun);
  }

  private beginIn(state: DatabaseState, options: ProtoTransactionOptions | undefined): Transaction {
    const readOnly = Boolean(options?.readOnly);
    const readTime = options?.readOnly?.readTime;
    const at = readTime ? this.checkReadTime(state, timestampToMicros(readTime)) : undefined;
    const txn = state.txns.begin(readOnly, options?.readWrite?.retryTransaction);
    if (readOnly) txn.readTime = at ?? state.db.readTime();
    return txn;
  }

  private readTime(state: DatabaseState, at?: number): ProtoTimestamp {
    return microsToTimestamp(at ?? state.db.readTime());
  }

  async batchGetDocuments(
    req: {
      database?: string;
      documents?: string[];
      mask?: { fieldPaths?: string[] };
    } & ConsistencySelector,
    principal: Principal = OWNER,
  ): Promise<ReadEnvelope & { results: BatchGetResult[] }> {
    const id = parseDatabaseName(req.database);
    const state = this.database(id);
    const names = req.documents ?? [];
    const paths = names.map((name) => {
      const parsed = parseDocumentName(name);
      if (databaseName(parsed.db) !== databaseName(id))
        throw invalid(`Document "${name}" is not in ${databaseName(id)}.`);
      return parsed.segments.join('/');
    });
    const scope = this.readScope(state, req);
    const { txn, view } = scope;
    try {
      // Rules first: a denied request takes no lock (deny before lock).
      this.options.access?.checkGets(view, principal, paths);
      if (txn && !txn.readOnly) {
        await state.txns.acquire(
          txn,
          paths.map((p) => docTarget(p)),
          txn.readMode,
        );
      }
    } catch (err) {
      this.abandon(state, scope);
      throw err;
    }
    const root = documentsRoot(id);
    const results = paths.map((path, i): BatchGetResult => {
      const doc = view.db.get(path);
      state.db.counts.documentReads++;
      if (!doc) return { missing: names[i]! };
      return { found: toProtoDoc(root, doc, maskFields(doc.fields, req.mask)) };
    });
    return { transaction: scope.begun?.id, readTime: this.readTime(state, scope.at), results };
  }

  async getDocument(
    req: { name?: string; mask?: { fieldPaths?: string[] } } & ConsistencySelector,
    principal: Principal = OWNER,
  ): Promise<ProtoDocument> {
    const parsed = parseDocumentName(req.name ?? '');
    const res = await this.batchGetDocuments(
      {
        database: databaseName(parsed.db),
        documents: [req.name!],
        mask: req.mask,
        transaction: req.transaction,
        readTime: req.readTime,
      },
      principal,
    );
    const r = res.results[0]!;
    // [H6] the official emulator's wording (document_writes.json).
    if (!r.found) throw new EmulatorError(Code.NOT_FOUND, `Document (${req.name}) not found.`);
    return r.found;
  }

  /**
   * The part queries and aggregations share: validate, join or begin the
   * transaction (locking the collection id against phantoms), check rules,
   * run, and count the query.
   */
  private async query(
    parent: string,
    query: StructuredQuery,
    sel: ConsistencySelector,
    principal: Principal,
  ) {
    const prepared = prepareQuery(parent, query);
    const state = this.database(parseName(parent).db);
    this.checkIndexes(state.db.id.project, query);
    const scope = this.readScope(state, sel);
    const { txn, view } = scope;
    try {
      // Rules first: a denied query takes no lock (deny before lock).
      this.options.access?.checkList(view, principal, prepared, query);
      if (txn && !txn.readOnly) {
        await state.txns.acquire(txn, [{ collection: prepared.lockedCollectionId ?? '' }], txn.readMode);
      }
    } catch (err) {
      this.abandon(state, scope);
      throw err;
    }
    const { docs, skipped } = executeQuery(view.db, prepared);
    state.db.counts.queries++;
    return { state, prepared, begun: scope.begun?.id, at: scope.at, docs, skipped };
  }

  async runQuery(
    req: {
      parent?: string;
      structuredQuery?: StructuredQuery;
    } & ConsistencySelector,
    principal: Principal = OWNER,
  ): Promise<ReadEnvelope & { documents: ProtoDocument[]; skipped: number }> {
    const { state, prepared, begun, at, docs, skipped } = await this.query(
      req.parent ?? '',
      req.structuredQuery ?? {},
      req,
      principal,
    );
    // Firestore bills a query at least one read even when it returns nothing.
    state.db.counts.documentReads += Math.max(1, docs.length);
    const root = documentsRoot(state.db.id);
    return {
      transaction: begun,
      readTime: this.readTime(state, at),
      documents: docs.map((d) => toProtoDoc(root, d, selectFields(d, prepared))),
      skipped,
    };
  }

  async runAggregationQuery(
    req: {
      parent?: string;
      structuredAggregationQuery?: StructuredAggregationQuery;
    } & ConsistencySelector,
    principal: Principal = OWNER,
  ): Promise<ReadEnvelope & { aggregateFields: Record<string, unknown> }> {
    const saq = req.structuredAggregationQuery ?? {};
    const aggregations = saq.aggregations ?? [];
    validateAggregations(aggregations);
    const { state, begun, at, docs } = await this.query(
      req.parent ?? '',
      // [H6] documents lacking a summed/averaged field are left out before offset and limit.
      withAggregatedFields(saq.structuredQuery ?? {}, aggregations),
      req,
      principal,
    );
    // Aggregations are billed one read per 1,000 index entries matched.
    state.db.counts.documentReads += Math.max(1, Math.ceil(docs.length / 1000));
    return {
      transaction: begun,
      readTime: this.readTime(state, at),
      aggregateFields: aggregate(docs, aggregations),
    };
  }

  beginTransaction(req: { database?: string; options?: ProtoTransactionOptions }): { transaction: Buffer } {
    const state = this.database(parseDatabaseName(req.database));
    return { transaction: this.beginIn(state, req.options).id };
  }

  rollback(req: { database?: string; transaction?: Buffer }): void {
    const state = this.database(parseDatabaseName(req.database));
    if (!isTransactionId(req.transaction)) {
      throw invalid('Invalid transaction.');
    }
    try {
      state.txns.end(state.txns.get(req.transaction));
    } catch (err) {
      // Rolling back an ended or unknown transaction is accepted (idempotent).
      if (!(err instanceof EmulatorError && err.code === Code.ABORTED)) throw err;
    }
  }

  async commit(
    req: { database?: string; writes?: ProtoWrite[]; transaction?: Buffer },
    principal: Principal = OWNER,
  ): Promise<CommitResponseShape> {
    const id = parseDatabaseName(req.database);
    const state = this.database(id);
    const txn = req.transaction && req.transaction.length > 0 ? state.txns.get(req.transaction) : undefined;
    const writes = req.writes ?? [];
    if (txn?.readOnly && writes.length > 0) {
      throw invalid('Cannot modify entities in a read-only transaction.');
    }
    // Invalid writes fail at once and leave the transaction open (as Firestore does).
    const resolved = writes.map((w) => resolveWrite(id, w));
    checkVerifyConflicts(resolved);
    if (this.options.access && !principal.owner && resolved.length > 0) {
      // Deny before lock: judge the writes against the current data before
      // waiting for (or wounding) anyone; they are judged again once locked.
      this.precheckWrites(state, principal, resolved, txn);
    }
    await state.txns.acquire(
      txn,
      resolved.map((w) => docTarget(w.path)),
    );
    let commitTime = 0;
    const outcomes = await this.installDurably(state, () => {
      try {
        commitTime = state.db.nextTime();
        const staged = stageWrites(state.db, resolved, commitTime);
        // request.time equals the server timestamps this commit writes (milliseconds).
        this.options.access?.checkWrites(state, principal, staged, Math.floor(commitTime / 1000) * 1000);
        const installed = installStaged(state.db, staged);
        if (txn) {
          state.txns.end(txn);
          state.db.counts.transactionsCommitted++;
        }
        return installed;
      } catch (err) {
        if (txn) {
          state.txns.end(txn);
          state.db.counts.transactionsAborted++;
        }
        throw err;
      }
    });
    return {
      writeResults: outcomes.map((o) => ({
        ...(o.updateTime !== undefined ? { updateTime: microsToTimestamp(o.updateTime) } : {}),
        ...(o.transformResults ? { transformResults: o.transformResults } : {}),
      })),
      commitTime: microsToTimestamp(commitTime),
    };
  }

  /**
   * Rules on writes before any lock: stages them against the current data
   * (without a commit time) and throws PERMISSION_DENIED if the rules deny
   * them; the denial ends the transaction, which releases what it held. A
   * write that cannot be staged yet (a failing precondition) is left to the
   * locked attempt, which reports it as the official emulator does.
   */
  private precheckWrites(
    state: DatabaseState,
    principal: Principal,
    resolved: ReturnType<typeof resolveWrite>[],
    txn: Transaction | undefined,
  ): void {
    const now = state.db.readTime();
    let staged;
    try {
      staged = stageWrites(state.db, resolved, now);
    } catch {
      return;
    }
    try {
      this.options.access?.checkWrites(state, principal, staged, Math.floor(now / 1000) * 1000);
    } catch (err) {
      if (txn) {
        state.txns.end(txn);
        state.db.counts.transactionsAborted++;
      }
      throw err;
    }
  }

  /** Non-atomic writes: each applied on its own, with its own status. */
  async batchWrite(
    req: { database?: string; writes?: ProtoWrite[] },
    principal: Principal = OWNER,
  ): Promise<{ writeResults: WriteResultShape[]; status: { code?: number; message?: string }[] }> {
    const id = parseDatabaseName(req.database);
    checkBatchWrites(id, req.writes ?? []); // [H6] refused as a whole before the admin check, as recorded
    this.options.access?.requireOwner(principal, 'Batch writes');
    const state = this.database(id);
    const writeResults: WriteResultShape[] = [];
    const status: { code?: number; message?: string }[] = [];
    const seen = new Set<string>();
    for (const write of req.writes ?? []) {
      try {
        const w = resolveWrite(id, write);
        if (seen.has(w.path))
          throw invalid('Batch write may not contain multiple writes to the same document.');
        seen.add(w.path);
        await state.txns.acquire(undefined, [docTarget(w.path)]);
        const commitTime = state.db.nextTime();
        const [o] = await this.installDurably(state, () => applyWrites(state.db, [w], commitTime));
        writeResults.push({
          updateTime: microsToTimestamp(o!.updateTime ?? commitTime),
          ...(o!.transformResults ? { transformResults: o!.transformResults } : {}),
        });
        status.push({});
      } catch (err) {
        const e = err instanceof EmulatorError ? err : new EmulatorError(Code.INTERNAL, String(err));
        writeResults.push({});
        status.push({ code: e.code, message: e.message });
      }
    }
    return { writeResults, status };
  }

  /** CreateDocument: a create with an optional generated id. */
  async createDocument(
    req: {
      parent?: string;
      collectionId?: string;
      documentId?: string;
      document?: ProtoDocument;
      mask?: { fieldPaths?: string[] };
    },
    principal: Principal = OWNER,
  ): Promise<ProtoDocument> {
    const parent = parseName(req.parent ?? '');
    validateCollectionId(req.collectionId ?? '');
    const name = `${req.parent}/${req.collectionId}/${req.documentId || autoId()}`;
    await this.commit(
      {
        database: databaseName(parent.db),
        writes: [
          { update: { name, fields: req.document?.fields ?? {} }, currentDocument: { exists: false } },
        ],
      },
      principal,
    );
    return this.getDocument({ name, mask: req.mask }, principal);
  }

  /** UpdateDocument: a write with an optional mask and precondition. */
  async updateDocument(
    req: {
      document?: ProtoDocument;
      updateMask?: { fieldPaths?: string[] };
      mask?: { fieldPaths?: string[] };
      currentDocument?: Precondition;
    },
    principal: Principal = OWNER,
  ): Promise<ProtoDocument> {
    const name = req.document?.name ?? '';
    const parsed = parseDocumentName(name);
    await this.commit(
      {
        database: databaseName(parsed.db),
        writes: [
          {
            update: { name, fields: req.document?.fields ?? {} },
            ...(req.updateMask ? { updateMask: req.updateMask } : {}),
            ...(req.currentDocument ? { currentDocument: req.currentDocument } : {}),
          },
        ],
      },
      principal,
    );
    return this.getDocument({ name, mask: req.mask }, principal);
  }

  async deleteDocument(
    req: { name?: string; currentDocument?: Precondition },
    principal: Principal = OWNER,
  ): Promise<void> {
    const parsed = parseDocumentName(req.name ?? '');
    await this.commit(
      {
        database: databaseName(parsed.db),
        writes: [
          { delete: req.name!, ...(req.currentDocument ? { currentDocument: req.currentDocument } : {}) },
        ],
      },
      principal,
    );
  }

  /** ListDocuments, with `showMissing` listing ids that only have subcollections. */
  listDocuments(
    req: {
      parent?: string;
      collectionId?: string;
      pageSize?: number;
      pageToken?: string;
      mask?: { fieldPaths?: string[] };
      showMissing?: boolean;
      transaction?: Buffer;
      readTime?: ProtoTimestamp;
    },
    principal: Principal = OWNER,
  ): { documents: ProtoDocument[]; nextPageToken?: string } {
    const parent = parseName(req.parent ?? '');
    if (parent.segments.length % 2 !== 0) throw invalid(`Invalid parent: ${req.parent}`);
    validateListDocuments(req); // [H6] page size, show_missing, order_by (list_documents.json)
    const database = this.database(parent.db);
    const root = documentsRoot(parent.db);
    const parentPath = parent.segments.join('/');
    const prefix = parentPath === '' ? '' : parentPath + '/';
    const collectionId = req.collectionId ?? '';
    if (collectionId) validateCollectionId(collectionId);
    if (req.showMissing && !collectionId) throw invalid('show_missing requires a collection id.');
    if (req.showMissing) this.options.access?.requireOwner(principal, 'Metadata operations');
    const scope = this.readScope(database, { transaction: req.transaction, readTime: req.readTime });
    const state = scope.view;
    this.options.access?.checkList(
      state,
      principal,
      { parentPath, collectionId: collectionId || undefined, allDescendants: false },
      {},
    );
    // As recorded: in a read-write transaction, ListDocuments locks every
    // collection with that id, like a query (after the rules allowed it).
    if (scope.txn && !scope.txn.readOnly && collectionId) {
      database.txns.acquireSharedNow(scope.txn, [{ collection: collectionId }]);
    }

    type Entry = { segments: readonly string[]; doc?: StoredDoc; name: string };
    const entries = new Map<string, Entry>();
    if (collectionId) {
      const collPath = prefix + collectionId;
      for (const doc of state.db.collection(collPath))
        entries.set(doc.path, { segments: doc.segments, doc, name: doc.path });
      if (req.showMissing) {
        const depth = collPath.split('/').length + 1;
        for (const doc of state.db.all()) {
          if (!doc.path.startsWith(collPath + '/') || doc.segments.length <= depth) continue;
          const path = doc.segments.slice(0, depth).join('/');
          if (!entries.has(path)) entries.set(path, { segments: path.split('/'), name: path });
        }
      }
    } else {
      for (const doc of state.db.all()) {
        if (doc.parentPath === parentPath)
          entries.set(doc.path, { segments: doc.segments, doc, name: doc.path });
      }
    }
    let sorted = [...entries.values()].sort((a, b) => compareSegmentLists(a.segments, b.segments));
    if (req.pageToken) {
      const after = Buffer.from(req.pageToken, 'base64').toString('utf8').split('/');
      sorted = sorted.filter((e) => compareSegmentLists(e.segments, after) > 0);
    }
    const pageSize = req.pageSize && req.pageSize > 0 ? req.pageSize : Infinity;
    const page = sorted.slice(0, pageSize);
    database.db.counts.documentReads += Math.max(1, page.length);
    const documents = page.map((e) =>
      e.doc ? toProtoDoc(root, e.doc, maskFields(e.doc.fields, req.mask)) : { name: `${root}/${e.name}` },
    );
    // [H6] a full page always has a next one, so paging ends on an empty page (as recorded).
    const nextPageToken = hasNextPage(page.length, req.pageSize)
      ? Buffer.from(page[page.length - 1]!.name).toString('base64')
      : undefined;
    return { documents, ...(nextPageToken ? { nextPageToken } : {}) };
  }

  listCollectionIds(
    req: { parent?: string; pageSize?: number; pageToken?: string },
    principal: Principal = OWNER,
  ): { collectionIds: string[]; nextPageToken?: string } {
    this.options.access?.requireOwner(principal, 'Metadata operations');
    const parent = parseName(req.parent ?? '');
    if (parent.segments.length % 2 !== 0) throw invalid(`Invalid parent: ${req.parent}`);
    const state = this.database(parent.db);
    let ids = state.db.collectionIdsUnder(parent.segments.join('/'));
    if (req.pageToken) ids = ids.filter((x) => compareSegmentLists([x], [req.pageToken!]) > 0);
    const pageSize = req.pageSize && req.pageSize > 0 ? req.pageSize : Infinity;
    const page = ids.slice(0, pageSize);
    return {
      collectionIds: page,
      ...(ids.length > page.length ? { nextPageToken: page[page.length - 1]! } : {}),
    };
  }
}

function docTarget(path: string): LockTarget {
  const segments = path.split('/');
  return { doc: path, collectionId: segments[segments.length - 2]! };
}
