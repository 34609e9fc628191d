/**
 * The movement use cases, one per file, sharing ./context.ts. Every mutation
 * runs in one transaction that reads the movement, the person and the quotas
 * it touches, re-runs the checks on fresh data, applies the quota effects and
 * writes the audit entry with them, so concurrent proposals and approvals can
 * never take a unit over its quota nor lose an update.
 */
import type { Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../../lib/actor';
import type { ServiceDeps } from '../../lib/deps';
import { useCaseDeps, type UseCaseDeps } from '../deps';
import { checkQuota } from './check-quota';
import { decideMovement } from './decide';
import { extendMovement } from './extend';
import { proposeMovement } from './propose';
import { cancelMovement, completeMovement, startMovement } from './transition';
import type {
  TCancelMovementInput,
  TCheckQuotaInput,
  TCompleteMovementInput,
  TDecideMovementInput,
  TExtendMovementInput,
  TProposeMovementInput,
  TStartMovementInput,
} from '@canbo/model';

export { checkQuota, type CheckQuotaResult } from './check-quota';
export { decideMovement } from './decide';
export { extendMovement } from './extend';
export { proposeMovement } from './propose';
export {
  cancelMovement,
  completeMovement,
  startMovement,
  runTransition,
  type MovementTransition,
  type TransitionRequest,
} from './transition';

/** The movement use cases bound to one database (used by scripts/bench/movements.ts). */
export class MovementService {
  private readonly deps: UseCaseDeps;

  constructor(db: Firestore, deps: ServiceDeps) {
    this.deps = useCaseDeps(db, deps);
  }

  checkQuota(actor: Actor, input: TCheckQuotaInput) {
    return checkQuota(this.deps, actor, input);
  }
  propose(actor: Actor, input: TProposeMovementInput) {
    return proposeMovement(this.deps, actor, input);
  }
  decide(actor: Actor, input: TDecideMovementInput) {
    return decideMovement(this.deps, actor, input);
  }
  start(actor: Actor, input: TStartMovementInput) {
    return startMovement(this.deps, actor, input);
  }
  complete(actor: Actor, input: TCompleteMovementInput) {
    return completeMovement(this.deps, actor, input);
  }
  extend(actor: Actor, input: TExtendMovementInput) {
    return extendMovement(this.deps, actor, input);
  }
  cancel(actor: Actor, input: TCancelMovementInput) {
    return cancelMovement(this.deps, actor, input);
  }
}
