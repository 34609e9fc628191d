import { Database, makeStoredDoc } from '../../../emulator/src/store';
import { applyWrites, checkVerifyConflicts, resolveWrite } from '../../../emulator/src/writes';
import type { ProtoWrite } from '../../../emulator/src/types';

const id = { project: 'p', database: '(default)' };
const name = (path: string) => `projects/p/databases/(default)/documents/${path}`;

describe('applyWrites', () => {
  test('applies nothing when a later write fails its precondition', () => {
    const db = new Database(id);
    db.put('c/exists', makeStoredDoc('c/exists', {}, 1, 1));
    const writes: ProtoWrite[] = [
      { update: { name: name('c/new'), fields: { a: { integerValue: '1' } } } },
      { update: { name: name('c/exists'), fields: {} }, currentDocument: { exists: false } },
    ];
    expect(() =>
      applyWrites(
        db,
        writes.map((w) => resolveWrite(id, w)),
        10,
      ),
    ).toThrow('Document already exists');
    expect(db.get('c/new')).toBeUndefined();
  });

  test('an absent mask replaces, an empty mask keeps every field', () => {
    const db = new Database(id);
    db.put('c/d', makeStoredDoc('c/d', { a: { integerValue: '1' }, b: { integerValue: '2' } }, 1, 1));
    applyWrites(
      db,
      [
        resolveWrite(id, {
          update: { name: name('c/d') },
          updateMask: {},
          updateTransforms: [{ fieldPath: 'a', increment: { integerValue: '5' } }],
        }),
      ],
      10,
    );
    expect(db.get('c/d')!.fields).toEqual({ a: { integerValue: '6' }, b: { integerValue: '2' } });
    applyWrites(
      db,
      [resolveWrite(id, { update: { name: name('c/d'), fields: { z: { booleanValue: true } } } })],
      11,
    );
    expect(db.get('c/d')!.fields).toEqual({ z: { booleanValue: true } });
  });

  test('a write that changes nothing keeps the update time', () => {
    const db = new Database(id);
    db.put('c/d', makeStoredDoc('c/d', { a: { integerValue: '1' } }, 1, 1));
    const [outcome] = applyWrites(
      db,
      [resolveWrite(id, { update: { name: name('c/d'), fields: { a: { integerValue: '1' } } } })],
      10,
    );
    expect(outcome!.updateTime).toBe(1);
    expect(db.get('c/d')!.updateTime).toBe(1);
  });

  test('verify writes need a precondition and cannot be mixed with a write of the same document', () => {
    expect(() => resolveWrite(id, { verify: name('c/d') })).toThrow('a verify must contain a precondition');
    const verify = resolveWrite(id, { verify: name('c/d'), currentDocument: { exists: true } });
    const update = resolveWrite(id, { update: { name: name('c/d'), fields: {} } });
    expect(() => checkVerifyConflicts([update, verify])).toThrow('written and then verified');
    expect(() => checkVerifyConflicts([verify, update])).toThrow('verified and then written');
  });

  test('increment operands must be numbers', () => {
    expect(() =>
      resolveWrite(id, {
        update: { name: name('c/d'), fields: {} },
        updateTransforms: [{ fieldPath: 'a', increment: { stringValue: 'x' } }],
      }),
    ).toThrow('Input must be int64 or double.');
  });
});
