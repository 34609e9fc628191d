/**
 * Applying the writes of one commit atomically: preconditions, update masks
 * (an absent mask replaces the document, an empty one keeps every field),
 * field transforms with their results, `verify` writes and deletes.
 * Transform behaviour follows recordings of the official emulator's answers
 * (emulator/README.md, "Where each behaviour was learned"): integer
 * increments saturate at 64 bits, a non-numeric field is replaced by the
 * operand, array transforms answer null, and a write that changes nothing
 * keeps the previous update time.
 */
import { Code, EmulatorError, invalid } from './errors';
import { deleteField, getField, parseFieldPath, setField } from './fieldpath';
import { parseDocumentName, type DatabaseId } from './paths';
import { makeStoredDoc, type Database, type StoredDoc } from './store';
import type { Fields, FieldTransform, Precondition, ProtoWrite, Value } from './types';
import {
  compareValues,
  isVector,
  isNaNValue,
  isNumber,
  kindOf,
  microsToTimestamp,
  normalizeFields,
  normalizeValue,
  timestampToMicros,
  typeOrder,
} from './values';

/** What one write did, for the response. */
export interface WriteOutcome {
  updateTime: number | undefined;
  transformResults: Value[] | undefined;
}

/** A validated write, resolved to a document path in this database. */
export interface ResolvedWrite {
  kind: 'update' | 'delete' | 'verify' | 'transform';
  path: string;
  name: string;
  write: ProtoWrite;
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/** Resolves and validates a write's target; throws INVALID_ARGUMENT. */
export function resolveWrite(db: DatabaseId, write: ProtoWrite): ResolvedWrite {
  let kind: ResolvedWrite['kind'];
  let name: string | undefined;
  if (write.update) {
    kind = 'update';
    name = write.update.name;
  } else if (write.delete !== undefined) {
    kind = 'delete';
    name = write.delete;
  } else if (write.verify !== undefined) {
    kind = 'verify';
    name = write.verify;
  } else if (write.transform) {
    kind = 'transform';
    name = write.transform.document;
  } else {
    throw invalid('Write has no operation.');
  }
  if (!name) throw invalid('Write is missing a document name.');
  const parsed = parseDocumentName(name);
  if (parsed.db.project !== db.project || parsed.db.database !== db.database) {
    throw invalid(
      `Document name "${name}" is not in database projects/${db.project}/databases/${db.database}.`,
    );
  }
  if (kind === 'verify') {
    if (!write.currentDocument) throw invalid('a verify must contain a precondition');
    if (write.updateMask) throw invalid('a verify must not specify a document mask.');
    if (write.updateTransforms?.length) throw invalid('a verify must not specify a update transform.');
  }
  if (kind === 'update') validateDocument(name, write.update!.fields ?? {});
  for (const t of transformsOf(write)) validateTransform(t);
  return { kind, path: parsed.segments.join('/'), name, write };
}

function transformsOf(write: ProtoWrite): FieldTransform[] {
  return write.transform?.fieldTransforms ?? write.updateTransforms ?? [];
}

/** Firestore's limits (firebase.google.com/docs/firestore/quotas; limits.json of the recordings). */
const MAX_VALUE_BYTES = 1_048_487;
const MAX_NAME_BYTES = 1500;
const MAX_DEPTH = 20;
const MAX_DOCUMENT_BYTES = 1_048_576;

const RESERVED = /^__.*__$/;

/**
 * Validates a document's fields in the official emulator's order and words (limits.json,
 * document_writes.json): first the Firestore layer over the whole document (reserved and empty
 * names, nested arrays, values that are not values), then, field by field, the storage layer
 * (the name's length counted along its dotted path, an array element counting as `array`, the
 * length of strings and bytes, the nesting depth), where any problem inside a map is reported
 * only as `Property <p> contains an invalid nested entity.`; last, the size of the document.
 * Depth is checked before descending, so no input can overflow the stack.
 */
export function validateDocument(name: string, fields: Fields): void {
  checkNames(fields, true, 0);
  for (const [key, value] of Object.entries(fields)) {
    try {
      checkStored(key, value, 0, false);
    } catch (err) {
      if (err instanceof NestedEntityError) {
        throw invalid(`Property ${err.property} contains an invalid nested entity.`);
      }
      throw err;
    }
  }
  if (documentSize(name, fields) > MAX_DOCUMENT_BYTES) {
    throw invalid(`maximum entity size is ${MAX_DOCUMENT_BYTES} bytes`);
  }
}

/** A problem found inside a map, reported against the property that holds the map. */
class NestedEntityError extends Error {
  constructor(readonly property: string) {
    super(property);
  }
}

function checkNames(fields: Fields, topLevel: boolean, depth: number): void {
  if (depth > MAX_DEPTH) return; // reported with its property by checkStored
  for (const [key, value] of Object.entries(fields)) {
    if (key === '') throw invalid('Field names cannot be empty.');
    if (RESERVED.test(key) && !(key === '__type__' && !topLevel && isVectorMarker(value, fields))) {
      throw invalid(topLevel ? `field name ${key} is reserved` : `field name '${key}' is reserved.`);
    }
    checkValueNames(value, depth);
  }
}

function checkValueNames(value: Value, depth: number): void {
  kindOf(value);
  if (value.geoPointValue) checkGeoPoint(value.geoPointValue);
  if (value.referenceValue !== undefined) parseDocumentName(value.referenceValue);
  if (value.mapValue) checkNames(value.mapValue.fields ?? {}, false, depth + 1);
  else if (value.arrayValue) {
    for (const e of value.arrayValue.values ?? []) {
      if (e.arrayValue) throw invalid('Nested arrays are not allowed');
      if (depth + 1 <= MAX_DEPTH) checkValueNames(e, depth + 1);
    }
  }
}

/** Latitude in [-90, 90], longitude in [-180, 180]: never stored out of range (issue 14). */
function checkGeoPoint(g: { latitude?: number; longitude?: number }): void {
  const lat = g.latitude ?? 0;
  const lng = g.longitude ?? 0;
  if (!(lat >= -90 && lat <= 90)) throw invalid(`Latitude must be in [-90, 90]; found ${lat}.`);
  if (!(lng >= -180 && lng <= 180)) throw invalid(`Longitude must be in [-180, 180]; found ${lng}.`);
}

/** `__type__: "__vector__"` beside `value` marks a vector (FieldValue.vector), not a reserved name. */
function isVectorMarker(value: Value, fields: Fields): boolean {
  return value.stringValue === '__vector__' && isVector({ mapValue: { fields } });
}

/**
 * The storage layer's checks of one value held by property `path` (`array` for an element of an
 * array), `depth` containers deep; `inMap` turns every problem into a NestedEntityError.
 */
function checkStored(path: string, value: Value, depth: number, inMap: boolean): void {
  if (Buffer.byteLength(path) > MAX_NAME_BYTES) {
    if (inMap) throw new NestedEntityError('');
    throw invalid('The property.name is longer than 1500 bytes.');
  }
  const text = value.stringValue ?? value.bytesValue;
  if (text !== undefined && Buffer.byteLength(text) > MAX_VALUE_BYTES) {
    if (inMap) throw new NestedEntityError('');
    throw invalid(`The value of property "${path}" is longer than ${MAX_VALUE_BYTES} bytes.`);
  }
  if (value.mapValue) {
    try {
      if (depth + 1 > MAX_DEPTH) throw new NestedEntityError('');
      for (const [k, v] of Object.entries(value.mapValue.fields ?? {})) {
        checkStored(`${path}.${k}`, v, depth + 1, true);
      }
    } catch (err) {
      // The outermost map names the property.
      if (err instanceof NestedEntityError && !inMap) throw new NestedEntityError(path);
      throw err;
    }
  } else if (value.arrayValue) {
    if (depth + 1 > MAX_DEPTH) {
      if (inMap) throw new NestedEntityError('');
      throw invalid(`Property ${path} contains an invalid nested entity.`);
    }
    const elementPath = path.includes('.') ? path.slice(0, path.lastIndexOf('.') + 1) + 'array' : 'array';
    for (const e of value.arrayValue.values ?? []) checkStored(elementPath, e, depth + 1, inMap);
  }
}

/** Storage size as Firestore counts it (name, fields and 32 bytes); see the quotas page. */
function documentSize(name: string, fields: Fields): number {
  const below = name.slice(name.indexOf('/documents/') + '/documents/'.length);
  let size = 16 + 32;
  for (const segment of below.split('/')) size += Buffer.byteLength(segment) + 1;
  return size + fieldsSize(fields);
}

function fieldsSize(fields: Fields): number {
  let size = 0;
  for (const [k, v] of Object.entries(fields)) size += Buffer.byteLength(k) + 1 + valueSize(v);
  return size;
}

function valueSize(v: Value): number {
  if (v.stringValue !== undefined) return Buffer.byteLength(v.stringValue) + 1;
  if (v.bytesValue !== undefined) return v.bytesValue.length;
  if (v.referenceValue !== undefined) return Buffer.byteLength(v.referenceValue) + 1;
  if (v.geoPointValue !== undefined) return 16;
  if (v.arrayValue !== undefined) return (v.arrayValue.values ?? []).reduce((n, e) => n + valueSize(e), 0);
  if (v.mapValue !== undefined) return fieldsSize(v.mapValue.fields ?? {});
  if (v.booleanValue !== undefined || v.nullValue !== undefined) return 1;
  return 8;
}

function validateTransform(t: FieldTransform): void {
  parseFieldPath(t.fieldPath ?? '');
  const operand = t.increment ?? t.maximum ?? t.minimum;
  if (operand !== undefined && !isNumber(operand)) throw invalid('Input must be int64 or double.');
  if (
    t.setToServerValue === undefined &&
    operand === undefined &&
    !t.appendMissingElements &&
    !t.removeAllFromArray
  ) {
    throw invalid('Field transform has no transform type.');
  }
  if (t.setToServerValue !== undefined && t.setToServerValue !== 'REQUEST_TIME') {
    throw invalid(`Unsupported server value ${t.setToServerValue}`);
  }
}

/** Checks a precondition against the current version of a document. */
export function checkPrecondition(
  name: string,
  current: StoredDoc | undefined,
  pre: Precondition | undefined,
  kind: ResolvedWrite['kind'],
): void {
  if (!pre) return;
  if (pre.exists !== undefined) {
    if (pre.exists && !current) {
      throw new EmulatorError(Code.NOT_FOUND, `No document to update: ${name}`);
    }
    if (!pre.exists && current) {
      throw new EmulatorError(Code.ALREADY_EXISTS, `Document already exists: ${name}`);
    }
  }
  if (pre.updateTime !== undefined) {
    const required = timestampToMicros(pre.updateTime);
    const stored = current?.updateTime ?? 0;
    if (stored !== required) {
      if (kind === 'verify' && !current) {
        throw new EmulatorError(Code.NOT_FOUND, `No document to update: ${name}`);
      }
      throw new EmulatorError(
        Code.FAILED_PRECONDITION,
        `the stored version (${stored}) does not match the required base version (${required})`,
      );
    }
  }
}

/** Strict structural equality: an integer 1 and a double 1.0 differ here. */
function sameValue(a: Value, b: Value): boolean {
  const ka = kindOf(a);
  if (ka !== kindOf(b)) return false;
  switch (ka) {
    case 'double':
      return Object.is(a.doubleValue, b.doubleValue);
    case 'array': {
      const x = a.arrayValue?.values ?? [];
      const y = b.arrayValue?.values ?? [];
      return x.length === y.length && x.every((v, i) => sameValue(v, y[i]!));
    }
    case 'map':
      return sameFields(a.mapValue?.fields ?? {}, b.mapValue?.fields ?? {});
    default:
      return compareValues(a, b) === 0;
  }
}

function sameFields(a: Fields, b: Fields): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => b[k] !== undefined && sameValue(a[k]!, b[k]!));
}

function deepCopyFields(fields: Fields): Fields {
  return normalizeFields(fields);
}

function clampInt(n: bigint): string {
  return (n > INT64_MAX ? INT64_MAX : n < INT64_MIN ? INT64_MIN : n).toString();
}

function addNumbers(a: Value, b: Value): Value {
  if (a.integerValue !== undefined && b.integerValue !== undefined) {
    return { integerValue: clampInt(BigInt(a.integerValue) + BigInt(b.integerValue)) };
  }
  const x = a.integerValue !== undefined ? Number(a.integerValue) : a.doubleValue!;
  const y = b.integerValue !== undefined ? Number(b.integerValue) : b.doubleValue!;
  return { doubleValue: x + y };
}

function extremum(current: Value, operand: Value, wantMax: boolean): Value {
  if (isNaNValue(current)) return current;
  if (isNaNValue(operand)) return operand;
  const c = compareValues(operand, current);
  if (c === 0) {
    // Equal values: -0.0 and 0 become 0.0 when either is a double zero.
    if (current.doubleValue !== undefined && Object.is(current.doubleValue, -0)) return { doubleValue: 0 };
    return current;
  }
  return (wantMax ? c > 0 : c < 0) ? normalizeValue(operand) : current;
}

/** Applies one transform to `fields`; returns the transform result. */
function applyTransform(fields: Fields, t: FieldTransform, serverTime: Value): Value {
  const segments = parseFieldPath(t.fieldPath!);
  const current = getField(fields, segments);
  let next: Value;
  let result: Value;
  if (t.setToServerValue !== undefined) {
    next = result = serverTime;
  } else if (t.increment) {
    next = result =
      current && isNumber(current) ? addNumbers(current, t.increment) : normalizeValue(t.increment);
  } else if (t.maximum || t.minimum) {
    const operand = (t.maximum ?? t.minimum)!;
    next = result =
      current && isNumber(current) ? extremum(current, operand, Boolean(t.maximum)) : normalizeValue(operand);
  } else if (t.appendMissingElements) {
    const values = current?.arrayValue ? [...(current.arrayValue.values ?? [])] : [];
    for (const e of t.appendMissingElements.values ?? []) {
      if (!values.some((v) => sameOrEqual(v, e))) values.push(normalizeValue(e));
    }
    next = { arrayValue: { values } };
    result = { nullValue: 'NULL_VALUE' };
  } else {
    const remove = t.removeAllFromArray?.values ?? [];
    const values = (current?.arrayValue?.values ?? []).filter((v) => !remove.some((r) => sameOrEqual(v, r)));
    next = { arrayValue: { values } };
    result = { nullValue: 'NULL_VALUE' };
  }
  setField(fields, segments, next);
  return result;
}

/** Array transforms match elements by value, NaN matching NaN. */
function sameOrEqual(a: Value, b: Value): boolean {
  if (isNaNValue(a) && isNaNValue(b)) return true;
  return typeOrder(a) === typeOrder(b) && compareValues(a, b) === 0;
}

/** One write of a staged commit: the document before and after it. */
export interface StagedWrite {
  write: ResolvedWrite;
  before: StoredDoc | undefined;
  after: StoredDoc | undefined;
  outcome: WriteOutcome;
}

/** A commit computed but not yet installed (so rules can judge it first). */
export interface StagedCommit {
  writes: StagedWrite[];
  /** Final state of every document the commit changes (undefined = deleted). */
  changed: Map<string, StoredDoc | undefined>;
}

/**
 * Computes the writes of one commit at `commitTime` without changing the
 * database; throws on the first failing precondition or invalid write.
 */
export function stageWrites(db: Database, writes: ResolvedWrite[], commitTime: number): StagedCommit {
  const staged = new Map<string, StoredDoc | undefined>();
  const current = (path: string) => (staged.has(path) ? staged.get(path) : db.get(path));
  const serverTime: Value = {
    timestampValue: microsToTimestamp(Math.floor(commitTime / 1000) * 1000),
  };
  const out: StagedWrite[] = [];
  const changed = new Map<string, StoredDoc | undefined>();

  for (const w of writes) {
    const before = current(w.path);
    checkPrecondition(w.name, before, w.write.currentDocument, w.kind);
    if (w.kind === 'verify') {
      out.push({
        write: w,
        before,
        after: before,
        outcome: { updateTime: before?.updateTime, transformResults: undefined },
      });
      continue;
    }
    if (w.kind === 'delete') {
      staged.set(w.path, undefined);
      if (before) changed.set(w.path, undefined);
      out.push({
        write: w,
        before,
        after: undefined,
        outcome: { updateTime: undefined, transformResults: undefined },
      });
      continue;
    }
    let fields: Fields;
    if (w.kind === 'transform') {
      fields = before ? deepCopyFields(before.fields) : {};
    } else {
      const update = w.write.update!;
      const incoming = update.fields ?? {};
      if (w.write.updateMask === undefined) {
        fields = deepCopyFields(incoming);
      } else {
        fields = before ? deepCopyFields(before.fields) : {};
        for (const path of w.write.updateMask.fieldPaths ?? []) {
          const segments = parseFieldPath(path);
          const v = getField(incoming, segments);
          if (v === undefined) deleteField(fields, segments);
          else setField(fields, segments, normalizeValue(v));
        }
      }
    }
    const transforms = transformsOf(w.write);
    const results = transforms.map((t) => applyTransform(fields, t, serverTime));
    const transformResults = transforms.length ? results : undefined;
    if (before !== undefined && sameFields(before.fields, fields)) {
      out.push({
        write: w,
        before,
        after: before,
        outcome: { updateTime: before.updateTime, transformResults },
      });
      continue;
    }
    const after = makeStoredDoc(w.path, fields, before?.createTime ?? commitTime, commitTime);
    staged.set(w.path, after);
    changed.set(w.path, after);
    out.push({ write: w, before, after, outcome: { updateTime: commitTime, transformResults } });
  }
  return { writes: out, changed };
}

/**
 * Installs a staged commit and counts its writes and deletes as Firestore
 * bills them: every write, including one that changes nothing.
 */
export function installStaged(db: Database, staged: StagedCommit): WriteOutcome[] {
  for (const [path, doc] of staged.changed) db.put(path, doc);
  for (const w of staged.writes) {
    if (w.write.kind === 'delete') db.counts.documentDeletes++;
    else if (w.write.kind !== 'verify') db.counts.documentWrites++;
  }
  return staged.writes.map((w) => w.outcome);
}

/** Stages and installs in one step (no rules to consult). */
export function applyWrites(db: Database, writes: ResolvedWrite[], commitTime: number): WriteOutcome[] {
  return installStaged(db, stageWrites(db, writes, commitTime));
}

/** True when the write set names the same document twice in a way Firestore refuses. */
export function checkVerifyConflicts(writes: ResolvedWrite[]): void {
  const verified = new Set<string>();
  const written = new Set<string>();
  for (const w of writes) {
    if (w.kind === 'verify') {
      if (verified.has(w.path))
        throw invalid('the same document cannot be verified more than once in a single request');
      if (written.has(w.path))
        throw invalid('the same document cannot be written and then verified in a single request');
      verified.add(w.path);
    } else {
      if (verified.has(w.path))
        throw invalid('the same document cannot be verified and then written in a single request');
      written.add(w.path);
    }
  }
}

/**
 * A batch write is refused as a whole, before anything else is checked (the caller's rights
 * included), when it names a document twice or holds an invalid write (document_writes.json
 * "batch write", transactions.json "batch write with an invalid write"); only preconditions
 * and locks fail write by write.
 */
export function checkBatchWrites(db: DatabaseId, writes: ProtoWrite[]): void {
  const seen = new Set<string>();
  for (const w of writes) {
    const name = w.update?.name ?? w.delete ?? w.verify ?? w.transform?.document;
    if (name === undefined) continue;
    if (seen.has(name))
      throw invalid('the same document cannot be written more than once in a single request');
    seen.add(name);
  }
  for (const w of writes) resolveWrite(db, w);
}
