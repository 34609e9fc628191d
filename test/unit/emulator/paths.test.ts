import { compareSegments, parseDocumentName, parseName } from '../../../emulator/src/paths';
import {
  formatFieldPath,
  getField,
  parseFieldPath,
  setField,
  deleteField,
} from '../../../emulator/src/fieldpath';
import { Code } from '../../../emulator/src/errors';

describe('document ids', () => {
  test('numeric ids sort first, the SDK minimum key before all of them', () => {
    const ids = ['a', '__id-9223372036854775808__', 'Z', '0', '__id5__', '__id-3__', '_x'];
    expect([...ids].sort(compareSegments)).toEqual([
      '__id-9223372036854775808__',
      '__id-3__',
      '__id5__',
      '0',
      'Z',
      '_x',
      'a',
    ]);
  });

  test('names are validated with the official wording', () => {
    expect(parseName('projects/p/databases/(default)/documents').segments).toEqual([]);
    expect(parseDocumentName('projects/p/databases/(default)/documents/c/d').segments).toEqual(['c', 'd']);
    expect(() => parseDocumentName('projects/p/databases/(default)/documents/c')).toThrow(/lacks "\/"/);
    expect(() => parseName('projects/p/databases/(default)/documents/c/')).toThrow(/trailing/);
    expect(() => parseName('projects/p/databases/(default)/documents/__c__/d')).toThrow(/reserved/);
    try {
      parseName('nonsense');
    } catch (e) {
      expect((e as { code: Code }).code).toBe(Code.INVALID_ARGUMENT);
    }
  });

  test('a numeric document id is allowed, a numeric collection id is not', () => {
    expect(parseDocumentName('projects/p/databases/(default)/documents/c/__id5__').segments).toEqual([
      'c',
      '__id5__',
    ]);
    expect(() => parseName('projects/p/databases/(default)/documents/__id5__/d')).toThrow(/reserved/);
  });
});

describe('field paths', () => {
  test('parses backtick-quoted segments and formats them back', () => {
    expect(parseFieldPath('a.b.c')).toEqual(['a', 'b', 'c']);
    expect(parseFieldPath('`a.b`.c')).toEqual(['a.b', 'c']);
    expect(parseFieldPath('`we\\`ird`')).toEqual(['we`ird']);
    expect(formatFieldPath(['a.b', 'c', 'đơn vị'])).toBe('`a.b`.c.`đơn vị`');
    expect(parseFieldPath(formatFieldPath(['x y', 'z']))).toEqual(['x y', 'z']);
    expect(() => parseFieldPath('a..b')).toThrow();
    expect(() => parseFieldPath('`open')).toThrow();
  });

  test('gets, sets through missing or non-map parents, and deletes', () => {
    const fields = { a: { integerValue: '1' } };
    setField(fields, ['a', 'b'], { stringValue: 'x' });
    expect(getField(fields, ['a', 'b'])).toEqual({ stringValue: 'x' });
    setField(fields, ['m', 'n', 'o'], { booleanValue: true });
    expect(getField(fields, ['m', 'n', 'o'])).toEqual({ booleanValue: true });
    deleteField(fields, ['m', 'n', 'o']);
    expect(getField(fields, ['m', 'n', 'o'])).toBeUndefined();
    expect(getField(fields, ['nope', 'x'])).toBeUndefined();
  });
});
