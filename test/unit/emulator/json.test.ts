import { formatTimestamp, fromJson, parseTimestamp, toJson } from '../../../emulator/src/json';
import type { Value } from '../../../emulator/src/types';

describe('REST JSON codec', () => {
  test('timestamps print 0, 3, 6 or 9 fractional digits and always end in Z', () => {
    expect(formatTimestamp({ seconds: '0' })).toBe('1970-01-01T00:00:00Z');
    expect(formatTimestamp({ seconds: '1', nanos: 500_000_000 })).toBe('1970-01-01T00:00:01.500Z');
    expect(formatTimestamp({ seconds: '1', nanos: 123_456_000 })).toBe('1970-01-01T00:00:01.123456Z');
    expect(formatTimestamp({ seconds: '1', nanos: 1 })).toBe('1970-01-01T00:00:01.000000001Z');
    expect(parseTimestamp('2026-01-01T07:00:00.25+07:00')).toEqual({
      seconds: String(Date.parse('2026-01-01T00:00:00Z') / 1000),
      nanos: 250_000_000,
    });
    expect(() => parseTimestamp('yesterday')).toThrow();
  });

  test('values decode from proto3 JSON and encode back', () => {
    const json = {
      mapValue: {
        fields: {
          n: { nullValue: null },
          i: { integerValue: '9007199254740993' },
          nan: { doubleValue: 'NaN' },
          inf: { doubleValue: '-Infinity' },
          b: { bytesValue: 'AAH/' },
          t: { timestampValue: '2026-11-25T00:00:00.123456Z' },
          g: { geoPointValue: { latitude: 18.3, longitude: 105.9 } },
          a: { arrayValue: {} },
        },
      },
    };
    const decoded = fromJson<Value>('google.firestore.v1.Value', json);
    const f = decoded.mapValue!.fields!;
    expect(f.n).toEqual({ nullValue: 'NULL_VALUE' });
    expect(f.i).toEqual({ integerValue: '9007199254740993' });
    expect(f.nan!.doubleValue).toBeNaN();
    expect(f.b!.bytesValue).toEqual(Buffer.from([0, 1, 255]));
    expect(f.t!.timestampValue).toEqual({
      seconds: String(Date.parse('2026-11-25T00:00:00Z') / 1000),
      nanos: 123_456_000,
    });
    expect(toJson('google.firestore.v1.Value', decoded)).toEqual(json);
  });

  test('Int32Value wrappers accept a bare number (lite sends `limit: 5`)', () => {
    const q = fromJson<{ limit?: { value?: number } }>('google.firestore.v1.StructuredQuery', { limit: 5 });
    expect(q.limit).toEqual({ value: 5 });
  });

  test('the verify write, missing from the bundled protos, decodes', () => {
    const w = fromJson<{ verify?: string }>('google.firestore.v1.Write', {
      verify: 'projects/p/databases/(default)/documents/c/d',
      currentDocument: { exists: true },
    });
    expect(w.verify).toBe('projects/p/databases/(default)/documents/c/d');
  });
});
