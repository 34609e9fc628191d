/**
 * Quotas by year against the emulator (docs/legal-basis.md §9), through the
 * use cases with a clock the tests move: allocateQuota (scope, audit, the
 * warning on a cut), the carry-over (idempotent, keeps a decided allocation,
 * counts equal), effects in the year they are recorded across 1 January in
 * Vietnam, the `quota_year_unallocated` warning at proposal and approval, and
 * a random sequence across the year boundary that keeps every quota equal to
 * the headcount it describes.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { collections } from '../../functions/src/data/refs';
import { failedWrites } from '../../functions/src/data/repositories';
import type { Actor } from '../../functions/src/lib/actor';
import type { Clock } from '../../functions/src/lib/clock';
import { useCaseDeps, type UseCaseDeps } from '../../functions/src/services';
import {
  cancelMovement,
  completeMovement,
  decideMovement,
  proposeMovement,
  startMovement,
} from '../../functions/src/services/movements';
import { allocateQuota, carryOverQuotas, carryOverQuotaYear } from '../../functions/src/services/quotas';
import { type Quota, quotaId } from '@canbo/model';
import { adminFirestore, closeClients, uniqueProjectId } from '../helpers/firestore';
import { person, quota, writeProvince } from '../helpers/province';

afterAll(closeClients);

const admin: Actor = { uid: 'u-admin', role: 'province_admin', province: '42', communes: [], cadreId: null };
const communeAdmin: Actor = { ...admin, uid: 'u-commune', role: 'commune_admin', communes: ['18100'] };
const otherProvince: Actor = { ...admin, uid: 'u-other', province: '40' };

/** A clock the test sets; ids numbered in order. */
function harness(label: string): {
  db: Firestore;
  deps: UseCaseDeps;
  at: (iso: string) => void;
  c: ReturnType<typeof collections>;
} {
  const db = adminFirestore(uniqueProjectId(label));
  let now = '2026-12-01T03:00:00.000Z';
  let n = 0;
  const clock: Clock = { now: () => new Date(now) };
  const deps = useCaseDeps(db, { clock, newId: (p) => `${p}-${String(++n).padStart(4, '0')}` });
  return { db, deps, at: (iso) => (now = iso), c: collections(db) };
}

async function stored(
  c: ReturnType<typeof collections>,
  unit: string,
  year: number,
): Promise<Quota | undefined> {
  return (await c.quotas.doc(quotaId(unit, 'government', year)).get()).data();
}

/** What a use case throws, as { code, key }. */
async function refused(p: Promise<unknown>): Promise<{ code: string; key: string; details?: unknown }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code: string; key: string; details?: unknown };
    return { code: err.code, key: err.key, details: err.details };
  }
  throw new Error('expected a refusal');
}

const DECISION = { number: '245/QĐ-UBND', date: '2026-12-15' };

describe('allocateQuota', () => {
  const h = harness('quota-allocate');

  beforeAll(async () => {
    await writeProvince(h.db, [quota('18100', 32, 31, { year: 2026, incoming: 1 })], []);
    h.at('2026-12-15T03:00:00.000Z');
  });

  test('only a province admin of the unit’s province may allocate', async () => {
    const input = {
      unitCode: '18100',
      block: 'government' as const,
      year: 2027,
      allocated: 34,
      status: 'final' as const,
      decision: DECISION,
      reason: 'Giao biên chế năm 2027',
    };
    expect(await refused(allocateQuota(h.deps, communeAdmin, input))).toMatchObject({
      code: 'permission-denied',
      key: 'error.roleNotAllowed',
    });
    expect(await refused(allocateQuota(h.deps, otherProvince, input))).toMatchObject({
      code: 'permission-denied',
      key: 'error.outsideScope',
    });
    expect(await stored(h.c, '18100', 2027)).toBeUndefined();
  });

  test('next year is a forecast with this year’s counts, written with its audit entry', async () => {
    const r = await allocateQuota(h.deps, admin, {
      unitCode: '18100',
      block: 'government',
      year: 2027,
      allocated: 34,
      status: 'final',
      decision: DECISION,
      reason: 'Giao biên chế năm 2027',
    });
    expect(r.warnings).toEqual([]);
    const expected: Quota = {
      provinceCode: '42',
      communeCode: '18100',
      unitCode: '18100',
      block: 'government',
      year: 2027,
      allocated: 34,
      status: 'final',
      decision: { number: '245/QĐ-UBND', date: '2026-12-15' },
      filled: 31,
      reservedForReturn: 0,
      incoming: 1,
      openedAt: null,
      updatedAt: '2026-12-15T03:00:00.000Z',
    };
    expect(r.quota).toEqual(expected);
    expect(await stored(h.c, '18100', 2027)).toEqual(expected);
    const audit = (await h.c.audit.where('action', '==', 'quota.allocate').get()).docs.map((d) => d.data());
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      provinceCode: '42',
      actor: { uid: 'u-admin', role: 'province_admin' },
      target: 'quotas/18100_government_2027',
      before: null,
      after: { allocated: 34, status: 'final', year: 2027 },
      reason: 'Giao biên chế năm 2027',
      at: '2026-12-15T03:00:00.000Z',
    });
  });

  test('a cut below the posts taken is allowed, warned in both languages and flagged', async () => {
    const r = await allocateQuota(h.deps, admin, {
      unitCode: '18100',
      block: 'government',
      year: 2026,
      allocated: 30,
      status: 'final',
      decision: { number: '250/QĐ-UBND', date: '2026-12-15' },
      reason: 'Điều chỉnh giảm biên chế',
    });
    expect(r.warnings).toEqual([
      {
        code: 'over_allocation',
        message:
          'Biên chế giao 30 thấp hơn số đang sử dụng 32 (có mặt 31, giữ chỗ 0, sắp đến 1) tại 18100 năm 2026: đơn vị vượt biên chế, không nhận thêm người cho đến khi giảm.',
        messageEn:
          'Allocation 30 is below the 32 posts taken (filled 31, reserved 0, incoming 1) at 18100 for 2026: the unit is over its quota and takes no one until it comes down.',
      },
    ]);
    expect(await stored(h.c, '18100', 2026)).toMatchObject({
      allocated: 30,
      filled: 31,
      incoming: 1,
      flags: ['over_allocation'],
      decision: { number: '250/QĐ-UBND', date: '2026-12-15' },
    });
  });

  test('a closed year cannot be allocated', async () => {
    expect(
      await refused(
        allocateQuota(h.deps, admin, {
          unitCode: '18100',
          block: 'government',
          year: 2025,
          allocated: 30,
          status: 'final',
          decision: DECISION,
          reason: 'Sửa năm cũ',
        }),
      ),
    ).toMatchObject({ code: 'failed-precondition', key: 'error.quotaPastYear' });
  });
});

describe('the carry-over', () => {
  const h = harness('quota-carry');
  const closing = [
    quota('18073', 32, 30, { year: 2026, reservedForReturn: 1 }),
    quota('18100', 32, 31, { year: 2026, incoming: 1 }),
    quota('18115', 10, 10, { year: 2026, status: 'temporary' }),
  ];

  beforeAll(async () => {
    await writeProvince(
      h.db,
      [
        ...closing,
        // Decided ahead of the year: counts are a stale forecast.
        quota('18100', 34, 25, { year: 2027, decision: DECISION, openedAt: null }),
        // Another province's quota is not this admin's to carry.
        quota('18100', 5, 5, { year: 2026, provinceCode: '40', unitCode: '40001', communeCode: null }),
      ],
      [],
    );
  });

  test('cannot open a year before it starts in Vietnam', async () => {
    h.at('2026-12-31T16:59:00.000Z');
    expect(await refused(carryOverQuotas(h.deps, admin, { year: 2027 }))).toMatchObject({
      code: 'failed-precondition',
      key: 'error.quotaYearNotOpen',
    });
    expect(await stored(h.c, '18073', 2027)).toBeUndefined();
  });

  test('opens the year with the closing counts, keeping a decided allocation; a rerun changes nothing', async () => {
    h.at('2026-12-31T17:05:00.000Z');
    const first = await carryOverQuotas(h.deps, admin, { year: 2027 });
    expect(first).toEqual({
      jobId: 'quota-carry-over-2027-42',
      year: 2027,
      provinceCode: '42',
      closing: 3,
      created: 2,
      refreshed: 1,
      kept: 0,
    });
    const at = '2026-12-31T17:05:00.000Z';
    expect(await stored(h.c, '18073', 2027)).toEqual({
      ...closing[0],
      year: 2027,
      status: 'temporary',
      decision: null,
      allocated: 32,
      filled: 30,
      reservedForReturn: 1,
      incoming: 0,
      openedAt: at,
      updatedAt: at,
    });
    expect(await stored(h.c, '18100', 2027)).toMatchObject({
      allocated: 34,
      status: 'final',
      decision: { number: '245/QĐ-UBND', date: '2026-12-15' },
      filled: 31,
      reservedForReturn: 0,
      incoming: 1,
      openedAt: at,
    });
    expect(await stored(h.c, '18115', 2027)).toMatchObject({
      allocated: 10,
      filled: 10,
      status: 'temporary',
    });
    // The closing year is left as it closed.
    expect(await stored(h.c, '18073', 2026)).toEqual(closing[0]);
    expect((await h.c.jobs.doc('quota-carry-over-2027-42').get()).data()).toMatchObject({
      kind: 'quota_carry_over',
      provinceCode: '42',
      state: 'succeeded',
      progress: { done: 3, total: 3 },
      params: { year: 2027 },
      result: { closing: 3, created: 2, refreshed: 1, kept: 0 },
    });

    const before = await Promise.all(['18073', '18100', '18115'].map((u) => stored(h.c, u, 2027)));
    h.at('2027-01-01T02:00:00.000Z');
    const again = await carryOverQuotas(h.deps, admin, { year: 2027 });
    expect(again).toMatchObject({ closing: 3, created: 0, refreshed: 0, kept: 3 });
    expect(await Promise.all(['18073', '18100', '18115'].map((u) => stored(h.c, u, 2027)))).toEqual(before);
    const audit = (await h.c.audit.where('action', '==', 'quota.carryOver').get()).docs.map((d) => d.data());
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ target: 'jobs/quota-carry-over-2027-42', provinceCode: '42' });
  });

  test('the job over every province opens the other province too', async () => {
    h.at('2027-01-01T03:00:00.000Z');
    const all = await carryOverQuotaYear(h.deps, 2027, null);
    expect(all).toMatchObject({ jobId: 'quota-carry-over-2027-all', closing: 4, created: 1, kept: 3 });
    expect(await stored(h.c, '40001', 2027)).toMatchObject({ provinceCode: '40', filled: 5, allocated: 5 });
  });
});

describe('movements across the year boundary', () => {
  const h = harness('quota-years-movements');

  beforeAll(async () => {
    await writeProvince(
      h.db,
      [
        quota('18073', 32, 30, { year: 2026 }),
        quota('18100', 32, 30, { year: 2026 }),
        quota('18115', 10, 10, { year: 2027 }),
      ],
      [
        { cadre: person('c-second', '18073', 'xa_ke_toan') },
        { cadre: person('c-next', '18073', 'xa_van_hoa_xa_hoi') },
        { cadre: person('c-later', '18073', 'xa_van_hoa_xa_hoi') },
        { cadre: person('c-none', '18073', 'xa_van_hoa_xa_hoi') },
      ],
    );
  });

  test('a secondment started in 2026 and completed in 2027 returns in 2027; 2026 stays as it closed', async () => {
    h.at('2026-06-01T03:00:00.000Z');
    const m = await proposeMovement(h.deps, admin, {
      type: 'secondment',
      cadreId: 'c-second',
      toUnitCode: '18100',
      startDate: '2026-06-05',
      plannedEndDate: '2027-06-05',
      reason: 'Biệt phái hỗ trợ phường Trần Phú',
    });
    await decideMovement(h.deps, admin, { movementId: m.id, decision: 'approve', note: 'Đồng ý' });
    h.at('2026-06-05T03:00:00.000Z');
    await startMovement(h.deps, admin, { movementId: m.id });
    expect(await stored(h.c, '18073', 2026)).toMatchObject({ filled: 29, reservedForReturn: 1 });

    // 3 January 2027, before any carry-over ran: the return opens 2027 itself.
    h.at('2027-01-03T02:00:00.000Z');
    const done = await completeMovement(h.deps, admin, { movementId: m.id, note: 'Hết thời hạn biệt phái' });
    expect(done).toMatchObject({ status: 'completed', actualEndDate: '2027-01-03' });
    expect(await stored(h.c, '18073', 2027)).toMatchObject({
      year: 2027,
      allocated: 32,
      status: 'temporary',
      filled: 30,
      reservedForReturn: 0,
      incoming: 0,
      openedAt: '2027-01-03T02:00:00.000Z',
    });
    expect(await stored(h.c, '18073', 2026)).toMatchObject({ filled: 29, reservedForReturn: 1 });
  });

  test('approved in 2026 for a 2027 start: warned while 2027 is unallocated, started in 2027 after allocation', async () => {
    h.at('2026-12-10T03:00:00.000Z');
    const m = await proposeMovement(h.deps, admin, {
      type: 'transfer',
      cadreId: 'c-next',
      toUnitCode: '18100',
      toPositionId: 'xa_van_hoa_xa_hoi',
      startDate: '2027-01-15',
      reason: 'Điều động theo yêu cầu nhiệm vụ',
    });
    const atProposal = m.checks.find((c) => c.code === 'quota_year_unallocated');
    expect(atProposal).toMatchObject({
      outcome: 'warn',
      overridable: true,
      message:
        'Đơn vị 18100 chưa được giao biên chế khối government năm 2027 (năm bắt đầu). Khi sang năm, biên chế năm 2026 được kết chuyển tạm giao cho đến khi có quyết định.',
      messageEn:
        'Unit 18100 has no government quota allocated for 2027 (the start year). At the turn of the year the 2026 quota is carried over as temporary until a decision.',
    });
    // The approval's incoming lands in this year's quota, which the checks read.
    expect(m.checks.find((c) => c.code === 'target_quota')).toMatchObject({ outcome: 'pass' });

    h.at('2026-12-12T03:00:00.000Z');
    const approved = await decideMovement(h.deps, admin, {
      movementId: m.id,
      decision: 'approve',
      note: 'Đồng ý',
    });
    expect(approved.checks.find((c) => c.code === 'quota_year_unallocated')).toMatchObject({
      outcome: 'warn',
    });
    expect(await stored(h.c, '18100', 2026)).toMatchObject({ filled: 30, incoming: 1 });

    h.at('2026-12-20T03:00:00.000Z');
    await allocateQuota(h.deps, admin, {
      unitCode: '18100',
      block: 'government',
      year: 2027,
      allocated: 33,
      status: 'final',
      decision: { number: '300/QĐ-UBND', date: '2026-12-20' },
      reason: 'Giao biên chế năm 2027',
    });
    // With 2027 allocated, a proposal for a 2027 start passes the year check.
    const later = await proposeMovement(h.deps, admin, {
      type: 'transfer',
      cadreId: 'c-later',
      toUnitCode: '18100',
      toPositionId: 'xa_van_hoa_xa_hoi',
      startDate: '2027-02-01',
      reason: 'Điều động theo yêu cầu nhiệm vụ',
    });
    expect(later.checks.find((c) => c.code === 'quota_year_unallocated')).toMatchObject({
      outcome: 'pass',
      message: 'Đã giao biên chế năm 2027 (chính thức).',
      messageEn: 'Quota for 2027 allocated (final).',
    });
    await cancelMovement(h.deps, admin, { movementId: later.id, reason: 'Không thực hiện nữa' });

    h.at('2026-12-31T17:05:00.000Z');
    await carryOverQuotaYear(h.deps, 2027, null);
    expect(await stored(h.c, '18100', 2027)).toMatchObject({ allocated: 33, filled: 30, incoming: 1 });

    h.at('2027-01-15T02:00:00.000Z');
    const started = await startMovement(h.deps, admin, { movementId: m.id });
    expect(started).toMatchObject({ status: 'active', actualStartDate: '2027-01-15' });
    expect(await stored(h.c, '18100', 2027)).toMatchObject({ allocated: 33, filled: 31, incoming: 0 });
    expect(await stored(h.c, '18073', 2027)).toMatchObject({ filled: 29 });
    expect(await stored(h.c, '18100', 2026)).toMatchObject({ filled: 30, incoming: 1 });
  });

  test('no quota this year (nor last year) refuses the proposal with target_quota naming the year', async () => {
    // 18115 has only a 2027 document; it is still 2026 for approvals.
    h.at('2026-12-28T03:00:00.000Z');
    const err = await refused(
      proposeMovement(h.deps, admin, {
        type: 'transfer',
        cadreId: 'c-none',
        toUnitCode: '18115',
        toPositionId: 'xa_van_hoa_xa_hoi',
        startDate: '2027-01-20',
        reason: 'Điều động theo yêu cầu nhiệm vụ',
      }),
    );
    expect(err.code).toBe('failed-precondition');
    const checks = (err.details as { checks: { code: string; message: string; messageEn: string }[] }).checks;
    expect(checks.map((c) => c.code)).toEqual(['target_quota']);
    expect(checks[0]).toMatchObject({
      message:
        'Đơn vị 18115 chưa được giao biên chế khối government năm 2026 (năm ghi nhận phê duyệt). Cần giao biên chế (allocateQuota) trước.',
      messageEn:
        'Unit 18115 has no government quota allocated for 2026 (the year the approval is recorded). Allocate it first (allocateQuota).',
    });
  });
});

/*
 * Review of issue 9: an approval read the clock twice, once for the year its
 * checks read and once for the year its quota effects land in. With a clock
 * that ticks past midnight of 31 December (Vietnam) between the two reads, it
 * checked 2027's full quota and refused, although it reserves in 2026's, which
 * has room. Now one `at` decides both.
 */
describe('an approval at midnight of 31 December checks the quota of the year it reserves in', () => {
  const h = harness('quota-midnight');

  beforeAll(async () => {
    await writeProvince(
      h.db,
      [
        quota('18073', 32, 30, { year: 2026 }),
        quota('18100', 32, 30, { year: 2026 }),
        quota('18100', 32, 32, { year: 2027 }),
      ],
      [{ cadre: person('c-midnight', '18073', 'xa_van_hoa_xa_hoi') }],
    );
  });

  test('the clock ticks into 2027 during the approval: checked and reserved in 2026', async () => {
    h.at('2026-12-31T10:00:00.000Z');
    const m = await proposeMovement(h.deps, admin, {
      type: 'transfer',
      cadreId: 'c-midnight',
      toUnitCode: '18100',
      toPositionId: 'xa_van_hoa_xa_hoi',
      startDate: '2027-01-20',
      reason: 'Điều động theo yêu cầu nhiệm vụ',
    });
    // 23:59:59 on 31 December in Vietnam for the first reading, 00:00:01 on 1 January after.
    let readings = 0;
    const ticking: Clock = {
      now: () => new Date(++readings === 1 ? '2026-12-31T16:59:59.000Z' : '2026-12-31T17:00:01.000Z'),
    };
    let n = 0;
    const deps = useCaseDeps(h.db, { clock: ticking, newId: (p) => `${p}-midnight-${++n}` });
    const approved = await decideMovement(deps, admin, {
      movementId: m.id,
      decision: 'approve',
      note: 'Đồng ý',
    });
    expect(approved.status).toBe('approved');
    expect(approved.checks.find((c) => c.code === 'target_quota')).toMatchObject({ outcome: 'pass' });
    expect(await stored(h.c, '18100', 2026)).toMatchObject({ filled: 30, incoming: 1 });
    expect(await stored(h.c, '18100', 2027)).toMatchObject({ filled: 32, incoming: 0 });
  });
});

describe('a random sequence across the year boundary keeps every quota equal to its headcount', () => {
  const h = harness('quota-years-property');
  const UNITS = ['18073', '18100', '18115'];
  const people = [
    ...Array.from({ length: 6 }, (_, i) => person(`p-a${i}`, '18073', 'xa_van_hoa_xa_hoi')),
    ...Array.from({ length: 5 }, (_, i) => person(`p-b${i}`, '18100', 'xa_van_hoa_xa_hoi')),
    ...Array.from({ length: 4 }, (_, i) => person(`p-c${i}`, '18115', 'xa_van_hoa_xa_hoi')),
  ];

  beforeAll(async () => {
    await writeProvince(
      h.db,
      [
        quota('18073', 9, 6, { year: 2026 }),
        quota('18100', 8, 5, { year: 2026 }),
        quota('18115', 7, 4, { year: 2026 }),
      ],
      people.map((cadre) => ({ cadre })),
    );
  });

  /**
   * The counts the data describes: people at home plus people rotated in,
   * people away (seconded or rotated out), approved arrivals that take a post
   * (transfer, rotation, appointment from another unit). A concurrent post
   * takes none.
   */
  async function headcount(unit: string): Promise<Pick<Quota, 'filled' | 'reservedForReturn' | 'incoming'>> {
    const cadres = (await h.c.cadres.where('homeUnitCode', '==', unit).get()).docs.map((d) => d.data());
    const into = (await h.c.movements.where('toUnitCode', '==', unit).get()).docs
      .map((d) => d.data())
      .filter((m) => m.fromUnitCode !== unit);
    const takesPost = (type: string) => ['transfer', 'rotation', 'appointment'].includes(type);
    return {
      filled:
        cadres.filter((c) => c.status === 'active').length +
        into.filter((m) => m.type === 'rotation' && m.status === 'active').length,
      reservedForReturn: cadres.filter((c) => c.status === 'seconded_out').length,
      incoming: into.filter((m) => m.status === 'approved' && takesPost(m.type)).length,
    };
  }

  /** Every kind of move, transfers twice as often; each kind's target post (a rotation takes a leadership post). */
  const KINDS = [
    'transfer',
    'transfer',
    'secondment',
    'termination',
    'rotation',
    'appointment',
    'concurrent',
  ] as const;
  const TARGET_POST: Partial<Record<(typeof KINDS)[number], string>> = {
    transfer: 'xa_van_hoa_xa_hoi',
    appointment: 'xa_van_hoa_xa_hoi',
    concurrent: 'xa_van_hoa_xa_hoi',
    rotation: 'xa_pho_chu_tich_ubnd',
  };
  const PLANNED_END: Partial<Record<(typeof KINDS)[number], string>> = {
    secondment: '2027-12-31',
    rotation: '2030-06-30',
  };

  /** The quota that describes `year` now: its document, or the one it will open from. */
  async function quotaNow(unit: string, year: number): Promise<Quota> {
    return (await stored(h.c, unit, year)) ?? (await stored(h.c, unit, year - 1))!;
  }

  test('120 steps from 28 December 2026 to 6 January 2027', async () => {
    // A small deterministic generator: the same sequence on every run.
    let seed = 20261231;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let time = Date.parse('2026-12-28T02:00:00.000Z');
    const steps = { ok: 0, refused: 0 };
    let carried = false;
    for (let step = 0; step < 120; step++) {
      time += 1 * 3600_000 + rnd(3) * 3600_000;
      const iso = new Date(time).toISOString();
      h.at(iso);
      const day = new Date(time + 7 * 3600_000).toISOString().slice(0, 10);
      const year = Number(day.slice(0, 4));
      // The yearly job, once, in the middle of the new year's first days.
      if (!carried && day >= '2027-01-02') {
        await carryOverQuotaYear(h.deps, 2027, null);
        carried = true;
      }
      // Two in seven steps propose, one cancels, four move an open movement on.
      const op = rnd(7);
      try {
        const open = (
          await h.c.movements.where('status', 'in', ['proposed', 'approved', 'active']).get()
        ).docs.map((d) => d.data());
        if (op <= 1 || open.length === 0) {
          const who = people[rnd(people.length)]!;
          const cadre = (await h.c.cadres.doc(who.id).get()).data()!;
          const to = UNITS.filter((u) => u !== cadre.homeUnitCode)[rnd(2)]!;
          const type = KINDS[rnd(KINDS.length)]!;
          const post = TARGET_POST[type];
          const end = PLANNED_END[type];
          await proposeMovement(h.deps, admin, {
            type,
            cadreId: who.id,
            toUnitCode: type === 'termination' ? cadre.homeUnitCode : to,
            ...(post ? { toPositionId: post } : {}),
            startDate: day,
            ...(end ? { plannedEndDate: end } : {}),
            reason: 'Thử chuỗi ngẫu nhiên',
          });
        } else {
          const m = open[rnd(open.length)]!;
          const id = m.id;
          if (m.status === 'proposed') {
            if (op === 2) await cancelMovement(h.deps, admin, { movementId: id, reason: 'Không thực hiện' });
            else {
              // The approver overrides what may be overridden (a rotation's planning, rank, standards…);
              // a legal prohibition or a full quota still refuses.
              const overrides = m.checks
                .filter((c) => c.outcome !== 'pass' && c.overridable)
                .map((c) => ({ code: c.code, reason: 'Chấp thuận theo đề nghị của cấp ủy' }));
              await decideMovement(h.deps, admin, {
                movementId: id,
                decision: 'approve',
                note: 'Đồng ý',
                overrides,
              });
            }
          } else if (m.status === 'approved') {
            if (op === 2) await cancelMovement(h.deps, admin, { movementId: id, reason: 'Không thực hiện' });
            else await startMovement(h.deps, admin, { movementId: id, startDate: day });
          } else if (m.status === 'active') {
            await completeMovement(h.deps, admin, { movementId: id, note: 'Kết thúc' });
          }
        }
        steps.ok++;
      } catch (e) {
        // A refusal (a rule, a full quota, a wrong status) changes nothing; anything else is a bug.
        const code = (e as { code?: string }).code;
        expect(['failed-precondition', 'invalid-argument', 'already-exists']).toContain(code);
        steps.refused++;
      }
      for (const unit of UNITS) {
        const q = await quotaNow(unit, year);
        expect({ unit, day, filled: q.filled, reserved: q.reservedForReturn, incoming: q.incoming }).toEqual({
          unit,
          day,
          ...(await headcount(unit).then((x) => ({
            filled: x.filled,
            reserved: x.reservedForReturn,
            incoming: x.incoming,
          }))),
        });
      }
    }
    expect(carried).toBe(true);
    // The sequence did things in both years, not only refusals.
    expect(steps.ok).toBeGreaterThan(20);
    // Steps recorded in 2027 moved people, not only in 2026.
    const history = (await h.c.movements.get()).docs.flatMap((d) => d.data().history);
    const moved = (from: string, to: string) =>
      history.filter(
        (e) => e.at >= from && e.at < to && ['approved', 'active', 'completed'].includes(e.status),
      ).length;
    expect(moved('2026-12-27T17:00:00.000Z', '2026-12-31T17:00:00.000Z')).toBeGreaterThan(5);
    expect(moved('2026-12-31T17:00:00.000Z', '2027-01-06T17:00:00.000Z')).toBeGreaterThan(5);
    // Each quota of 2027 exists and still describes the people.
    for (const unit of UNITS) expect((await stored(h.c, unit, 2027))?.openedAt).toEqual(expect.any(String));
    // Every kind of move was started, not only proposed: the counts held for each.
    const started = new Set(
      (await h.c.movements.get()).docs
        .map((d) => d.data())
        .filter((m) => m.status === 'active' || m.status === 'completed')
        .map((m) => m.type),
    );
    expect([...started].sort()).toEqual([
      'appointment',
      'concurrent',
      'rotation',
      'secondment',
      'termination',
      'transfer',
    ]);
  });
});

/*
 * Review of issue 9: the callable wrote its audit entry after the job, outside
 * any transaction, so a failure there left a carry-over made and recorded as
 * succeeded without its audit entry. Now the entry is written in the last
 * batch's transaction: when it cannot be written, nothing of that batch is.
 */
describe('the carry-over and its audit entry commit together', () => {
  const h = harness('quota-carry-audit');

  beforeAll(async () => {
    await writeProvince(h.db, [quota('18073', 32, 30, { year: 2026 })], []);
  });

  test('an audit entry that cannot be written leaves no carry-over and a failed job', async () => {
    h.at('2027-01-01T02:00:00.000Z');
    // The id the audit entry will get is already taken: its create() fails, like any failed write of it.
    await h.db.doc('audit/audit-taken').set({ taken: true });
    const taken = useCaseDeps(h.db, {
      clock: { now: () => new Date('2027-01-01T02:00:00.000Z') },
      newId: (p) => `${p}-taken`,
    });
    await expect(carryOverQuotas(taken, admin, { year: 2027 })).rejects.toBeDefined();
    expect(await stored(h.c, '18073', 2027)).toBeUndefined();
    expect((await h.c.jobs.doc('quota-carry-over-2027-42').get()).data()).toMatchObject({
      state: 'failed',
      progress: { done: 0, total: 1 },
    });
    expect((await h.c.audit.where('action', '==', 'quota.carryOver').get()).size).toBe(0);

    // With the audit log writable, the run makes the change and its entry together.
    expect(await carryOverQuotas(h.deps, admin, { year: 2027 })).toMatchObject({ closing: 1, created: 1 });
    expect(await stored(h.c, '18073', 2027)).toMatchObject({ allocated: 32, filled: 30 });
    const audit = (await h.c.audit.where('action', '==', 'quota.carryOver').get()).docs.map((d) => d.data());
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      target: 'jobs/quota-carry-over-2027-42',
      after: { closing: 1, created: 1, refreshed: 0, kept: 0 },
    });
    expect((await h.c.jobs.doc('quota-carry-over-2027-42').get()).data()).toMatchObject({
      state: 'succeeded',
      progress: { done: 1, total: 1 },
      result: { closing: 1, created: 1, refreshed: 0, kept: 0 },
    });
  });
});

/*
 * Review of issue 9: a flag write queued on a BulkWriter was `void`ed, so a
 * failure was an unhandled rejection nobody reported. It is now kept for the
 * job that closes the writer (failedWrites).
 */
describe('flag writes that fail are reported, not lost', () => {
  const h = harness('quota-flags');

  beforeAll(async () => {
    await writeProvince(h.db, [quota('18073', 32, 30, { year: 2026 })], []);
  });

  test('a flag on a missing document is listed by failedWrites after close; the others are written', async () => {
    const writer = h.db.bulkWriter({ throttling: false });
    const [kept] = await h.deps.repos.quotas.ofYear(2026);
    h.deps.repos.quotas.setFlags(writer, kept!, ['over_allocation']);
    h.deps.repos.quotas.setFlags(writer, { ...kept!, unitCode: '18999' }, ['over_allocation']);
    h.deps.repos.movements.setFlags(writer, 'mv-missing', ['overdue_return']);
    await writer.close();
    expect(failedWrites(writer).map((f) => f.split(':')[0])).toEqual([
      'quotas/18999_government_2026',
      'movements/mv-missing',
    ]);
    expect((await stored(h.c, '18073', 2026))?.flags).toEqual(['over_allocation']);
  });
});

/*
 * Review of issue 9: a rejection silently dropped the overrides sent with it.
 * They only mean something on an approval: refused, in both languages.
 */
describe('overrides on a rejection', () => {
  const h = harness('quota-reject-overrides');

  beforeAll(async () => {
    await writeProvince(
      h.db,
      [quota('18073', 32, 30, { year: 2026 }), quota('18100', 32, 30, { year: 2026 })],
      [{ cadre: person('c-reject', '18073', 'xa_van_hoa_xa_hoi') }],
    );
  });

  test('are invalid-argument on their field; the movement stays proposed', async () => {
    h.at('2026-12-10T03:00:00.000Z');
    const m = await proposeMovement(h.deps, admin, {
      type: 'transfer',
      cadreId: 'c-reject',
      toUnitCode: '18100',
      toPositionId: 'xa_van_hoa_xa_hoi',
      startDate: '2027-01-15',
      reason: 'Điều động theo yêu cầu nhiệm vụ',
    });
    const err = await refused(
      decideMovement(h.deps, admin, {
        movementId: m.id,
        decision: 'reject',
        note: 'Không đồng ý',
        overrides: [{ code: 'non_local', reason: 'Theo đề nghị của cấp ủy' }],
      }),
    );
    expect(err).toMatchObject({ code: 'invalid-argument', key: 'error.overridesOnReject' });
    expect((await h.c.movements.doc(m.id).get()).data()?.status).toBe('proposed');
    // Without overrides the rejection is recorded.
    const rejected = await decideMovement(h.deps, admin, {
      movementId: m.id,
      decision: 'reject',
      note: 'Không đồng ý',
    });
    expect(rejected.status).toBe('rejected');
  });
});
