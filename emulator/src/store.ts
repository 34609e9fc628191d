/**
 * In-memory documents of one database, with lazily built per-field equality
 * indexes so that equality, `in` and `array-contains` queries over large
 * collections touch only matching documents instead of scanning.
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

/** All documents of one (project, database). */
export class Database {
  private readonly docs = new Map<string, StoredDoc>();
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

  /** The newest time handed out (a read time consistent with every commit). */
  readTime(): number {
    return Math.max(this.lastTime, Date.now() * 1000);
  }

  get(path: string): StoredDoc | undefined {
    return this.docs.get(path);
  }

  /** Installs a document version (or removes it with `undefined`). */
  put(path: string, doc: StoredDoc | undefined): void {
    const old = this.docs.get(path);
    if (old) this.unlink(old);
    if (doc) this.link(doc);
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

  /** Removes every document and index (the emulator's clear endpoint). */
  clear(): void {
    this.docs.clear();
    this.collections.clear();
    this.collectionPaths.clear();
    this.indexes.clear();
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
