/**
 * Proto3 JSON <-> the decoded-proto shapes of types.ts, driven by the message
 * descriptors, for the REST API and the data file. Handles what differs between
 * the two representations: Timestamps as RFC 3339 strings, bytes as base64,
 * wrapper types as bare numbers, doubles as "NaN"/"Infinity" strings, and
 * `nullValue` as JSON null. Responses print timestamps with 0, 3, 6 or 9
 * fractional digits and always end in `Z`, as the lite SDK requires.
 */
import * as protobuf from 'protobufjs';
import { invalid } from './errors';
import { messageType } from './proto';

const WRAPPERS = new Set([
  'google.protobuf.Int32Value',
  'google.protobuf.Int64Value',
  'google.protobuf.UInt32Value',
  'google.protobuf.DoubleValue',
  'google.protobuf.BoolValue',
  'google.protobuf.StringValue',
]);
const LONG_TYPES = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);
const TIMESTAMP = 'google.protobuf.Timestamp';

function fullName(t: protobuf.ReflectionObject): string {
  return t.fullName.replace(/^\./, '');
}

/** Parses an RFC 3339 timestamp into seconds and nanos. */
export function parseTimestamp(s: string): { seconds: string; nanos: number } {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(s);
  if (!m) throw invalid(`Invalid timestamp: ${s}`);
  const base = Date.parse(m[1]! + (m[3] === 'Z' ? 'Z' : m[3]!));
  if (Number.isNaN(base)) throw invalid(`Invalid timestamp: ${s}`);
  const nanos = m[2] ? Number(m[2].padEnd(9, '0')) : 0;
  return { seconds: String(Math.floor(base / 1000)), nanos };
}

/** Formats seconds and nanos as RFC 3339 UTC with trimmed fractional digits. */
export function formatTimestamp(t: { seconds?: string | number; nanos?: number }): string {
  const seconds = Number(t.seconds ?? 0);
  const nanos = t.nanos ?? 0;
  const base = new Date(seconds * 1000).toISOString().slice(0, 19);
  if (nanos === 0) return base + 'Z';
  let digits = String(nanos).padStart(9, '0');
  if (nanos % 1_000_000 === 0) digits = digits.slice(0, 3);
  else if (nanos % 1000 === 0) digits = digits.slice(0, 6);
  return `${base}.${digits}Z`;
}

/** A value of the wrong JSON type or form: refused, never coerced (issue 14). */
function badValue(field: protobuf.Field, v: unknown): Error {
  const shown = JSON.stringify(v) ?? String(v);
  return invalid(
    `Invalid value at '${field.name}' (TYPE_${field.type.toUpperCase()}), ${shown.slice(0, 100)}`,
  );
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;
const BASE64_URL = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}(?:==)?|[A-Za-z0-9_-]{3}=?)?$/;
const INTEGER = /^-?\d+$/;
const INT_RANGE: Record<string, [bigint, bigint]> = {
  int64: [-(1n << 63n), (1n << 63n) - 1n],
  sint64: [-(1n << 63n), (1n << 63n) - 1n],
  sfixed64: [-(1n << 63n), (1n << 63n) - 1n],
  uint64: [0n, (1n << 64n) - 1n],
  fixed64: [0n, (1n << 64n) - 1n],
  int32: [-(1n << 31n), (1n << 31n) - 1n],
  sint32: [-(1n << 31n), (1n << 31n) - 1n],
  sfixed32: [-(1n << 31n), (1n << 31n) - 1n],
  uint32: [0n, (1n << 32n) - 1n],
  fixed32: [0n, (1n << 32n) - 1n],
};

/** An integer of a proto integer type, from a JSON number or decimal string, range-checked. */
function integerFromJson(field: protobuf.Field, v: unknown): bigint {
  const text = typeof v === 'number' && Number.isInteger(v) ? BigInt(v).toString() : v;
  if (typeof text !== 'string' || !INTEGER.test(text)) throw badValue(field, v);
  const n = BigInt(text);
  const [min, max] = INT_RANGE[field.type]!;
  if (n < min || n > max) throw badValue(field, v);
  return n;
}

function scalarFromJson(field: protobuf.Field, v: unknown): unknown {
  if (field.resolvedType instanceof protobuf.Enum) {
    if (typeof v === 'number') return field.resolvedType.valuesById[v] ?? v;
    return v;
  }
  if (field.resolvedType instanceof protobuf.Type) return messageFromJson(field.resolvedType, v);
  switch (field.type) {
    case 'bytes':
      if (typeof v !== 'string' || !(BASE64.test(v) || BASE64_URL.test(v))) throw badValue(field, v);
      return Buffer.from(v, BASE64.test(v) ? 'base64' : 'base64url');
    case 'double':
    case 'float':
      if (typeof v === 'number') return v;
      if (typeof v === 'string') {
        if (v === 'NaN') return NaN;
        if (v === 'Infinity') return Infinity;
        if (v === '-Infinity') return -Infinity;
        // Lenient as the official emulator is: a number written as a string.
        if (v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
      }
      throw badValue(field, v);
    case 'bool':
      if (typeof v !== 'boolean') throw badValue(field, v);
      return v;
    case 'string':
      if (typeof v !== 'string') throw badValue(field, v);
      return v;
    default:
      if (INT_RANGE[field.type]) {
        const n = integerFromJson(field, v);
        return LONG_TYPES.has(field.type) ? n.toString() : Number(n);
      }
      return v;
  }
}

/** Converts proto3 JSON into the decoded shape of `type`. */
export function messageFromJson(type: protobuf.Type, json: unknown): unknown {
  const name = fullName(type);
  if (name === TIMESTAMP) {
    if (typeof json !== 'string') throw invalid('Timestamp must be an RFC 3339 string.');
    return parseTimestamp(json);
  }
  if (WRAPPERS.has(name)) {
    const valueField = type.fields.value!;
    return { value: scalarFromJson(valueField, json) };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    if (name === 'google.firestore.v1.Value') throw invalid('Invalid Value.');
    throw invalid(`Invalid JSON for ${name}.`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(json as Record<string, unknown>)) {
    const field = type.fields[key] ?? type.fields[snakeToCamel(key)];
    if (!field) continue; // unknown fields are ignored, as proto3 JSON parsers may
    field.resolve();
    if (name === 'google.firestore.v1.Value' && field.name === 'nullValue') {
      out.nullValue = 'NULL_VALUE';
      continue;
    }
    if (v === null) continue;
    if (field.map) {
      const m: Record<string, unknown> = {};
      for (const [k, mv] of Object.entries(v as Record<string, unknown>)) m[k] = scalarFromJson(field, mv);
      out[field.name] = m;
    } else if (field.repeated) {
      if (!Array.isArray(v)) throw invalid(`Field ${field.name} must be an array.`);
      out[field.name] = v.map((e) => scalarFromJson(field, e));
    } else {
      out[field.name] = scalarFromJson(field, v);
    }
  }
  return out;
}

function snakeToCamel(s: string): string {
  return s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function scalarToJson(field: protobuf.Field, v: unknown): unknown {
  if (field.resolvedType instanceof protobuf.Type) return messageToJson(field.resolvedType, v);
  if (field.resolvedType instanceof protobuf.Enum) return v;
  switch (field.type) {
    case 'bytes':
      return Buffer.from(v as Uint8Array).toString('base64');
    case 'double':
    case 'float': {
      const n = v as number;
      if (Number.isNaN(n)) return 'NaN';
      if (n === Infinity) return 'Infinity';
      if (n === -Infinity) return '-Infinity';
      return n;
    }
    default:
      if (LONG_TYPES.has(field.type)) return String(v);
      return v;
  }
}

/** Converts a decoded-shape message of `type` into proto3 JSON. */
export function messageToJson(type: protobuf.Type, msg: unknown): unknown {
  const name = fullName(type);
  const obj = msg as Record<string, unknown>;
  if (name === TIMESTAMP) return formatTimestamp(obj as { seconds?: string; nanos?: number });
  if (WRAPPERS.has(name)) return scalarToJson(type.fields.value!, obj.value);
  const out: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    const v = obj[field.name];
    if (v === undefined) continue;
    field.resolve();
    if (name === 'google.firestore.v1.Value' && field.name === 'nullValue') {
      out.nullValue = null;
      continue;
    }
    if (field.map) {
      // proto3 JSON leaves out empty maps and lists, as the official emulator does
      // (`{"arrayValue":{}}`, `{}` for an empty listing; transforms.json, document_writes.json).
      const entries = Object.entries(v as Record<string, unknown>);
      if (entries.length === 0) continue;
      const m: Record<string, unknown> = {};
      for (const [k, mv] of entries) m[k] = scalarToJson(field, mv);
      out[field.name] = m;
    } else if (field.repeated) {
      if ((v as unknown[]).length === 0) continue;
      out[field.name] = (v as unknown[]).map((e) => scalarToJson(field, e));
    } else {
      out[field.name] = scalarToJson(field, v);
    }
  }
  return out;
}

/** JSON -> decoded shape, by message name (`google.firestore.v1.X`). */
export function fromJson<T>(typeName: string, json: unknown): T {
  return messageFromJson(messageType(typeName), json) as T;
}

/** Decoded shape -> JSON, by message name. */
export function toJson(typeName: string, msg: unknown): unknown {
  return messageToJson(messageType(typeName), msg);
}
