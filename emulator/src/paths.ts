/**
 * Resource names (`projects/{p}/databases/{d}/documents/c/d/...`) and their
 * order. Firestore orders document names segment by segment; numeric ids
 * `__id<n>__` come first in numeric order (the SDK's recursiveDelete relies on
 * `__id-9223372036854775808__` being the smallest key), then UTF-8 byte order.
 */
import { Code, EmulatorError } from './errors';

const NUMERIC_ID = /^__id(-?\d+)__$/;

/**
 * Compares strings by UTF-8 byte order (= code point order). JavaScript compares
 * UTF-16 code units, which puts U+10000.. (surrogates) before U+E000..U+FFFF.
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let ca = a.charCodeAt(i);
    let cb = b.charCodeAt(i);
    if (ca === cb) continue;
    if (ca >= 0xd800 && ca <= 0xdfff) ca += 0x10000;
    if (cb >= 0xd800 && cb <= 0xdfff) cb += 0x10000;
    return ca < cb ? -1 : 1;
  }
  return a.length - b.length;
}

/** Orders two path segments: numeric ids first (by value), then strings. */
export function compareSegments(a: string, b: string): number {
  if (a === b) return 0;
  const na = NUMERIC_ID.exec(a);
  const nb = NUMERIC_ID.exec(b);
  if (na && nb) {
    const x = BigInt(na[1]!);
    const y = BigInt(nb[1]!);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (na) return -1;
  if (nb) return 1;
  return compareUtf8(a, b);
}

/** Orders two segment lists; a prefix sorts first. */
export function compareSegmentLists(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareSegments(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** Orders two full resource names (references): project, database, then path. */
export function compareResourceNames(a: string, b: string): number {
  return compareSegmentLists(a.split('/'), b.split('/'));
}

/** A database: `projects/{project}/databases/{database}`. */
export interface DatabaseId {
  project: string;
  database: string;
}

export function databaseName(db: DatabaseId): string {
  return `projects/${db.project}/databases/${db.database}`;
}

export function documentsRoot(db: DatabaseId): string {
  return `${databaseName(db)}/documents`;
}

/** A parsed name below `/documents`: segments alternate collection id and document id. */
export interface ParsedName {
  db: DatabaseId;
  segments: string[];
}

const MAX_ID_BYTES = 1500;

/**
 * Parses `projects/p/databases/d/documents[/...]`. Throws INVALID_ARGUMENT with
 * the official emulator's wording for malformed names (document_writes.json,
 * list_documents.json): an empty segment "lacks a collection id" or "lacks a
 * resource id" at its index in the name; a final `/` is an "invalid trailing
 * "/"" unless `trailingSlash` allows it after a document (a REST listing of
 * every collection under that document).
 */
export function parseName(name: string, options: { trailingSlash?: boolean } = {}): ParsedName {
  const m = /^projects\/([^/]+)\/databases\/([^/]+)\/documents(?:\/(.*))?$/s.exec(name);
  if (!m) {
    const message = name.startsWith('projects/')
      ? `Invalid resource name: "${name}"`
      : `Document name "${name}" lacks "projects" at index 0.`;
    throw new EmulatorError(Code.INVALID_ARGUMENT, message);
  }
  const db = { project: m[1]!, database: decodeSegment(m[2]!, name) };
  const rest = m[3];
  if (rest === undefined) return { db, segments: [] };
  const segments = rest.split('/');
  let index = name.length - rest.length;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    if (segment === '' && last) {
      if (options.trailingSlash && i % 2 === 0) return { db, segments: segments.slice(0, -1) };
      throw new EmulatorError(Code.INVALID_ARGUMENT, `Document name "${name}" has invalid trailing "/".`);
    }
    if (segment === '') {
      const what = i % 2 === 0 ? 'collection id' : 'resource id';
      throw new EmulatorError(
        Code.INVALID_ARGUMENT,
        `Document name "${name}" lacks a ${what} at index ${index}.`,
      );
    }
    validateSegment(segment, i % 2 === 0, name, index);
    index += segment.length + 1;
  }
  return { db, segments };
}

function decodeSegment(segment: string, name: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new EmulatorError(Code.INVALID_ARGUMENT, `Invalid resource name: "${name}"`);
  }
}

const LONG_ID = /^__id.*__$/;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

function validateSegment(segment: string, isCollection: boolean, name: string, index: number): void {
  if (Buffer.byteLength(segment) > MAX_ID_BYTES) {
    throw new EmulatorError(
      Code.INVALID_ARGUMENT,
      `The key path element ${isCollection ? 'kind' : 'name'} is longer than 1500 bytes.`,
    );
  }
  if (segment === '.' || segment === '..') {
    throw new EmulatorError(
      Code.INVALID_ARGUMENT,
      `Document name "${name}" contains a resource id "${segment}" at index ${index}.`,
    );
  }
  if (/^__.*__$/.test(segment)) {
    if (!isCollection && LONG_ID.test(segment)) {
      const numeric = NUMERIC_ID.exec(segment);
      const n = numeric ? BigInt(numeric[1]!) : undefined;
      if (n === undefined || n < INT64_MIN || n > INT64_MAX) {
        throw new EmulatorError(
          Code.INVALID_ARGUMENT,
          "A long document ID string must be formatted like '__id{LONG}__', where LONG is a 64-bit integer. " +
            `Found: '${segment}'.`,
        );
      }
      return;
    }
    // Recorded: "Collection id … reserved" for a collection (auth.json), "Resource id …" for a
    // document ID (document_writes.json).
    throw new EmulatorError(
      Code.INVALID_ARGUMENT,
      `${isCollection ? 'Collection' : 'Resource'} id "${segment}" is invalid because it is reserved.`,
    );
  }
}

/** Parses a document name; it must have an even, non-zero number of segments. */
export function parseDocumentName(name: string): ParsedName {
  const parsed = parseName(name);
  if (parsed.segments.length === 0 || parsed.segments.length % 2 !== 0) {
    throw new EmulatorError(
      Code.INVALID_ARGUMENT,
      `Document name "${name}" lacks "/" at index ${name.length}.`,
    );
  }
  return parsed;
}

/** Parses a query or listing parent: the database root or a document. */
export function parseParentName(name: string): ParsedName {
  const parsed = parseName(name);
  if (parsed.segments.length % 2 !== 0) {
    throw new EmulatorError(
      Code.INVALID_ARGUMENT,
      `Document parent name "${name}" lacks "/" at index ${name.length}.`,
    );
  }
  return parsed;
}

/** Checks a collection id given on its own (query `from`, ListDocuments). */
export function validateCollectionId(id: string): void {
  if (id.includes('/')) {
    throw new EmulatorError(
      Code.INVALID_ARGUMENT,
      `Collection id "${id}" is invalid because it contains "/".`,
    );
  }
  if (/^__.*__$/.test(id)) {
    throw new EmulatorError(
      Code.INVALID_ARGUMENT,
      `Collection id "${id}" is invalid because it is reserved.`,
    );
  }
}

/** 20 characters from the alphabet the SDKs use for auto ids. */
export function autoId(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let id = '';
  for (let i = 0; i < 20; i++) id += chars[Math.floor(Math.random() * chars.length)];
  return id;
}
