/**
 * The evaluation and screening callables (docs/api.md) with their answers'
 * types. lib/api.ts's `Callables` does not list them yet (asked in
 * notes/requests.md): `callEvaluation` goes through the same `call()` with
 * these types until it does.
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
import { call, type CallableName } from '../../lib/api';

/** What previewEvaluation answers: the result's scoring part (functions/src/domain/evaluation/score.ts). */
export type Preview = Pick<
  Evaluation,
  'rated' | 'general' | 'tasks' | 'total' | 'scoreLevel' | 'level' | 'reasons'
>;

export interface EvaluationCallables {
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

export function callEvaluation<N extends keyof EvaluationCallables>(
  name: N,
  input: EvaluationCallables[N]['input'],
): Promise<EvaluationCallables[N]['output']> {
  const answer: Promise<unknown> = call(name as unknown as CallableName, input as never);
  return answer as Promise<EvaluationCallables[N]['output']>;
}
