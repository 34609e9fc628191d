/**
 * allocateQuota and carryOverQuotas as callables (firebase-functions-test
 * against the emulator, the real clock): input validation, who may call
 * them, the answer and the audit entry. Years are chosen far enough ahead
 * (2030) or behind (2025) that the real date does not change the outcome;
 * the year rule itself is tested with a set clock in quotas.emulator.test.ts.
 */
import { collections } from '../../functions/src/data/refs';
import { quotaId } from '@canbo/model';
import { callableHarness, failure } from '../helpers/callable';
import { claims, quota, writeProvince } from '../helpers/province';

const { call, firestore, cleanup } = callableHarness('quotas-callable');

let c: ReturnType<typeof collections>;

beforeAll(async () => {
  const db = firestore();
  c = collections(db);
  await writeProvince(db, [quota('18100', 32, 31, { year: 2029, reservedForReturn: 1 })], []);
});

afterAll(cleanup);

const input = {
  unitCode: '18100',
  block: 'government',
  year: 2030,
  allocated: 35,
  status: 'temporary',
  decision: { number: '12/QĐ-UBND', date: '2026-11-30' },
  reason: 'Tạm giao biên chế năm 2030',
};

test('bad input is invalid-argument with the fields named', async () => {
  const err = await failure(
    call('allocateQuota', { ...input, unitCode: '181', allocated: -1, status: 'maybe', decision: {} }),
  );
  expect(err.code).toBe('invalid-argument');
  expect(err.details!.fields!.map((f) => f.path)).toEqual(
    expect.arrayContaining(['unitCode', 'allocated', 'status', 'decision.number', 'decision.date']),
  );
});

test('a commune admin, a viewer and another province are refused', async () => {
  for (const token of [claims.commune18073, claims.viewer]) {
    expect((await failure(call('allocateQuota', input, token))).code).toBe('permission-denied');
    expect((await failure(call('carryOverQuotas', { year: 2026 }, token))).code).toBe('permission-denied');
  }
  expect((await failure(call('allocateQuota', input, claims.otherProvince))).code).toBe('permission-denied');
  // Another province's admin carries over their own province only: nothing of province 42 moves.
  expect(await call('carryOverQuotas', { year: 2026 }, claims.otherProvince)).toMatchObject({
    provinceCode: '40',
    closing: 0,
    created: 0,
  });
  expect(await c.quotas.doc(quotaId('18100', 'government', 2030)).get()).toHaveProperty('exists', false);
});

test('a province admin allocates a later year: a forecast with the latest counts, audited', async () => {
  const r = await call('allocateQuota', input);
  expect(r.warnings).toEqual([]);
  expect(r.quota).toMatchObject({
    unitCode: '18100',
    year: 2030,
    allocated: 35,
    status: 'temporary',
    decision: { number: '12/QĐ-UBND', date: '2026-11-30' },
    filled: 31,
    reservedForReturn: 1,
    incoming: 0,
    openedAt: null,
  });
  const audit = (await c.audit.where('target', '==', 'quotas/18100_government_2030').get()).docs.map((d) =>
    d.data(),
  );
  expect(audit.map((a) => [a.action, a.actor.uid, a.reason])).toEqual([
    ['quota.allocate', 'u-admin', 'Tạm giao biên chế năm 2030'],
  ]);
});

test('a cut below the counts answers with a warning and flags the quota', async () => {
  const r = await call('allocateQuota', {
    ...input,
    allocated: 30,
    status: 'final',
    reason: 'Giảm biên chế năm 2030',
  });
  expect(r.warnings.map((w: { code: string }) => w.code)).toEqual(['over_allocation']);
  expect(r.quota).toMatchObject({ allocated: 30, status: 'final', flags: ['over_allocation'] });
});

test('a closed year and a year not begun are refused in both languages', async () => {
  const past = await failure(call('allocateQuota', { ...input, year: 2025 }));
  expect(past.code).toBe('failed-precondition');
  expect(past.details!.message!.vi).toMatch(/^Năm 2025 đã khóa sổ biên chế/);
  const early = await failure(call('carryOverQuotas', { year: 2100 }));
  expect(early.code).toBe('failed-precondition');
  expect(early.details!.message!.en).toMatch(/^cannot carry quotas over into 2100 before it starts/);
});

test('a replayed allocation (same requestId) returns the first answer and is recorded once', async () => {
  const keyed = {
    ...input,
    unitCode: '18100',
    year: 2031,
    reason: 'Tạm giao biên chế năm 2031',
    requestId: '0b7f2a3c-1d4e-4f5a-8b6c-7d8e9f0a1b2c',
  };
  const first = await call('allocateQuota', keyed);
  const replay = await call('allocateQuota', keyed);
  expect(replay).toEqual(first);
  const audit = await c.audit.where('target', '==', 'quotas/18100_government_2031').get();
  expect(audit.size).toBe(1);
});
