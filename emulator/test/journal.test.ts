/**
 * The --data journal (emulator/README.md, "Durability"): commits are on disk when their
 * promise resolves; a torn last line (a crash in mid-write) is ignored on replay; a
 * compaction folds the journal into the snapshot and deletes the older generation.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataJournal, loadDataFile } from '../src/persistence';
import { FirestoreService } from '../src/service';
import { makeStoredDoc } from '../src/store';

const id = { project: 'p', database: '(default)' };
const doc = (p: string, v: string, t: number) => makeStoredDoc(p, { v: { stringValue: v } }, t, t);

function tempFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-journal-')), 'data.json');
}

test('journalled commits are replayed; a torn last line is ignored', async () => {
  const file = tempFile();
  const service = new FirestoreService();
  const journal = new DataJournal(service, file, 0, 0);
  await Promise.all([
    journal.commit({ db: id, changes: [['c/a', doc('c/a', 'one', 1)]] }),
    journal.commit({
      db: id,
      changes: [
        ['c/b', doc('c/b', 'two', 2)],
        ['c/a', undefined],
      ],
    }),
  ]);
  // A crash in the middle of the next line.
  fs.appendFileSync(`${file}.0.journal`, '{"p":"p","d":"(default)","c":[{"path":"c/x"');

  const restarted = new FirestoreService();
  const loaded = loadDataFile(restarted, file);
  const db = restarted.database(id).db;
  expect(loaded.documents).toBe(1);
  expect(loaded.nextGeneration).toBe(1);
  expect(db.get('c/a')).toBeUndefined();
  expect(db.get('c/b')?.fields).toEqual({ v: { stringValue: 'two' } });
  expect(db.get('c/x')).toBeUndefined();
});

test('a compaction writes the snapshot and deletes the older generations', async () => {
  const file = tempFile();
  const service = new FirestoreService();
  service.database(id).db.load('c/a', doc('c/a', 'one', 1));
  const journal = new DataJournal(service, file, 0, 0);
  await journal.commit({ db: id, changes: [['c/a', doc('c/a', 'one', 1)]] });
  await journal.compact();
  expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['data.json', 'data.json.1.journal']);
  expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ journal: 1 });
  const restarted = new FirestoreService();
  expect(loadDataFile(restarted, file).documents).toBe(1);
  await journal.close();
  expect(fs.readdirSync(path.dirname(file))).toEqual(['data.json']);
});

test('values JSON cannot carry survive the journal: bytes, NaN, infinities, negative zero', async () => {
  const file = tempFile();
  const journal = new DataJournal(new FirestoreService(), file, 0, 0);
  const fields = {
    b: { bytesValue: Buffer.from([0, 1, 254, 255]) },
    nan: { doubleValue: NaN },
    inf: { doubleValue: -Infinity },
    negZero: { doubleValue: -0 },
    m: { mapValue: { fields: { $bytes: { stringValue: 'not bytes' } } } },
  };
  await journal.commit({ db: id, changes: [['c/v', makeStoredDoc('c/v', fields, 5, 5)]] });
  const restarted = new FirestoreService();
  loadDataFile(restarted, file);
  const back = restarted.database(id).db.get('c/v')!.fields;
  expect(Buffer.from(back.b!.bytesValue as Uint8Array)).toEqual(Buffer.from([0, 1, 254, 255]));
  expect(back.nan!.doubleValue).toBeNaN();
  expect(back.inf!.doubleValue).toBe(-Infinity);
  expect(Object.is(back.negZero!.doubleValue, -0)).toBe(true);
  expect(back.m).toEqual({ mapValue: { fields: { $bytes: { stringValue: 'not bytes' } } } });
});
