/**
 * Property: random sequences of proposals, approvals, starts, completions,
 * cancellations and terminations across a year boundary, applied with
 * quotaEffects + applyQuotaDelta + applyToCadre exactly as the callables do,
 * keep every quota's counts equal to the headcount it describes:
 *   filled   = people in post on the unit's quota, plus rotated cadres working there;
 *   reserved = the unit's people away on secondment or rotation;
 *   incoming = approved moves into the unit that have not started.
 * Each effect lands in the quota of the year of its event; at the year
 * boundary the carry-over opens the next year's quotas with the counts as
 * they stand, and the closed year's quotas no longer change.
 * Pure and seeded: no Firebase, the same sequence on every run.
 */
import { addDays } from '../../../functions/src/domain/dates';
import {
  applyToCadre,
  quotaEffects,
  transitionMovement,
  type Transition,
} from '../../../functions/src/domain/movement-lifecycle';
import { applyQuotaDelta, carryOverQuota, QuotaExceeded } from '../../../functions/src/domain/quota';
import { type Cadre, isOpenStatus, type Movement, type MovementType, type Quota } from '@canbo/model';
import { movement, person, quota } from '../../helpers/province';

/** A small deterministic generator (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}

const UNITS = ['18073', '18100', '18115'] as const;
type Q = Quota;
const key = (unit: string, year: number) => `${unit}_${year}`;

interface World {
  today: string;
  year: number;
  cadres: Map<string, Cadre>;
  movements: Movement[];
  quotas: Map<string, Q>;
}

function initialWorld(): World {
  const cadres = new Map<string, Cadre>();
  const quotas = new Map<string, Q>();
  for (const unit of UNITS) {
    for (let i = 0; i < 4; i++) {
      const c = person(`${unit}-${i}`, unit, 'xa_tu_phap_ho_tich');
      cadres.set(c.id, c);
    }
    quotas.set(key(unit, 2026), quota(unit, 6, 4, { year: 2026 }));
  }
  return { today: '2026-10-01', year: 2026, cadres, movements: [], quotas };
}

/** The headcount a unit's quota describes, from the people and the movements. */
function headcount(w: World, unit: string) {
  const activeRotationsHere = w.movements.filter(
    (m) => m.type === 'rotation' && m.status === 'active' && m.toUnitCode === unit,
  ).length;
  const people = [...w.cadres.values()];
  return {
    filled:
      people.filter((c) => c.homeUnitCode === unit && (c.status === 'active' || c.status === 'on_leave'))
        .length + activeRotationsHere,
    reservedForReturn: people.filter((c) => c.homeUnitCode === unit && c.status === 'seconded_out').length,
    incoming: w.movements.filter(
      (m) =>
        m.status === 'approved' &&
        ['transfer', 'rotation', 'appointment'].includes(m.type) &&
        m.toUnitCode === unit &&
        m.fromUnitCode !== unit,
    ).length,
  };
}

/** The yearly carry-over: next year's quotas open with this year's counts. */
function carryOver(w: World, toYear: number) {
  for (const unit of UNITS) {
    const q = w.quotas.get(key(unit, w.year))!;
    w.quotas.set(key(unit, toYear), carryOverQuota(q, `${toYear}-01-01T00:00:00.000Z`));
  }
  w.year = toYear;
}

/** Applies a transition as a callable would: every quota change or none. */
function apply(w: World, m: Movement, transition: Transition, reason?: string): boolean {
  const effects = quotaEffects(m, transition, m.status, w.today);
  const staged = new Map<string, Q>();
  try {
    for (const e of effects) {
      const k = key(e.unitCode, e.year);
      staged.set(k, applyQuotaDelta(staged.get(k) ?? w.quotas.get(k)!, e.delta));
    }
  } catch (err) {
    if (err instanceof QuotaExceeded) return false;
    throw err;
  }
  const next = transitionMovement(m, transition, {
    at: `${w.today}T08:00:00.000Z`,
    by: 'uid-admin',
    note: transition,
    on: w.today,
    earlyStartReason: reason,
  });
  for (const [k, q] of staged) w.quotas.set(k, q);
  const cadre = w.cadres.get(m.cadreId)!;
  w.cadres.set(m.cadreId, applyToCadre(cadre, m, transition, next.updatedAt));
  w.movements = w.movements.map((x) => (x.id === m.id ? next : x));
  return true;
}

function step(w: World, r: ReturnType<typeof rng>, n: number) {
  const nextDay = addDays(w.today, r.int(0, 3));
  const nextYear = Number(nextDay.slice(0, 4));
  if (nextYear !== w.year) carryOver(w, nextYear);
  w.today = nextDay;
  const op = r.pick(['propose', 'propose', 'approve', 'start', 'complete', 'cancel', 'terminate'] as const);
  const withStatus = (s: Movement['status']) => w.movements.filter((m) => m.status === s);
  // One open movement that moves a person at a time (the service enforces it).
  const free = [...w.cadres.values()].filter(
    (c) => c.status === 'active' && !w.movements.some((m) => m.cadreId === c.id && isOpenStatus(m.status)),
  );
  if ((op === 'propose' || op === 'terminate') && free.length > 0) {
    const c = r.pick(free);
    const type: MovementType =
      op === 'terminate'
        ? 'termination'
        : r.pick(['transfer', 'rotation', 'secondment', 'appointment'] as const);
    const to = type === 'termination' ? c.homeUnitCode : r.pick(UNITS.filter((u) => u !== c.homeUnitCode));
    const startDate = addDays(w.today, r.int(0, 20));
    w.movements.push(
      movement(`mv-${n}`, type, {
        cadreId: c.id,
        cadreName: c.fullName,
        fromUnitCode: c.homeUnitCode,
        toUnitCode: to,
        startDate,
        plannedEndDate: type === 'secondment' || type === 'rotation' ? addDays(startDate, 400) : null,
        status: 'proposed',
      }),
    );
    if (op === 'terminate') {
      const m = w.movements.at(-1)!;
      if (apply(w, m, 'approve')) apply(w, w.movements.at(-1)!, 'start', 'Nghỉ theo nguyện vọng');
    }
    return;
  }
  if (op === 'approve' && withStatus('proposed').length > 0)
    apply(w, r.pick(withStatus('proposed')), 'approve');
  if (op === 'start' && withStatus('approved').length > 0) {
    const m = r.pick(withStatus('approved'));
    apply(w, m, 'start', w.today < m.startDate ? 'Bắt đầu sớm theo yêu cầu nhiệm vụ' : undefined);
  }
  if (op === 'complete' && withStatus('active').length > 0)
    apply(w, r.pick(withStatus('active')), 'complete');
  if (op === 'cancel') {
    const open = w.movements.filter((m) => m.status === 'proposed' || m.status === 'approved');
    if (open.length > 0) apply(w, r.pick(open), 'cancel');
  }
}

test.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20])(
  'seed %i: every quota equals the headcount it describes, across the year boundary',
  (seed) => {
    const r = rng(seed);
    const w = initialWorld();
    let closed: Map<string, Q> | undefined;
    for (let n = 0; n < 160; n++) {
      step(w, r, n);
      if (w.year === 2027 && !closed) {
        closed = new Map(UNITS.map((u) => [u, { ...w.quotas.get(key(u, 2026))! }]));
      }
      for (const unit of UNITS) {
        const q = w.quotas.get(key(unit, w.year))!;
        expect({
          unit,
          filled: q.filled,
          reservedForReturn: q.reservedForReturn,
          incoming: q.incoming,
        }).toEqual({
          unit,
          ...headcount(w, unit),
        });
      }
    }
    // The walk crossed into 2027 (160 steps of 0–3 days from 1 October), and 2026 stayed as it closed.
    expect(w.year).toBe(2027);
    for (const unit of UNITS) expect(w.quotas.get(key(unit, 2026))).toEqual(closed!.get(unit));
    // Something happened: starts and completions, not only proposals.
    expect(
      w.movements.filter((m) => m.status === 'active' || m.status === 'completed').length,
    ).toBeGreaterThan(0);
  },
);
