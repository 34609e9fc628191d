/**
 * The evaluation and screening callables (docs/api.md) with their answers'
 * types, added to lib/api.ts's `Callables` by augmenting it from here, so
 * `call()` is typed for them; `callEvaluation` is `call` restricted to them.
 */
import type {
  Evaluation,
  EvaluationSummary,
  Honour,
  ScreeningLists,
  TClassifyYearInput,
  TFinaliseEvaluationsInput,
  TGetEvaluationSummaryInput,
  TGetScreeningListsInput,
  TPreviewEvaluationInput,
  TRecordEvaluationInputsInput,
  TRecordHonourInput,
  TRecordSelfAssessmentInput,
  TReviewEvaluationInput,
  TRunEvaluationInput,
} from '@canbo/model';
import { call } from '../../lib/api';

/** What previewEvaluation answers: the result's scoring part (functions/src/domain/evaluation/score.ts). */
export type Preview = Pick<
  Evaluation,
  'rated' | 'general' | 'tasks' | 'total' | 'scoreLevel' | 'level' | 'reasons'
>;

interface EvaluationCallables {
  getEvaluationSummary: { input: TGetEvaluationSummaryInput; output: EvaluationSummary };
  previewEvaluation: { input: TPreviewEvaluationInput; output: Preview };
  recordEvaluationInputs: { input: TRecordEvaluationInputsInput; output: { id: string; updatedAt: string } };
  recordSelfAssessment: { input: TRecordSelfAssessmentInput; output: { id: string; updatedAt: string } };
  runEvaluation: {
    input: TRunEvaluationInput;
    output: { runId: string; enqueued: number; total: number; resumed: boolean; alreadyDone: boolean };
  };
  reviewEvaluation: { input: TReviewEvaluationInput; output: Evaluation };
  finaliseEvaluations: { input: TFinaliseEvaluationsInput; output: { id: string; evaluations: number } };
  classifyYear: {
    input: TClassifyYearInput;
    output: { year: number; people: number; written: number; byLevel: Record<string, number> };
  };
  getScreeningLists: { input: TGetScreeningListsInput; output: ScreeningLists };
  recordHonour: { input: TRecordHonourInput; output: Honour };
}

declare module '../../lib/api' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Callables extends EvaluationCallables {}
}

export function callEvaluation<N extends keyof EvaluationCallables>(
  name: N,
  input: EvaluationCallables[N]['input'],
): Promise<EvaluationCallables[N]['output']> {
  return call(name, input);
}
