/**
 * Malformed input is the client's error: every case answers 400 INVALID_ARGUMENT, never a 500
 * and never a silent coercion (issue 14), and vectors (FieldValue.vector) are values like any
 * other. Each test starts its own emulator on a free port.
 */
import { Code, toEmulatorError } from '../src/errors';
import { startFirestoreEmulator, type RunningEmulator } from '../src/server';
import { httpCall } from './replay';

let emu: RunningEmulator;
const root = 'projects/hardening/databases/(default)/documents';
const OWNER = { authorization: 'Bearer owner' };

beforeAll(async () => {
  emu = await startFirestoreEmulator({ port: 0, log: () => undefined });
});
afterAll(async () => {
  await emu.stop();
});

/** Commits one document with the given fields (REST, as an administrator). */
function write(fields: unknown, id = 'd') {
  return httpCall(
    emu.port,
    'POST',
    `/v1/${root}:commit`,
    { writes: [{ update: { name: `${root}/c/${id}`, fields } }] },
    OWNER,
  );
}

function errorOf(answer: { json: unknown }) {
  return (answer.json as { error: { code: number; status: string; message: string } }).error;
}

describe('malformed values are refused, not coerced', () => {
  test.each([
    ['an integer that is not a number', { n: { integerValue: 'abc' } }],
    ['an integer of 2^64', { n: { integerValue: '18446744073709551616' } }],
    ['an integer of 2^63', { n: { integerValue: '9223372036854775808' } }],
    ['a fractional integer', { n: { integerValue: 1.5 } }],
    ['a boolean written as a string', { b: { booleanValue: 'yes' } }],
    ['bytes that are not base64', { y: { bytesValue: '%%%not base64%%%' } }],
    ['a double written as words', { x: { doubleValue: 'many' } }],
    ['a string value that is a number', { s: { stringValue: 5 } }],
    ['a latitude of 100', { g: { geoPointValue: { latitude: 100, longitude: 0 } } }],
    ['a longitude of -181', { g: { geoPointValue: { latitude: 0, longitude: -181 } } }],
    ['an empty field name', { '': { integerValue: '1' } }],
    ['a value with no kind', { v: {} }],
    ['a nested value with no kind', { m: { mapValue: { fields: { v: {} } } } }],
    ['a reference that is not a document name', { r: { referenceValue: 'not/a/name' } }],
  ])('%s: 400 INVALID_ARGUMENT, nothing stored', async (_label, fields) => {
    const answer = await write(fields, 'refused');
    expect(answer.status).toBe(400);
    expect(errorOf(answer).status).toBe('INVALID_ARGUMENT');
    const read = await httpCall(emu.port, 'GET', `/v1/${root}/c/refused`, undefined, OWNER);
    expect(read.status).toBe(404);
  });

  test('the largest and smallest 64-bit integers are kept exactly', async () => {
    const fields = {
      max: { integerValue: '9223372036854775807' },
      min: { integerValue: '-9223372036854775808' },
    };
    expect((await write(fields, 'ints')).status).toBe(200);
    const read = await httpCall(emu.port, 'GET', `/v1/${root}/c/ints`, undefined, OWNER);
    expect((read.json as { fields: unknown }).fields).toEqual(fields);
  });
});

describe('malformed requests answer 400, never 500', () => {
  test('a bad percent escape in the path', async () => {
    const answer = await httpCall(emu.port, 'GET', `/v1/${root}/c/%E0%A4%A`, undefined, OWNER);
    expect(answer.status).toBe(400);
    expect(errorOf(answer).status).toBe('INVALID_ARGUMENT');
  });

  test('an Authorization header "Bearer" without a token', async () => {
    const answer = await httpCall(emu.port, 'GET', `/v1/${root}/c/d`, undefined, { authorization: 'Bearer' });
    expect(answer.status).toBe(400);
    expect(errorOf(answer).status).toBe('INVALID_ARGUMENT');
  });

  test('a filter nested 5,000 levels deep is refused before anything recurses into it', async () => {
    // Written as text: JSON.stringify itself cannot go this deep.
    const leaf = '{"fieldFilter":{"field":{"fieldPath":"a"},"op":"EQUAL","value":{"integerValue":"1"}}}';
    const where = '{"compositeFilter":{"op":"AND","filters":['.repeat(5000) + leaf + ']}}'.repeat(5000);
    const body = `{"structuredQuery":{"from":[{"collectionId":"c"}],"where":${where}}}`;
    const answer = await httpCall(emu.port, 'POST', `/v1/${root}:runQuery`, body);
    expect(answer.status).toBe(400);
    expect(errorOf(answer).status).toBe('INVALID_ARGUMENT');
  });

  test('a malformed name is reported before a bad Authorization header (as recorded)', async () => {
    const answer = await httpCall(emu.port, 'GET', `/v1/${root}/c/`, undefined, {
      authorization: 'Bearer garbage',
    });
    expect(answer.status).toBe(400);
    expect(errorOf(answer).message).toBe(`Document name "${root}/c/" has invalid trailing "/".`);
  });
});

describe('vectors (FieldValue.vector)', () => {
  const vector = (...xs: number[]) => ({
    mapValue: {
      fields: {
        __type__: { stringValue: '__vector__' },
        value: { arrayValue: { values: xs.map((x) => ({ doubleValue: x })) } },
      },
    },
  });

  test('are stored, sort after arrays and before maps, shorter first, and are found by find_nearest', async () => {
    expect((await write({ v: vector(1, 2) }, 'v12')).status).toBe(200);
    expect((await write({ v: vector(0, 0, 0) }, 'v000')).status).toBe(200);
    expect((await write({ v: vector(5) }, 'v5')).status).toBe(200);
    expect((await write({ v: { arrayValue: { values: [{ integerValue: '9' }] } } }, 'arr')).status).toBe(200);
    expect((await write({ v: { mapValue: {} } }, 'map')).status).toBe(200);
    const ordered = await httpCall(emu.port, 'POST', `/v1/${root}:runQuery`, {
      structuredQuery: { from: [{ collectionId: 'c' }], orderBy: [{ field: { fieldPath: 'v' } }] },
    });
    const names = (ordered.json as { document?: { name: string } }[])
      .filter((m) => m.document)
      .map((m) => m.document!.name.slice(root.length + 3));
    expect(names).toEqual(['arr', 'v5', 'v12', 'v000', 'map']);
    const nearest = await httpCall(emu.port, 'POST', `/v1/${root}:runQuery`, {
      structuredQuery: {
        from: [{ collectionId: 'c' }],
        findNearest: {
          vectorField: { fieldPath: 'v' },
          queryVector: vector(1, 1),
          distanceMeasure: 'EUCLIDEAN',
          limit: 5,
        },
      },
    });
    expect(
      (nearest.json as { document?: { name: string } }[]).map((m) => m.document?.name.slice(root.length + 3)),
    ).toEqual(['v12']);
  });

  test('a map with a reserved name that is not a vector marker is still refused', async () => {
    const answer = await write(
      { m: { mapValue: { fields: { __type__: { stringValue: 'other' } } } } },
      'fake',
    );
    expect(answer.status).toBe(400);
    expect(errorOf(answer).message).toBe("field name '__type__' is reserved.");
  });
});

describe("errors only input can cause are the client's", () => {
  test.each([
    ['a stack overflow', new RangeError('Maximum call stack size exceeded')],
    ['a bad percent escape', new URIError('URI malformed')],
    ['a number that does not parse', new SyntaxError('Cannot convert abc to a BigInt')],
  ])('%s is INVALID_ARGUMENT, not INTERNAL', (_label, err) => {
    expect(toEmulatorError(err).code).toBe(Code.INVALID_ARGUMENT);
  });

  test('any other error is INTERNAL', () => {
    expect(toEmulatorError(new TypeError('x is undefined')).code).toBe(Code.INTERNAL);
  });
});
