/**
 * Idempotency keys (issue 9): a mutating callable called again with the same
 * `requestId` within 24 h returns the first result and does nothing twice;
 * while the first call still runs, a replay is `already-exists`; the same key
 * with another input is `invalid-argument`; a refused first call releases
 * the key. On the code before the fix every one of these failed: `requestId`
 * was an unknown field (invalid-argument) and a replay without it created a
 * second movement.
 */
import { collections } from '../../functions/src/data/refs';
import { randomId } from '../../functions/src/lib/deps';
import { useCaseDeps } from '../../functions/src/services';
import { Idempotency, inputHash } from '../../functions/src/services/idempotency';
import { callableHarness, failure } from '../helpers/callable';
import { person, quota, writeProvince } from '../helpers/province';

const { call, firestore, cleanup } = callableHarness('idempotency');

let c: ReturnType<typeof collections>;

beforeAll(async () => {
  const db = firestore();
  c = collections(db);
  await writeProvince(
    db,
    // The year the proposal is recorded in (today) and the year it starts in.
    [2026, 2027].flatMap((year) => [quota('18073', 32, 20, { year }), quota('18100', 32, 20, { year })]),
    ['c-replay', 'c-race', 'c-other', 'c-other2', 'c-release'].map((id) => ({
      cadre: person(id, '18073', 'xa_tu_phap_ho_tich'),
    })),
  );
});

afterAll(cleanup);

const proposal = (cadreId: string, requestId: string) => ({
  type: 'transfer',
  cadreId,
  toUnitCode: '18100',
  toPositionId: 'xa_tu_phap_ho_tich',
  startDate: '2027-01-10',
  reason: 'Điều động theo yêu cầu nhiệm vụ',
  requestId,
});

const movementsOf = async (cadreId: string) =>
  (await c.movements.where('cadreId', '==', cadreId).get()).docs.map((d) => d.id);

test('a replayed proposal returns the first movement and creates no second one', async () => {
  const first = await call('proposeMovement', proposal('c-replay', '6f1c1a52-3c1e-4d43-9f55-0a7e5d2b9c01'));
  expect(first.status).toBe('proposed');
  const replay = await call('proposeMovement', proposal('c-replay', '6f1c1a52-3c1e-4d43-9f55-0a7e5d2b9c01'));
  expect(replay).toEqual(first);
  expect(await movementsOf('c-replay')).toEqual([first.id]);
  // The key is recorded for 24 h (a TTL policy on expiresAt deletes it) and never read by clients.
  const record = (
    await firestore().doc('idempotency/u-admin_6f1c1a52-3c1e-4d43-9f55-0a7e5d2b9c01').get()
  ).data()!;
  expect(record.state).toBe('done');
  expect(record.op).toBe('proposeMovement');
  expect(record.expiresAt.toDate().getTime() - new Date(record.createdAt).getTime()).toBe(24 * 3600 * 1000);
});

test('keys are per account: another account may use the same key for its own request', async () => {
  const key = '0b5e1f0a-7d6c-4a3e-8b1f-2c9d4e6f7a80';
  const mine = await call('proposeMovement', proposal('c-other', key));
  const theirs = await call(
    'proposeMovement',
    proposal('c-other2', key),
    { role: 'province_admin', province: '42' },
    'u-admin-2',
  );
  expect(theirs.id).not.toBe(mine.id);
  expect(await movementsOf('c-other2')).toEqual([theirs.id]);
});

test('concurrent replays: exactly one runs; the others wait-and-retry (already-exists) or get its result', async () => {
  const key = '9a7b3c2d-1e0f-4a5b-8c6d-7e8f9a0b1c2d';
  const outcomes = await Promise.allSettled(
    Array.from({ length: 6 }, () => call('proposeMovement', proposal('c-race', key))),
  );
  const created = await movementsOf('c-race');
  expect(created).toHaveLength(1);
  for (const o of outcomes) {
    if (o.status === 'fulfilled') expect(o.value.id).toBe(created[0]);
    else {
      expect(o.reason.code).toBe('already-exists');
      expect(o.reason.message).toBe(
        `Yêu cầu ${key} đang được xử lý, hãy chờ kết quả / request ${key} is still being processed, wait for its result`,
      );
    }
  }
  expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
  // Once the first is done, a replay returns its result.
  expect((await call('proposeMovement', proposal('c-race', key))).id).toBe(created[0]);
});

test('the same key with a different input is invalid-argument, in both languages', async () => {
  const key = '6f1c1a52-3c1e-4d43-9f55-0a7e5d2b9c01';
  const err = await failure(
    call('proposeMovement', { ...proposal('c-replay', key), reason: 'Một lý do khác hẳn' }),
  );
  expect(err.code).toBe('invalid-argument');
  expect(err.message).toBe(
    `Mã yêu cầu ${key} đã dùng cho một yêu cầu khác / request id ${key} was already used for a different request`,
  );
});

test('a refused first call releases the key: the corrected call with the same key runs', async () => {
  const key = '3d2c1b0a-9f8e-4d7c-a6b5-4c3d2e1f0a9b';
  const refused = await failure(
    call('proposeMovement', { ...proposal('c-release', key), toUnitCode: '18999' }),
  );
  expect(refused.code).toBe('not-found');
  expect((await firestore().doc(`idempotency/u-admin_${key}`).get()).exists).toBe(false);
  const m = await call('proposeMovement', { ...proposal('c-release', key) });
  expect(m.status).toBe('proposed');
});

test('a requestId that is not a UUID is refused on its field', async () => {
  const err = await failure(call('proposeMovement', proposal('c-release', 'not-a-uuid')));
  expect(err.code).toBe('invalid-argument');
  expect(err.details!.fields!.map((f) => f.path)).toEqual(['requestId']);
});

describe('the key’s lifetime (Idempotency over the emulator, with a clock the test moves)', () => {
  let at = '2026-11-25T08:00:00.000Z';
  const ledger = () =>
    new Idempotency(useCaseDeps(firestore(), { clock: { now: () => new Date(at) }, newId: randomId }));
  const key = { uid: 'u-clock', requestId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', op: 'cancelMovement' };
  const input = { movementId: 'mv-1', reason: 'Không còn nhu cầu' };

  test('while the first call runs, a replay is already-exists; afterwards it gets the first result', async () => {
    let finish!: (v: { n: number }) => void;
    const first = ledger().once(key, input, () => new Promise<{ n: number }>((r) => (finish = r)));
    // Replay once the first call holds the key.
    const claim = firestore().doc(`idempotency/u-clock_${key.requestId}`);
    while (!(await claim.get()).exists) await new Promise((r) => setTimeout(r, 10));
    const runs: number[] = [];
    await expect(ledger().once(key, input, async () => runs.push(2))).rejects.toMatchObject({
      code: 'already-exists',
      key: 'error.requestInProgress',
    });
    finish({ n: 1 });
    expect(await first).toEqual({ n: 1 });
    expect(await ledger().once(key, input, async () => runs.push(3))).toEqual({ n: 1 });
    expect(runs).toEqual([]);
  });

  test('after 24 hours the key is forgotten: the same key runs again', async () => {
    at = '2026-11-26T08:00:01.000Z';
    expect(await ledger().once(key, input, async () => ({ n: 4 }))).toEqual({ n: 4 });
    at = '2026-11-26T09:00:00.000Z';
    expect(await ledger().once(key, input, async () => ({ n: 5 }))).toEqual({ n: 4 });
  });

  // Deliberately changed (review of issue 9): a pending claim is no longer taken over after 10 minutes.
  // Its call may have committed its change and then failed to store the result; running the use case
  // again would make the change twice (a second movement). It answers already-exists until it expires.
  test('a claim left pending (its call died, or its result was not stored) answers already-exists until it expires', async () => {
    const dead = { ...key, requestId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e' };
    at = '2026-11-26T10:00:00.000Z';
    await collections(firestore())
      .idempotency.doc(`u-clock_${dead.requestId}`)
      .set({
        ...dead,
        inputHash: inputHash(input),
        state: 'pending',
        createdAt: at,
        expiresAt: new Date('2026-11-27T10:00:00.000Z'),
      });
    const runs: number[] = [];
    for (const later of [
      '2026-11-26T10:09:00.000Z',
      '2026-11-26T10:10:01.000Z',
      '2026-11-27T09:59:59.000Z',
    ]) {
      at = later;
      await expect(ledger().once(dead, input, async () => runs.push(6))).rejects.toMatchObject({
        code: 'already-exists',
        key: 'error.requestInProgress',
      });
    }
    expect(runs).toEqual([]);
    at = '2026-11-27T10:00:01.000Z';
    expect(await ledger().once(dead, input, async () => ({ n: 7 }))).toEqual({ n: 7 });
  });

  describe('release and complete touch only the claim their call made', () => {
    const other = (requestId: string) => ({
      uid: 'u-clock',
      requestId,
      op: 'cancelMovement',
      inputHash: inputHash(input),
      state: 'pending' as const,
      createdAt: '2026-11-28T07:00:00.000Z',
      expiresAt: new Date('2026-11-29T07:00:00.000Z'),
    });

    test('a failed call does not delete a record another call now holds', async () => {
      const k = { ...key, requestId: '3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f' };
      at = '2026-11-28T08:00:00.000Z';
      const ref = collections(firestore()).idempotency.doc(`u-clock_${k.requestId}`);
      await expect(
        ledger().once(k, input, async () => {
          // While this call runs, its claim is replaced by another call's (e.g. one that took it over).
          await ref.set(other(k.requestId));
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect((await ref.get()).data()).toMatchObject({
        state: 'pending',
        createdAt: '2026-11-28T07:00:00.000Z',
      });
    });

    test('a finished call does not overwrite a record another call now holds', async () => {
      const k = { ...key, requestId: '4d5e6f7a-8b9c-4dae-9f2a-3b4c5d6e7f80' };
      at = '2026-11-28T08:00:00.000Z';
      const ref = collections(firestore()).idempotency.doc(`u-clock_${k.requestId}`);
      const result = await ledger().once(k, input, async () => {
        await ref.set(other(k.requestId));
        return { n: 8 };
      });
      expect(result).toEqual({ n: 8 });
      const stored = (await ref.get()).data()!;
      expect(stored.state).toBe('pending');
      expect(stored.createdAt).toBe('2026-11-28T07:00:00.000Z');
      expect(stored.result).toBeUndefined();
    });
  });
});
