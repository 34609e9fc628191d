/**
 * The planning callables' inputs and answers, added to the client's table of
 * callables (lib/api.ts `Callables`) by declaration merging, so `call()` is
 * typed for them without touching that file.
 */
import type {
  PlanningList,
  PlanningRuleResult,
  PlanningStructure,
  TAddToPlanningInput,
  TCheckPlanningCandidateInput,
  TGetPlanningStructureInput,
  TRemoveFromPlanningInput,
  TReviewPlanningInput,
} from '@canbo/model';

export interface CandidateResult {
  listId: string;
  rules: PlanningRuleResult[];
  allowed: boolean;
}

export interface ReviewResult {
  term: string;
  year: number;
  lists: number;
  changed: number;
  flagged: number;
}

export interface StructureResult {
  province: PlanningStructure | null;
  units: PlanningStructure[];
}

declare module '../../lib/api' {
  interface Callables {
    addToPlanning: {
      input: TAddToPlanningInput;
      output: { list: PlanningList; rules: PlanningRuleResult[] };
    };
    removeFromPlanning: { input: TRemoveFromPlanningInput; output: { list: PlanningList } };
    checkPlanningCandidate: { input: TCheckPlanningCandidateInput; output: CandidateResult };
    reviewPlanning: { input: TReviewPlanningInput; output: ReviewResult };
    getPlanningStructure: { input: TGetPlanningStructureInput; output: StructureResult };
  }
}
