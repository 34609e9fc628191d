/**
 * The score of one period under Decree 335 (docs/legal-basis.md §13): the
 * decree's boundaries, errors and delays with and without an objective cause,
 * leaders and their subordinates, the facts that force KHT, and periods that
 * are not rated. Expected values are worked out by hand in the comments.
 */
import {
  EvaluationInputInvalid,
  levelOf,
  roundScore,
  scoreEvaluation,
  unitResultOf,
} from '../../../functions/src/domain/evaluation/score';
import { DEFAULT_EVALUATION_RULES as RULES } from '../../../functions/src/domain/evaluation/rules';
import {
  FULL_LEADER_GENERAL,
  leader,
  nonLeaderGeneral,
  NO_OVERRIDES,
  product,
  products,
  scoringInput,
} from '../../helpers/evaluation';

describe('levels at the decree boundaries', () => {
  // Three of five products done without issues: a = b = c = 60 %, 60 % of 70 = 42 task points.
  const sixtyPercent = () => products(3, 5);
  it.each([
    [nonLeaderGeneral(2, 5, 0.99), 49.99, 'KHT'],
    [nonLeaderGeneral(3, 5, 0), 50, 'HT'],
    [nonLeaderGeneral(15, 10, 2.99), 69.99, 'HT'],
    [nonLeaderGeneral(15, 10, 3), 70, 'HTT'],
  ])('general %j with 42 task points totals %s: %s', (general, total, level) => {
    const r = scoreEvaluation(scoringInput({ general, products: sixtyPercent() }), RULES);
    expect(r.tasks).toEqual({ a: 60, b: 60, c: 60, d: null, dd: null, e: null, percent: 60, points: 42 });
    expect(r.total).toBe(total);
    expect(r.scoreLevel).toBe(level);
    expect(r.level).toBe(level);
    expect(r.rated).toBe(true);
    expect(r.reasons).toEqual([{ code: 'score', total, level }]);
  });

  it.each([
    [nonLeaderGeneral(15, 4.99, 0), 89.99, 'HTT'],
    [nonLeaderGeneral(15, 5, 0), 90, 'HTXS'],
    [nonLeaderGeneral(15, 10, 5), 100, 'HTXS'],
  ])('general %j with every product done (70 points) totals %s: %s', (general, total, level) => {
    const r = scoreEvaluation(scoringInput({ general, products: products(4, 4) }), RULES);
    expect(r.tasks?.points).toBe(70);
    expect(r.total).toBe(total);
    expect(r.level).toBe(level);
  });

  it('levelOf puts each threshold in the higher level', () => {
    const t = { HTXS: 90, HTT: 70, HT: 50 };
    expect([
      levelOf(90, t),
      levelOf(89.99, t),
      levelOf(70, t),
      levelOf(69.99, t),
      levelOf(50, t),
      levelOf(49.99, t),
      levelOf(0, t),
    ]).toEqual(['HTXS', 'HTT', 'HTT', 'HT', 'HT', 'KHT', 'KHT']);
  });

  it('keeps two decimals, rounding half up and ignoring binary noise', () => {
    expect([
      roundScore(69.99999999999997),
      roundScore(69.994),
      roundScore(69.995),
      roundScore(89.041666),
      roundScore(0),
    ]).toEqual([70, 69.99, 70, 89.04, 0]);
  });
});

describe('general criteria', () => {
  it('adds the parts of the split and reports each one', () => {
    const r = scoreEvaluation(scoringInput({ general: nonLeaderGeneral(12.5, 7, 4) }), RULES);
    expect(r.general).toEqual({
      points: 23.5,
      parts: [
        { id: 'politics_ethics', points: 12.5, max: 15 },
        { id: 'service_attitude', points: 7, max: 10 },
        { id: 'self_criticism', points: 4, max: 5 },
      ],
    });
    expect(r.total).toBe(93.5);
  });

  it('refuses a part over its maximum, naming it', () => {
    const run = () => scoreEvaluation(scoringInput({ general: nonLeaderGeneral(15, 10.5, 5) }), RULES);
    expect(run).toThrow(EvaluationInputInvalid);
    try {
      run();
    } catch (e) {
      const err = e as EvaluationInputInvalid;
      expect([err.code, err.field, err.key, err.text]).toEqual([
        'invalid-argument',
        'general.service_attitude',
        'evaluation.input.overMax',
        {
          vi: 'Tiêu chí chung "service_attitude" được 10.5 điểm, vượt mức tối đa 10',
          en: 'general criterion "service_attitude" has 10.5 points, over its maximum of 10',
        },
      ]);
    }
  });

  it('names the field of an unknown or a missing part', () => {
    const fieldOf = (general: Record<string, number>) => {
      try {
        scoreEvaluation(scoringInput({ general }), RULES);
      } catch (e) {
        return [(e as EvaluationInputInvalid).field, (e as EvaluationInputInvalid).key];
      }
      return null;
    };
    expect(fieldOf({ ...nonLeaderGeneral(15, 10, 5), leadership: 1 })).toEqual([
      'general.leadership',
      'evaluation.input.unknownPart',
    ]);
    expect(fieldOf({ politics_ethics: 15, service_attitude: 10 })).toEqual([
      'general.self_criticism',
      'evaluation.input.missingPart',
    ]);
  });

  it('accepts a part at exactly its maximum', () => {
    expect(
      scoreEvaluation(scoringInput({ general: nonLeaderGeneral(15, 10, 5) }), RULES).general.points,
    ).toBe(30);
  });

  it('refuses a part the split does not have, and a missing part', () => {
    const unknown = () =>
      scoreEvaluation(scoringInput({ general: { ...nonLeaderGeneral(15, 10, 5), leadership: 1 } }), RULES);
    expect(unknown).toThrow(
      'Tiêu chí chung "leadership" không có trong biểu mẫu đánh giá / general criterion "leadership" is not in the evaluation form',
    );
    const missing = () =>
      scoreEvaluation(scoringInput({ general: { politics_ethics: 15, service_attitude: 10 } }), RULES);
    expect(missing).toThrow(
      'Chưa chấm điểm tiêu chí chung "self_criticism" / general criterion "self_criticism" has no points',
    );
  });

  it("scores a leader on the leaders' parts, not the others'", () => {
    const r = scoreEvaluation(scoringInput({ general: FULL_LEADER_GENERAL, leader: leader() }), RULES);
    expect(r.general.parts.map((p) => [p.id, p.max])).toEqual([
      ['politics', 5],
      ['ethics_discipline', 5],
      ['leadership', 16],
      ['service_attitude', 2],
      ['innovation', 2],
    ]);
    expect(() => scoreEvaluation(scoringInput({ leader: leader() }), RULES)).toThrow(EvaluationInputInvalid);
  });
});

describe('errors and delays against a product', () => {
  it("deducts 25 % of the product's quality points per major error without an objective cause", () => {
    // 4 products of coefficient 1, one with an uncertified error: b = 3.75 / 4 = 93.75 %.
    // Tasks: (100 + 93.75 + 100) / 3 = 97.9166…% of 70 = 68.5416…; + 20.5 general = 89.04: HTT.
    const withError = [product({ majorErrors: [{ objectiveCause: false }] }), ...products(3, 3)];
    const r = scoreEvaluation(
      scoringInput({ general: nonLeaderGeneral(15, 5.5, 0), products: withError }),
      RULES,
    );
    expect([r.tasks?.a, r.tasks?.b, r.tasks?.c]).toEqual([100, 93.75, 100]);
    expect(r.total).toBe(89.04);
    expect(r.level).toBe('HTT');
  });

  it('deducts nothing when the objective cause is certified', () => {
    const certified = [
      product({ majorErrors: [{ objectiveCause: true, note: 'văn bản hướng dẫn thay đổi' }] }),
      ...products(3, 3),
    ];
    const r = scoreEvaluation(
      scoringInput({ general: nonLeaderGeneral(15, 5.5, 0), products: certified }),
      RULES,
    );
    expect([r.tasks?.a, r.tasks?.b, r.tasks?.c]).toEqual([100, 100, 100]);
    expect(r.total).toBe(90.5);
    expect(r.level).toBe('HTXS');
  });

  it('deducts 25 % of the progress points per delay, the same way', () => {
    const delayed = [
      product({ delays: [{ objectiveCause: false }, { objectiveCause: false }, { objectiveCause: true }] }),
      ...products(1, 1),
    ];
    // Progress: 0.5 + 1 of 2 = 75 %; quantity and quality 100 %.
    const r = scoreEvaluation(scoringInput({ products: delayed }), RULES);
    expect([r.tasks?.a, r.tasks?.b, r.tasks?.c]).toEqual([100, 100, 75]);
  });
});

describe('leaders', () => {
  it('d is 100 % when every subordinate is HT or above', () => {
    const r = scoreEvaluation(
      scoringInput({
        general: FULL_LEADER_GENERAL,
        leader: leader({ subordinateLevels: ['HTXS', 'HTT', 'HT'] }),
      }),
      RULES,
    );
    expect(r.tasks).toEqual({ a: 100, b: 100, c: 100, d: 100, dd: 100, e: 100, percent: 100, points: 70 });
    expect(r.total).toBe(100);
  });

  it('d is 50 % with one KHT subordinate: (300 + 50 + 100 + 100) / 6 = 91.67 % of 70 = 64.17; + 30 = 94.17', () => {
    const r = scoreEvaluation(
      scoringInput({ general: FULL_LEADER_GENERAL, leader: leader({ subordinateLevels: ['HTT', 'KHT'] }) }),
      RULES,
    );
    expect([r.tasks?.d, r.tasks?.dd, r.tasks?.e]).toEqual([50, 100, 100]);
    expect(r.total).toBe(94.17);
    expect(r.level).toBe('HTXS');
  });

  it('đ takes the configured value when not every planned task was done: (300 + 50 + 50 + 100) / 6 × 0.7 + 30 = 88.33', () => {
    const r = scoreEvaluation(
      scoringInput({
        general: FULL_LEADER_GENERAL,
        leader: leader({ subordinateLevels: ['KHT'], organisation: 'other' }),
      }),
      RULES,
    );
    expect([r.tasks?.d, r.tasks?.dd, r.tasks?.e]).toEqual([50, 50, 100]);
    expect(r.total).toBe(88.33);
    expect(r.level).toBe('HTT');
  });

  it('e is the percentage the reviewer entered', () => {
    const r = scoreEvaluation(
      scoringInput({ general: FULL_LEADER_GENERAL, leader: leader({ thirdCriterion: 40 }) }),
      RULES,
    );
    // (300 + 100 + 100 + 40) / 6 = 90 % of 70 = 63; + 30 = 93.
    expect([r.tasks?.e, r.tasks?.percent, r.total]).toEqual([40, 90, 93]);
  });

  it('a leader without subordinates has d = 100 %', () => {
    expect([
      unitResultOf([], RULES),
      unitResultOf(['HT'], RULES),
      unitResultOf(['HTXS', 'KHT'], RULES),
    ]).toEqual([100, 100, 50]);
  });
});

describe('facts that force KHT whatever the score', () => {
  it.each([
    ['disciplineInYear', { ...NO_OVERRIDES, disciplineInYear: true }],
    ['degradationConcluded', { ...NO_OVERRIDES, degradationConcluded: true }],
  ])('%s on a perfect score', (fact, overrides) => {
    const r = scoreEvaluation(scoringInput({ overrides }), RULES);
    expect([r.total, r.scoreLevel, r.level]).toEqual([100, 'HTXS', 'KHT']);
    expect(r.reasons).toEqual([
      { code: 'score', total: 100, level: 'HTXS' },
      { code: 'override', fact },
    ]);
  });

  it('corruption in a unit under direct charge forces a leader to KHT', () => {
    const r = scoreEvaluation(
      scoringInput({
        general: FULL_LEADER_GENERAL,
        leader: leader(),
        overrides: { ...NO_OVERRIDES, corruptionInDirectUnit: true, disciplineInYear: true },
      }),
      RULES,
    );
    expect(r.level).toBe('KHT');
    expect(r.reasons).toEqual([
      { code: 'score', total: 100, level: 'HTXS' },
      { code: 'override', fact: 'disciplineInYear' },
      { code: 'override', fact: 'corruptionInDirectUnit' },
    ]);
  });

  it('refuses corruption in a unit under charge for someone who is not a leader', () => {
    const run = () =>
      scoreEvaluation(scoringInput({ overrides: { ...NO_OVERRIDES, corruptionInDirectUnit: true } }), RULES);
    expect(run).toThrow(
      'Chỉ người lãnh đạo, quản lý mới bị xếp loại theo vụ việc tham nhũng ở đơn vị mình phụ trách / only a leader or manager is rated on corruption in a unit under their charge',
    );
    // The form shows the refusal next to the field it names.
    expect(run).toThrow(
      expect.objectContaining({ code: 'invalid-argument', field: 'overrides.corruptionInDirectUnit' }),
    );
  });
});

describe('periods that are not rated', () => {
  it('no product assigned: not rated, general points kept for the record', () => {
    const r = scoreEvaluation(scoringInput({ products: [] }), RULES);
    expect([r.rated, r.total, r.scoreLevel, r.level, r.tasks]).toEqual([false, null, null, null, null]);
    expect(r.general.points).toBe(30);
    expect(r.reasons).toEqual([{ code: 'not_rated', why: 'no_products', workingDays: null }]);
  });

  it('no day worked: not rated, with the override still reported', () => {
    const r = scoreEvaluation(
      scoringInput({ workingDays: 0, overrides: { ...NO_OVERRIDES, disciplineInYear: true } }),
      RULES,
    );
    expect(r.rated).toBe(false);
    expect(r.reasons).toEqual([
      { code: 'not_rated', why: 'working_time', workingDays: 0 },
      { code: 'override', fact: 'disciplineInYear' },
    ]);
  });

  it('part of the period worked: scored on the products of that time (the default rates any working time)', () => {
    const r = scoreEvaluation(scoringInput({ workingDays: 20, products: products(2, 2) }), RULES);
    expect([r.rated, r.total, r.level]).toEqual([true, 100, 'HTXS']);
  });

  it('a configured minimum of working days: one day short is not rated, the minimum is', () => {
    const rules = { ...RULES, minWorkingDaysToRate: 31 };
    expect(scoreEvaluation(scoringInput({ workingDays: 30 }), rules).rated).toBe(false);
    expect(scoreEvaluation(scoringInput({ workingDays: 31 }), rules).rated).toBe(true);
    expect(scoreEvaluation(scoringInput({ workingDays: null }), rules).rated).toBe(true);
  });
});
