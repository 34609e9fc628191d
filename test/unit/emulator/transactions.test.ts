import { Code, EmulatorError } from '../../../emulator/src/errors';
import { TransactionManager } from '../../../emulator/src/transactions';

const doc = (path: string) => ({ doc: path, collectionId: path.split('/').slice(-2)[0]! });

async function settle<T>(
  p: Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: EmulatorError }> {
  try {
    return { ok: true, value: await p };
  } catch (error) {
    return { ok: false, error: error as EmulatorError };
  }
}

describe('TransactionManager (wound-wait locks)', () => {
  test('a younger transaction waits for an older holder and gets the lock when it ends', async () => {
    const tm = new TransactionManager({ lockTimeoutMs: 1000 });
    const older = tm.begin(false);
    const younger = tm.begin(false);
    await tm.acquire(older, [doc('q/a')]);
    let granted = false;
    const waiting = tm.acquire(younger, [doc('q/a')]).then(() => (granted = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(granted).toBe(false);
    tm.end(older);
    await waiting;
    expect(granted).toBe(true);
  });

  test('an older transaction wounds a younger holder, whose next use is ABORTED', async () => {
    const tm = new TransactionManager();
    const older = tm.begin(false);
    const younger = tm.begin(false);
    await tm.acquire(younger, [doc('q/a')]);
    await tm.acquire(older, [doc('q/a')]);
    expect(() => tm.get(younger.id)).toThrow(expect.objectContaining({ code: Code.ABORTED }));
    expect(tm.get(older.id)).toBe(older);
  });

  test('a retry keeps the age of the attempt it retries, so it cannot starve', async () => {
    const tm = new TransactionManager();
    const first = tm.begin(false);
    const newcomer = tm.begin(false);
    await tm.acquire(newcomer, [doc('q/a')]);
    const retry = tm.begin(false, first.id);
    expect(retry.priority).toBe(first.priority);
    await tm.acquire(retry, [doc('q/a')]); // wounds the newcomer instead of waiting
    expect(newcomer.state).toBe('ended');
  });

  test('a wait longer than the lock timeout is ABORTED "Transaction lock timeout." and ends the waiter', async () => {
    const tm = new TransactionManager({ lockTimeoutMs: 50 });
    const older = tm.begin(false);
    const younger = tm.begin(false);
    await tm.acquire(older, [doc('q/a')]);
    const result = await settle(tm.acquire(younger, [doc('q/a')]));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toBe('Transaction lock timeout.');
    expect(younger.state).toBe('ended');
  });

  test('a plain write waits for a holder without wounding it, then proceeds', async () => {
    const tm = new TransactionManager({ lockTimeoutMs: 500 });
    const holder = tm.begin(false);
    await tm.acquire(holder, [doc('q/a')]);
    const plain = tm.acquire(undefined, [doc('q/a')]);
    await new Promise((r) => setTimeout(r, 20));
    expect(holder.state).toBe('active');
    tm.end(holder);
    await expect(plain).resolves.toBeUndefined();
  });

  test('a query lock on a collection id conflicts with writes anywhere in such collections', async () => {
    const tm = new TransactionManager({ lockTimeoutMs: 30 });
    const reader = tm.begin(false);
    await tm.acquire(reader, [{ collection: 'heads' }]);
    const blocked = await settle(tm.acquire(undefined, [doc('units/x/heads/h1')]));
    expect(blocked.ok).toBe(false);
    const other = await settle(tm.acquire(undefined, [doc('units/x/other/h1')]));
    expect(other.ok).toBe(true);
  });

  test('malformed ids are INVALID_ARGUMENT, unknown ones ABORTED', () => {
    const tm = new TransactionManager();
    expect(() => tm.get(Buffer.from('xx'))).toThrow(expect.objectContaining({ code: Code.INVALID_ARGUMENT }));
    const unknown = Buffer.alloc(9);
    unknown[0] = 0x11;
    unknown.writeBigUInt64LE(999n, 1);
    expect(() => tm.get(unknown)).toThrow(expect.objectContaining({ code: Code.ABORTED }));
  });

  test('idle transactions expire and release their locks', async () => {
    const tm = new TransactionManager({ idleExpiryMs: 10, lockTimeoutMs: 200 });
    const idle = tm.begin(false);
    await tm.acquire(idle, [doc('q/a')]);
    await new Promise((r) => setTimeout(r, 30));
    await expect(tm.acquire(undefined, [doc('q/a')])).resolves.toBeUndefined();
    expect(() => tm.get(idle.id)).toThrow(expect.objectContaining({ code: Code.ABORTED }));
  });
});
