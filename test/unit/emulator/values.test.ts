import { compareValues, indexKey, normalizeValue, timestampToMicros } from '../../../emulator/src/values';
import type { Value } from '../../../emulator/src/types';

const int = (n: string | number): Value => ({ integerValue: String(n) });
const dbl = (n: number): Value => ({ doubleValue: n });
const str = (s: string): Value => ({ stringValue: s });

describe('compareValues', () => {
  test('orders type classes null < bool < number < timestamp < string < bytes < ref < geo < array < map', () => {
    const ascending: Value[] = [
      { nullValue: 'NULL_VALUE' },
      { booleanValue: false },
      { booleanValue: true },
      dbl(NaN),
      dbl(-Infinity),
      int(-1),
      dbl(0.5),
      dbl(Infinity),
      { timestampValue: { seconds: '0' } },
      str(''),
      str('a'),
      { bytesValue: Buffer.from([0]) },
      { referenceValue: 'projects/p/databases/(default)/documents/a/b' },
      { geoPointValue: { latitude: 0, longitude: 0 } },
      { arrayValue: { values: [] } },
      { mapValue: { fields: {} } },
    ];
    for (let i = 0; i < ascending.length - 1; i++) {
      expect(compareValues(ascending[i]!, ascending[i + 1]!)).toBeLessThan(0);
      expect(compareValues(ascending[i + 1]!, ascending[i]!)).toBeGreaterThan(0);
    }
  });

  test('integers and doubles compare exactly, beyond 2^53 too', () => {
    expect(compareValues(int(1), dbl(1))).toBe(0);
    expect(compareValues(int(0), dbl(-0))).toBe(0);
    expect(compareValues(int('9007199254740993'), dbl(9007199254740992))).toBeGreaterThan(0);
    expect(compareValues(int('9007199254740993'), dbl(9007199254740994))).toBeLessThan(0);
    expect(compareValues(int('-9223372036854775808'), dbl(-9.3e18))).toBeGreaterThan(0);
    expect(compareValues(int(2), dbl(2.5))).toBeLessThan(0);
    expect(compareValues(dbl(NaN), dbl(NaN))).toBe(0);
  });

  test('strings compare by UTF-8 bytes, not UTF-16 code units', () => {
    expect(compareValues(str('\uE000'), str('\uFF5E'))).toBeLessThan(0);
    expect(compareValues(str('\uFF5E'), str('😀'))).toBeLessThan(0);
    expect(compareValues(str('ab'), str('abc'))).toBeLessThan(0);
  });

  test('maps compare key by key, then by size; arrays element-wise', () => {
    const m = (fields: Record<string, Value>): Value => ({ mapValue: { fields } });
    expect(compareValues(m({ a: int(1) }), m({ a: int(1), b: int(0) }))).toBeLessThan(0);
    expect(compareValues(m({ b: int(0) }), m({ a: int(9) }))).toBeGreaterThan(0);
    const a = (...values: Value[]): Value => ({ arrayValue: { values } });
    expect(compareValues(a(int(1), int(2)), a(int(1), int(3)))).toBeLessThan(0);
    expect(compareValues(a(int(1)), a(int(1), int(0)))).toBeLessThan(0);
  });

  test('references compare by segment, numeric ids first', () => {
    const ref = (p: string): Value => ({ referenceValue: `projects/p/databases/(default)/documents/${p}` });
    expect(compareValues(ref('c/__id5__'), ref('c/0'))).toBeLessThan(0);
    expect(compareValues(ref('c/a'), ref('c/a/sub/x'))).toBeLessThan(0);
    expect(compareValues(ref('c/a/sub/x'), ref('c/b'))).toBeLessThan(0);
  });
});

describe('indexKey', () => {
  test('is shared by values that are == to each other and only by them', () => {
    expect(indexKey(int(1))).toBe(indexKey(dbl(1)));
    expect(indexKey(int(0))).toBe(indexKey(dbl(-0)));
    expect(indexKey(int('9007199254740993'))).not.toBe(indexKey(dbl(9007199254740992)));
    expect(indexKey(str('1'))).not.toBe(indexKey(int(1)));
    const m1: Value = { mapValue: { fields: { a: int(1), b: str('x') } } };
    const m2: Value = { mapValue: { fields: { b: str('x'), a: dbl(1) } } };
    expect(indexKey(m1)).toBe(indexKey(m2));
  });
});

describe('normalizeValue', () => {
  test('truncates timestamps to microseconds and canonicalises integers', () => {
    const t = normalizeValue({ timestampValue: { seconds: '5', nanos: 123_456_789 } });
    expect(t.timestampValue).toEqual({ seconds: '5', nanos: 123_456_000 });
    expect(timestampToMicros(t.timestampValue)).toBe(5_123_456);
    expect(normalizeValue({ integerValue: '007' }).integerValue).toBe('7');
  });
});
