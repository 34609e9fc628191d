/**
 * The quarterly job's planner (functions/src/domain/evaluation/unit.ts): one
 * unit's inputs scored in a deterministic order, leaders' criterion d from the
 * levels just computed for the unit, inputs the rules cannot score reported
 * rather than written, and digests that change exactly when a result does.
 */
import type { EvaluationInput } from '@canbo/model';
import {
  changedResults,
  digestOf,
  evaluateUnit,
  stableJson,
} from '../../../functions/src/domain/evaluation/unit';
import { DEFAULT_EVALUATION_RULES as RULES } from '../../../functions/src/domain/evaluation/rules';
import { FULL_LEADER_GENERAL, leader, nonLeaderGeneral, products } from '../../helpers/evaluation';
import { evaluationInput } from '../../helpers/province';

/** `completed` of four products, with ids of their own so that the same call gives the same input. */
const staff = (id: string, completed: number, extra: Partial<EvaluationInput['scoring']> = {}) =>
  evaluationInput(id, '2026-Q3', {
    scoring: {
      ...evaluationInput(id, '2026-Q3').scoring,
      products: products(completed, 4).map((p, i) => ({ ...p, id: `${id}-p${i}`, name: `Sản phẩm ${i}` })),
      ...extra,
    },
  });
const chief = (id: string) =>
  evaluationInput(id, '2026-Q3', {
    scoring: {
      ...evaluationInput(id, '2026-Q3').scoring,
      general: FULL_LEADER_GENERAL,
      leader: leader({ subordinateLevels: ['HTXS', 'HTXS'] }),
    },
  });

describe('stable digests', () => {
  it('writes object keys in order, so equal values give equal text', () => {
    expect(stableJson({ b: 1, a: [{ d: null, c: 'x' }], e: undefined })).toBe(
      '{"a":[{"c":"x","d":null}],"b":1}',
    );
    expect(stableJson([1, 'a', [2, 3], { y: true, x: null }])).toBe('[1,"a",[2,3],{"x":null,"y":true}]');
    expect(digestOf({ a: 1, b: 2 })).toBe(digestOf({ b: 2, a: 1 }));
    expect(digestOf({ a: 1, b: 2 })).not.toBe(digestOf({ a: 1, b: 3 }));
    expect(digestOf('x')).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('one unit scored', () => {
  // c-weak: 1 of 4 products done: a = b = c = 25 %, 17.5 task points + 30 general = 47.5: KHT.
  // c-good: all done: 100. The chief's d comes from these two, not from what was typed (HTXS, HTXS).
  const inputs = [chief('c-chief'), staff('c-weak', 1), staff('c-good', 4)];
  // Planned inside each test, not when the describe block is collected: code
  // run outside a test is invisible to StrykerJS's per-test coverage, and the
  // mutants it covered were never run against these tests.
  let plan: ReturnType<typeof evaluateUnit>;
  beforeEach(() => {
    plan = evaluateUnit(inputs, RULES);
  });

  it('gives one result per input, ordered by person', () => {
    expect(plan.results.map((r) => [r.cadreId, r.total, r.level, r.leader])).toEqual([
      ['c-chief', 94.17, 'HTXS', true],
      ['c-good', 100, 'HTXS', false],
      ['c-weak', 47.5, 'KHT', false],
    ]);
    expect(plan.problems).toEqual([]);
  });

  it("computes the leader's d from the unit's levels: one KHT gives 50 %", () => {
    const chiefResult = plan.results.find((r) => r.cadreId === 'c-chief')!;
    expect([chiefResult.tasks?.d, chiefResult.tasks?.dd, chiefResult.tasks?.e]).toEqual([50, 100, 100]);
    const allGood = evaluateUnit([chief('c-chief'), staff('c-good', 4)], RULES);
    expect(allGood.results.find((r) => r.cadreId === 'c-chief')!.tasks?.d).toBe(100);
  });

  it('copies the scope and the input time, and carries no time of its own', () => {
    const r = plan.results.find((x) => x.cadreId === 'c-good')!;
    expect({ ...r, inputsDigest: 'x' }).toEqual({
      id: '2026-Q3_c-good',
      provinceCode: '42',
      communeCode: '18073',
      period: '2026-Q3',
      cadreId: 'c-good',
      unitCode: '18073',
      taskGroup: 'chung',
      leader: false,
      // No attitude evidence without ratings: null, so the job's merge clears evidence an earlier rule left.
      attitude: null,
      inputsUpdatedAt: '2026-11-25T08:00:00.000Z',
      rated: true,
      general: {
        points: 30,
        parts: [
          { id: 'politics_ethics', points: 15, max: 15 },
          { id: 'service_attitude', points: 10, max: 10 },
          { id: 'self_criticism', points: 5, max: 5 },
        ],
      },
      tasks: { a: 100, b: 100, c: 100, d: null, dd: null, e: null, percent: 100, points: 70 },
      total: 100,
      scoreLevel: 'HTXS',
      level: 'HTXS',
      reasons: [{ code: 'score', total: 100, level: 'HTXS' }],
      inputsDigest: 'x',
    });
  });

  it('is the same whatever order the inputs come in', () => {
    const again = evaluateUnit([...inputs].reverse(), RULES);
    expect(again).toEqual(plan);
  });

  it('reports an input the rules cannot score and writes no result for it', () => {
    const broken = staff('c-broken', 4, { general: nonLeaderGeneral(16, 10, 5) });
    const r = evaluateUnit([...inputs, broken], RULES);
    expect(r.results.map((x) => x.cadreId)).toEqual(['c-chief', 'c-good', 'c-weak']);
    expect(r.problems).toEqual([
      {
        cadreId: 'c-broken',
        field: 'general.politics_ethics',
        key: 'evaluation.input.overMax',
        text: {
          vi: 'Tiêu chí chung "politics_ethics" được 16 điểm, vượt mức tối đa 15',
          en: 'general criterion "politics_ethics" has 16 points, over its maximum of 15',
        },
      },
    ]);
    expect(r.unitDigest).not.toBe(plan.unitDigest);
  });

  it('reports the problems in order of person, whatever order the inputs come in', () => {
    const broken = (id: string) => staff(id, 4, { general: nonLeaderGeneral(16, 10, 5) });
    const r = evaluateUnit([broken('c-z'), staff('c-good', 4), broken('c-m'), broken('c-b')], RULES);
    expect(r.problems.map((p) => p.cadreId)).toEqual(['c-b', 'c-m', 'c-z']);
  });

  it('lets an error that is not about the input through instead of reporting it as a problem', () => {
    // A product without its list of errors is a bug upstream (the model requires the list), not a
    // part the rules refuse: it must surface, not become a line in the unit's problems.
    const [p0, ...rest] = staff('c-bug', 4).scoring.products;
    const bug = staff('c-bug', 4, {
      products: [{ ...p0!, majorErrors: undefined as unknown as [] }, ...rest],
    });
    expect(() => evaluateUnit([...inputs, bug], RULES)).toThrow(TypeError);
  });
});

describe('what a task must write', () => {
  const inputs = [staff('c-a', 4), staff('c-b', 3), chief('c-chief')];
  const first = evaluateUnit(inputs, RULES);

  it('everything the first time, nothing when the digests match', () => {
    expect(changedResults(first, {}).map((r) => r.cadreId)).toEqual(['c-a', 'c-b', 'c-chief']);
    expect(changedResults(first, first.digests)).toEqual([]);
  });

  it('only the changed person, and a leader whose d moved with them', () => {
    // c-b drops to one product of four: 47.5, KHT, so the chief's d falls to 50 %.
    const second = evaluateUnit([staff('c-a', 4), staff('c-b', 1), chief('c-chief')], RULES);
    expect(changedResults(second, first.digests).map((r) => r.cadreId)).toEqual(['c-b', 'c-chief']);
    // c-a's self-assessment is not part of the score, but the input time is: a new time rewrites it.
    const third = evaluateUnit(
      [{ ...staff('c-a', 4), updatedAt: '2026-11-26T08:00:00.000Z' }, staff('c-b', 3), chief('c-chief')],
      RULES,
    );
    expect(changedResults(third, first.digests).map((r) => r.cadreId)).toEqual(['c-a']);
  });

  it('changes every digest when the rules change', () => {
    const stricter = evaluateUnit(inputs, { ...RULES, deductionPerIssue: 0.5 });
    expect(changedResults(stricter, first.digests).map((r) => r.cadreId)).toEqual(['c-a', 'c-b', 'c-chief']);
  });
});
