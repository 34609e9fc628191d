/**
 * reconcileClaims: applies the claims of every scope document whose claims
 * lag behind it (a failed or interrupted claim update after setUserScope's
 * transaction committed). The plan is pure (./reconcile-plan.ts); this is
 * the thin worker. A province admin runs it for their province (the
 * `reconcileClaims` callable); the scheduled job runs it for every province
 * (jobs/reconcileClaims.scheduler.ts). Each run is recorded in
 * `jobs/claims-reconcile-<province|all>-<day>` with its province (null for
 * the national run).
 */
import { log } from '../../log';
import { message, oneLine, type Job, type TReconcileClaimsInput } from '@canbo/model';
import { requireRole, type Actor } from '../../lib/actor';
import { today } from '../../lib/clock';
import { applyClaims } from './claims';
import { planClaimRepairs } from './reconcile-plan';
import type { ScopeDeps } from './set-user-scope';

export interface ReconcileReport {
  /** The province reconciled; null: every province. */
  provinceCode: string | null;
  /** uids whose claims were applied now. */
  applied: string[];
  /** uids whose claims Auth refused again (left pending for the next run). */
  failed: string[];
}

async function reconcile(deps: ScopeDeps, provinceCode: string | null): Promise<ReconcileReport> {
  const startedAt = deps.clock.now().toISOString();
  const plan = planClaimRepairs(await deps.repos.userScopes.pendingClaims(provinceCode));
  const applied: string[] = [];
  const failed: string[] = [];
  // One account at a time: Auth's write quota is small and the list is short.
  for (const scope of plan) {
    ((await applyClaims(deps, scope)) ? applied : failed).push(scope.uid);
  }
  const job: Job = {
    // One record per province (or `all`) and Vietnam day, replaced by each run: the
    // schedule runs every 10 minutes, and the latest state is what an admin looks for.
    id: `claims-reconcile-${provinceCode ?? 'all'}-${today(deps.clock)}`,
    kind: 'claims_reconcile',
    provinceCode,
    state: failed.length === 0 ? 'succeeded' : 'failed',
    progress: { done: applied.length, total: plan.length },
    leases: {},
    params: {},
    error: failed.length === 0 ? null : oneLine(message('job.claimsNotApplied', { count: failed.length })),
    result: { pending: plan.length, applied: applied.length, failed: failed.length },
    startedAt,
    updatedAt: deps.clock.now().toISOString(),
  };
  await deps.repos.jobs.save(job);
  log.info('claims.reconciled', { provinceCode, applied: applied.length, failed: failed.length });
  return { provinceCode, applied, failed };
}

/** Province admins, for the accounts their province scoped. */
export async function reconcileClaims(
  deps: ScopeDeps,
  actor: Actor,
  _input: TReconcileClaimsInput,
): Promise<ReconcileReport> {
  requireRole(actor, 'province_admin');
  return reconcile(deps, actor.province);
}

/** Every province (the scheduled run; no actor). */
export function reconcileAllClaims(deps: ScopeDeps): Promise<ReconcileReport> {
  return reconcile(deps, null);
}
