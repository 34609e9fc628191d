/**
 * The Firestore API, independent of transport: the gRPC server and the REST
 * handler both decode requests into the shapes of types.ts and call these
 * methods. Databases are created on first use and isolated by
 * (project, database).
 */
import { OWNER, type Principal } from './auth';
import { Code, EmulatorError, invalid } from './errors';
import { parseFieldPath, projectFields } from './fieldpath';
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
import { aggregate, executeQuery, prepareQuery, selectFields, validateAggregations } from './query';
import { Database, emptyCounts, type OperationCounts, type StoredDoc } from './store';
import {
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
import { microsToTimestamp } from './values';
import type { AccessControl } from './rules/access';
import { applyWrites, checkVerifyConflicts, installStaged, resolveWrite, stageWrites } from './writes';

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
  /** Security rules for non-owner principals; without it every request is allowed. */
  access?: AccessControl;
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

/** The emulated Firestore service. */
export class FirestoreService {
  private readonly databases = new Map<string, DatabaseState>();
  /** Called after every change, for persistence. */
  onChange: (() => void) | undefined;

  constructor(private readonly options: ServiceOptions = {}) {}

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
    this.onChange?.();
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

  /** Resolves the transaction a read runs in: an existing one, a new one, or none. */
  private readTransaction(
    state: DatabaseState,
    sel: ConsistencySelector,
  ): { txn: Transaction | undefined; begun: Buffer | undefined } {
    if (sel.newTransaction) {
      const txn = this.beginIn(state, sel.newTransaction);
      return { txn, begun: txn.id };
    }
    if (sel.transaction && sel.transaction.length > 0) {
      return { txn: state.txns.get(sel.transaction), begun: undefined };
    }
    return { txn: undefined, begun: undefined };
  }

  private beginIn(state: DatabaseState, options: ProtoTransactionOptions | undefined): Transaction {
    const readOnly = Boolean(options?.readOnly);
    return state.txns.begin(readOnly, options?.readWrite?.retryTransaction);
  }

  private readTime(state: DatabaseState): ProtoTimestamp {
    return microsToTimestamp(state.db.readTime());
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
    const { txn, begun } = this.readTransaction(state, req);
    if (txn && !txn.readOnly) {
      await state.txns.acquire(
        txn,
        paths.map((p) => docTarget(p)),
      );
    }
    this.options.access?.checkGets(state, principal, paths);
    const root = documentsRoot(id);
    const results = paths.map((path, i): BatchGetResult => {
      const doc = state.db.get(path);
      state.db.counts.documentReads++;
      if (!doc) return { missing: names[i]! };
      return { found: toProtoDoc(root, doc, maskFields(doc.fields, req.mask)) };
    });
    return { transaction: begun, readTime: this.readTime(state), results };
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
      },
      principal,
    );
    const r = res.results[0]!;
    if (!r.found) throw new EmulatorError(Code.NOT_FOUND, `Document "${req.name}" not found.`);
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
    const { txn, begun } = this.readTransaction(state, sel);
    if (txn && !txn.readOnly) {
      await state.txns.acquire(txn, [{ collection: prepared.lockedCollectionId ?? '' }]);
    }
    this.options.access?.checkList(state, principal, prepared, query);
    const { docs, skipped } = executeQuery(state.db, prepared);
    state.db.counts.queries++;
    return { state, prepared, begun, docs, skipped };
  }

  async runQuery(
    req: {
      parent?: string;
      structuredQuery?: StructuredQuery;
    } & ConsistencySelector,
    principal: Principal = OWNER,
  ): Promise<ReadEnvelope & { documents: ProtoDocument[]; skipped: number }> {
    const { state, prepared, begun, docs, skipped } = await this.query(
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
      readTime: this.readTime(state),
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
    const { state, begun, docs } = await this.query(
      req.parent ?? '',
      saq.structuredQuery ?? {},
      req,
      principal,
    );
    // Aggregations are billed one read per 1,000 index entries matched.
    state.db.counts.documentReads += Math.max(1, Math.ceil(docs.length / 1000));
    return {
      transaction: begun,
      readTime: this.readTime(state),
      aggregateFields: aggregate(docs, aggregations),
    };
  }

  beginTransaction(req: { database?: string; options?: ProtoTransactionOptions }): { transaction: Buffer } {
    const state = this.database(parseDatabaseName(req.database));
    return { transaction: this.beginIn(state, req.options).id };
  }

  rollback(req: { database?: string; transaction?: Buffer }): void {
    const state = this.database(parseDatabaseName(req.database));
    if (!req.transaction || req.transaction.length !== 9 || req.transaction[0] !== 0x11) {
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
    await state.txns.acquire(
      txn,
      resolved.map((w) => docTarget(w.path)),
    );
    let outcomes;
    let commitTime: number;
    try {
      commitTime = state.db.nextTime();
      const staged = stageWrites(state.db, resolved, commitTime);
      // request.time equals the server timestamps this commit writes (milliseconds).
      this.options.access?.checkWrites(state, principal, staged, Math.floor(commitTime / 1000) * 1000);
      outcomes = installStaged(state.db, staged);
    } catch (err) {
      if (txn) {
        state.txns.end(txn);
        state.db.counts.transactionsAborted++;
      }
      throw err;
    }
    if (txn) {
      state.txns.end(txn);
      state.db.counts.transactionsCommitted++;
    }
    if (resolved.length > 0) this.onChange?.();
    return {
      writeResults: outcomes.map((o) => ({
        ...(o.updateTime !== undefined ? { updateTime: microsToTimestamp(o.updateTime) } : {}),
        ...(o.transformResults ? { transformResults: o.transformResults } : {}),
      })),
      commitTime: microsToTimestamp(commitTime),
    };
  }

  /** Non-atomic writes: each applied on its own, with its own status. */
  async batchWrite(
    req: { database?: string; writes?: ProtoWrite[] },
    principal: Principal = OWNER,
  ): Promise<{ writeResults: WriteResultShape[]; status: { code?: number; message?: string }[] }> {
    this.options.access?.requireOwner(principal, 'Batch writes');
    const id = parseDatabaseName(req.database);
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
        const [o] = applyWrites(state.db, [w], commitTime);
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
    if (writeResults.length > 0) this.onChange?.();
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
    },
    principal: Principal = OWNER,
  ): { documents: ProtoDocument[]; nextPageToken?: string } {
    const parent = parseName(req.parent ?? '');
    if (parent.segments.length % 2 !== 0) throw invalid(`Invalid parent: ${req.parent}`);
    const state = this.database(parent.db);
    const root = documentsRoot(parent.db);
    const parentPath = parent.segments.join('/');
    const prefix = parentPath === '' ? '' : parentPath + '/';
    const collectionId = req.collectionId ?? '';
    if (collectionId) validateCollectionId(collectionId);
    if (req.showMissing && !collectionId) throw invalid('show_missing requires a collection id.');
    if (req.showMissing) this.options.access?.requireOwner(principal, 'Metadata operations');
    this.options.access?.checkList(
      state,
      principal,
      { parentPath, collectionId: collectionId || undefined, allDescendants: false },
      {},
    );

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
    state.db.counts.documentReads += Math.max(1, page.length);
    const documents = page.map((e) =>
      e.doc ? toProtoDoc(root, e.doc, maskFields(e.doc.fields, req.mask)) : { name: `${root}/${e.name}` },
    );
    const nextPageToken =
      sorted.length > page.length ? Buffer.from(page[page.length - 1]!.name).toString('base64') : undefined;
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
