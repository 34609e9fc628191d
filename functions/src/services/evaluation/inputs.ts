/**
 * recordEvaluationInputs and recordSelfAssessment (docs/api.md, "Quarterly
 * evaluation"): what the commune or the province assessed for one person and
 * quarter, and the person's own words. A province admin records for anyone of
 * the province; a commune admin for the people working in their communes (the
 * unit that rates a person is where they work: a secondee is rated by the
 * receiving unit, docs/legal-basis.md §13.6). Refused once the unit's quarter
 * is final. One transaction reads the person, the lock and the current input,
 * and writes the input with its audit entry.
 */
import {
  communeOf,
  DEFAULT_TASK_GROUP,
  type EvaluationInput,
  evaluationId,
  message,
  oneLine,
} from '@canbo/model';
import type { TRecordEvaluationInputsInput, TRecordSelfAssessmentInput } from '@canbo/model';
import { scoreEvaluation } from '../../domain/evaluation/score';
import { requireRole, requireScope, type Actor } from '../../lib/actor';
import { AppError, NotFound } from '../../lib/errors';
import type { EvaluationDeps } from './deps';

export interface RecordInputsResult {
  id: string;
  updatedAt: string;
}

function lockedError(period: string, unitCode: string): AppError {
  return new AppError('failed-precondition', 'evaluation.locked', { period, unitCode });
}

export async function recordEvaluationInputs(
  deps: EvaluationDeps,
  actor: Actor,
  input: TRecordEvaluationInputsInput,
): Promise<RecordInputsResult> {
  requireRole(actor, 'province_admin', 'commune_admin');
  // Inputs the rules cannot score are refused now, with the field at fault, not at the quarter's end.
  scoreEvaluation(input.scoring, deps.rules);
  return deps.db.runTransaction(async (tx) => {
    const cadre = await deps.repos.cadres.findById(input.cadreId, tx);
    if (!cadre) throw new NotFound('error.unknownCadre', { id: input.cadreId });
    const unitCode = cadre.currentUnitCode;
    requireScope(actor, cadre.provinceCode, communeOf(unitCode));
    const [lock, before] = await Promise.all([
      deps.evaluations.findLock(input.period, unitCode, tx),
      deps.evaluations.findInput(input.period, cadre.id, tx),
    ]);
    if (lock) throw lockedError(input.period, unitCode);
    const now = deps.clock.now().toISOString();
    const after: EvaluationInput = {
      id: evaluationId(input.period, cadre.id),
      provinceCode: cadre.provinceCode,
      communeCode: communeOf(unitCode),
      period: input.period,
      cadreId: cadre.id,
      unitCode,
      taskGroup: input.taskGroup ?? before?.taskGroup ?? DEFAULT_TASK_GROUP,
      scoring: input.scoring,
      selfAssessment: before?.selfAssessment ?? null,
      updatedAt: now,
      updatedBy: actor.uid,
    };
    deps.evaluations.saveInput(tx, after);
    deps.repos.audit.append(tx, {
      actor,
      action: 'evaluation.recordInputs',
      target: `evaluationInputs/${after.id}`,
      before: before ? { taskGroup: before.taskGroup, scoring: before.scoring } : null,
      after: { taskGroup: after.taskGroup, scoring: after.scoring },
      reason: oneLine(message('evaluation.audit.inputs', { period: input.period })),
    });
    return { id: after.id, updatedAt: now };
  });
}

export async function recordSelfAssessment(
  deps: EvaluationDeps,
  actor: Actor,
  input: TRecordSelfAssessmentInput,
): Promise<RecordInputsResult> {
  requireRole(actor, 'cadre');
  const cadreId = actor.cadreId;
  if (!cadreId) throw new NotFound('error.unknownCadre', { id: '' });
  return deps.db.runTransaction(async (tx) => {
    const before = await deps.evaluations.findInput(input.period, cadreId, tx);
    if (!before)
      throw new AppError('not-found', 'evaluation.noInputs', { period: input.period, id: cadreId });
    if (before.provinceCode !== actor.province) throw new NotFound('error.unknownCadre', { id: cadreId });
    if (await deps.evaluations.findLock(input.period, before.unitCode, tx))
      throw lockedError(input.period, before.unitCode);
    const now = deps.clock.now().toISOString();
    deps.evaluations.saveInput(tx, {
      ...before,
      selfAssessment: input.text,
      updatedAt: now,
      updatedBy: actor.uid,
    });
    deps.repos.audit.append(tx, {
      actor,
      action: 'evaluation.recordSelfAssessment',
      target: `evaluationInputs/${before.id}`,
      before: { selfAssessment: before.selfAssessment },
      after: { selfAssessment: input.text },
      reason: oneLine(message('evaluation.audit.selfAssessment', { period: input.period })),
    });
    return { id: before.id, updatedAt: now };
  });
}
