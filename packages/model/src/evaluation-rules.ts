/**
 * The quarterly evaluation under Nghị định 335/2025/NĐ-CP (docs/legal-basis.md
 * §13): what a reviewer records for one person and one period (work products,
 * general criteria, leader criteria, override facts), and the rules catalogue
 * data/catalogue/evaluation.json, where every value whose legal basis is not
 * certain is configuration with its basis and certainty beside it.
 */
import { z } from 'zod';
import { CatalogueAbout, Certainty, sourced } from './catalogue';
import { DocId } from './common';
import { Level } from './levels';

const percent = z.number().min(0).max(100);
const share = z.number().min(0).max(1);
const periods = z.number().int().min(1).max(12);

// ---------------------------------------------------------------------------
// The rules catalogue

/** One part of the 30 points of general criteria (tiêu chí chung). */
export const GeneralSubCriterion = z.object({
  id: DocId,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  max: z.number().positive(),
  /** The part that the citizens' satisfaction may feed (thái độ phục vụ nhân dân, doanh nghiệp). */
  attitudeTowardCitizens: z.boolean(),
});
export type GeneralSubCriterion = z.infer<typeof GeneralSubCriterion>;

/** How the annual level is derived from the period results (Decree 335 Art. 21). */
export const AnnualRule = z.discriminatedUnion('kind', [
  /** The average of the rated periods' totals, then the thresholds and overrides. */
  z.object({ kind: z.literal('average') }),
  /**
   * A count of period levels, as one agency's rule does: HTXS with at least
   * `htxsPeriods` HTXS periods and no KHT; KHT with at least `khtPeriods` KHT
   * periods; HTT with at least `httPeriods` periods at HTT or above and no
   * KHT; HT otherwise.
   */
  z.object({ kind: z.literal('count'), htxsPeriods: periods, khtPeriods: periods, httPeriods: periods }),
]);
export type AnnualRule = z.infer<typeof AnnualRule>;

export const EvaluationRulesCatalogue = z
  .object({
    about: CatalogueAbout,
    rules: z.object({
      /** Points of the general criteria (30). */
      generalMax: sourced(z.number().positive()),
      /** Points of the task results (70). */
      tasksMax: sourced(z.number().positive()),
      /** Lowest total of each level but KHT (90, 70, 50). */
      thresholds: sourced(z.object({ HTXS: percent, HTT: percent, HT: percent })),
      /** Share of a product's quality or progress points deducted per major error or delay (0.25). */
      deductionPerIssue: sourced(share),
      /** Leader criterion d: the unit's result, by the subordinates' levels (100 / 50). */
      unitResult: sourced(z.object({ allAtLeastHT: percent, anyKHT: percent })),
      /** Leader criterion đ: the ability to organise (100 when every planned task is done on time and well). */
      organisation: sourced(z.object({ full: percent, other: percent })),
      /** Leader criterion e: what it measures; the reviewer enters it as a percentage. */
      thirdLeaderCriterion: sourced(z.object({ name: z.string().min(1), nameEn: z.string().min(1) })),
      /** The HTXS ceiling: a share of those rated HTT, per unit and group of similar tasks. */
      htxsCeiling: sourced(
        z.object({ share, exceptionalShare: share, base: z.enum(['htt_and_above', 'htt_only']) }),
      ),
      annualRule: sourced(AnnualRule),
      /** Days worked in a quarter below which the person is not rated for it (0: every day counts). */
      minWorkingDaysToRate: sourced(z.number().int().min(0).max(92)),
      /**
       * Whether the quarterly job takes the general part marked
       * `attitudeTowardCitizens` from the person's citizen satisfaction
       * (functions/src/domain/satisfaction attitudePoints), when they have enough ratings.
       */
      attitudeFromSatisfaction: sourced(z.boolean()),
      /**
       * Screening list: KHT in this many consecutive periods, or consecutive
       * years; or a satisfied share below `lowSatisfactionShare` over at least
       * `lowSatisfactionMinRatings` counted ratings in the quarter.
       */
      screening: sourced(
        z.object({
          consecutiveKhtPeriods: periods,
          consecutiveKhtYears: periods,
          lowSatisfactionShare: share,
          lowSatisfactionMinRatings: z.number().int().min(1),
        }),
      ),
      /** Honours list: HTXS with at least this satisfied share over at least this many ratings. */
      honours: sourced(z.object({ minSatisfiedShare: share, minRatings: z.number().int().min(1) })),
    }),
    /** The split of the general criteria into parts: the decree's annex forms; one province's split as the example. */
    generalSplit: z.object({
      example: z.boolean(),
      basis: z.string().min(1),
      certainty: Certainty,
      note: z.string().min(1),
      nonLeader: z.array(GeneralSubCriterion).min(1),
      leader: z.array(GeneralSubCriterion).min(1),
    }),
  })
  .superRefine((c, ctx) => {
    const t = c.rules.thresholds.value;
    if (!(t.HTXS > t.HTT && t.HTT > t.HT))
      ctx.addIssue({
        code: 'custom',
        path: ['rules', 'thresholds'],
        message: 'thresholds must fall: HTXS > HTT > HT',
      });
    for (const group of ['nonLeader', 'leader'] as const) {
      const parts = c.generalSplit[group];
      const sum = parts.reduce((s, p) => s + p.max, 0);
      if (Math.abs(sum - c.rules.generalMax.value) > 1e-9)
        ctx.addIssue({
          code: 'custom',
          path: ['generalSplit', group],
          message: `the parts add up to ${sum}, not ${c.rules.generalMax.value}`,
        });
      const ids = new Set(parts.map((p) => p.id));
      if (ids.size !== parts.length)
        ctx.addIssue({ code: 'custom', path: ['generalSplit', group], message: 'duplicate part id' });
    }
  });
export type EvaluationRulesCatalogue = z.infer<typeof EvaluationRulesCatalogue>;

/** The rules' values, without their sources: what the scoring computes with. */
export type EvaluationRules = {
  [K in keyof EvaluationRulesCatalogue['rules']]: EvaluationRulesCatalogue['rules'][K]['value'];
} & { generalSplit: { nonLeader: GeneralSubCriterion[]; leader: GeneralSubCriterion[] } };

/** Strips the sources off the catalogue. */
export function evaluationRuleValues(c: EvaluationRulesCatalogue): EvaluationRules {
  const r = c.rules;
  return {
    generalMax: r.generalMax.value,
    tasksMax: r.tasksMax.value,
    thresholds: r.thresholds.value,
    deductionPerIssue: r.deductionPerIssue.value,
    unitResult: r.unitResult.value,
    organisation: r.organisation.value,
    thirdLeaderCriterion: r.thirdLeaderCriterion.value,
    htxsCeiling: r.htxsCeiling.value,
    annualRule: r.annualRule.value,
    minWorkingDaysToRate: r.minWorkingDaysToRate.value,
    attitudeFromSatisfaction: r.attitudeFromSatisfaction.value,
    screening: r.screening.value,
    honours: r.honours.value,
    generalSplit: { nonLeader: c.generalSplit.nonLeader, leader: c.generalSplit.leader },
  };
}

// ---------------------------------------------------------------------------
// What a reviewer records for one person and one period

/** A major content error or a delay recorded against a product. */
export const ProductIssue = z.object({
  /** Certified by the competent level as having an objective cause: no deduction. */
  objectiveCause: z.boolean(),
  note: z.string().max(500).optional(),
});
export type ProductIssue = z.infer<typeof ProductIssue>;

/** A work product assigned in the period, weighted by its conversion coefficient (hệ số quy đổi). */
export const WorkProduct = z.object({
  id: DocId,
  name: z.string().min(1).max(300),
  coefficient: z.number().positive().max(100),
  completed: z.boolean(),
  majorErrors: z.array(ProductIssue).max(20),
  delays: z.array(ProductIssue).max(20),
});
export type WorkProduct = z.infer<typeof WorkProduct>;

/** The leader's extra criteria: d from the subordinates' levels, đ and e as assessed. */
export const LeaderCriteria = z.object({
  subordinateLevels: z.array(Level).max(1000),
  organisation: z.enum(['full', 'other']),
  thirdCriterion: percent,
});
export type LeaderCriteria = z.infer<typeof LeaderCriteria>;

/** Facts that force KHT whatever the score (Decree 335 Art. 20). */
export const OverrideFacts = z.object({
  /** Reprimand (khiển trách) or heavier discipline in the rating year. */
  disciplineInYear: z.boolean(),
  /** A competent conclusion of political, ethical or lifestyle degradation. */
  degradationConcluded: z.boolean(),
  /** Leaders: corruption or waste in a unit under their direct charge, handled by law. */
  corruptionInDirectUnit: z.boolean(),
});
export type OverrideFacts = z.infer<typeof OverrideFacts>;

/** Everything the score of one person for one period depends on. */
export const ScoringInput = z.object({
  /** Points per part of the general criteria, by the part's id in the split. */
  general: z.record(DocId, z.number().min(0)),
  products: z.array(WorkProduct).max(500),
  /** Present for a leader or manager (lãnh đạo, quản lý), null otherwise. */
  leader: LeaderCriteria.nullable(),
  overrides: OverrideFacts,
  /** Days actually worked in the period; null when the whole period was worked. */
  workingDays: z.number().int().min(0).max(92).nullable(),
});
export type ScoringInput = z.infer<typeof ScoringInput>;
