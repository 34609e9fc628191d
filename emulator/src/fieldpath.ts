/**
 * Field paths as Firestore writes them in masks, transforms, orders and
 * filters: dot-separated segments, with backtick quoting for segments that are
 * not simple identifiers (`` `a.b`.c ``, backslash escapes inside).
 */
import { Code, EmulatorError } from './errors';
import type { Fields, Value } from './types';

const SIMPLE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const cache = new Map<string, string[]>();

/** Splits a field path string into its segments (memoised: paths repeat). */
export function parseFieldPath(path: string): string[] {
  const hit = cache.get(path);
  if (hit) return hit;
  const segments: string[] = [];
  let i = 0;
  while (i < path.length) {
    let segment = '';
    if (path[i] === '`') {
      i++;
      let closed = false;
      while (i < path.length) {
        const ch = path[i]!;
        if (ch === '\\' && i + 1 < path.length) {
          segment += path[i + 1];
          i += 2;
        } else if (ch === '`') {
          closed = true;
          i++;
          break;
        } else {
          segment += ch;
          i++;
        }
      }
      if (!closed) throw invalidPath(path);
    } else {
      while (i < path.length && path[i] !== '.') segment += path[i++];
      // Unquoted segments are identifiers; anything else must be backtick-quoted (the SDKs do).
      if (!SIMPLE.test(segment)) throw invalidPath(path);
    }
    if (segment === '') throw invalidPath(path);
    segments.push(segment);
    if (i < path.length) {
      if (path[i] !== '.') throw invalidPath(path);
      i++;
      if (i === path.length) throw invalidPath(path);
    }
  }
  if (segments.length === 0) throw invalidPath(path);
  if (cache.size > 10_000) cache.clear();
  cache.set(path, segments);
  return segments;
}

/** The official emulator's wording (queries.json, document_writes.json, aggregations.json). */
function invalidPath(path: string): EmulatorError {
  if (path === '') return new EmulatorError(Code.INVALID_ARGUMENT, 'Invalid empty property path string.');
  return new EmulatorError(
    Code.INVALID_ARGUMENT,
    `Invalid property path "${path}". Unquoted property paths must match regex ([a-zA-Z_][a-zA-Z_0-9]*), ` +
      'and quoted property paths must match regex (`(?:[^`\\\\]|(?:\\\\.))+`)',
  );
}

/** Canonical string form of segments (the inverse of parseFieldPath). */
export function formatFieldPath(segments: readonly string[]): string {
  return segments
    .map((s) => (SIMPLE.test(s) ? s : '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`') + '`'))
    .join('.');
}

/** Reads the value at a path; undefined when any segment is missing or not a map. */
export function getField(fields: Fields, segments: readonly string[]): Value | undefined {
  let current: Value | undefined = fields[segments[0]!];
  for (let i = 1; i < segments.length; i++) {
    if (current?.mapValue === undefined) return undefined;
    current = current.mapValue.fields?.[segments[i]!];
  }
  return current;
}

/** Sets the value at a path, creating intermediate maps (replacing non-maps). */
export function setField(fields: Fields, segments: readonly string[], value: Value): void {
  let target = fields;
  for (let i = 0; i < segments.length - 1; i++) {
    const key = segments[i]!;
    let next = target[key];
    if (next?.mapValue === undefined) {
      next = { mapValue: { fields: {} } };
      target[key] = next;
    }
    next.mapValue!.fields ??= {};
    target = next.mapValue!.fields!;
  }
  target[segments[segments.length - 1]!] = value;
}

/** Removes the value at a path if present. */
export function deleteField(fields: Fields, segments: readonly string[]): void {
  let target: Fields | undefined = fields;
  for (let i = 0; i < segments.length - 1; i++) {
    target = target?.[segments[i]!]?.mapValue?.fields;
    if (!target) return;
  }
  delete target[segments[segments.length - 1]!];
}

/**
 * The fields at the given paths, nested as in the document (a query's
 * `select`, a read's `mask`). Missing paths are left out.
 */
export function projectFields(fields: Fields, paths: readonly (readonly string[])[]): Fields {
  const out: Fields = {};
  for (const segments of paths) {
    const v = getField(fields, segments);
    if (v !== undefined) setField(out, segments, v);
  }
  return out;
}
