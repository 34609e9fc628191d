/**
 * The evaluation rules of data/catalogue/evaluation.json, validated when this
 * module is first loaded (docs/legal-basis.md §13). Values whose legal basis is
 * uncertain are configuration there, each with its certainty.
 */
import { EvaluationRulesCatalogue, type EvaluationRules, evaluationRuleValues } from '@canbo/model';
import evaluationJson from '../../../../data/catalogue/evaluation.json';
import { parseCatalogueFile } from '../catalogue';

export type { EvaluationRules };

/** Parses the file's content; exported so tests can feed it broken data. */
export function parseEvaluationRules(json: unknown): EvaluationRulesCatalogue {
  return parseCatalogueFile('evaluation.json', EvaluationRulesCatalogue, json);
}

/** The catalogue shipped in data/catalogue, with its sources. */
export const EVALUATION_CATALOGUE: EvaluationRulesCatalogue = parseEvaluationRules(evaluationJson);

/** The rules the scoring uses unless a province configures others. */
export const DEFAULT_EVALUATION_RULES: EvaluationRules = evaluationRuleValues(EVALUATION_CATALOGUE);
