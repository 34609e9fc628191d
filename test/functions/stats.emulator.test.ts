/**
 * Unit statistics against the emulator (docs/data-model.md, "unitStats"):
 * the rebuild from people and quotas (figures, job document, the callable's
 * scope and audit entry), and a random (seeded) sequence of movements —
 * proposals, approvals, starts, completions, cancellations of transfers,
 * secondments, rotations, appointments and terminations, with an allocation
 * on the way — through the real use cases, after which the figures the
 * transactions kept by increments equal the figures rebuilt from scratch.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { collections } from '../../functions/src/data/refs';
import { UnitStatsStore } from '../../functions/src/data/unit-stats';
import { comparableFigures, computeUnitStats, emptyUnitStats } from '../../functions/src/domain/unit-stats';
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
import { allocateQuota, carryOverQuotaYear } from '../../functions/src/services/quotas';
import { rebuildUnitStats, rebuildUnitStatsOf } from '../../functions/src/services/stats';
import type { Cadre, UnitStats } from '@canbo/model';
import { adminFirestore, closeClients, uniqueProjectId } from '../helpers/firestore';
import { person, quota, writeProvince } from '../helpers/province';

afterAll(closeClients);

const admin: Actor = { uid: 'u-admin', role: 'province_admin', province: '42', communes: [], cadreId: null };

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

/** Varied people: women and men, Kinh and minorities, birth years, qualifications, two blocks. */
function people(): Cadre[] {
  const ETHNIC = [
    ['Kinh', false],
    ['Thái', true],
    ['Kinh', false],
    ['Khơ Mú', true],
  ] as const;
  const LEVELS = ['bachelor', 'master', 'college'] as const;
  const units = [
    ['18073', 7],
    ['18100', 6],
    ['18115', 5],
  ] as const;
  return units.flatMap(([unit, count], u) =>
    Array.from({ length: count }, (_, i) => {
      const [ethnicity, ethnicMinority] = ETHNIC[(i + u) % ETHNIC.length]!;
      // The second person of each commune chairs its People's Committee (a key post).
      return person(`p-${unit}-${i}`, unit, i === 1 ? 'xa_chu_tich_ubnd' : 'xa_van_hoa_xa_hoi', {
        gender: i % 2 === 0 ? 'female' : 'male',
        birthDate: `${1970 + ((i * 7 + u * 3) % 30)}-0${1 + (i % 9)}-15`,
        ethnicity,
        ethnicMinority,
        education: { level: LEVELS[i % LEVELS.length]!, major: 'Luật' },
        partyMember: i % 3 !== 0,
        partyJoinDate: i % 3 !== 0 ? '2012-05-19' : null,
        block: i === count - 1 ? 'party' : 'government',
        category: i === count - 1 ? 'cadre' : 'civil_servant',
      });
    }),
  );
}

const QUOTAS = [
  quota('18073', 10, 6, { year: 2026 }),
  quota('18100', 9, 5, { year: 2026 }),
  quota('18115', 8, 4, { year: 2026 }),
  quota('18073', 3, 1, { year: 2026, block: 'party' }),
  quota('18100', 3, 1, { year: 2026, block: 'party' }),
  quota('18115', 3, 1, { year: 2026, block: 'party' }),
];

async function allStats(db: Firestore): Promise<Map<string, UnitStats>> {
  const list = await new UnitStatsStore(db).ofProvince('42');
  return new Map(list.map((s) => [s.unitCode, s]));
}

describe('rebuildUnitStats', () => {
  const h = harness('stats-rebuild');

  beforeAll(async () => {
    await writeProvince(
      h.db,
      QUOTAS,
      people().map((cadre) => ({ cadre })),
    );
  });

  test('recomputes every unit of the province from its people and quotas, with a job document', async () => {
    const result = await rebuildUnitStatsOf(h.deps, '42');
    expect(result).toEqual({
      jobId: 'unit-stats-rebuild-42-2026-12-01',
      provinceCode: '42',
      people: 18,
      quotas: 6,
      units: 3,
      reset: 0,
    });
    const stats = await allStats(h.db);
    expect([...stats.keys()].sort()).toEqual(['18073', '18100', '18115']);
    const s = stats.get('18073')!;
    expect(s.people).toEqual({
      inService: 7,
      byStatus: { active: 7 },
      byBlock: { government: 6, party: 1 },
      byCategory: { civil_servant: 6, cadre: 1 },
      byGender: { female: 4, male: 3 },
      ethnicMinority: 3,
      byEthnicity: { Kinh: 4, Thái: 2, 'Khơ Mú': 1 },
      byEducation: { bachelor: 3, master: 2, college: 2 },
      byPoliticalTheory: { intermediate: 7 },
      partyMembers: 4,
      byBirthYear: { '1970': 1, '1977': 1, '1984': 1, '1991': 1, '1998': 1, '1975': 1, '1982': 1 },
      womenByBirthYear: { '1970': 1, '1984': 1, '1998': 1, '1982': 1 },
    });
    expect(s.keyPosts).toEqual({ xa_chu_tich_ubnd: 1 });
    expect(s.quotas).toEqual({
      '2026': {
        government: {
          allocated: 10,
          filled: 6,
          reservedForReturn: 0,
          incoming: 0,
          status: 'final',
          forecast: false,
        },
        party: {
          allocated: 3,
          filled: 1,
          reservedForReturn: 0,
          incoming: 0,
          status: 'final',
          forecast: false,
        },
      },
    });
    expect(s).toMatchObject({
      provinceCode: '42',
      communeCode: '18073',
      version: 1,
      rebuiltAt: '2026-12-01T03:00:00.000Z',
    });
    const job = (await h.c.jobs.doc(result.jobId).get()).data();
    expect(job).toMatchObject({
      kind: 'unit_stats_rebuild',
      provinceCode: '42',
      state: 'succeeded',
      progress: { done: 27, total: 27 },
      error: null,
      result: { people: 18, quotas: 6, units: 3, reset: 0 },
    });
  });

  test('a unit whose figures went away is reset to zeros', async () => {
    await h.db.doc('unitStats/18999').set({
      unitCode: '18999',
      provinceCode: '42',
      communeCode: '18999',
      people: { inService: 4, byStatus: { active: 4 } },
      updatedAt: '2026-11-01T00:00:00.000Z',
    });
    const result = await rebuildUnitStatsOf(h.deps, '42');
    expect(result.reset).toBe(1);
    const stale = (await allStats(h.db)).get('18999')!;
    expect(stale.people.inService).toBe(0);
    expect(stale.people.byStatus).toEqual({});
    expect(stale.rebuiltAt).toBe('2026-12-01T03:00:00.000Z');
  });

  test('the callable’s use case: a province admin rebuilds their own province, audited; others are refused', async () => {
    h.at('2026-12-02T03:00:00.000Z');
    const result = await rebuildUnitStats(h.deps, admin, {});
    expect(result.jobId).toBe('unit-stats-rebuild-42-2026-12-02');
    const audit = (await h.c.audit.where('action', '==', 'unitStats.rebuild').get()).docs.map((d) =>
      d.data(),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      target: 'jobs/unit-stats-rebuild-42-2026-12-02',
      reason: 'Tính lại số liệu thống kê theo đơn vị của tỉnh 42 / unit statistics of province 42 rebuilt',
    });
    for (const role of ['auditor', 'commune_admin', 'area_monitor', 'cadre'] as const) {
      await expect(rebuildUnitStats(h.deps, { ...admin, role }, {})).rejects.toMatchObject({
        code: 'permission-denied',
      });
    }
  });
});

describe('the figures kept by the transactions equal the rebuilt ones after a random sequence', () => {
  const h = harness('stats-property');
  const everyone = people();
  const UNITS = ['18073', '18100', '18115'];
  const KINDS = [
    'transfer',
    'transfer',
    'secondment',
    'rotation',
    'termination',
    'appointment',
    'concurrent',
  ] as const;
  const TARGET_POST: Partial<Record<(typeof KINDS)[number], string>> = {
    transfer: 'xa_van_hoa_xa_hoi',
    appointment: 'xa_van_hoa_xa_hoi',
    rotation: 'xa_pho_chu_tich_ubnd',
    // A concurrent key post in another commune (kiêm nhiệm): counted where the post is.
    concurrent: 'xa_pho_bi_thu',
  };
  const PLANNED_END: Partial<Record<(typeof KINDS)[number], string>> = {
    secondment: '2027-06-30',
    rotation: '2029-06-30',
  };

  beforeAll(async () => {
    await writeProvince(
      h.db,
      QUOTAS,
      everyone.map((cadre) => ({ cadre })),
    );
    // The starting point: the figures of the data as written.
    await rebuildUnitStatsOf(h.deps, '42');
  });

  const figures = (m: Map<string, UnitStats>, u: string) =>
    comparableFigures(m.get(u) ?? emptyUnitStats(u, '42', '2026-12-01T00:00:00.000Z'));

  test('70 seeded steps of proposals, approvals, starts, completions and cancellations', async () => {
    const before = await allStats(h.db);
    let seed = 42_2026;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let time = Date.parse('2026-12-01T02:00:00.000Z');
    const done = { propose: 0, approve: 0, start: 0, complete: 0, cancel: 0, allocate: 0, refused: 0 };
    for (let step = 0; step < 70; step++) {
      time += 2 * 3600_000;
      h.at(new Date(time).toISOString());
      const day = new Date(time + 7 * 3600_000).toISOString().slice(0, 10);
      const op = rnd(9);
      try {
        const open = (
          await h.c.movements.where('status', 'in', ['proposed', 'approved', 'active']).get()
        ).docs.map((d) => d.data());
        if (op === 8) {
          // An allocation decision on the way: the quota copy follows it.
          await allocateQuota(h.deps, admin, {
            unitCode: UNITS[rnd(3)]!,
            block: 'government',
            year: 2026,
            allocated: 8 + rnd(6),
            status: 'final',
            decision: { number: `${step}/QĐ-UBND`, date: day },
            reason: 'Điều chỉnh biên chế',
          });
          done.allocate++;
        } else if (op <= 2 || open.length === 0) {
          const who = everyone[rnd(everyone.length)]!;
          const cadre = (await h.c.cadres.doc(who.id).get()).data()!;
          const type = KINDS[rnd(KINDS.length)]!;
          const to = UNITS.filter((u) => u !== cadre.homeUnitCode)[rnd(2)]!;
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
          done.propose++;
        } else {
          const m = open[rnd(open.length)]!;
          if (m.status === 'proposed' && op === 3) {
            await cancelMovement(h.deps, admin, { movementId: m.id, reason: 'Không thực hiện' });
            done.cancel++;
          } else if (m.status === 'proposed') {
            const overrides = m.checks
              .filter((c) => c.outcome !== 'pass' && c.overridable)
              .map((c) => ({ code: c.code, reason: 'Chấp thuận theo đề nghị của cấp ủy' }));
            await decideMovement(h.deps, admin, {
              movementId: m.id,
              decision: 'approve',
              note: 'Đồng ý',
              overrides,
            });
            done.approve++;
          } else if (m.status === 'approved' && op === 3) {
            await cancelMovement(h.deps, admin, { movementId: m.id, reason: 'Không thực hiện' });
            done.cancel++;
          } else if (m.status === 'approved') {
            await startMovement(h.deps, admin, { movementId: m.id, startDate: day });
            done.start++;
          } else {
            await completeMovement(h.deps, admin, { movementId: m.id, note: 'Kết thúc' });
            done.complete++;
          }
        }
      } catch (e) {
        // A refusal (a rule, a full quota, a wrong status) changes nothing; anything else is a bug.
        const code = (e as { code?: string }).code;
        expect(['failed-precondition', 'invalid-argument', 'already-exists']).toContain(code);
        done.refused++;
      }
      // After every step, the kept figures equal the figures of the data as it
      // stands (computed without writing: the rebuild's own sum).
      const [cadres, quotas, kept] = await Promise.all([
        h.c.cadres.get().then((q) => q.docs.map((d) => d.data())),
        h.c.quotas.get().then((q) => q.docs.map((d) => d.data())),
        allStats(h.db),
      ]);
      const now = computeUnitStats('42', cadres, quotas, '2026-12-01T00:00:00.000Z');
      const units = [...new Set([...kept.keys(), ...now.keys()])].sort();
      expect({ step, figures: units.map((u) => figures(kept, u)) }).toEqual({
        step,
        figures: units.map((u) => figures(now, u)),
      });
    }
    // The sequence (the same on every run) moved people, not only refusals.
    expect(done).toEqual({
      propose: 19,
      approve: 15,
      start: 10,
      complete: 10,
      cancel: 6,
      allocate: 5,
      refused: 5,
    });

    const incremental = await allStats(h.db);
    // Something changed (otherwise the comparison below proves nothing).
    expect([...incremental.values()].map(comparableFigures)).not.toEqual(
      [...before.values()].map(comparableFigures),
    );
    // Key posts moved too (a chair transferred or retired, a concurrent key post taken).
    const keyPosts = (m: Map<string, UnitStats>) =>
      Object.fromEntries([...m.values()].map((x) => [x.unitCode, x.keyPosts]));
    expect(keyPosts(incremental)).not.toEqual(keyPosts(before));
    h.at(new Date(time + 3600_000).toISOString());
    await rebuildUnitStatsOf(h.deps, '42');
    const rebuilt = await allStats(h.db);
    const units = [...new Set([...incremental.keys(), ...rebuilt.keys()])].sort();
    expect(units.map((u) => figures(incremental, u))).toEqual(units.map((u) => figures(rebuilt, u)));
    // Every statistics document stays scoped to its unit's commune.
    for (const s of incremental.values()) expect(s.communeCode).toBe(s.unitCode.slice(0, 5));
  }, 240_000);
});

describe('a new year: the quota copies follow the documents a movement opens and the carry-over writes', () => {
  const h = harness('stats-new-year');
  const everyone = people();

  beforeAll(async () => {
    await writeProvince(
      h.db,
      QUOTAS,
      everyone.map((cadre) => ({ cadre })),
    );
    await rebuildUnitStatsOf(h.deps, '42');
  });

  test('a transfer started on 2 January 2027 opens 2027 in both units; the job opens the rest', async () => {
    h.at('2026-12-20T03:00:00.000Z');
    const m = await proposeMovement(h.deps, admin, {
      type: 'transfer',
      cadreId: 'p-18073-2',
      toUnitCode: '18100',
      toPositionId: 'xa_van_hoa_xa_hoi',
      startDate: '2027-01-02',
      reason: 'Điều động đầu năm',
    });
    const overrides = m.checks
      .filter((c) => c.outcome !== 'pass' && c.overridable)
      .map((c) => ({ code: c.code, reason: 'Chấp thuận' }));
    await decideMovement(h.deps, admin, { movementId: m.id, decision: 'approve', note: 'Đồng ý', overrides });
    h.at('2027-01-02T03:00:00.000Z');
    await startMovement(h.deps, admin, { movementId: m.id, startDate: '2027-01-02' });
    let stats = await allStats(h.db);
    // The two documents the start opened (from 2026, with the transfer applied), nothing else of 2027 yet.
    expect(stats.get('18073')!.quotas['2027']).toEqual({
      government: {
        allocated: 10,
        filled: 5,
        reservedForReturn: 0,
        incoming: 0,
        status: 'temporary',
        forecast: false,
      },
    });
    expect(stats.get('18100')!.quotas['2027']).toEqual({
      government: {
        allocated: 9,
        filled: 6,
        reservedForReturn: 0,
        incoming: 0,
        status: 'temporary',
        forecast: false,
      },
    });
    expect(stats.get('18115')!.quotas['2027']).toBeUndefined();
    // The person moved with their figures.
    expect(stats.get('18073')!.people.inService).toBe(6);
    expect(stats.get('18100')!.people.inService).toBe(7);

    await carryOverQuotaYear(h.deps, 2027, '42');
    stats = await allStats(h.db);
    expect(stats.get('18115')!.quotas['2027']).toEqual({
      government: {
        allocated: 8,
        filled: 4,
        reservedForReturn: 0,
        incoming: 0,
        status: 'temporary',
        forecast: false,
      },
      party: {
        allocated: 3,
        filled: 1,
        reservedForReturn: 0,
        incoming: 0,
        status: 'temporary',
        forecast: false,
      },
    });
    const [cadres, quotas] = await Promise.all([
      h.c.cadres.get().then((q) => q.docs.map((d) => d.data())),
      h.c.quotas.get().then((q) => q.docs.map((d) => d.data())),
    ]);
    const recomputed = computeUnitStats('42', cadres, quotas, '2027-01-02T03:00:00.000Z');
    expect([...stats.values()].map(comparableFigures)).toEqual(
      [...recomputed.values()].map(comparableFigures),
    );
  }, 120_000);
});
