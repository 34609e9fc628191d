/**
 * The store's kept versions (emulator/README.md, "Transactions and locks"): a view at an
 * earlier time answers gets, collection scans, equality lookups and full scans from the
 * versions that were current then; pruning forgets what nobody may read any more.
 */
import { Database, makeStoredDoc } from '../src/store';
import type { Fields } from '../src/types';

const s = (v: string): Fields[string] => ({ stringValue: v });

/** Commits one version of `path` (or a delete with `fields` undefined) and returns its time. */
function commit(db: Database, path: string, fields: Fields | undefined): number {
  const t = db.nextTime();
  const before = db.get(path);
  db.put(path, fields ? makeStoredDoc(path, fields, before?.createTime ?? t, t) : undefined);
  return t;
}

test('a view at an earlier time sees replaced, deleted and not yet created documents as they were', () => {
  const db = new Database({ project: 'p', database: '(default)' });
  commit(db, 'c/a', { unit: s('x') });
  commit(db, 'c/b', { unit: s('x') });
  const then = commit(db, 'sub/1/c/z', { unit: s('x') });
  // After `then`: a changes unit, b is deleted, n is created.
  commit(db, 'c/a', { unit: s('y') });
  commit(db, 'c/b', undefined);
  commit(db, 'c/n', { unit: s('x') });

  const past = db.at(then);
  expect(past.get('c/a')?.fields).toEqual({ unit: s('x') });
  expect(past.get('c/b')?.fields).toEqual({ unit: s('x') });
  expect(past.get('c/n')).toBeUndefined();
  expect([...past.collection('c')].map((d) => d.path).sort()).toEqual(['c/a', 'c/b']);
  expect([...past.collectionsWithId('c')].sort()).toEqual(['c', 'sub/1/c']);
  expect([...past.lookup('c', 'unit', ['unit'], [s('x')], 'equal')].sort()).toEqual([
    'c/a',
    'c/b',
    'sub/1/c/z',
  ]);
  expect([...past.all()].map((d) => d.path).sort()).toEqual(['c/a', 'c/b', 'sub/1/c/z']);

  // Now, the same questions.
  expect(db.at(db.readTime())).toBe(db);
  expect([...db.lookup('c', 'unit', ['unit'], [s('x')], 'equal')].sort()).toEqual(['c/n', 'sub/1/c/z']);
});

test('pruning forgets versions replaced before the horizon and raises keptSince', () => {
  const db = new Database({ project: 'p', database: '(default)' });
  const first = commit(db, 'c/a', { v: s('1') });
  const second = commit(db, 'c/a', { v: s('2') });
  commit(db, 'c/a', { v: s('3') });
  expect(db.getAt('c/a', first)?.fields).toEqual({ v: s('1') });
  db.prune(second + 1);
  expect(db.keptSince).toBe(second + 1);
  // The version current at `second` was replaced after the horizon: still kept.
  expect(db.getAt('c/a', second)?.fields).toEqual({ v: s('2') });
  expect(db.changedAfter(second)).toEqual(new Set(['c/a']));
});
