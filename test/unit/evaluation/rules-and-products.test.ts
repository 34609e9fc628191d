/**
 * The evaluation catalogue (data/catalogue/evaluation.json) pinned value by
 * value, the refusals of a broken file, and the task sub-scores a, b, c from
 * coefficient-weighted products (docs/legal-basis.md §13).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  countedIssues,
  productPoints,
  taskSubScores,
} from '../../../functions/src/domain/evaluation/products';
import {
  DEFAULT_EVALUATION_RULES as RULES,
  EVALUATION_CATALOGUE,
  parseEvaluationRules,
} from '../../../functions/src/domain/evaluation/rules';
import { CatalogueInvalid } from '../../../functions/src/domain/catalogue';
import { product } from '../../helpers/evaluation';

const file = () =>
  JSON.parse(readFileSync(path.join(__dirname, '../../../data/catalogue/evaluation.json'), 'utf8')) as {
    rules: Record<string, { value: unknown; certainty: string }>;
    generalSplit: { nonLeader: { id: string; max: number }[]; leader: { id: string; max: number }[] };
  };

describe('the evaluation catalogue', () => {
  it('has the values of the decree and the configured ones, literally', () => {
    expect(RULES.generalMax).toBe(30);
    expect(RULES.tasksMax).toBe(70);
    expect(RULES.thresholds).toEqual({ HTXS: 90, HTT: 70, HT: 50 });
    expect(RULES.deductionPerIssue).toBe(0.25);
    expect(RULES.unitResult).toEqual({ allAtLeastHT: 100, anyKHT: 50 });
    expect(RULES.organisation).toEqual({ full: 100, other: 50 });
    expect(RULES.htxsCeiling).toEqual({ share: 0.2, exceptionalShare: 0.25, base: 'htt_and_above' });
    expect(RULES.annualRule).toEqual({ kind: 'average' });
    expect(RULES.minWorkingDaysToRate).toBe(0);
    expect(RULES.attitudeFromSatisfaction).toBe(false);
    expect(RULES.screening).toEqual({
      consecutiveKhtPeriods: 2,
      consecutiveKhtYears: 2,
      lowSatisfactionShare: 0.5,
      lowSatisfactionMinRatings: 20,
    });
    expect(RULES.honours).toEqual({ minSatisfiedShare: 0.9, minRatings: 30 });
    expect(RULES.generalSplit.nonLeader.map((p) => [p.id, p.max, p.attitudeTowardCitizens])).toEqual([
      ['politics_ethics', 15, false],
      ['service_attitude', 10, true],
      ['self_criticism', 5, false],
    ]);
    expect(RULES.generalSplit.leader.map((p) => [p.id, p.max, p.attitudeTowardCitizens])).toEqual([
      ['politics', 5, false],
      ['ethics_discipline', 5, false],
      ['leadership', 16, false],
      ['service_attitude', 2, true],
      ['innovation', 2, false],
    ]);
  });

  it('marks how sure each value is', () => {
    const certainty = Object.fromEntries(
      Object.entries(EVALUATION_CATALOGUE.rules).map(([k, v]) => [k, v.certainty]),
    );
    expect(certainty).toEqual({
      generalMax: 'confirmed',
      tasksMax: 'confirmed',
      thresholds: 'confirmed',
      deductionPerIssue: 'confirmed',
      unitResult: 'confirmed',
      organisation: 'unconfirmed',
      thirdLeaderCriterion: 'unconfirmed',
      htxsCeiling: 'unconfirmed',
      annualRule: 'confirmed',
      minWorkingDaysToRate: 'unconfirmed',
      attitudeFromSatisfaction: 'unconfirmed',
      screening: 'unconfirmed',
      honours: 'unconfirmed',
    });
    expect([EVALUATION_CATALOGUE.generalSplit.example, EVALUATION_CATALOGUE.generalSplit.certainty]).toEqual([
      true,
      'unconfirmed',
    ]);
  });

  it('refuses thresholds that do not fall', () => {
    const f = file();
    f.rules.thresholds.value = { HTXS: 90, HTT: 90, HT: 50 };
    expect(() => parseEvaluationRules(f)).toThrow(CatalogueInvalid);
    expect(() => parseEvaluationRules(f)).toThrow(
      'data/catalogue/evaluation.json is invalid: rules.thresholds: thresholds must fall: HTXS > HTT > HT',
    );
  });

  it('refuses a split whose parts do not add up to the general points, or repeat an id', () => {
    const f = file();
    f.generalSplit.nonLeader[0].max = 14;
    expect(() => parseEvaluationRules(f)).toThrow(
      'data/catalogue/evaluation.json is invalid: generalSplit.nonLeader: the parts add up to 29, not 30',
    );
    const g = file();
    g.generalSplit.leader[1].id = 'politics';
    expect(() => parseEvaluationRules(g)).toThrow(
      'data/catalogue/evaluation.json is invalid: generalSplit.leader: duplicate part id',
    );
  });

  it('refuses a deduction over 100 %', () => {
    const f = file();
    f.rules.deductionPerIssue.value = 1.5;
    expect(() => parseEvaluationRules(f)).toThrow(/rules\.deductionPerIssue\.value/);
  });
});

describe('task sub-scores from products', () => {
  it('counts only the issues without a certified objective cause', () => {
    expect(countedIssues([])).toBe(0);
    expect(
      countedIssues([{ objectiveCause: true }, { objectiveCause: false }, { objectiveCause: false }]),
    ).toBe(2);
  });

  it("a product's points: its coefficient, less 25 % per counted issue, never below zero", () => {
    expect(productPoints(product({ coefficient: 2 }), 0.25)).toEqual({
      quantity: 2,
      quality: 2,
      progress: 2,
    });
    expect(
      productPoints(
        product({
          coefficient: 2,
          majorErrors: [{ objectiveCause: false }],
          delays: [{ objectiveCause: false }, { objectiveCause: false }],
        }),
        0.25,
      ),
    ).toEqual({ quantity: 2, quality: 1.5, progress: 1 });
    const five = Array.from({ length: 5 }, () => ({ objectiveCause: false }));
    expect(productPoints(product({ majorErrors: five, delays: five }), 0.25)).toEqual({
      quantity: 1,
      quality: 0,
      progress: 0,
    });
    expect(productPoints(product({ coefficient: 3, completed: false }), 0.25)).toEqual({
      quantity: 0,
      quality: 0,
      progress: 0,
    });
  });

  it('weighs products by their coefficient', () => {
    // Assigned 2 + 1 + 1 = 4. Done: 2 and 1 (3 of 4). Quality: 2 + 1 × 0.75 = 2.75 (one counted error; the
    // certified one does not count). Progress: 2 + 1 × 0.5 = 2.5 (two delays).
    const r = taskSubScores(
      [
        product({ coefficient: 2 }),
        product({
          majorErrors: [{ objectiveCause: false }, { objectiveCause: true }],
          delays: [{ objectiveCause: false }, { objectiveCause: false }],
        }),
        product({ completed: false }),
      ],
      0.25,
    );
    expect(r).toEqual({ a: 75, b: 68.75, c: 62.5 });
  });

  it('is null when nothing was assigned', () => {
    expect(taskSubScores([], 0.25)).toBeNull();
  });
});
