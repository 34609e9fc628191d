/**
 * reviewEvaluation and finaliseEvaluations (docs/api.md): a reviewer (the
 * area monitor of the commune, or the province) confirms or changes a
 * computed level with a reason, audited; the province then finalises the
 * unit's quarter, after which inputs and reviews are refused
 * (evaluationLocks/{period}_{unitCode}). The job never writes a review, so a
 * later run keeps it.
 */
import {
  type Evaluation,
  evaluationId,
  evaluationLockId,
  message,
  oneLine,
  type TFinaliseEvaluationsInput,
  type TReviewEvaluationInput,
} from '@canbo/model';
import { communeOf } from '@canbo/model';
import { requireRole, requireScope, type Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import type { EvaluationDeps } from './deps';

export async function reviewEvaluation(
  deps: EvaluationDeps,
  actor: Actor,
  input: TReviewEvaluationInput,
): Promise<Evaluation> {
  requireRole(actor, 'province_admin', 'area_monitor');
  const id = evaluationId(input.period, input.cadreId);
  return deps.db.runTransaction(async (tx) => {
    const before = await deps.evaluations.findResult(id, tx);
    if (!before) throw new AppError('not-found', 'evaluation.unknownResult', { id });
    requireScope(actor, before.provinceCode, before.communeCode);
    if (await deps.evaluations.findLock(input.period, before.unitCode, tx))
      throw new AppError('failed-precondition', 'evaluation.locked', {
        period: input.period,
        unitCode: before.unitCode,
      });
    const review = {
      level: input.level,
      reason: input.reason,
      by: actor.uid,
      at: deps.clock.now().toISOString(),
    };
    const after: Evaluation = { ...before, review };
    deps.evaluations.saveResult(tx, after);
    deps.repos.audit.append(tx, {
      actor,
      action: 'evaluation.review',
      target: `evaluations/${id}`,
      before: { level: before.level, review: before.review ?? null },
      after: { level: before.level, review },
      reason: input.reason,
    });
    return after;
  });
}

export interface Finalised {
  id: string;
  evaluations: number;
}

export async function finaliseEvaluations(
  deps: EvaluationDeps,
  actor: Actor,
  input: TFinaliseEvaluationsInput,
): Promise<Finalised> {
  requireRole(actor, 'province_admin');
  requireScope(actor, actor.province, null);
  const id = evaluationLockId(input.period, input.unitCode);
  return deps.db.runTransaction(async (tx) => {
    const unit = await deps.repos.units.get(input.unitCode, tx);
    requireScope(actor, unit.provinceCode, communeOf(unit.code));
    if (await deps.evaluations.findLock(input.period, unit.code, tx))
      throw new AppError('failed-precondition', 'evaluation.locked', {
        period: input.period,
        unitCode: unit.code,
      });
    const results = await deps.evaluations.resultsOfUnit(unit.provinceCode, unit.code, input.period, tx);
    if (results.length === 0)
      throw new AppError('failed-precondition', 'evaluation.noResults', {
        period: input.period,
        unitCode: unit.code,
      });
    const now = deps.clock.now().toISOString();
    deps.evaluations.saveLock(tx, {
      id,
      provinceCode: unit.provinceCode,
      communeCode: communeOf(unit.code),
      period: input.period,
      unitCode: unit.code,
      finalisedBy: actor.uid,
      finalisedAt: now,
      evaluations: results.length,
    });
    deps.repos.audit.append(tx, {
      actor,
      action: 'evaluation.finalise',
      target: `evaluationLocks/${id}`,
      before: null,
      after: { evaluations: results.length },
      reason: oneLine(message('evaluation.audit.finalise', { period: input.period })),
    });
    return { id, evaluations: results.length };
  });
}
