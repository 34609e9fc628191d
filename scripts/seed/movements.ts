/**
 * movements/{id}: a few hundred movements in every state, replayed through
 * the domain the callables use. Each is proposed with the checks `runChecks`
 * gives on the seed's data at that point (a proposal a prohibition refuses is
 * not made: another person is tried), then taken through the transitions to
 * its status with `transitionMovement`; every transition's `quotaEffects` go
 * through `applyQuotaDelta` and its effect on the person through
 * `applyToCadre`. So the quota counts and the people's states are ones the
 * system itself would have reached, and a rule the domain learns reaches the
 * seed with it.
 *
 * One simplification: the seed holds one year of quotas (the year of
 * `asOf`), and the effects of earlier events land in it, as the yearly
 * carry-over would have brought them (docs/legal-basis.md §9). */
import { addDays, addMonths } from '../../functions/src/domain/dates';
import {
  blockingChecks,
  type CheckContext,
  DEFAULT_CHECK_PARAMS,
  requestOf,
  runChecks,
} from '../../functions/src/domain/movement-checks';
import {
  newMovement,
  applyToCadre,
  openMovementsAfter,
  quotaEffects,
  type Transition,
  transitionMovement,
} from '../../functions/src/domain/movement-lifecycle';
import { countHolders, holdersNeeded, sendingNormFor } from '../../functions/src/domain/check-inputs';
import { DEFAULT_NORMS } from '../../functions/src/domain/norms';
import { POSITION_BY_ID, POSITIONS } from '../../functions/src/domain/positions';
import { applyQuotaDelta } from '../../functions/src/domain/quota';
import { relativesInSystem } from '../../functions/src/domain/relatives';
import {
  type Cadre,
  type CadrePrivate,
  type Movement,
  type MovementStatus,
  type MovementType,
  quotaId,
} from '@canbo/model';
import type { SeedContext } from './context';
import type { QuotaDoc } from './quotas';
import { MOVEMENT_PLAN, MOVEMENT_REASON } from './tables';

/** The seed acts as the province's organisation board. */
const BY = 'seed';

/**
 * The transitions that take a new proposal to each status. A draft is never
 * submitted: the model and the lifecycle know the status (a draft can be
 * cancelled), though no callable creates one yet.
 */
const PATH: Record<MovementStatus, Transition[]> = {
  draft: [],
  proposed: [],
  approved: ['approve'],
  active: ['approve', 'start'],
  completed: ['approve', 'start', 'complete'],
  rejected: ['reject'],
  cancelled: ['cancel'],
};

const NOTE: Record<Transition, string> = {
  approve: 'Phê duyệt',
  reject: 'Không phê duyệt',
  start: 'Bắt đầu',
  complete: 'Hoàn thành',
  extend: 'Gia hạn',
  cancel: 'Hủy đề xuất',
};

/** The people and quotas the replay changes, indexed as the service reads them. */
class State {
  readonly cadres: Map<string, Cadre>;
  readonly quotas: Map<string, QuotaDoc>;
  /** Ids of the people working in each unit (currentUnitCode), for post-holder counts. */
  private readonly byUnit = new Map<string, Set<string>>();
  /** Who names each person in their family list (what `familyCadreIds array-contains` finds). */
  readonly namedBy = new Map<string, string[]>();

  constructor(
    cadres: Cadre[],
    quotas: QuotaDoc[],
    readonly privates: ReadonlyMap<string, CadrePrivate>,
  ) {
    this.cadres = new Map(cadres.map((c) => [c.id, c]));
    this.quotas = new Map(quotas.map((q) => [q.id, q]));
    for (const c of cadres) this.place(c);
    for (const [id, p] of privates)
      for (const relative of p.familyCadreIds ?? [])
        this.namedBy.set(relative, [...(this.namedBy.get(relative) ?? []), id]);
  }

  private place(c: Cadre): void {
    const set = this.byUnit.get(c.currentUnitCode) ?? new Set<string>();
    set.add(c.id);
    this.byUnit.set(c.currentUnitCode, set);
  }

  /** How many people working in `unitCode` hold `positionId` there (as the service counts them). */
  holders(unitCode: string, positionId: string): number {
    let n = 0;
    for (const id of this.byUnit.get(unitCode) ?? []) {
      const c = this.cadres.get(id)!;
      if (c.posts.some((p) => p.positionId === positionId && p.unitCode === unitCode)) n++;
    }
    return n;
  }

  setCadre(c: Cadre): void {
    const before = this.cadres.get(c.id)!;
    this.byUnit.get(before.currentUnitCode)?.delete(c.id);
    this.cadres.set(c.id, c);
    this.place(c);
  }
}

/** What the checks see, gathered from the seed's state the way the service gathers it. */
function checkContext(ctx: SeedContext, state: State, cadre: Cadre, m: Movement): CheckContext {
  const profile = state.privates.get(cadre.id)!;
  const target = m.toPositionId ? POSITION_BY_ID.get(m.toPositionId) : undefined;
  const year = ctx.year;
  // The same rule as the loader: holders only where a check uses them.
  const holders = countHolders(
    holdersNeeded(cadre, m.toUnitCode, m.toPositionId, POSITION_BY_ID),
    ({ unitCode, positionId }) => state.holders(unitCode, positionId),
  );
  return {
    request: requestOf(m, ctx.province.code),
    cadre,
    profile,
    targetPosition: target,
    positions: POSITION_BY_ID,
    // What the service reads: the open movements the person's document keeps.
    openMovements: (cadre.openMovements ?? []).filter((x) => x.id !== m.id),
    relatives: relativesInSystem(
      cadre.id,
      profile.family,
      state.cadres,
      (state.namedBy.get(cadre.id) ?? []).map((id) => ({
        cadre: state.cadres.get(id)!,
        family: state.privates.get(id)!.family,
      })),
    ),
    targetQuota: state.quotas.get(quotaId(m.toUnitCode, cadre.block, year)),
    quotaYear: year,
    sendingQuota: state.quotas.get(quotaId(cadre.homeUnitCode, cadre.block, year)),
    sendingNorm: sendingNormFor(cadre.homeUnitCode, cadre.block, ctx.options.norms ?? DEFAULT_NORMS),
    holdersOfCadrePost: holders.home,
    holdersOfTargetPost: holders.target,
    params: DEFAULT_CHECK_PARAMS,
  };
}

/** Dates of a movement that reaches `status`: past for what has happened, ahead for what has not. */
function dates(ctx: SeedContext, type: MovementType, status: MovementStatus, endingSoon: boolean) {
  const { rng, options } = ctx;
  let startDate: string;
  let plannedEndDate: string | null = null;
  if (type === 'secondment' && status === 'active') {
    // About a third end within 60 days: the reminders have something to show.
    plannedEndDate = addDays(options.asOf, endingSoon ? rng.int(5, 60) : rng.int(61, 700));
    startDate = addDays(plannedEndDate, -rng.int(365, 1090));
    if (startDate > options.asOf) startDate = addDays(options.asOf, -30);
  } else if (type === 'rotation') {
    // At least 36 months (QĐ 65 Art. 8), counted as the check counts them.
    startDate = addDays(options.asOf, -rng.int(30, 700));
    plannedEndDate = addMonths(startDate, DEFAULT_CHECK_PARAMS.rotationMonths);
  } else if (['active', 'completed', 'rejected', 'cancelled'].includes(status)) {
    startDate = addDays(options.asOf, -rng.int(120, 900));
    if (type === 'secondment') plannedEndDate = addDays(startDate, rng.int(180, 720));
  } else {
    startDate = addDays(options.asOf, rng.int(10, 90));
    if (type === 'secondment') plannedEndDate = addDays(startDate, rng.int(180, 1000));
  }
  return { startDate, plannedEndDate };
}

/** The earlier of two dates. */
const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * When each event happened: the proposal a month before the start, the
 * decision a fortnight before, the start on its date, the return at its
 * planned end; none after `asOf` (a decision on a movement that starts soon
 * was taken in the last days).
 */
function eventDate(ctx: SeedContext, m: Movement, t: Transition | 'propose'): string {
  const asOf = ctx.options.asOf;
  switch (t) {
    case 'propose':
      return earlier(addDays(m.startDate, -30), addDays(asOf, -20));
    case 'approve':
    case 'reject':
    case 'cancel':
      return earlier(addDays(m.startDate, -15), addDays(asOf, -5));
    case 'start':
      return m.startDate;
    default:
      return earlier(m.plannedEndDate ?? addDays(m.startDate, 1), addDays(asOf, -1));
  }
}

const at = (date: string) => `${date}T02:00:00.000Z`;

/**
 * Proposes a movement of `cadre` and takes it to `status`, or returns
 * undefined when the system would refuse it (a prohibition, a full quota):
 * nothing of the state changes then.
 */
function replay(
  ctx: SeedContext,
  state: State,
  cadre: Cadre,
  draft: Pick<Movement, 'id' | 'type' | 'toUnitCode' | 'toPositionId' | 'startDate' | 'plannedEndDate'>,
  status: MovementStatus,
): { movement: Movement; cadre: Cadre; quotas: QuotaDoc[] } | undefined {
  const { rng } = ctx;
  // Dated below, once the proposal's day is drawn.
  let m: Movement = newMovement(cadre, draft, {
    status: status === 'draft' ? 'draft' : 'proposed',
    at: '',
    by: BY,
    reason: MOVEMENT_REASON[draft.type],
    note: status === 'draft' ? 'Lập đề xuất' : 'Trình Ban Tổ chức',
  });
  const proposedOn = eventDate(ctx, m, 'propose');
  m.createdAt = at(proposedOn);
  m.updatedAt = m.createdAt;
  m.history[0]!.at = m.createdAt;
  m.checks = runChecks(checkContext(ctx, state, cadre, m));
  // What proposeMovement refuses outright.
  if (m.checks.some((c) => c.outcome === 'fail' && !c.overridable)) return undefined;

  // The person's document records the proposal among their open movements,
  // and every later status, as the use cases do (openMovementsAfter).
  const track = (c: Cadre, mv: Movement): Cadre => ({
    ...c,
    openMovements: openMovementsAfter(c.openMovements, mv),
  });
  let person = track(cadre, m);
  const changed = new Map<string, QuotaDoc>();
  const quota = (id: string) => changed.get(id) ?? state.quotas.get(id);
  try {
    for (const t of PATH[status]) {
      const on = eventDate(ctx, m, t);
      if (t === 'approve') {
        // The board overrides what may be overridden, with a recorded reason, except
        // a post that already has its holders: it appoints nobody to a full post.
        if (m.checks.some((c) => c.code === 'target_post_vacancy' && c.outcome === 'fail')) return undefined;
        const overridable = m.checks.filter((c) => c.outcome !== 'pass' && c.overridable);
        if (blockingChecks(m.checks, new Set(overridable.map((c) => c.code))).length > 0) return undefined;
        m = {
          ...m,
          overrides: overridable.map((c) => ({
            code: c.code,
            reason: 'Ban Thường vụ xem xét, chấp thuận theo yêu cầu nhiệm vụ',
            by: BY,
            at: at(on),
          })),
          decision: { number: `${rng.int(100, 4000)}/QĐ-UBND`, date: on },
        };
      }
      for (const e of quotaEffects(m, t, m.status, on)) {
        // One year of quotas: an effect of an earlier year reached it through the carry-over.
        const id = quotaId(e.unitCode, e.block, ctx.year);
        const q = quota(id);
        if (!q) return undefined; // no quota allocated there: the system refuses the transition
        changed.set(id, applyQuotaDelta(q, e.delta));
      }
      if (t !== 'cancel') person = applyToCadre(person, m, t, at(on));
      m = transitionMovement(m, t, { at: at(on), by: BY, note: NOTE[t], on });
      person = track(person, m);
    }
  } catch {
    // A quota the transition would overrun, or a transition the lifecycle refuses.
    return undefined;
  }
  return { movement: m, cadre: person, quotas: [...changed.values()] };
}

/**
 * A rotation's post: a commune leadership post of the same rank as the
 * person's (rotation to an equivalent post), open to several holders, or the
 * vice-chair of the People's Committee when the scale has none.
 */
function rotationPost(ctx: SeedContext, fromPositionId: string): string {
  const from = POSITION_BY_ID.get(fromPositionId)!;
  const equivalent = POSITIONS.filter(
    (p) =>
      p.level === 'commune' &&
      p.block === from.block &&
      p.leadership &&
      !p.keyPost &&
      p.holdersPerUnit === null &&
      p.rank === from.rank,
  );
  return equivalent.length > 0 ? ctx.rng.pick(equivalent).id : 'xa_pho_chu_tich_ubnd';
}

/**
 * Where an appointment (bổ nhiệm) goes: the post the person is planned for,
 * in the home commune or another commune where it is vacant; otherwise
 * reappointment to their own post at the end of its term (bổ nhiệm lại).
 */
function appointmentTo(ctx: SeedContext, state: State, c: Cadre): { unitCode: string; positionId: string } {
  const own = { unitCode: c.homeUnitCode, positionId: c.posts.find((p) => !p.concurrent)!.positionId };
  const planned = c.planning[0] ? POSITION_BY_ID.get(c.planning[0].positionId) : undefined;
  if (!planned) return own;
  const vacant = (unitCode: string) =>
    planned.holdersPerUnit === null || state.holders(unitCode, planned.id) < planned.holdersPerUnit;
  if (vacant(c.homeUnitCode)) return { unitCode: c.homeUnitCode, positionId: planned.id };
  const elsewhere = ctx.communes.filter((u) => vacant(u.code));
  return elsewhere.length > 0 ? { unitCode: ctx.rng.pick(elsewhere).code, positionId: planned.id } : own;
}

/** Replays the planned movements, updating `cadres` and `quotas` in place. */
export function generateMovements(
  ctx: SeedContext,
  cadres: Cadre[],
  quotas: QuotaDoc[],
  privates: ReadonlyMap<string, CadrePrivate>,
): Movement[] {
  const { rng, options } = ctx;
  const state = new State(cadres, quotas, privates);
  const isKey = (c: Cadre) => POSITION_BY_ID.get(c.posts[0]!.positionId)!.keyPost;
  // Commune civil servants move between communes; province staff rotate to communes.
  const communeStaff = cadres.filter((c) => c.communeCode !== null && c.block === 'government' && !isKey(c));
  // Appointments go to commune managers: to the post they are planned for, or again to their own.
  const communeLeaders = communeStaff.filter((c) => POSITION_BY_ID.get(c.posts[0]!.positionId)!.leadership);
  const provinceStaff = cadres.filter((c) => c.communeCode === null && c.block === 'government' && !isKey(c));
  // Rotation is for people in planning (docs/legal-basis.md §5): they go first.
  const plannedProvinceStaff = provinceStaff.filter((c) => c.planning.length > 0);
  const used = new Set<string>();
  const take = (pool: Cadre[]) => {
    for (let i = 0; i < 50; i++) {
      const c = rng.pick(pool);
      if (!used.has(c.id)) return state.cadres.get(c.id)!;
    }
    return undefined;
  };
  const total = Math.max(12, Math.round(ctx.communes.length * 2.3 * Math.min(1, options.scale * 2)));
  const movements: Movement[] = [];
  for (const [type, status, share] of MOVEMENT_PLAN) {
    const count = Math.max(1, Math.round(total * share));
    for (let i = 0; i < count; i++) {
      // A few tries: the system refuses some proposals (a prohibition, a full quota).
      for (let attempt = 0; attempt < 10; attempt++) {
        const c =
          type === 'rotation'
            ? (take(plannedProvinceStaff) ?? take(provinceStaff))
            : take(type === 'appointment' ? communeLeaders : communeStaff);
        if (!c) break;
        const main = c.posts.find((p) => !p.concurrent)!;
        const destination = rng.pick(ctx.communes).code;
        const appointment = type === 'appointment' ? appointmentTo(ctx, state, c) : undefined;
        const toUnitCode = ['transfer', 'rotation', 'secondment'].includes(type)
          ? destination
          : (appointment?.unitCode ?? c.homeUnitCode);
        const toPositionId =
          type === 'rotation'
            ? rotationPost(ctx, main.positionId)
            : appointment
              ? appointment.positionId
              : type === 'concurrent'
                ? 'xa_truong_ban_hdnd'
                : type === 'termination'
                  ? null
                  : main.positionId.startsWith('xa_')
                    ? main.positionId
                    : 'xa_van_hoa_xa_hoi';
        const id = `mv-${options.provinceCode}-${String(movements.length + 1).padStart(5, '0')}`;
        const done = replay(
          ctx,
          state,
          c,
          { id, type, toUnitCode, toPositionId, ...dates(ctx, type, status, i % 3 === 0) },
          status,
        );
        if (!done) continue;
        used.add(c.id);
        state.setCadre(done.cadre);
        for (const q of done.quotas) state.quotas.set(q.id, q);
        movements.push(done.movement);
        break;
      }
    }
  }
  cadres.splice(0, cadres.length, ...cadres.map((c) => state.cadres.get(c.id)!));
  quotas.splice(0, quotas.length, ...quotas.map((q) => state.quotas.get(q.id)!));
  return movements;
}
