/**
 * previewEvaluation: scores inputs without saving anything, with the same
 * function the quarterly job uses, so the form shows live what the job will
 * compute (docs/api.md, worked examples). Any signed-in staff role may call
 * it; it reads nothing.
 */
import type { TPreviewEvaluationInput } from '@canbo/model';
import { type ScoreResult, scoreEvaluation } from '../../domain/evaluation/score';
import { requireRole, type Actor } from '../../lib/actor';
import type { EvaluationDeps } from './deps';

export async function previewEvaluation(
  deps: Pick<EvaluationDeps, 'rules'>,
  actor: Actor,
  input: TPreviewEvaluationInput,
): Promise<ScoreResult> {
  requireRole(actor, 'province_admin', 'commune_admin', 'commune_viewer', 'area_monitor', 'auditor');
  return scoreEvaluation(input.scoring, deps.rules);
}
