/**
 * The domain's constant tables, written out. They are set when their module
 * loads, so StrykerJS cannot tell which tests use them and the mutation run
 * leaves their mutants out (README, "Mutation testing": static mutants); a
 * changed entry must fail here instead.
 */
import { MOVES_PERSON, TAKES_TARGET_QUOTA } from '../../../functions/src/domain/movement-checks';
import { DEFAULT_PLANNING_PARAMS } from '../../../functions/src/domain/planning';
import { SEPARATED_STATUSES } from '../../../functions/src/domain/dossiers';
import { CODE_LENGTH } from '../../../functions/src/domain/rating-code';

test('the movement types that take a post in the target quota, and those that move the person', () => {
  // A secondment keeps the person on the home quota (docs/legal-basis.md §9);
  // a termination has no target; a concurrent post moves nobody.
  expect(TAKES_TARGET_QUOTA).toEqual(['transfer', 'rotation', 'appointment']);
  expect(MOVES_PERSON).toEqual(['transfer', 'rotation', 'secondment', 'appointment', 'termination']);
});

test('the planning limits of QĐ 377: three people per post, three posts per person, one full term, discipline waits', () => {
  expect(DEFAULT_PLANNING_PARAMS).toEqual({
    perPostMax: 3,
    perPersonMax: 3,
    fullTerms: 1,
    waitingMonths: { reprimand: 24, warning: 36, removal: 60 },
  });
});

test('the statuses whose dossiers the retention job counts down, and the length of a rating code', () => {
  expect(SEPARATED_STATUSES).toEqual(['retired', 'left']);
  expect(CODE_LENGTH).toBe(16);
});
