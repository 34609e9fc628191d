/**
 * The movement use cases, one per file, sharing ./context.ts. Every mutation
 * runs in one transaction that reads the movement, the person and the quotas
 * it touches, re-runs the checks on fresh data, applies the quota effects and
 * writes the audit entry with them, so concurrent proposals and approvals can
 * never take a unit over its quota nor lose an update. They are bound to a
 * database by `useCases(db, auth, deps)` (../index.ts).
 */
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
