/**
 * The Listen stream (google.firestore.v1.Firestore/Listen), so that `onSnapshot` works in the
 * Admin SDK and the full Node SDK. What a client needs, learned from the Admin SDK's watch
 * (`@google-cloud/firestore/build/src/watch.js`) and the ListenResponse definitions:
 * - after `addTarget`: `targetChange ADD` for the target, one `documentChange` per document
 *   (with the target in `targetIds`), `targetChange CURRENT`, then a `targetChange NO_CHANGE`
 *   with no target ids and a `readTime`: the client emits a snapshot on that last message only;
 * - after each commit touching the target: `documentChange` for added or modified documents,
 *   `documentDelete` for deleted ones, `documentRemove` for ones that stopped matching, and
 *   the same global `NO_CHANGE`;
 * - a target added with a `resumeToken` (a reconnecting client) gets `RESET` after `ADD`, and
 *   then its whole current result: the client drops what it had and takes the new set;
 * - `removeTarget` answers `targetChange REMOVE`; a target that cannot be served (the rules
 *   deny it, an index is missing, too many listeners) is answered `REMOVE` with a `cause`,
 *   which the client reports to the listener's error callback without retrying.
 *
 * Every evaluation of a target runs as the listener's principal through the ordinary read
 * paths, so security rules (and index requirements) apply to every snapshot, not only the
 * first; an owner credential (the Admin SDK) bypasses rules as for any other request.
 * Listeners are bounded (`maxTargets`): beyond it, a new target is removed with
 * RESOURCE_EXHAUSTED.
 */
import type { Principal } from './auth';
import { Code, EmulatorError, toEmulatorError } from './errors';
import { databaseName, parseName } from './paths';
import { prepareQuery } from './query';
import type { CommitRecord, FirestoreService } from './service';
import type { StoredDoc } from './store';
import type { ProtoDocument, ProtoTimestamp, StructuredQuery } from './types';
import { timestampToMicros } from './values';

/** The most targets listened to at once, over all streams (production bounds them too). */
export const DEFAULT_MAX_TARGETS = 1000;

export interface ListenRequest {
  database?: string;
  addTarget?: {
    targetId?: number;
    query?: { parent?: string; structuredQuery?: StructuredQuery };
    documents?: { documents?: string[] };
    resumeToken?: Buffer;
    readTime?: ProtoTimestamp;
    once?: boolean;
  };
  removeTarget?: number;
}

/** What the hub writes to a stream (a google.firestore.v1.ListenResponse). */
export type ListenResponse = Record<string, unknown>;

interface Target {
  id: number;
  database: string;
  /** Query targets: the collection id it reads (undefined: every collection). */
  collectionId?: string;
  /** Query targets: whether a stored document passes the query's filter. */
  matches?: (doc: StoredDoc) => boolean;
  query?: { parent: string; structuredQuery: StructuredQuery };
  /** Document targets: the documents' full names. */
  names?: Set<string>;
  /** The documents last sent: full name → update time (microseconds). */
  docs: Map<string, number>;
  once: boolean;
}

/** One Listen stream: its principal, its targets, and the order of its messages. */
export class ListenStream {
  readonly targets = new Map<number, Target>();
  /** Work on this stream runs one step at a time, so that messages keep their order. */
  private queue: Promise<void> = Promise.resolve();
  closed = false;

  constructor(
    private readonly hub: ListenHub,
    private readonly principal: Principal,
    private readonly send: (msg: ListenResponse) => void,
  ) {}

  /** Handles one request of the client. */
  request(req: ListenRequest): void {
    this.enqueue(async () => {
      if (req.addTarget) await this.add(req);
      else if (req.removeTarget !== undefined) this.remove(req.removeTarget, undefined);
    });
  }

  /** The stream ended: its targets go. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const id of [...this.targets.keys()]) this.drop(id);
    this.hub.streams.delete(this);
  }

  /** Re-evaluates the targets a commit may have changed. */
  changed(record: CommitRecord & { cleared?: boolean }): void {
    const database = databaseName(record.db);
    const affected = [...this.targets.values()].filter(
      (t) =>
        t.database === database &&
        (record.cleared || record.changes.some(([path, doc]) => touches(t, database, path, doc))),
    );
    if (affected.length === 0) return;
    this.enqueue(async () => {
      let readTime: ProtoTimestamp | undefined;
      for (const t of affected) {
        if (!this.targets.has(t.id)) continue;
        try {
          readTime = await this.refresh(t, false);
        } catch (err) {
          this.remove(t.id, toEmulatorError(err));
        }
      }
      if (readTime) this.snapshot(readTime);
    });
  }

  private enqueue(step: () => Promise<void>): void {
    this.queue = this.queue.then(async () => {
      if (this.closed) return;
      try {
        await step();
      } catch (err) {
        // A step never leaves the queue broken; what failed is reported on the stream.
        this.send(targetChange('REMOVE', [], toEmulatorError(err)));
      }
    });
  }

  private async add(req: ListenRequest): Promise<void> {
    const spec = req.addTarget!;
    const id = spec.targetId || this.nextId();
    if (this.targets.has(id)) {
      this.send(
        targetChange('REMOVE', [id], new EmulatorError(Code.INVALID_ARGUMENT, `Duplicate target id: ${id}.`)),
      );
      return;
    }
    if (this.hub.targetCount() >= this.hub.maxTargets) {
      this.send(
        targetChange(
          'REMOVE',
          [id],
          new EmulatorError(
            Code.RESOURCE_EXHAUSTED,
            `Too many listeners: this emulator serves at most ${this.hub.maxTargets} targets at once.`,
          ),
        ),
      );
      return;
    }
    const database = req.database ?? '';
    let target: Target;
    try {
      target = makeTarget(id, database, spec);
    } catch (err) {
      this.send(targetChange('REMOVE', [id], toEmulatorError(err)));
      return;
    }
    this.targets.set(id, target);
    this.send(targetChange('ADD', [id]));
    if (spec.resumeToken?.length || spec.readTime) this.send(targetChange('RESET', [id]));
    let readTime: ProtoTimestamp;
    try {
      readTime = await this.refresh(target, true);
    } catch (err) {
      this.remove(id, toEmulatorError(err));
      return;
    }
    this.send({
      targetChange: { targetChangeType: 'CURRENT', targetIds: [id], resumeToken: token(readTime), readTime },
    });
    this.snapshot(readTime);
    if (target.once) this.remove(id, undefined);
  }

  private nextId(): number {
    let id = 2;
    while (this.targets.has(id)) id += 2;
    return id;
  }

  private remove(id: number, cause: EmulatorError | undefined): void {
    if (!this.targets.has(id) && !cause) return;
    this.drop(id);
    this.send(targetChange('REMOVE', [id], cause));
  }

  private drop(id: number): void {
    this.targets.delete(id);
  }

  /** A consistent snapshot of every target at readTime: the client emits its snapshots now. */
  private snapshot(readTime: ProtoTimestamp): void {
    this.send({
      targetChange: { targetChangeType: 'NO_CHANGE', targetIds: [], readTime, resumeToken: token(readTime) },
    });
  }

  /** Evaluates a target and sends what changed since the last evaluation; returns the read time. */
  private async refresh(t: Target, initial: boolean): Promise<ProtoTimestamp> {
    const { documents, readTime } = await this.evaluate(t);
    const seen = new Set<string>();
    for (const doc of documents) {
      const name = doc.name!;
      seen.add(name);
      const updated = timestampToMicros(doc.updateTime);
      if (!initial && t.docs.get(name) === updated) continue;
      t.docs.set(name, updated);
      this.send({ documentChange: { document: doc, targetIds: [t.id], removedTargetIds: [] } });
    }
    for (const name of [...t.docs.keys()]) {
      if (seen.has(name)) continue;
      t.docs.delete(name);
      const exists = this.hub.exists(name);
      this.send(
        exists
          ? { documentRemove: { document: name, removedTargetIds: [t.id], readTime } }
          : { documentDelete: { document: name, removedTargetIds: [t.id], readTime } },
      );
    }
    return readTime;
  }

  private async evaluate(t: Target): Promise<{ documents: ProtoDocument[]; readTime: ProtoTimestamp }> {
    const service = this.hub.service;
    if (t.query) {
      const out = await service.runQuery(t.query, this.principal);
      return { documents: out.documents, readTime: out.readTime };
    }
    const out = await service.batchGetDocuments(
      { database: t.database, documents: [...t.names!] },
      this.principal,
    );
    return {
      documents: out.results.flatMap((r) => (r.found ? [r.found] : [])),
      readTime: out.readTime,
    };
  }
}

/**
 * Whether a changed document may change a target's result: a document target names it; a
 * query target had it in its result, or its new version passes the filter in the right
 * collection. Anything else cannot change the result, so the target is not re-evaluated (with
 * many listeners, most commits concern few of them).
 */
function touches(t: Target, database: string, path: string, doc: StoredDoc | undefined): boolean {
  const name = `${database}/documents/${path}`;
  if (t.names) return t.names.has(name);
  if (t.docs.has(name)) return true;
  if (!doc) return false;
  if (t.collectionId !== undefined) {
    const segments = path.split('/');
    if (segments[segments.length - 2] !== t.collectionId) return false;
  }
  return t.matches ? t.matches(doc) : true;
}

function makeTarget(id: number, database: string, spec: NonNullable<ListenRequest['addTarget']>): Target {
  const base = { id, database, docs: new Map<string, number>(), once: Boolean(spec.once) };
  if (spec.query) {
    const parent = spec.query.parent ?? '';
    const parsed = parseName(parent);
    if (databaseName(parsed.db) !== database) {
      throw new EmulatorError(
        Code.INVALID_ARGUMENT,
        `The target's parent "${parent}" is not in ${database}.`,
      );
    }
    const structuredQuery = spec.query.structuredQuery ?? {};
    const prepared = prepareQuery(parent, structuredQuery);
    return {
      ...base,
      query: { parent, structuredQuery },
      matches: prepared.predicate,
      collectionId: structuredQuery.from?.[0]?.collectionId || undefined,
    };
  }
  const names = spec.documents?.documents ?? [];
  if (names.length === 0)
    throw new EmulatorError(Code.INVALID_ARGUMENT, 'A target needs a query or documents.');
  return { ...base, names: new Set(names) };
}

function targetChange(type: string, targetIds: number[], cause?: EmulatorError): ListenResponse {
  return {
    targetChange: {
      targetChangeType: type,
      targetIds,
      ...(cause ? { cause: { code: cause.code, message: cause.message } } : {}),
    },
  };
}

/** A resume token: the read time, in microseconds (opaque to clients). */
function token(readTime: ProtoTimestamp): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(timestampToMicros(readTime)));
  return b;
}

/** Every Listen stream of an emulator, fed by the service's commits. */
export class ListenHub {
  readonly streams = new Set<ListenStream>();
  private readonly unobserve: () => void;

  constructor(
    readonly service: FirestoreService,
    readonly maxTargets: number = DEFAULT_MAX_TARGETS,
  ) {
    this.unobserve = service.observe((record) => {
      for (const s of this.streams) s.changed(record);
    });
  }

  open(principal: Principal, send: (msg: ListenResponse) => void): ListenStream {
    const stream = new ListenStream(this, principal, send);
    this.streams.add(stream);
    return stream;
  }

  targetCount(): number {
    let n = 0;
    for (const s of this.streams) n += s.targets.size;
    return n;
  }

  /** Figures for the benchmark: streams, targets, documents tracked. */
  stats(): { streams: number; targets: number; trackedDocuments: number } {
    let targets = 0;
    let trackedDocuments = 0;
    for (const s of this.streams) {
      targets += s.targets.size;
      for (const t of s.targets.values()) trackedDocuments += t.docs.size;
    }
    return { streams: this.streams.size, targets, trackedDocuments };
  }

  /** Whether a document (full name) exists now. */
  exists(name: string): boolean {
    const parsed = parseName(name);
    return this.service.database(parsed.db).db.get(parsed.segments.join('/')) !== undefined;
  }

  close(): void {
    for (const s of [...this.streams]) s.close();
    this.unobserve();
  }
}
