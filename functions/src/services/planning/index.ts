/**
 * The planning use cases (issue 13, docs/planning.md), bound to a database:
 * the callables in api/*Planning*.callable.ts call them through
 * `getPlanningUseCases()` (the default app), tests through `planningUseCases(db)`.
 */
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import {
  PLANNING_TERMS,
  type TAddToPlanningInput,
  type TCheckPlanningCandidateInput,
  type TGetPlanningStructureInput,
  type TRemoveFromPlanningInput,
  type TReviewPlanningInput,
} from '@canbo/model';
import type { Actor } from '../../lib/actor';
import { defaultDeps, type ServiceDeps } from '../../lib/deps';
import { addToPlanning, checkPlanningCandidate } from './add';
import { planningDeps } from './deps';
import { removeFromPlanning } from './remove';
import { reviewPlanning, reviewProvince, type ReviewPlanningResult } from './review';
import { getPlanningStructure } from './structure';

export { planningDeps, type PlanningDeps } from './deps';
export { reviewProvince, type ReviewPlanningResult } from './review';
export type { AddToPlanningResult, CheckPlanningCandidateResult } from './add';
export type { PlanningStructureResult } from './structure';

export function planningUseCases(db: Firestore, deps: ServiceDeps = defaultDeps) {
  const d = planningDeps(db, deps);
  return {
    addToPlanning: (actor: Actor, input: TAddToPlanningInput) => addToPlanning(d, actor, input),
    removeFromPlanning: (actor: Actor, input: TRemoveFromPlanningInput) =>
      removeFromPlanning(d, actor, input),
    checkPlanningCandidate: (actor: Actor, input: TCheckPlanningCandidateInput) =>
      checkPlanningCandidate(d, actor, input),
    reviewPlanning: (actor: Actor, input: TReviewPlanningInput) => reviewPlanning(d, actor, input),
    getPlanningStructure: (actor: Actor, input: TGetPlanningStructureInput) =>
      getPlanningStructure(d, actor, input),
  };
}
export type PlanningUseCases = ReturnType<typeof planningUseCases>;

let bound: PlanningUseCases | undefined;

/**
 * The yearly review of every province's lists of both terms (jobs/planningReview.scheduler.ts),
 * over the default app; the audit entries name the job as their actor.
 */
export async function reviewEveryProvince(db?: Firestore): Promise<ReviewPlanningResult[]> {
  if (!db && getApps().length === 0) initializeApp();
  const d = planningDeps(db ?? getFirestore());
  const results: ReviewPlanningResult[] = [];
  for (const term of PLANNING_TERMS)
    for (const province of await d.planning.provincesWithLists(term))
      results.push(
        await reviewProvince(
          d,
          { uid: 'job:planningReviewYearly', role: 'province_admin', province },
          province,
          {
            term,
          },
        ),
      );
  return results;
}

/** The planning use cases over the default app (initialised here on first use). */
export function getPlanningUseCases(): PlanningUseCases {
  if (!bound) {
    if (getApps().length === 0) initializeApp();
    bound = planningUseCases(getFirestore());
  }
  return bound;
}
