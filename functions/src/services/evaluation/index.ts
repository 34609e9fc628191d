export { recordEvaluationInputs, recordSelfAssessment } from './inputs';
export { previewEvaluation } from './preview';
export { runEvaluation, startRun } from './run';
export { evaluateUnitTask, LeaseHeld } from './evaluate-unit';
export { reviewEvaluation, finaliseEvaluations } from './review';
export type { EvaluationDeps, UnitTask, UnitTaskQueue } from './deps';
export { getEvaluationSummary } from './summary';
export { classifyYear } from './annual';
