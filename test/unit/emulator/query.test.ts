import { executeQuery, prepareQuery } from '../../../emulator/src/query';
import { Database, makeStoredDoc } from '../../../emulator/src/store';
import type { StructuredQuery, Value } from '../../../emulator/src/types';

const root = 'projects/p/databases/(default)/documents';

function database(docs: Record<string, Record<string, Value>>): Database {
  const db = new Database({ project: 'p', database: '(default)' });
  let t = 1;
  for (const [path, fields] of Object.entries(docs)) db.put(path, makeStoredDoc(path, fields, t, t++));
  return db;
}

const run = (db: Database, q: StructuredQuery, parent = root) =>
  executeQuery(db, prepareQuery(parent, q)).docs.map((d) => d.path);

describe('query planning and validation', () => {
  const db = database({
    'u/a': { unit: { stringValue: 'x' }, n: { integerValue: '1' } },
    'u/b': { unit: { stringValue: 'y' }, n: { integerValue: '2' } },
    'u/c': { unit: { stringValue: 'x' }, n: { integerValue: '3' } },
    'u/a/s/1': { unit: { stringValue: 'x' } },
  });

  test('equality uses the index and still applies the other filters', () => {
    const q: StructuredQuery = {
      from: [{ collectionId: 'u' }],
      where: {
        compositeFilter: {
          op: 'AND',
          filters: [
            { fieldFilter: { field: { fieldPath: 'unit' }, op: 'EQUAL', value: { stringValue: 'x' } } },
            { fieldFilter: { field: { fieldPath: 'n' }, op: 'GREATER_THAN', value: { integerValue: '1' } } },
          ],
        },
      },
    };
    expect(run(db, q)).toEqual(['u/c']);
  });

  test('the index follows later writes', () => {
    const local = database({ 'u/a': { unit: { stringValue: 'x' } } });
    const q: StructuredQuery = {
      from: [{ collectionId: 'u' }],
      where: { fieldFilter: { field: { fieldPath: 'unit' }, op: 'EQUAL', value: { stringValue: 'x' } } },
    };
    expect(run(local, q)).toEqual(['u/a']);
    local.put('u/b', makeStoredDoc('u/b', { unit: { stringValue: 'x' } }, 5, 5));
    local.put('u/a', makeStoredDoc('u/a', { unit: { stringValue: 'z' } }, 1, 6));
    expect(run(local, q)).toEqual(['u/b']);
  });

  test('kindless all-descendants queries list every document below the parent in name order', () => {
    expect(run(db, { from: [{ allDescendants: true }] })).toEqual(['u/a', 'u/a/s/1', 'u/b', 'u/c']);
    expect(run(db, { from: [{ allDescendants: true }] }, `${root}/u/a`)).toEqual(['u/a/s/1']);
  });

  test('kindless queries accept only __name__ filters and ascending __name__ orders', () => {
    expect(() =>
      prepareQuery(root, {
        from: [{ allDescendants: true }],
        where: { fieldFilter: { field: { fieldPath: 'a' }, op: 'EQUAL', value: { integerValue: '1' } } },
      }),
    ).toThrow('kind is required for filter: a');
    expect(() =>
      prepareQuery(root, {
        from: [{ allDescendants: true }],
        orderBy: [{ field: { fieldPath: '__name__' }, direction: 'DESCENDING' }],
      }),
    ).toThrow('kind is required for all orders except __key__ ascending');
  });

  test('order validation: duplicates and fields after __name__', () => {
    const order = (...paths: string[]) => ({
      from: [{ collectionId: 'u' }],
      orderBy: paths.map((p) => ({ field: { fieldPath: p } })),
    });
    expect(() => prepareQuery(root, order('n', 'n'))).toThrow('duplicate');
    expect(() => prepareQuery(root, order('__name__', 'n'))).toThrow('after the key');
  });

  test('IN limits and empty arrays', () => {
    const inQuery = (values: Value[]) => ({
      from: [{ collectionId: 'u' }],
      where: { fieldFilter: { field: { fieldPath: 'n' }, op: 'IN', value: { arrayValue: { values } } } },
    });
    expect(() => prepareQuery(root, inQuery([]))).toThrow("'IN' requires an non-empty ArrayValue.");
    const many = Array.from({ length: 31 }, (_, i) => ({ integerValue: String(i) }));
    expect(() => prepareQuery(root, inQuery(many))).toThrow("'IN' supports up to 30 comparison values.");
  });
});
