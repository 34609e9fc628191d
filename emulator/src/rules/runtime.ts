/**
 * Runtime values of the rules language and its standard library: strings,
 * lists, maps, sets, MapDiff, timestamps, durations, lat/lng, paths, math and
 * type conversions. Integers are bigints, floats are numbers; `1 == 1.0`.
 */
import { createHash } from 'node:crypto';
import type { Value } from '../types';
import { timestampToMicros } from '../values';

/** An error while evaluating an expression; it denies unless `&&`/`||` decide otherwise. */
export class RulesEvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RulesEvalError';
  }
}

export const fail = (message: string): never => {
  throw new RulesEvalError(message);
};

/** A map value (document data, request, token claims, map literals). */
export class RMap {
  constructor(readonly entries: Map<string, RValue> = new Map()) {}
  get(key: string): RValue | undefined {
    return this.entries.get(key);
  }
  static of(obj: Record<string, RValue>): RMap {
    return new RMap(new Map(Object.entries(obj)));
  }
}

export class RSet {
  readonly items: RValue[];
  constructor(items: RValue[]) {
    const unique: RValue[] = [];
    for (const v of items) if (!unique.some((u) => equals(u, v))) unique.push(v);
    this.items = unique;
  }
  has(v: RValue): boolean {
    return this.items.some((u) => equals(u, v));
  }
}

export class RTimestamp {
  constructor(readonly micros: number) {}
}

export class RDuration {
  constructor(readonly nanos: bigint) {}
}

export class RLatLng {
  constructor(
    readonly lat: number,
    readonly lng: number,
  ) {}
}

/** A path such as `/databases/(default)/documents/units/42`, as segments. */
export class RPath {
  constructor(readonly segments: string[]) {}
  toString(): string {
    return '/' + this.segments.join('/');
  }
}

export class RMapDiff {
  constructor(
    readonly left: RMap,
    readonly right: RMap,
  ) {}
}

/**
 * A value that list-query analysis cannot know: a field of a document the
 * query might return that the query's filters do not pin down. `field` names
 * it so comparisons can consult the filters' constraints.
 */
export class Unknown {
  constructor(readonly field?: string[]) {}
}

export type RValue =
  | null
  | boolean
  | bigint
  | number
  | string
  | Buffer
  | RValue[]
  | RMap
  | RSet
  | RTimestamp
  | RDuration
  | RLatLng
  | RPath
  | RMapDiff
  | Unknown;

/** The type name `is` checks against. */
export function typeName(v: RValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'string';
  if (Buffer.isBuffer(v)) return 'bytes';
  if (Array.isArray(v)) return 'list';
  if (v instanceof RMap) return 'map';
  if (v instanceof RSet) return 'set';
  if (v instanceof RTimestamp) return 'timestamp';
  if (v instanceof RDuration) return 'duration';
  if (v instanceof RLatLng) return 'latlng';
  if (v instanceof RPath) return 'path';
  if (v instanceof RMapDiff) return 'map_diff';
  return 'unknown';
}

/** `x is type` */
export function isType(v: RValue, type: string): boolean {
  const t = typeName(v);
  if (type === 'number') return t === 'int' || t === 'float';
  if (type === 'boolean') return t === 'bool';
  if (type === 'integer') return t === 'int';
  if (type === 'gp' || type === 'geopoint') return t === 'latlng';
  return t === type;
}

/** Converts a stored Firestore value. References become paths. */
export function fromFirestore(v: Value): RValue {
  if (v.nullValue !== undefined) return null;
  if (v.booleanValue !== undefined) return v.booleanValue;
  if (v.integerValue !== undefined) return BigInt(v.integerValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.timestampValue !== undefined) return new RTimestamp(timestampToMicros(v.timestampValue));
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.bytesValue !== undefined) return Buffer.from(v.bytesValue);
  if (v.referenceValue !== undefined) return new RPath(v.referenceValue.split('/').slice(2));
  if (v.geoPointValue !== undefined)
    return new RLatLng(v.geoPointValue.latitude ?? 0, v.geoPointValue.longitude ?? 0);
  if (v.arrayValue !== undefined) return (v.arrayValue.values ?? []).map(fromFirestore);
  if (v.mapValue !== undefined) return fieldsToMap(v.mapValue.fields ?? {});
  return null;
}

export function fieldsToMap(fields: Record<string, Value>): RMap {
  const m = new Map<string, RValue>();
  for (const [k, v] of Object.entries(fields)) m.set(k, fromFirestore(v));
  return new RMap(m);
}

/** Converts plain JSON (token claims) into rules values; integers stay ints. */
export function fromJsonValue(v: unknown): RValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (Array.isArray(v)) return v.map(fromJsonValue);
  if (typeof v === 'object') {
    const m = new Map<string, RValue>();
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) m.set(k, fromJsonValue(x));
    return new RMap(m);
  }
  return String(v);
}

const isNum = (v: RValue): v is bigint | number => typeof v === 'bigint' || typeof v === 'number';

/** Equality as `==` defines it (deep, int and float numerically). */
export function equals(a: RValue, b: RValue): boolean {
  if (a instanceof Unknown || b instanceof Unknown) fail('unknown');
  if (isNum(a) && isNum(b)) return Number(a) === Number(b) || (typeof a === typeof b && a === b);
  if (a === null || b === null) return a === b;
  if (typeof a !== typeof b) return false;
  if (typeof a !== 'object') return a === b;
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => equals(x, b[i]!));
  if (a instanceof RMap && b instanceof RMap) {
    if (a.entries.size !== b.entries.size) return false;
    for (const [k, v] of a.entries) {
      const w = b.entries.get(k);
      if (w === undefined || !equals(v, w)) return false;
    }
    return true;
  }
  if (a instanceof RSet && b instanceof RSet)
    return a.items.length === b.items.length && a.items.every((x) => b.has(x));
  if (a instanceof RTimestamp && b instanceof RTimestamp) return a.micros === b.micros;
  if (a instanceof RDuration && b instanceof RDuration) return a.nanos === b.nanos;
  if (a instanceof RLatLng && b instanceof RLatLng) return a.lat === b.lat && a.lng === b.lng;
  if (a instanceof RPath && b instanceof RPath) return a.toString() === b.toString();
  return false;
}

/** Ordering for < <= > >=: numbers, strings, timestamps, durations, bytes, lists. */
export function compare(a: RValue, b: RValue): number {
  if (isNum(a) && isNum(b)) {
    if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
    const x = Number(a);
    const y = Number(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof RTimestamp && b instanceof RTimestamp) return Math.sign(a.micros - b.micros);
  if (a instanceof RDuration && b instanceof RDuration)
    return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return Buffer.compare(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compare(a[i]!, b[i]!);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  return fail(`Cannot compare ${typeName(a)} and ${typeName(b)}`);
}

export function truthy(v: RValue): boolean {
  if (typeof v !== 'boolean') fail(`Expected a bool but found ${typeName(v)}`);
  return v as boolean;
}

/** Arithmetic: int op int stays int (64-bit, overflow is an error); float otherwise. */
export function arithmetic(op: string, a: RValue, b: RValue): RValue {
  if (op === '+') {
    if (typeof a === 'string' && typeof b === 'string') return a + b;
    if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
    if (a instanceof RTimestamp && b instanceof RDuration)
      return new RTimestamp(a.micros + Number(b.nanos / 1000n));
    if (a instanceof RDuration && b instanceof RTimestamp)
      return new RTimestamp(b.micros + Number(a.nanos / 1000n));
    if (a instanceof RDuration && b instanceof RDuration) return new RDuration(a.nanos + b.nanos);
  }
  if (op === '-') {
    if (a instanceof RTimestamp && b instanceof RDuration)
      return new RTimestamp(a.micros - Number(b.nanos / 1000n));
    if (a instanceof RTimestamp && b instanceof RTimestamp)
      return new RDuration(BigInt(a.micros - b.micros) * 1000n);
    if (a instanceof RDuration && b instanceof RDuration) return new RDuration(a.nanos - b.nanos);
  }
  if (!isNum(a) || !isNum(b)) return fail(`Invalid operands for ${op}: ${typeName(a)} and ${typeName(b)}`);
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    let r: bigint;
    switch (op) {
      case '+':
        r = a + b;
        break;
      case '-':
        r = a - b;
        break;
      case '*':
        r = a * b;
        break;
      case '/':
        if (b === 0n) fail('Division by zero');
        r = a / b;
        break;
      case '%':
        if (b === 0n) fail('Modulo by zero');
        r = a % b;
        break;
      default:
        return fail(`Unknown operator ${op}`);
    }
    if (r > 9223372036854775807n || r < -9223372036854775808n) fail('Integer overflow');
    return r;
  }
  const x = Number(a);
  const y = Number(b);
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return x / y;
    case '%':
      return x % y;
  }
  return fail(`Unknown operator ${op}`);
}

/** `x in y`: list membership, map keys, set membership, string? (not supported). */
export function contains(container: RValue, item: RValue): boolean {
  if (Array.isArray(container)) return container.some((v) => equals(v, item));
  if (container instanceof RMap) {
    if (typeof item !== 'string') fail('Map keys are strings');
    return container.entries.has(item as string);
  }
  if (container instanceof RSet) return container.has(item);
  return fail(`'in' needs a list, map or set, not ${typeName(container)}`);
}

function toInt(v: RValue): bigint {
  if (typeof v === 'bigint') return v;
  return fail(`Expected an int but found ${typeName(v)}`);
}

function toStr(v: RValue): string {
  if (typeof v === 'string') return v;
  return fail(`Expected a string but found ${typeName(v)}`);
}

function toList(v: RValue): RValue[] {
  if (Array.isArray(v)) return v;
  if (v instanceof RSet) return v.items;
  return fail(`Expected a list but found ${typeName(v)}`);
}

/** Full-match RE2-style regular expressions (JavaScript syntax is close enough for rules). */
function fullMatch(s: string, re: string): boolean {
  try {
    return new RegExp(`^(?:${re})$`, 'u').test(s);
  } catch {
    return fail(`Invalid regular expression: ${re}`);
  }
}

function indexOf(length: number, i: bigint): number {
  const n = Number(i);
  if (n < 0 || n >= length) fail(`Index ${n} out of range`);
  return n;
}

/** `object[index]` */
export function index(object: RValue, i: RValue): RValue {
  if (Array.isArray(object)) return object[indexOf(object.length, toInt(i))]!;
  if (typeof object === 'string') return object[indexOf(object.length, toInt(i))]!;
  if (object instanceof RPath) {
    if (typeof i === 'string') return fail('Path bindings by name are not supported');
    return object.segments[indexOf(object.segments.length, toInt(i))]!;
  }
  if (object instanceof RMap) {
    const v = object.entries.get(toStr(i));
    if (v === undefined) fail(`Property ${String(i)} is undefined on object.`);
    return v!;
  }
  return fail(`Cannot index ${typeName(object)}`);
}

/** `object[from:to]` */
export function slice(object: RValue, from: RValue, to: RValue): RValue {
  const a = Number(toInt(from));
  const b = Number(toInt(to));
  if (Array.isArray(object)) return object.slice(a, b);
  if (typeof object === 'string') return object.slice(a, b);
  if (object instanceof RPath) return new RPath(object.segments.slice(a, b));
  return fail(`Cannot slice ${typeName(object)}`);
}

const MICROS_PER_DAY = 86_400_000_000;

function dateOf(t: RTimestamp): Date {
  return new Date(Math.floor(t.micros / 1000));
}

const DURATION_UNITS: Record<string, bigint> = {
  w: 604_800_000_000_000n,
  d: 86_400_000_000_000n,
  h: 3_600_000_000_000n,
  m: 60_000_000_000n,
  s: 1_000_000_000n,
  ms: 1_000_000n,
  ns: 1n,
};

/** Methods on values: `'a'.size()`, `list.hasAll(x)`, `map.diff(m)`, `ts.year()`, ... */
export function callMethod(target: RValue, name: string, args: RValue[]): RValue {
  const arity = (n: number) => {
    if (args.length !== n) fail(`${name}() takes ${n} argument(s), got ${args.length}`);
  };
  if (typeof target === 'string') {
    switch (name) {
      case 'size':
        return BigInt([...target].length);
      case 'lower':
        return target.toLowerCase();
      case 'upper':
        return target.toUpperCase();
      case 'trim':
        return target.trim();
      case 'matches':
        arity(1);
        return fullMatch(target, toStr(args[0]!));
      case 'split':
        arity(1);
        return target.split(new RegExp(toStr(args[0]!), 'u'));
      case 'replace':
        arity(2);
        return target.replace(new RegExp(toStr(args[0]!), 'gu'), toStr(args[1]!));
      case 'toUtf8':
        return Buffer.from(target, 'utf8');
    }
  }
  if (Array.isArray(target) || target instanceof RSet) {
    const items = toList(target);
    const other = () => toList(args[0]!);
    switch (name) {
      case 'size':
        return BigInt(items.length);
      case 'hasAll':
        arity(1);
        return other().every((x) => items.some((y) => equals(x, y)));
      case 'hasAny':
        arity(1);
        return other().some((x) => items.some((y) => equals(x, y)));
      case 'hasOnly':
        arity(1);
        return items.every((x) => other().some((y) => equals(x, y)));
    }
    if (target instanceof RSet) {
      switch (name) {
        case 'difference':
          return new RSet(items.filter((x) => !other().some((y) => equals(x, y))));
        case 'intersection':
          return new RSet(items.filter((x) => other().some((y) => equals(x, y))));
        case 'union':
          return new RSet([...items, ...other()]);
      }
    } else {
      switch (name) {
        case 'join':
          arity(1);
          return items.map((x) => toStr(x)).join(toStr(args[0]!));
        case 'concat':
          arity(1);
          return [...items, ...other()];
        case 'removeAll':
          arity(1);
          return items.filter((x) => !other().some((y) => equals(x, y)));
        case 'toSet':
          return new RSet(items);
      }
    }
  }
  if (target instanceof RMap) {
    switch (name) {
      case 'size':
        return BigInt(target.entries.size);
      case 'keys':
        return [...target.entries.keys()];
      case 'values':
        return [...target.entries.values()];
      case 'diff':
        arity(1);
        if (!(args[0] instanceof RMap)) fail('diff() takes a map');
        return new RMapDiff(target, args[0] as RMap);
      case 'get': {
        arity(2);
        const key = args[0]!;
        const path = Array.isArray(key) ? key.map(toStr) : [toStr(key)];
        let cur: RValue | undefined = target;
        for (const k of path) {
          cur = cur instanceof RMap ? cur.entries.get(k) : undefined;
          if (cur === undefined) return args[1]!;
        }
        return cur;
      }
    }
  }
  if (target instanceof RMapDiff) {
    const l = target.left.entries;
    const r = target.right.entries;
    const added = [...l.keys()].filter((k) => !r.has(k));
    const removed = [...r.keys()].filter((k) => !l.has(k));
    const changed = [...l.keys()].filter((k) => r.has(k) && !equals(l.get(k)!, r.get(k)!));
    const unchanged = [...l.keys()].filter((k) => r.has(k) && equals(l.get(k)!, r.get(k)!));
    switch (name) {
      case 'addedKeys':
        return new RSet(added);
      case 'removedKeys':
        return new RSet(removed);
      case 'changedKeys':
        return new RSet(changed);
      case 'unchangedKeys':
        return new RSet(unchanged);
      case 'affectedKeys':
        return new RSet([...added, ...removed, ...changed]);
    }
  }
  if (target instanceof RTimestamp) {
    const d = dateOf(target);
    switch (name) {
      case 'year':
        return BigInt(d.getUTCFullYear());
      case 'month':
        return BigInt(d.getUTCMonth() + 1);
      case 'day':
        return BigInt(d.getUTCDate());
      case 'hours':
        return BigInt(d.getUTCHours());
      case 'minutes':
        return BigInt(d.getUTCMinutes());
      case 'seconds':
        return BigInt(d.getUTCSeconds());
      case 'nanos':
        return BigInt((((target.micros % 1_000_000) + 1_000_000) % 1_000_000) * 1000);
      case 'dayOfWeek':
        return BigInt(d.getUTCDay() === 0 ? 7 : d.getUTCDay());
      case 'dayOfYear': {
        const start = Date.UTC(d.getUTCFullYear(), 0, 1);
        return BigInt(Math.floor((d.getTime() - start) / 86_400_000) + 1);
      }
      case 'toMillis':
        return BigInt(Math.floor(target.micros / 1000));
      case 'date':
        return new RTimestamp(Math.floor(target.micros / MICROS_PER_DAY) * MICROS_PER_DAY);
      case 'time':
        return new RDuration(
          BigInt(((target.micros % MICROS_PER_DAY) + MICROS_PER_DAY) % MICROS_PER_DAY) * 1000n,
        );
    }
  }
  if (target instanceof RDuration) {
    switch (name) {
      case 'seconds':
        return target.nanos / 1_000_000_000n;
      case 'nanos':
        return target.nanos % 1_000_000_000n;
    }
  }
  if (target instanceof RLatLng) {
    switch (name) {
      case 'latitude':
        return target.lat;
      case 'longitude':
        return target.lng;
      case 'distance': {
        const o = args[0];
        if (!(o instanceof RLatLng)) return fail('distance() takes a latlng');
        const rad = Math.PI / 180;
        const dLat = (o.lat - target.lat) * rad;
        const dLng = (o.lng - target.lng) * rad;
        const h =
          Math.sin(dLat / 2) ** 2 +
          Math.cos(target.lat * rad) * Math.cos(o.lat * rad) * Math.sin(dLng / 2) ** 2;
        return 2 * 6_378_137 * Math.asin(Math.sqrt(h));
      }
    }
  }
  if (target instanceof RPath && name === 'bind') return target;
  return fail(`Function not found error: Name: [${name}] on ${typeName(target)}.`);
}

/** Namespaced library functions: `math.abs`, `timestamp.date`, `duration.value`, ... */
export function callNamespace(ns: string, name: string, args: RValue[]): RValue {
  const num = (v: RValue) =>
    typeof v === 'bigint' || typeof v === 'number' ? Number(v) : fail('Expected a number');
  if (ns === 'math') {
    const x = args[0]!;
    switch (name) {
      case 'abs':
        return typeof x === 'bigint' ? (x < 0n ? -x : x) : Math.abs(num(x));
      case 'ceil':
        return Math.ceil(num(x));
      case 'floor':
        return Math.floor(num(x));
      case 'round':
        return Math.round(num(x));
      case 'sqrt':
        return Math.sqrt(num(x));
      case 'pow':
        return Math.pow(num(x), num(args[1]!));
      case 'isInfinite':
        return !Number.isFinite(num(x)) && !Number.isNaN(num(x));
      case 'isNaN':
        return Number.isNaN(num(x));
    }
  }
  if (ns === 'timestamp') {
    if (name === 'date') {
      const [y, m, d] = args.map((a) => Number(toInt(a)));
      return new RTimestamp(Date.UTC(y!, m! - 1, d!) * 1000);
    }
    if (name === 'value') return new RTimestamp(Number(toInt(args[0]!)) * 1000);
  }
  if (ns === 'duration') {
    if (name === 'value') {
      const unit = DURATION_UNITS[toStr(args[1]!)] ?? fail(`Unknown duration unit ${String(args[1])}`);
      return new RDuration(toInt(args[0]!) * unit);
    }
    if (name === 'time') {
      const [h, m, s, ns2] = args.map(toInt);
      return new RDuration(h! * DURATION_UNITS.h! + m! * DURATION_UNITS.m! + s! * DURATION_UNITS.s! + ns2!);
    }
    if (name === 'abs') {
      const d = args[0];
      if (!(d instanceof RDuration)) return fail('abs() takes a duration');
      return new RDuration(d.nanos < 0n ? -d.nanos : d.nanos);
    }
  }
  if (ns === 'latlng' && name === 'value') return new RLatLng(num(args[0]!), num(args[1]!));
  if (ns === 'hashing') {
    if (name === 'md5' || name === 'sha256') {
      const input = typeof args[0] === 'string' ? Buffer.from(args[0]) : args[0];
      if (!Buffer.isBuffer(input)) return fail('hashing takes a string or bytes');
      return createHash(name).update(input).digest();
    }
  }
  return fail(`Function not found error: Name: [${ns}.${name}].`);
}

/** Global conversions: int(), float(), string(), bool(), path(). */
export function convert(name: string, v: RValue): RValue {
  switch (name) {
    case 'int':
      if (typeof v === 'bigint') return v;
      if (typeof v === 'number') return BigInt(Math.trunc(v));
      if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
      return fail(`Cannot convert ${typeName(v)} to int`);
    case 'float':
      if (isNum(v)) return Number(v);
      if (typeof v === 'string' && v.trim() !== '' && (v.trim() === 'NaN' || !Number.isNaN(Number(v)))) {
        return Number(v);
      }
      return fail(`Cannot convert ${typeName(v)} to float`);
    case 'string':
      if (v === null) return 'null';
      if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
      if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(1) : String(v);
      if (typeof v === 'string') return v;
      if (v instanceof RPath) return v.toString();
      return fail(`Cannot convert ${typeName(v)} to string`);
    case 'bool':
      if (typeof v === 'boolean') return v;
      if (v === 'true' || v === 'false') return v === 'true';
      return fail(`Cannot convert ${typeName(v)} to bool`);
    case 'path':
      return new RPath(toStr(v).replace(/^\//, '').split('/'));
  }
  return fail(`Unknown conversion ${name}`);
}
