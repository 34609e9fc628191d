/**
 * The attitude part of the general criteria taken from citizens' ratings
 * (functions/src/domain/evaluation/attitude.ts), when the rules say so: the
 * satisfaction area's mapping (docs/satisfaction.md: 90 % → all the part's
 * points, 80 % → 0.8 of them, …), its small-sample rule (too few ratings: the
 * reviewer's points stand), and the quarterly planner using it.
 */
import { DEFAULT_SATISFACTION_CONFIG } from '@canbo/model';
import { withAttitudeFromRatings } from '../../../functions/src/domain/evaluation/attitude';
import { DEFAULT_EVALUATION_RULES } from '../../../functions/src/domain/evaluation/rules';
import { evaluateUnit } from '../../../functions/src/domain/evaluation/unit';
import {
  FULL_LEADER_GENERAL,
  leader,
  nonLeaderGeneral,
  products,
  scoringInput,
} from '../../helpers/evaluation';
import { evaluationInput } from '../../helpers/province';

const ON = { ...DEFAULT_EVALUATION_RULES, attitudeFromSatisfaction: true };
const scored = (estimate: number, count = 25) => ({ status: 'scored' as const, estimate, count });

describe('withAttitudeFromRatings', () => {
  it('changes nothing when the rules do not take the part from ratings', () => {
    const s = scoringInput();
    expect(
      withAttitudeFromRatings(s, scored(0.5), DEFAULT_EVALUATION_RULES, DEFAULT_SATISFACTION_CONFIG),
    ).toEqual({ scoring: s, attitude: undefined });
  });

  it('changes nothing when the split has no part about attitude toward citizens', () => {
    const noAttitudePart = {
      ...ON,
      generalSplit: {
        ...ON.generalSplit,
        nonLeader: ON.generalSplit.nonLeader.map((p) => ({ ...p, attitudeTowardCitizens: false })),
      },
    };
    const s = scoringInput();
    expect(withAttitudeFromRatings(s, scored(0.5), noAttitudePart, DEFAULT_SATISFACTION_CONFIG)).toEqual({
      scoring: s,
      attitude: undefined,
    });
  });

  it('gives the part 0.8 of its 10 points at an estimate of 85 %, whatever the reviewer typed', () => {
    const r = withAttitudeFromRatings(
      scoringInput({ general: nonLeaderGeneral(15, 10, 5) }),
      scored(0.85),
      ON,
      DEFAULT_SATISFACTION_CONFIG,
    );
    expect(r.scoring.general).toEqual({ politics_ethics: 15, service_attitude: 8, self_criticism: 5 });
    expect(r.attitude).toEqual({
      partId: 'service_attitude',
      ratings: 25,
      estimate: 0.85,
      applied: true,
      satisfactionPoints: 8,
      satisfactionMax: 10,
      reviewerPoints: 10,
    });
  });

  it('on both sides of the 90 % band: 0.9 gives 10 points, 0.8999 gives 8', () => {
    const points = (e: number) =>
      withAttitudeFromRatings(scoringInput(), scored(e), ON, DEFAULT_SATISFACTION_CONFIG).scoring.general
        .service_attitude;
    expect([points(0.9), points(0.8999)]).toEqual([10, 8]);
  });

  it('keeps the reviewer points when the ratings are too few, and says why', () => {
    const r = withAttitudeFromRatings(
      scoringInput({ general: nonLeaderGeneral(15, 7, 5) }),
      { status: 'insufficient', estimate: null, count: 9 },
      ON,
      DEFAULT_SATISFACTION_CONFIG,
    );
    expect(r.scoring.general.service_attitude).toBe(7);
    expect(r.attitude).toEqual({
      partId: 'service_attitude',
      ratings: 9,
      estimate: null,
      applied: false,
      satisfactionPoints: null,
      satisfactionMax: null,
      reviewerPoints: 7,
    });
    // Nobody rated at all: the same, with 0 ratings.
    expect(
      withAttitudeFromRatings(scoringInput(), undefined, ON, DEFAULT_SATISFACTION_CONFIG).attitude,
    ).toEqual({
      partId: 'service_attitude',
      ratings: 0,
      estimate: null,
      applied: false,
      satisfactionPoints: null,
      satisfactionMax: null,
      reviewerPoints: 10,
    });
  });

  it('with a weight of one half, ratings decide 5 of the 10 points and the reviewer the other 5 at most', () => {
    const half = { attitude: { ...DEFAULT_SATISFACTION_CONFIG.attitude, weight: 0.5 } };
    const part = (typed: number) =>
      withAttitudeFromRatings(
        scoringInput({ general: nonLeaderGeneral(15, typed, 5) }),
        scored(0.95),
        ON,
        half,
      ).scoring.general.service_attitude;
    expect([part(8), part(3), part(0)]).toEqual([10, 8, 5]);
  });

  it("uses the leader split's 2-point attitude part for a leader", () => {
    const r = withAttitudeFromRatings(
      scoringInput({ general: FULL_LEADER_GENERAL, leader: leader() }),
      scored(0.75),
      ON,
      DEFAULT_SATISFACTION_CONFIG,
    );
    expect([r.scoring.general.service_attitude, r.attitude?.satisfactionMax]).toEqual([1.2, 2]);
  });
});

describe('the planner with ratings', () => {
  const input = evaluationInput('c-good', '2026-Q3', {
    scoring: { ...evaluationInput('c-good', '2026-Q3').scoring, products: products(4, 4) },
  });

  it("scores the person's total with the attitude points from ratings, and records the evidence", () => {
    const plan = evaluateUnit([input], ON, {
      officers: new Map([['c-good', scored(0.6, 40)]]),
      config: DEFAULT_SATISFACTION_CONFIG,
    });
    // 15 + 4 (0.4 of 10 at 60 %) + 5 = 24 general, + 70 task points = 94.
    expect([plan.results[0]!.general.points, plan.results[0]!.total, plan.results[0]!.level]).toEqual([
      24,
      94,
      'HTXS',
    ]);
    expect(plan.results[0]!.attitude).toEqual({
      partId: 'service_attitude',
      ratings: 40,
      estimate: 0.6,
      applied: true,
      satisfactionPoints: 4,
      satisfactionMax: 10,
      reviewerPoints: 10,
    });
  });

  it('gives a different digest when the satisfaction changes, the same when it does not', () => {
    const at = (e: number) =>
      evaluateUnit([input], ON, {
        officers: new Map([['c-good', scored(e, 40)]]),
        config: DEFAULT_SATISFACTION_CONFIG,
      }).digests['c-good'];
    expect(at(0.6)).toBe(at(0.6));
    expect(at(0.6)).not.toBe(at(0.95));
  });

  it('without ratings given, the result carries no attitude evidence (null, so a merge clears older evidence)', () => {
    expect(evaluateUnit([input], ON).results[0]!.attitude).toBeNull();
  });
});
