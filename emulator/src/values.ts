/**
 * Firestore value semantics: the total order across types, numeric equality of
 * integers and doubles, microsecond timestamps, and canonical keys for indexes.
 *
 * The order is the one Firestore documents and the official emulator shows
 * (emulator/README.md, "Where each behaviour was learned"): null < booleans
 * < NaN < numbers < timestamps < strings (UTF-8 byte order) < bytes
 * < references < geo points < arrays < vectors < maps.
 */
import { Code, EmulatorError } from './errors';
import type { ProtoTimestamp, Value } from './types';
import { compareResourceNames, compareUtf8 } from './paths';

/** Type classes in ascending order; range filters only match within one class. */
export enum TypeOrder {
  Null = 0,
  Boolean = 1,
  Number = 2,
  Timestamp = 3,
  String = 4,
  Bytes = 5,
  Reference = 6,
  GeoPoint = 7,
  Array = 8,
  Vector = 9,
  Map = 10,
}

/** The member of the Value oneof that is set. */
export type ValueKind =
  | 'null'
  | 'boolean'
  | 'integer'
  | 'double'
  | 'timestamp'
  | 'string'
  | 'bytes'
  | 'reference'
  | 'geopoint'
  | 'array'
  | 'map';

/** Returns which member of the oneof a value carries; throws on an empty Value. */
export function kindOf(v: Value): ValueKind {
  if (v.nullValue !== undefined) return 'null';
  if (v.booleanValue !== undefined) return 'boolean';
  if (v.integerValue !== undefined) return 'integer';
  if (v.doubleValue !== undefined) return 'double';
  if (v.timestampValue !== undefined) return 'timestamp';
  if (v.stringValue !== undefined) return 'string';
  if (v.bytesValue !== undefined) return 'bytes';
  if (v.referenceValue !== undefined) return 'reference';
  if (v.geoPointValue !== undefined) return 'geopoint';
  if (v.arrayValue !== undefined) return 'array';
  if (v.mapValue !== undefined) return 'map';
  // A value with no kind set is a malformed request (400), never an internal error.
  throw new EmulatorError(Code.INVALID_ARGUMENT, 'A value must have a value type set.');
}

/** A map `{__type__: "__vector__", value: [...]}` is a vector (embedding). */
export function isVector(v: Value): boolean {
  const f = v.mapValue?.fields;
  return f?.__type__?.stringValue === '__vector__';
}

export function typeOrder(v: Value): TypeOrder {
  switch (kindOf(v)) {
    case 'null':
      return TypeOrder.Null;
    case 'boolean':
      return TypeOrder.Boolean;
    case 'integer':
    case 'double':
      return TypeOrder.Number;
    case 'timestamp':
      return TypeOrder.Timestamp;
    case 'string':
      return TypeOrder.String;
    case 'bytes':
      return TypeOrder.Bytes;
    case 'reference':
      return TypeOrder.Reference;
    case 'geopoint':
      return TypeOrder.GeoPoint;
    case 'array':
      return TypeOrder.Array;
    case 'map':
      return isVector(v) ? TypeOrder.Vector : TypeOrder.Map;
  }
}

export function isNaNValue(v: Value): boolean {
  return v.doubleValue !== undefined && Number.isNaN(v.doubleValue);
}

export function isNullValue(v: Value): boolean {
  return v.nullValue !== undefined;
}

/** Timestamp as integer microseconds since the epoch (exact up to year 9999). */
export function timestampToMicros(t: ProtoTimestamp | undefined): number {
  const seconds = Number(t?.seconds ?? 0);
  const nanos = t?.nanos ?? 0;
  return seconds * 1_000_000 + Math.floor(nanos / 1000);
}

export function microsToTimestamp(micros: number): { seconds: string; nanos: number } {
  const seconds = Math.floor(micros / 1_000_000);
  return { seconds: String(seconds), nanos: (micros - seconds * 1_000_000) * 1000 };
}

const SAFE_DIGITS = 15;

function integerAsNumber(s: string): number | undefined {
  return s.length <= SAFE_DIGITS ? Number(s) : undefined;
}

/** Compares an integer (decimal string) with a double, exactly. */
function compareIntegerDouble(i: string, d: number): number {
  if (Number.isNaN(d)) return 1;
  if (d === Infinity) return -1;
  if (d === -Infinity) return 1;
  const asNum = integerAsNumber(i);
  if (asNum !== undefined) return asNum < d ? -1 : asNum > d ? 1 : 0;
  const bi = BigInt(i);
  if (Number.isInteger(d)) {
    const bd = BigInt(d);
    return bi < bd ? -1 : bi > bd ? 1 : 0;
  }
  // Not integral: i <= floor(d) means i < d, otherwise i > d.
  return bi <= BigInt(Math.floor(d)) ? -1 : 1;
}

function compareIntegers(a: string, b: string): number {
  const na = integerAsNumber(a);
  const nb = integerAsNumber(b);
  if (na !== undefined && nb !== undefined) return na < nb ? -1 : na > nb ? 1 : 0;
  const ba = BigInt(a);
  const bb = BigInt(b);
  return ba < bb ? -1 : ba > bb ? 1 : 0;
}

function compareDoubles(a: number, b: number): number {
  // NaN sorts before every other number and equals itself.
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
  if (Number.isNaN(b)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNumbers(a: Value, b: Value): number {
  if (a.integerValue !== undefined) {
    if (b.integerValue !== undefined) return compareIntegers(a.integerValue, b.integerValue);
    return compareIntegerDouble(a.integerValue, b.doubleValue ?? 0);
  }
  if (b.integerValue !== undefined) return -compareIntegerDouble(b.integerValue, a.doubleValue ?? 0);
  return compareDoubles(a.doubleValue ?? 0, b.doubleValue ?? 0);
}

function compareArrays(a: Value[], b: Value[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareValues(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function sortedKeys(fields: Record<string, Value>): string[] {
  return Object.keys(fields).sort(compareUtf8);
}

function compareMaps(a: Record<string, Value>, b: Record<string, Value>): number {
  const ka = sortedKeys(a);
  const kb = sortedKeys(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const c = compareUtf8(ka[i]!, kb[i]!);
    if (c !== 0) return c;
    const cv = compareValues(a[ka[i]!]!, b[kb[i]!]!);
    if (cv !== 0) return cv;
  }
  return ka.length - kb.length;
}

function vectorElements(v: Value): Value[] {
  return v.mapValue?.fields?.value?.arrayValue?.values ?? [];
}

/** Total order of Firestore values; returns <0, 0 or >0. */
export function compareValues(a: Value, b: Value): number {
  const ta = typeOrder(a);
  const tb = typeOrder(b);
  if (ta !== tb) return ta - tb;
  switch (ta) {
    case TypeOrder.Null:
      return 0;
    case TypeOrder.Boolean:
      return Number(a.booleanValue ?? false) - Number(b.booleanValue ?? false);
    case TypeOrder.Number:
      return compareNumbers(a, b);
    case TypeOrder.Timestamp: {
      const d = timestampToMicros(a.timestampValue) - timestampToMicros(b.timestampValue);
      return d < 0 ? -1 : d > 0 ? 1 : 0;
    }
    case TypeOrder.String:
      return compareUtf8(a.stringValue ?? '', b.stringValue ?? '');
    case TypeOrder.Bytes:
      return Buffer.compare(a.bytesValue ?? Buffer.alloc(0), b.bytesValue ?? Buffer.alloc(0));
    case TypeOrder.Reference:
      return compareResourceNames(a.referenceValue ?? '', b.referenceValue ?? '');
    case TypeOrder.GeoPoint: {
      const ga = a.geoPointValue ?? {};
      const gb = b.geoPointValue ?? {};
      return (
        compareDoubles(ga.latitude ?? 0, gb.latitude ?? 0) ||
        compareDoubles(ga.longitude ?? 0, gb.longitude ?? 0)
      );
    }
    case TypeOrder.Array:
      return compareArrays(a.arrayValue?.values ?? [], b.arrayValue?.values ?? []);
    case TypeOrder.Vector: {
      const va = vectorElements(a);
      const vb = vectorElements(b);
      return va.length - vb.length || compareArrays(va, vb);
    }
    case TypeOrder.Map:
      return compareMaps(a.mapValue?.fields ?? {}, b.mapValue?.fields ?? {});
  }
}

/**
 * Canonical key such that two values are equal under Firestore's `==` exactly
 * when their keys are equal (1 and 1.0 share a key; -0.0 and 0 too).
 */
export function indexKey(v: Value): string {
  switch (kindOf(v)) {
    case 'null':
      return 'z';
    case 'boolean':
      return v.booleanValue ? 'b1' : 'b0';
    case 'integer':
      return 'n' + BigInt(v.integerValue!).toString();
    case 'double': {
      const d = v.doubleValue ?? 0;
      if (Number.isInteger(d)) return 'n' + BigInt(d).toString();
      return 'n' + String(d);
    }
    case 'timestamp':
      return 't' + String(timestampToMicros(v.timestampValue));
    case 'string':
      return 's' + v.stringValue;
    case 'bytes':
      return 'y' + (v.bytesValue ?? Buffer.alloc(0)).toString('base64');
    case 'reference':
      return 'r' + v.referenceValue;
    case 'geopoint':
      return 'g' + (v.geoPointValue?.latitude ?? 0) + ',' + (v.geoPointValue?.longitude ?? 0);
    case 'array':
      return 'a' + JSON.stringify((v.arrayValue?.values ?? []).map(indexKey));
    case 'map': {
      const fields = v.mapValue?.fields ?? {};
      return 'm' + JSON.stringify(sortedKeys(fields).map((k) => [k, indexKey(fields[k]!)]));
    }
  }
}

/**
 * Normalises a value received from a client into the stored form: a single
 * oneof member, canonical integers, timestamps truncated to microseconds (the
 * precision Firestore keeps), bytes as Buffers, maps and arrays deep-copied.
 */
export function normalizeValue(v: Value): Value {
  switch (kindOf(v)) {
    case 'null':
      return { nullValue: 'NULL_VALUE' };
    case 'boolean':
      return { booleanValue: Boolean(v.booleanValue) };
    case 'integer':
      return { integerValue: BigInt.asIntN(64, BigInt(v.integerValue!)).toString() };
    case 'double':
      return { doubleValue: Number(v.doubleValue) };
    case 'timestamp':
      return { timestampValue: microsToTimestamp(timestampToMicros(v.timestampValue)) };
    case 'string':
      return { stringValue: v.stringValue! };
    case 'bytes':
      return { bytesValue: Buffer.from(v.bytesValue ?? Buffer.alloc(0)) };
    case 'reference':
      return { referenceValue: v.referenceValue! };
    case 'geopoint':
      return {
        geoPointValue: {
          latitude: v.geoPointValue?.latitude ?? 0,
          longitude: v.geoPointValue?.longitude ?? 0,
        },
      };
    case 'array':
      return { arrayValue: { values: (v.arrayValue?.values ?? []).map(normalizeValue) } };
    case 'map':
      return { mapValue: { fields: normalizeFields(v.mapValue?.fields ?? {}) } };
  }
}

export function normalizeFields(fields: Record<string, Value>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = normalizeValue(v);
  return out;
}

/** True for integer and double values. */
export function isNumber(v: Value): boolean {
  return v.integerValue !== undefined || v.doubleValue !== undefined;
}

/** Numeric value as a JS number (lossy above 2^53, as Firestore's own sums are). */
export function toNumber(v: Value): number {
  if (v.integerValue !== undefined) return Number(v.integerValue);
  return v.doubleValue ?? 0;
}
