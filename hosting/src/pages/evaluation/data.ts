/**
 * What the evaluation pages read directly (the rules let the province, the
 * communes that rate the person and the person read them): one result, one
 * input, the person's record. A document that does not exist, or that the
 * rules refuse, reads as null: the page then says there is none. The split
 * of the general criteria comes from the same catalogue file the server
 * scores with (data/catalogue/evaluation.json).
 */
import type { Cadre, Evaluation, EvaluationInput, GeneralSubCriterion } from '@canbo/model';
import catalogue from '../../../../data/catalogue/evaluation.json';
import { readDoc } from '../../data/reads';
import { toAppError } from '../../lib/errors';

async function orNull<T>(p: Promise<T | null>): Promise<T | null> {
  try {
    return await p;
  } catch (err) {
    if (toAppError(err).code === 'permission-denied') return null;
    throw err;
  }
}

export interface CadreQuarter {
  cadre: Cadre | null;
  result: Evaluation | null;
  input: EvaluationInput | null;
}

export async function loadCadreQuarter(cadreId: string, period: string): Promise<CadreQuarter> {
  const id = `${period}_${cadreId}`;
  const [cadre, result, input] = await Promise.all([
    orNull(readDoc<Cadre>({ collection: 'cadres', id: cadreId })),
    orNull(readDoc<Evaluation>({ collection: 'evaluations', id })),
    orNull(readDoc<EvaluationInput>({ collection: 'evaluationInputs', id })),
  ]);
  return { cadre, result, input };
}

/** The parts of the 30 general points for a leader or another civil servant (the catalogue's split). */
export function generalParts(leader: boolean): GeneralSubCriterion[] {
  return leader ? catalogue.generalSplit.leader : catalogue.generalSplit.nonLeader;
}

export const GENERAL_MAX = catalogue.rules.generalMax.value;
export const TASKS_MAX = catalogue.rules.tasksMax.value;
export const HTXS_SHARE = catalogue.rules.htxsCeiling.value.share;

/** A part's name in the reader's language. */
export function partName(id: string, lang: 'vi' | 'en'): string {
  const p = [...catalogue.generalSplit.nonLeader, ...catalogue.generalSplit.leader].find((x) => x.id === id);
  return p ? (lang === 'en' ? p.nameEn : p.name) : id;
}
