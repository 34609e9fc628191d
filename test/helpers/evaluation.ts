/** Builders for the Decree 335 scoring inputs (functions/src/domain/evaluation). */
import type { LeaderCriteria, ScoringInput, WorkProduct } from '@canbo/model';

let nextProduct = 0;

/** A product of coefficient 1, completed, without errors or delays, unless told otherwise. */
export function product(extra: Partial<WorkProduct> = {}): WorkProduct {
  nextProduct += 1;
  return {
    id: `p${nextProduct}`,
    name: `Sản phẩm ${nextProduct}`,
    coefficient: 1,
    completed: true,
    majorErrors: [],
    delays: [],
    ...extra,
  };
}

/** `completed` of `assigned` products of coefficient 1, without issues. */
export function products(completed: number, assigned: number): WorkProduct[] {
  return Array.from({ length: assigned }, (_, i) => product({ completed: i < completed }));
}

/** The example split's parts for someone who is not a leader. */
export function nonLeaderGeneral(politicsEthics: number, serviceAttitude: number, selfCriticism: number) {
  return {
    politics_ethics: politicsEthics,
    service_attitude: serviceAttitude,
    self_criticism: selfCriticism,
  };
}

/** Full points on the example split's leader parts (5 + 5 + 16 + 2 + 2). */
export const FULL_LEADER_GENERAL = {
  politics: 5,
  ethics_discipline: 5,
  leadership: 16,
  service_attitude: 2,
  innovation: 2,
};

export const NO_OVERRIDES = {
  disciplineInYear: false,
  degradationConcluded: false,
  corruptionInDirectUnit: false,
};

export function leader(extra: Partial<LeaderCriteria> = {}): LeaderCriteria {
  return { subordinateLevels: ['HTT', 'HT'], organisation: 'full', thirdCriterion: 100, ...extra };
}

export function scoringInput(extra: Partial<ScoringInput> = {}): ScoringInput {
  return {
    general: nonLeaderGeneral(15, 10, 5),
    products: products(4, 4),
    leader: null,
    overrides: NO_OVERRIDES,
    workingDays: null,
    ...extra,
  };
}
