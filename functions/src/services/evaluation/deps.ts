/** What the evaluation use cases are given besides the common ones: their store, the rules, the task queue. */
import type { EvaluationStore } from '../../data/evaluations';
import type { EvaluationRules } from '../../domain/evaluation/rules';
import type { UseCaseDeps } from '../deps';

/** One unit of a run, as a task's payload (small: the task reads the rest). */
export interface UnitTask {
  runId: string;
  period: string;
  provinceCode: string;
  unitCode: string;
  /** The run's generation the task belongs to: a task of an older generation does nothing. */
  generation: number;
}

/** Enqueues the unit tasks of a run (Cloud Tasks in production and under `npm start`; in-process in tests). */
export interface UnitTaskQueue {
  enqueue(tasks: readonly UnitTask[]): Promise<void>;
}

export interface EvaluationDeps extends UseCaseDeps {
  evaluations: EvaluationStore;
  rules: EvaluationRules;
  queue: UnitTaskQueue;
}
