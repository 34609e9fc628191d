/**
 * In-memory documents of one database, with lazily built per-field equality
 * indexes so that equality, `in` and `array-contains` queries over large
 * collections touch only matching documents instead of scanning.
 *
 * Versions: every write also records the version it replaced (or that the
 * document was missing) with the commit time that ended it, for at least
 * `retentionMs` (60 s) and for as long as a read-only transaction reads at an
 * older time. `at(time)` is a read-only view of the database as it was at
 * that time (read-only transactions, `readTime` reads).
 */
import { getField } from './fieldpath';
import { compareSegmentLists, type DatabaseId } from './paths';
import type { Fields, Value } from './types';
import { indexKey } from './values';

/** A stored document. Stored objects are never mutated: a write replaces them. */
export interface StoredDoc {
  /** Path below `/documents`, e.g. `units/42/private/a`. */
  readonly path: string;
  readonly segments: readonly string[];
  /** Path of the containing collection, e.g. `units/42/private`. */
  readonly collectionPath: string;
  readonly collectionId: string;
  /** Path of the parent document, or '' at the root. */
  readonly parentPath: string;
  readonly fields: Fields;
  /** Microseconds since the epoch. */
  readonly createTime: number;
  readonly updateTime: number;
}

/** Operation counters, as Firestore would bill them (reads, writes, deletes). */
export interface OperationCounts {
  documentReads: number;
  documentWrites: number;
  documentDeletes: number;
  queries: number;
  transactionsCommitted: number;
  transactionsAborted: number;
}

/** Builds the immutable record for a document path. */
export function makeStoredDoc(
  path: string,
  fields: Fields,
  createTime: number,
  updateTime: number,
): StoredDoc {
  const segments = path.split('/');
  const collectionPath = segments.slice(0, -1).join('/');
  return {
    path,
    segments,
    collectionPath,
    collectionId: segments[segments.length - 2]!,
    parentPath: segments.slice(0, -2).join('/'),
    fields,
    createTime,
    updateTime,
  };
}

/** Equality index of one field path over every collection with one collection id. */
class FieldIndex {
  /** indexKey(value) -> paths of documents whose field equals the value. */
  readonly equal = new Map<string, Set<string>>();
  /** indexKey(element) -> paths of documents whose array field contains it. */
  readonly contains = new Map<string, Set<string>>();

  constructor(readonly segments: readonly string[]) {}

  add(doc: StoredDoc): void {
    const v = getField(doc.fields, this.segments);
    if (v === undefined) return;
    addTo(this.equal, indexKey(v), doc.path);
    for (const e of v.arrayValue?.values ?? []) addTo(this.contains, indexKey(e), doc.path);
  }

  remove(doc: StoredDoc): void {
    const v = getField(doc.fields, this.segments);
    if (v === undefined) return;
    removeFrom(this.equal, indexKey(v), doc.path);
    for (const e of v.arrayValue?.values ?? []) removeFrom(this.contains, indexKey(e), doc.path);
  }
}

function addTo(map: Map<string, Set<string>>, key: string, path: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(path);
}

function removeFrom(map: Map<string, Set<string>>, key: string, path: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(path);
  if (set.size === 0) map.delete(key);
}

/** A replaced version: the document (or its absence) that was current until `until`. */
interface PastVersion {
  readonly until: number;
  readonly doc: StoredDoc | undefined;
}

/** How long replaced versions are kept (microseconds are used inside; this is in ms). */
export const VERSION_RETENTION_MS = 60_000;

/** Whether a document matches an index probe, as FieldIndex would file it. */
function matchesProbe(
  doc: StoredDoc,
  segments: readonly string[],
  keys: ReadonlySet<string>,
  mode: 'equal' | 'contains',
): boolean {
  const v = getField(doc.fields, segments);
  if (v === undefined) return false;
  if (mode === 'equal') return keys.has(indexKey(v));
  return (v.arrayValue?.values ?? []).some((e) => keys.has(indexKey(e)));
}

/** All documents of one (project, database). */
export class Database {
  private readonly docs = new Map<string, StoredDoc>();
  /** path -> replaced versions, oldest first. */
  private readonly history = new Map<string, PastVersion[]>();
  /** Every replacement in commit order, for pruning and for finding what changed after a time. */
  private changeLog: { time: number; path: string }[] = [];
  private changeLogStart = 0;
  /**
   * Versions are complete from this time on (microseconds): raised by pruning,
   * and to the load time when documents come from a data file whose history
   * is unknown. Reads at earlier times are refused as too old.
   */
  keptSince = 0;
  /** Called with every installed version (persistence). */
  onPut: ((path: string, doc: StoredDoc | undefined) => void) | undefined;
  /** collection path -> documents directly in it. */
  private readonly collections = new Map<string, Map<string, StoredDoc>>();
  /** collection id -> collection paths with that id (for collection groups). */
  private readonly collectionPaths = new Map<string, Set<string>>();
  /** `${collectionId}\u0000${fieldPath}` -> index, built on first use. */
  private readonly indexes = new Map<string, FieldIndex>();
  private lastTime = 0;
  counts: OperationCounts = emptyCounts();

  constructor(readonly id: DatabaseId) {}

  get size(): number {
    return this.docs.size;
  }

  /**
   * A fresh commit time in microseconds: strictly increasing, so every commit
   * has a distinct update time and updateTime preconditions are exact.
   */
  nextTime(): number {
    const now = Date.now() * 1000;
    this.lastTime = now > this.lastTime ? now : this.lastTime + 1;
    return this.lastTime;
  }

  /**
   * A read time consistent with every commit so far. It is reserved: later
   * commits get strictly later times, so a snapshot taken now never sees them.
   */
  readTime(): number {
    const now = Date.now() * 1000;
    if (now > this.lastTime) this.lastTime = now;
    return this.lastTime;
  }

  get(path: string): StoredDoc | undefined {
    return this.docs.get(path);
  }

  /**
   * Installs a document version (or removes it with `undefined`) at the
   * commit time last handed out by `nextTime()`, keeping the replaced version.
   */
  put(path: string, doc: StoredDoc | undefined): void {
    const old = this.docs.get(path);
    this.remember(path, old, this.lastTime);
    if (old) this.unlink(old);
    if (doc) this.link(doc);
    this.onPut?.(path, doc);
  }

  /** Installs a version read from the data file or journal (no history, no listener). */
  load(path: string, doc: StoredDoc | undefined): void {
    const old = this.docs.get(path);
    if (old) this.unlink(old);
    if (doc) this.link(doc);
    if (doc && doc.updateTime > this.lastTime) this.lastTime = doc.updateTime;
  }

  /** Raises the clock to at least `time` (after loading a journal). */
  advanceTo(time: number): void {
    if (time > this.lastTime) this.lastTime = time;
  }

  private remember(path: string, old: StoredDoc | undefined, until: number): void {
    // A creation keeps no version: the new document's createTime says it was
    // missing before (see getAt), which keeps bulk loads cheap.
    if (old) {
      let versions = this.history.get(path);
      if (!versions) this.history.set(path, (versions = []));
      versions.push({ until, doc: old });
    }
    this.changeLog.push({ time: until, path });
  }

  /**
   * Forgets versions replaced before `horizon` (microseconds): nobody can read
   * at such a time any more. Cost: the number of versions forgotten.
   */
  prune(horizon: number): void {
    const log = this.changeLog;
    let i = this.changeLogStart;
    while (i < log.length && log[i]!.time < horizon) {
      const { path, time } = log[i]!;
      const versions = this.history.get(path);
      if (versions && versions[0]!.until === time) {
        versions.shift();
        if (versions.length === 0) this.history.delete(path);
      }
      i++;
    }
    this.changeLogStart = i;
    if (horizon > this.keptSince) this.keptSince = horizon;
    if (i > 1024 && i * 2 > log.length) {
      this.changeLog = log.slice(i);
      this.changeLogStart = 0;
    }
  }

  /** The oldest time whose versions are still all kept. */
  oldestReadable(): number {
    const first = this.changeLog[this.changeLogStart];
    return first ? first.time : this.lastTime;
  }

  /** The version of a document current at `time` (microseconds). */
  getAt(path: string, time: number): StoredDoc | undefined {
    const versions = this.history.get(path);
    if (versions) for (const v of versions) if (v.until > time) return v.doc;
    const current = this.docs.get(path);
    // Created (or re-created) after `time`: missing then, or an older life kept above.
    return current && current.createTime > time ? undefined : current;
  }

  /** Paths written after `time`, newest changes last. */
  changedAfter(time: number): Set<string> {
    const out = new Set<string>();
    const log = this.changeLog;
    for (let i = log.length - 1; i >= this.changeLogStart && log[i]!.time > time; i--) out.add(log[i]!.path);
    return out;
  }

  /**
   * The database as it was at `time`: this database itself when nothing
   * changed since, else a read-only view that answers from the kept versions.
   */
  at(time: number): Database {
    const last = this.changeLog[this.changeLog.length - 1];
    if (!last || last.time <= time || this.changeLog.length === this.changeLogStart) return this;
    return new SnapshotView(this, time, this.changedAfter(time));
  }

  private link(doc: StoredDoc): void {
    this.docs.set(doc.path, doc);
    let coll = this.collections.get(doc.collectionPath);
    if (!coll) {
      this.collections.set(doc.collectionPath, (coll = new Map()));
      let paths = this.collectionPaths.get(doc.collectionId);
      if (!paths) this.collectionPaths.set(doc.collectionId, (paths = new Set()));
      paths.add(doc.collectionPath);
    }
    coll.set(doc.segments[doc.segments.length - 1]!, doc);
    for (const index of this.indexesFor(doc.collectionId)) index.add(doc);
  }

  private unlink(doc: StoredDoc): void {
    this.docs.delete(doc.path);
    const coll = this.collections.get(doc.collectionPath);
    if (coll) {
      coll.delete(doc.segments[doc.segments.length - 1]!);
      if (coll.size === 0) {
        this.collections.delete(doc.collectionPath);
        this.collectionPaths.get(doc.collectionId)?.delete(doc.collectionPath);
      }
    }
    for (const index of this.indexesFor(doc.collectionId)) index.remove(doc);
  }

  private *indexesFor(collectionId: string): Iterable<FieldIndex> {
    if (this.indexes.size === 0) return;
    const prefix = collectionId + '\u0000';
    for (const [key, index] of this.indexes) if (key.startsWith(prefix)) yield index;
  }

  /** Documents directly in a collection. */
  collection(collectionPath: string): Iterable<StoredDoc> {
    return this.collections.get(collectionPath)?.values() ?? [];
  }

  /** Collection paths with this id, anywhere in the database. */
  collectionsWithId(collectionId: string): Iterable<string> {
    return this.collectionPaths.get(collectionId) ?? [];
  }

  /** Every document (for kindless and export queries). */
  all(): Iterable<StoredDoc> {
    return this.docs.values();
  }

  /** Ids of the collections directly under a document ('' = root), sorted. */
  collectionIdsUnder(parentPath: string): string[] {
    const ids = new Set<string>();
    const depth = parentPath === '' ? 0 : parentPath.split('/').length;
    const prefix = parentPath === '' ? '' : parentPath + '/';
    for (const collPath of this.collections.keys()) {
      if (!collPath.startsWith(prefix)) continue;
      const segments = collPath.split('/');
      if (segments.length > depth) ids.add(segments[depth]!);
    }
    return [...ids].sort((a, b) => compareSegmentLists([a], [b]));
  }

  /**
   * Paths of documents in `collectionId` collections whose field equals one of
   * `values` (mode 'equal') or whose array field contains one (mode 'contains').
   */
  lookup(
    collectionId: string,
    fieldPath: string,
    segments: readonly string[],
    values: readonly Value[],
    mode: 'equal' | 'contains',
  ): Set<string> {
    const key = collectionId + '\u0000' + fieldPath;
    let index = this.indexes.get(key);
    if (!index) {
      index = new FieldIndex(segments);
      for (const collPath of this.collectionsWithId(collectionId)) {
        for (const doc of this.collection(collPath)) index.add(doc);
      }
      this.indexes.set(key, index);
    }
    const source = mode === 'equal' ? index.equal : index.contains;
    const out = new Set<string>();
    for (const v of values) {
      for (const path of source.get(indexKey(v)) ?? []) out.add(path);
    }
    return out;
  }

  /** Removes every document, version and index (the emulator's clear endpoint). */
  clear(): void {
    this.docs.clear();
    this.collections.clear();
    this.collectionPaths.clear();
    this.indexes.clear();
    this.history.clear();
    this.changeLog = [];
    this.changeLogStart = 0;
  }
}

/**
 * A database as it was at one time: the current documents, except those
 * changed since, which are answered from their kept versions. Cost per read:
 * the number of documents changed since that time. Read-only.
 */
class SnapshotView extends Database {
  constructor(
    private readonly base: Database,
    private readonly time: number,
    /** Paths written after `time`. */
    private readonly changed: ReadonlySet<string>,
  ) {
    super(base.id);
  }

  override get size(): number {
    return [...this.all()].length;
  }

  override nextTime(): number {
    throw new Error('A snapshot view is read-only.');
  }

  override readTime(): number {
    return this.time;
  }

  override get(path: string): StoredDoc | undefined {
    return this.changed.has(path) ? this.base.getAt(path, this.time) : this.base.get(path);
  }

  override put(): void {
    throw new Error('A snapshot view is read-only.');
  }

  /** Versions at `time` of the changed documents that existed then. */
  private *changedDocs(): Iterable<StoredDoc> {
    for (const path of this.changed) {
      const doc = this.base.getAt(path, this.time);
      if (doc) yield doc;
    }
  }

  override *collection(collectionPath: string): Iterable<StoredDoc> {
    for (const doc of this.base.collection(collectionPath)) if (!this.changed.has(doc.path)) yield doc;
    for (const doc of this.changedDocs()) if (doc.collectionPath === collectionPath) yield doc;
  }

  override collectionsWithId(collectionId: string): Iterable<string> {
    const out = new Set<string>(this.base.collectionsWithId(collectionId));
    for (const doc of this.changedDocs()) if (doc.collectionId === collectionId) out.add(doc.collectionPath);
    return out;
  }

  override *all(): Iterable<StoredDoc> {
    for (const doc of this.base.all()) if (!this.changed.has(doc.path)) yield doc;
    yield* this.changedDocs();
  }

  override collectionIdsUnder(parentPath: string): string[] {
    return this.base.collectionIdsUnder(parentPath);
  }

  override lookup(
    collectionId: string,
    fieldPath: string,
    segments: readonly string[],
    values: readonly Value[],
    mode: 'equal' | 'contains',
  ): Set<string> {
    const out = this.base.lookup(collectionId, fieldPath, segments, values, mode);
    for (const path of this.changed) out.delete(path);
    const keys = new Set(values.map(indexKey));
    for (const doc of this.changedDocs()) {
      if (doc.collectionId === collectionId && matchesProbe(doc, segments, keys, mode)) out.add(doc.path);
    }
    return out;
  }
}

export function emptyCounts(): OperationCounts {
  return {
    documentReads: 0,
    documentWrites: 0,
    documentDeletes: 0,
    queries: 0,
    transactionsCommitted: 0,
    transactionsAborted: 0,
  };
}
