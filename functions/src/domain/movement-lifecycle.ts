/**
 * The life of a movement: which transitions are allowed from which status,
 * what each does to the quotas on both sides, and to the person's record.
 *
 * Quota effects (biên chế):
 * - approve a move that takes a post elsewhere (transfer, rotation,
 *   appointment to another unit): the target counts it as incoming, so two
 *   approvals can never both take the last free post;
 * - start a transfer: the post moves from incoming to filled at the target and
 *   the home unit frees one;
 * - start a secondment: the person leaves but stays on the home quota, which
 *   keeps a reserved slot for the return (NĐ 170/2025 Art. 26); the target
 *   quota is untouched;
 * - start a rotation: the person takes a post at the target (no new posts are
 *   created for rotation, QĐ 65) and, like a secondee, keeps a reserved slot at
 *   home for the placement after rotation;
 * - complete a secondment or rotation: the reserved slot becomes filled again;
 * - cancel an approved move: the incoming post is released.
 *
 * Each effect lands in the quota of the year in which its event happens (an
 * approval in the year of the decision, a return in the year of the return);
 * the yearly carry-over opens the next year with the counts as they stand
 * (docs/legal-basis.md §9).
 */
import {
  type Block,
  type Cadre,
  communeOf,
  isOpenStatus,
  message,
  type Movement,
  type MovementDraft,
  type MovementStatus,
  type OpenMovement,
} from '@canbo/model';
import { ChecksFailed, DomainError } from './errors';
import type { QuotaDelta } from './quota';
import { checkCompletion, checkStartDate, TAKES_TARGET_QUOTA } from './movement-checks';

export type Transition = 'approve' | 'reject' | 'start' | 'complete' | 'extend' | 'cancel';

const ALLOWED: Record<Transition, MovementStatus[]> = {
  approve: ['proposed'],
  reject: ['proposed'],
  start: ['approved'],
  complete: ['active'],
  extend: ['active', 'approved'],
  cancel: ['draft', 'proposed', 'approved'],
};

const RESULT: Record<Transition, MovementStatus | null> = {
  approve: 'approved',
  reject: 'rejected',
  start: 'active',
  complete: 'completed',
  extend: null,
  cancel: 'cancelled',
};

/** A transition that is not allowed from the movement's status (failed-precondition). */
export class InvalidTransition extends DomainError {
  readonly code = 'failed-precondition' as const;
  constructor(
    readonly transition: Transition,
    readonly status: MovementStatus,
  ) {
    super('domain.invalid_transition', {
      transition,
      status,
      transitionVi: message(`transition.${transition}`).vi,
      statusVi: message(`status.${status}`).vi,
    });
  }
}

/** The status after `transition`, or InvalidTransition. */
export function nextStatus(status: MovementStatus, transition: Transition): MovementStatus {
  if (!ALLOWED[transition].includes(status)) throw new InvalidTransition(transition, status);
  return RESULT[transition] ?? status;
}

/** One quota change of a transition, in the quota of `year`. */
export interface QuotaEffect {
  unitCode: string;
  block: Block;
  /** The year of the event: read and write quotas/{unitCode}_{block}_{year}. */
  year: number;
  delta: QuotaDelta;
}

const yearOf = (date: string): number => Number(date.slice(0, 4));

/**
 * The date a transition happens when the caller does not say: the start for
 * approve, cancel and start, the end for complete. Callers should pass the
 * real date of the event (the decision's day, the actual start, the return).
 */
function defaultEventDate(m: Movement, transition: Transition): string {
  if (transition === 'complete') return m.actualEndDate ?? m.plannedEndDate ?? m.startDate;
  if (transition === 'start') return m.actualStartDate ?? m.startDate;
  return m.startDate;
}

function takesTargetPost(m: Movement): boolean {
  return TAKES_TARGET_QUOTA.includes(m.type) && m.toUnitCode !== m.fromUnitCode;
}

/**
 * The quota changes a transition makes (empty when it makes none), each in
 * the quota of the year of `on`, the date the event happens (YYYY-MM-DD).
 */
export function quotaEffects(
  m: Movement,
  transition: Transition,
  from: MovementStatus,
  on: string = defaultEventDate(m, transition),
): QuotaEffect[] {
  const year = yearOf(on);
  const home = (delta: QuotaDelta): QuotaEffect => ({
    unitCode: m.fromUnitCode,
    block: m.block,
    year,
    delta,
  });
  const target = (delta: QuotaDelta): QuotaEffect => ({
    unitCode: m.toUnitCode,
    block: m.block,
    year,
    delta,
  });
  switch (transition) {
    case 'approve':
      return takesTargetPost(m) ? [target({ incoming: 1 })] : [];
    case 'cancel':
      return from === 'approved' && takesTargetPost(m) ? [target({ incoming: -1 })] : [];
    case 'start':
      switch (m.type) {
        case 'transfer':
        case 'appointment':
          return takesTargetPost(m) ? [target({ incoming: -1, filled: 1 }), home({ filled: -1 })] : [];
        case 'rotation':
          return [target({ incoming: -1, filled: 1 }), home({ filled: -1, reservedForReturn: 1 })];
        case 'secondment':
          return [home({ filled: -1, reservedForReturn: 1 })];
        case 'termination':
          return [home({ filled: -1 })];
        case 'concurrent':
          return [];
      }
      return [];
    case 'complete':
      if (m.type === 'secondment') return [home({ reservedForReturn: -1, filled: 1 })];
      if (m.type === 'rotation') return [target({ filled: -1 }), home({ reservedForReturn: -1, filled: 1 })];
      return [];
    default:
      return [];
  }
}

/** The person's record after a transition. */
export function applyToCadre(c: Cadre, m: Movement, transition: Transition, at: string): Cadre {
  if (transition !== 'start' && transition !== 'complete') return c;
  const next: Cadre = { ...c, posts: [...c.posts], updatedAt: at };
  const main = c.posts.find((p) => !p.concurrent);
  if (transition === 'start') {
    switch (m.type) {
      case 'transfer':
      case 'appointment': {
        const post = {
          positionId: m.toPositionId ?? main?.positionId ?? '',
          unitCode: m.toUnitCode,
          concurrent: false,
          since: m.startDate,
          decisionNo: m.decision?.number ?? null,
        };
        // A move to another unit ends the posts held in the old one.
        next.posts = [post, ...c.posts.filter((p) => p.concurrent && p.unitCode === m.toUnitCode)];
        next.homeUnitCode = m.toUnitCode;
        next.homeCommuneCode = communeOf(m.toUnitCode);
        next.currentUnitCode = m.toUnitCode;
        next.communeCode = communeOf(m.toUnitCode);
        break;
      }
      case 'secondment':
      case 'rotation':
        next.status = 'seconded_out';
        next.currentUnitCode = m.toUnitCode;
        next.communeCode = communeOf(m.toUnitCode);
        break;
      case 'concurrent':
        if (m.toPositionId) {
          next.posts.push({
            positionId: m.toPositionId,
            unitCode: m.toUnitCode,
            concurrent: true,
            since: m.startDate,
            decisionNo: m.decision?.number ?? null,
          });
        }
        break;
      case 'termination':
        next.status = 'left';
        break;
    }
    return next;
  }
  // complete
  if (m.type === 'secondment' || m.type === 'rotation') {
    next.status = 'active';
    next.currentUnitCode = c.homeUnitCode;
    next.communeCode = communeOf(c.homeUnitCode);
  }
  if (m.type === 'concurrent') {
    next.posts = c.posts.filter(
      (p) => !(p.concurrent && p.positionId === m.toPositionId && p.unitCode === m.toUnitCode),
    );
  }
  return next;
}

/** What happened, when and by whom, for the movement's history. */
export interface TransitionEvent {
  /** The instant it was recorded (ISO 8601). */
  at: string;
  by: string;
  note: string;
  /** The day it takes effect (YYYY-MM-DD): the actual start or end; default: the day of `at`. */
  on?: string;
  /** Why a start comes before the approved start date. */
  earlyStartReason?: string | null;
}

/**
 * The movement after a transition, with its history, its actual dates and
 * the date rules (docs/legal-basis.md §11): a start before the approved date
 * needs a reason; a completion cannot precede the start. Throws
 * InvalidTransition or ChecksFailed. Quota and person effects are separate
 * (quotaEffects, applyToCadre) because they touch other documents.
 */
export function transitionMovement(m: Movement, transition: Transition, e: TransitionEvent): Movement {
  const status = nextStatus(m.status, transition);
  const on = e.on ?? e.at.slice(0, 10);
  const next: Movement = {
    ...m,
    status,
    history: [...m.history, { status, at: e.at, by: e.by, note: e.note }],
    updatedAt: e.at,
  };
  if (transition === 'start') {
    const check = checkStartDate(m, on, e.earlyStartReason);
    if (check.outcome === 'fail') throw new ChecksFailed([check]);
    next.actualStartDate = on;
    if (on < m.startDate) next.earlyStartReason = e.earlyStartReason?.trim() ?? null;
  }
  if (transition === 'complete') {
    const check = checkCompletion(m, on);
    if (check.outcome === 'fail') throw new ChecksFailed([check]);
    next.actualEndDate = on;
  }
  return next;
}

/**
 * A new movement of `cadre`, drafted or proposed: the one place a movement
 * document is put together (proposeMovement and the seed). It leaves from
 * the person's home unit and main post, and names the communes on both
 * sides so that both see it (`communeCodes`).
 */
export function newMovement(
  cadre: Cadre,
  draft: MovementDraft,
  p: {
    status: 'draft' | 'proposed';
    at: string;
    by: string;
    reason: string;
    note: string;
    decision?: Movement['decision'];
    checks?: Movement['checks'];
  },
): Movement {
  return {
    ...draft,
    status: p.status,
    cadreId: cadre.id,
    cadreName: cadre.fullName,
    provinceCode: cadre.provinceCode,
    block: cadre.block,
    fromUnitCode: cadre.homeUnitCode,
    fromPositionId: cadre.posts.find((x) => !x.concurrent)?.positionId ?? null,
    communeCodes: [
      ...new Set(
        [communeOf(cadre.homeUnitCode), communeOf(draft.toUnitCode)].filter((x): x is string => x !== null),
      ),
    ],
    actualEndDate: null,
    decision: p.decision ?? null,
    reason: p.reason,
    checks: p.checks ?? [],
    overrides: [],
    history: [{ status: p.status, at: p.at, by: p.by, note: p.note }],
    createdBy: p.by,
    createdAt: p.at,
    updatedAt: p.at,
  };
}

/**
 * The person's open movements (`Cadre.openMovements`) after `m` reached its
 * status: added when it opens (proposed), updated in place while it stays
 * open (approved, active), removed once it is closed (completed, rejected,
 * cancelled). Every use case that changes a movement's status writes this
 * list in the same transaction, so the person's document always says which
 * of their movements are open without a query (docs/data-model.md). The seed
 * replays the same function.
 */
export function openMovementsAfter(
  open: readonly OpenMovement[] | undefined,
  m: Pick<Movement, 'id' | 'type' | 'status'>,
): OpenMovement[] {
  const list = open ?? [];
  if (!isOpenStatus(m.status)) return list.filter((x) => x.id !== m.id);
  const entry: OpenMovement = { id: m.id, type: m.type, status: m.status };
  return list.some((x) => x.id === m.id) ? list.map((x) => (x.id === m.id ? entry : x)) : [...list, entry];
}
