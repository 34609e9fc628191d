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
 */
import { type Block, type Cadre, communeOf, type Movement, type MovementStatus } from '@canbo/model';
import type { QuotaDelta } from './quota';
import { TAKES_TARGET_QUOTA } from './movement-checks';

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

/** A transition that is not allowed from the movement's status. */
export class InvalidTransition extends Error {
  constructor(
    readonly transition: Transition,
    readonly status: MovementStatus,
  ) {
    super(`Cannot ${transition} a movement that is ${status}`);
  }
}

/** The status after `transition`, or InvalidTransition. */
export function nextStatus(status: MovementStatus, transition: Transition): MovementStatus {
  if (!ALLOWED[transition].includes(status)) throw new InvalidTransition(transition, status);
  return RESULT[transition] ?? status;
}

/** One quota change of a transition. */
export interface QuotaEffect {
  unitCode: string;
  block: Block;
  delta: QuotaDelta;
}

function takesTargetPost(m: Movement): boolean {
  return TAKES_TARGET_QUOTA.includes(m.type) && m.toUnitCode !== m.fromUnitCode;
}

/** The quota changes a transition makes (empty when it makes none). */
export function quotaEffects(m: Movement, transition: Transition, from: MovementStatus): QuotaEffect[] {
  const home = (delta: QuotaDelta): QuotaEffect => ({ unitCode: m.fromUnitCode, block: m.block, delta });
  const target = (delta: QuotaDelta): QuotaEffect => ({ unitCode: m.toUnitCode, block: m.block, delta });
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
