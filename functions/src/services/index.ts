/**
 * The use cases over the default Firestore and Auth, created on first use:
 * handlers stay cheap to load (cold start) and tests can bind the use cases
 * to any database with `useCases(db, auth, deps)`.
 */
import { getApps, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import { getFirestore } from 'firebase-admin/firestore';
import type { Actor } from '../lib/actor';
import { defaultDeps, type ServiceDeps } from '../lib/deps';
import { useCaseDeps } from './deps';
import {
  cancelMovement,
  checkQuota,
  completeMovement,
  decideMovement,
  extendMovement,
  proposeMovement,
  startMovement,
} from './movements';
import { setUserScope, type ScopeDeps } from './scopes/set-user-scope';
import { reconcileAllClaims, reconcileClaims, type ReconcileReport } from './scopes/reconcile-claims';
import { Idempotency } from './idempotency';
import { allocateQuota, carryOverQuotas } from './quotas';
import { recordRestrictions } from './profiles';
import { EvaluationStore } from '../data/evaluations';
import { CloudTasksQueue } from '../data/task-queue';
import { DEFAULT_EVALUATION_RULES } from '../domain/evaluation/rules';
import {
  type EvaluationDeps,
  finaliseEvaluations,
  previewEvaluation,
  recordEvaluationInputs,
  recordSelfAssessment,
  reviewEvaluation,
  runEvaluation,
  type UnitTaskQueue,
} from './evaluation';
import { rebuildEveryProvince, rebuildUnitStats, type RebuildResult } from './stats';

export { defaultDeps, type ServiceDeps } from '../lib/deps';
export { useCaseDeps, type UseCaseDeps } from './deps';

type Bound<F> = F extends (deps: never, actor: Actor, input: infer I) => infer R
  ? (actor: Actor, input: I) => R
  : never;

/** One use case per callable, named as the callable. */
export interface UseCases {
  checkQuota: Bound<typeof checkQuota>;
  proposeMovement: Bound<typeof proposeMovement>;
  decideMovement: Bound<typeof decideMovement>;
  startMovement: Bound<typeof startMovement>;
  completeMovement: Bound<typeof completeMovement>;
  extendMovement: Bound<typeof extendMovement>;
  cancelMovement: Bound<typeof cancelMovement>;
  setUserScope: Bound<typeof setUserScope>;
  reconcileClaims: Bound<typeof reconcileClaims>;
  allocateQuota: Bound<typeof allocateQuota>;
  carryOverQuotas: Bound<typeof carryOverQuotas>;
  recordRestrictions: Bound<typeof recordRestrictions>;
  // The quarterly evaluation (services/evaluation)
  recordEvaluationInputs: Bound<typeof recordEvaluationInputs>;
  recordSelfAssessment: Bound<typeof recordSelfAssessment>;
  previewEvaluation: Bound<typeof previewEvaluation>;
  runEvaluation: Bound<typeof runEvaluation>;
  reviewEvaluation: Bound<typeof reviewEvaluation>;
  finaliseEvaluations: Bound<typeof finaliseEvaluations>;
  rebuildUnitStats: Bound<typeof rebuildUnitStats>;
}

export function useCases(
  db: Firestore,
  auth: ScopeDeps['auth'],
  deps: ServiceDeps = defaultDeps,
  queue?: UnitTaskQueue,
): UseCases {
  const d = useCaseDeps(db, deps);
  // The evaluation's deps are made on first use: the Cloud Tasks client is not loaded by other callables.
  let evaluation: EvaluationDeps | undefined;
  const ev = () => (evaluation ??= evaluationDeps(db, deps, queue ?? new CloudTasksQueue()));
  const scope: ScopeDeps = { ...d, auth };
  return {
    checkQuota: (actor, input) => checkQuota(d, actor, input),
    proposeMovement: (actor, input) => proposeMovement(d, actor, input),
    decideMovement: (actor, input) => decideMovement(d, actor, input),
    startMovement: (actor, input) => startMovement(d, actor, input),
    completeMovement: (actor, input) => completeMovement(d, actor, input),
    extendMovement: (actor, input) => extendMovement(d, actor, input),
    cancelMovement: (actor, input) => cancelMovement(d, actor, input),
    setUserScope: (actor, input) => setUserScope(scope, actor, input),
    reconcileClaims: (actor, input) => reconcileClaims(scope, actor, input),
    allocateQuota: (actor, input) => allocateQuota(d, actor, input),
    carryOverQuotas: (actor, input) => carryOverQuotas(d, actor, input),
    recordRestrictions: (actor, input) => recordRestrictions(d, actor, input),
    recordEvaluationInputs: (actor, input) => recordEvaluationInputs(ev(), actor, input),
    recordSelfAssessment: (actor, input) => recordSelfAssessment(ev(), actor, input),
    previewEvaluation: (actor, input) => previewEvaluation(ev(), actor, input),
    runEvaluation: (actor, input) => runEvaluation(ev(), actor, input),
    reviewEvaluation: (actor, input) => reviewEvaluation(ev(), actor, input),
    finaliseEvaluations: (actor, input) => finaliseEvaluations(ev(), actor, input),
    rebuildUnitStats: (actor, input) => rebuildUnitStats(d, actor, input),
  };
}

let bound: UseCases | undefined;

/** The use cases over the default app (initialised here on first use). */
export function getUseCases(): UseCases {
  if (!bound) {
    if (getApps().length === 0) initializeApp();
    bound = useCases(getFirestore(), getAuth());
  }
  return bound;
}

// What runs without a use case of its own, over the default app.

/** The idempotency keys of the mutating callables (api/handler.ts). */
let idempotency: Idempotency | undefined;
export function getIdempotency(): Idempotency {
  if (!idempotency) {
    if (getApps().length === 0) initializeApp();
    idempotency = new Idempotency(useCaseDeps(getFirestore()));
  }
  return idempotency;
}

/** The scheduled claims reconciler, every province (jobs/reconcileClaims.scheduler.ts). */
export function reconcileEveryProvince(): Promise<ReconcileReport> {
  if (getApps().length === 0) initializeApp();
  return reconcileAllClaims({ ...useCaseDeps(getFirestore()), auth: getAuth() });
}

/** The nightly rebuild of the unit statistics, every province (jobs/unitStats.scheduler.ts). */
export function rebuildAllUnitStats(): Promise<RebuildResult[]> {
  if (getApps().length === 0) initializeApp();
  return rebuildEveryProvince(useCaseDeps(getFirestore()));
}

/** What the evaluation use cases and the job's worker are given. */
export function evaluationDeps(db: Firestore, deps: ServiceDeps, queue: UnitTaskQueue): EvaluationDeps {
  return {
    ...useCaseDeps(db, deps),
    evaluations: new EvaluationStore(db),
    rules: DEFAULT_EVALUATION_RULES,
    queue,
  };
}

/** The evaluation's deps over the default app (the task worker and the quarterly schedule). */
let evaluationDefault: EvaluationDeps | undefined;
export function getEvaluationDeps(): EvaluationDeps {
  if (!evaluationDefault) {
    if (getApps().length === 0) initializeApp();
    evaluationDefault = evaluationDeps(getFirestore(), defaultDeps, new CloudTasksQueue());
  }
  return evaluationDefault;
}
