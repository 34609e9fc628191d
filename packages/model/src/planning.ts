/**
 * Cadre planning (quy hoạch cán bộ) under Regulation 377-QĐ/TW
 * (docs/legal-basis.md §15, docs/planning.md):
 *
 * - planning/{term}_{unitCode}_{positionId}: the planning list of one post of
 *   one unit for one term: the people planned for it (at most 3), each with
 *   what the structure figures need (gender, birth date, ethnic minority) and
 *   the annual review's flags. Written by the planning callables only, in the
 *   same transaction as the person's `cadres/{id}.planning[]`, so the two never
 *   disagree.
 * - data/catalogue/planning-targets.json (PlanningTargetsCatalogue): the
 *   structure targets (three age bands, young cadres, women, ethnic
 *   minorities), each with its basis and how sure it is.
 */
import { z } from 'zod';
import { CatalogueAbout, Certainty } from './catalogue';
import { DocId, IsoDate, IsoDateTime, Scope, UnitCode } from './common';
import { RequestId } from './idempotency';
import { message, oneLine } from './messages';

/**
 * The terms planned for: the current one and the next (QĐ 377: planning for
 * the term and the next term). Each term's dates are configuration: the
 * People's Councils were elected in March 2026 for 2026–2031, and planning
 * counts a term as five years from 1 July of its first year [U].
 */
export const PLANNING_TERMS = ['2026-2031', '2031-2036'] as const;
export const PlanningTerm = z.enum(PLANNING_TERMS);
export type PlanningTerm = z.infer<typeof PlanningTerm>;

export interface TermDates {
  start: string;
  end: string;
}

/** The dates of a term "YYYY-ZZZZ": from 1 July of the first year to 30 June of the last [U]. */
export function termDates(term: string): TermDates {
  const [from, to] = term.split('-');
  return { start: `${from}-07-01`, end: `${to}-06-30` };
}

/** planning/{id}: `2026-2031_18070_xa_bi_thu`. */
export function planningListId(term: string, unitCode: string, positionId: string): string {
  return `${term}_${unitCode}_${positionId}`;
}

/** The rules an addition is checked against (docs/legal-basis.md §15). */
export const PlanningRuleCode = z.enum([
  'cadre_status',
  'already_planned',
  'higher_post',
  'per_post_cap',
  'per_person_cap',
  'age',
  'discipline',
  'appointment_pending',
]);
export type PlanningRuleCode = z.infer<typeof PlanningRuleCode>;

/**
 * One rule's outcome, in the shape of a movement check (code, outcome, basis
 * and message in both languages), so the web client shows both the same way.
 * Planning rules are never overridable: a list that breaks them is not a
 * planning list under QĐ 377.
 */
export const PlanningRuleResult = z.object({
  code: PlanningRuleCode,
  outcome: z.enum(['pass', 'fail']),
  overridable: z.literal(false),
  basis: z.string().min(1),
  basisEn: z.string().min(1),
  message: z.string().min(1),
  messageEn: z.string().min(1),
});
export type PlanningRuleResult = z.infer<typeof PlanningRuleResult>;

/** Why the annual review proposes removing someone (QĐ 377: "dynamic and open" planning). */
export const PlanningFlagCode = z.enum(['kht', 'discipline', 'over_age', 'standards', 'left_service']);
export type PlanningFlagCode = z.infer<typeof PlanningFlagCode>;

export const PlanningFlag = z.object({
  code: PlanningFlagCode,
  /** What was found, in both languages (e.g. "rated KHT in 2026"). */
  vi: z.string().min(1),
  en: z.string().min(1),
});
export type PlanningFlag = z.infer<typeof PlanningFlag>;

/** One person on a planning list. */
export const PlanningPerson = z.object({
  cadreId: DocId,
  fullName: z.string().min(1),
  gender: z.enum(['male', 'female']),
  birthDate: IsoDate,
  ethnicMinority: z.boolean(),
  /** The person's unit when added (where they work). */
  fromUnitCode: UnitCode,
  addedOn: IsoDate,
  addedBy: z.string().min(1),
  /** The decision or minutes the addition rests on (kept in the audit entry too). */
  reason: z.string().min(1),
  /** The last annual review's findings: shown, never acted on by the system (removal is the province's decision). */
  flags: z.array(PlanningFlag),
  reviewedOn: IsoDate.nullable(),
});
export type PlanningPerson = z.infer<typeof PlanningPerson>;

/** planning/{term}_{unitCode}_{positionId}: scope fields are the planned post's unit. */
export const PlanningList = Scope.extend({
  id: z.string().regex(/^\d{4}-\d{4}_[A-Za-z0-9_-]+$/),
  term: PlanningTerm,
  unitCode: UnitCode,
  positionId: DocId,
  /** The planned post's level and rank (from the position catalogue), for the per-person cap and equivalence. */
  level: z.enum(['commune', 'province']),
  rank: z.number().int().min(1),
  entries: z.array(PlanningPerson),
  /** The entries' cadre ids, for `array-contains` queries. */
  cadreIds: z.array(DocId),
  updatedAt: IsoDateTime,
});
export type PlanningList = z.infer<typeof PlanningList>;

// ---------------------------------------------------------------------------
// Structure targets (cơ cấu): data/catalogue/planning-targets.json

const Share = z.number().min(0).max(1);
const Target = z.object({
  /** The minimum share of the people planned (0–1). */
  minShare: Share,
  basis: z.string().min(1),
  certainty: Certainty,
  note: z.string().min(1),
});

export const AgeBand = z.object({
  id: DocId,
  vi: z.string().min(1),
  en: z.string().min(1),
  /** Ages in whole years at the term's start, both ends included; null: open. */
  minAge: z.number().int().min(18).nullable(),
  maxAge: z.number().int().max(70).nullable(),
  minShare: Share,
});
export type AgeBand = z.infer<typeof AgeBand>;

export const PlanningTargetsCatalogue = z
  .object({
    about: CatalogueAbout,
    /** The three age bands (ba độ tuổi) and each one's minimum share. */
    ageBands: z.object({
      bands: z.array(AgeBand).length(3),
      basis: z.string().min(1),
      certainty: Certainty,
      note: z.string().min(1),
    }),
    /** Young cadres: younger than `underAge` at the term's start. */
    young: Target.extend({ underAge: z.number().int().min(25).max(60) }),
    women: Target,
    ethnicMinority: Target,
  })
  .superRefine((c, ctx) => {
    // The bands follow each other without gap or overlap, from open to open.
    const issue = (text: string) => ctx.addIssue({ code: 'custom', message: text });
    const b = c.ageBands.bands;
    if (b[0]?.minAge !== null) issue(oneLine(message('planning.targets.openBelow')));
    if (b[b.length - 1]?.maxAge !== null) issue(oneLine(message('planning.targets.openAbove')));
    for (let i = 1; i < b.length; i++) {
      const prev = b[i - 1]!.maxAge;
      const min = b[i]!.minAge;
      if (prev === null || min === null || min !== prev + 1)
        issue(oneLine(message('planning.targets.gap', { band: b[i]!.id, previous: b[i - 1]!.id })));
    }
  });
export type PlanningTargetsCatalogue = z.infer<typeof PlanningTargetsCatalogue>;

/** One figure of the structure: how many, the share, the target and whether it is met. */
export const StructureFigure = z.object({
  id: z.string(),
  /** The figure's name (an age band's from the targets file). */
  vi: z.string().min(1),
  en: z.string().min(1),
  count: z.number().int().nonnegative(),
  share: z.number().min(0).max(1),
  minShare: z.number().min(0).max(1),
  met: z.boolean(),
  certainty: Certainty,
});
export type StructureFigure = z.infer<typeof StructureFigure>;

/** The structure of the people planned in one unit (or the whole province) for one term. */
export const PlanningStructure = z.object({
  unitCode: UnitCode,
  term: PlanningTerm,
  /** Distinct people planned (someone on two lists counts once). */
  people: z.number().int().nonnegative(),
  figures: z.array(StructureFigure),
});
export type PlanningStructure = z.infer<typeof PlanningStructure>;

// ---------------------------------------------------------------------------
// Callable inputs

const requestId = RequestId.optional();
const Reason = z.string().trim().min(3).max(2000);

/** addToPlanning: the province plans a person for a post of a unit and a term. */
export const ZAddToPlanningInput = z.strictObject({
  cadreId: DocId,
  term: PlanningTerm,
  unitCode: UnitCode,
  positionId: DocId,
  /** The decision or minutes (e.g. "Nghị quyết 12-NQ/TU ngày 10/3/2026"). */
  reason: Reason,
  requestId,
});
export type TAddToPlanningInput = z.infer<typeof ZAddToPlanningInput>;

/** removeFromPlanning: the province takes a person off a list, with the reason (audited). */
export const ZRemoveFromPlanningInput = z.strictObject({
  cadreId: DocId,
  term: PlanningTerm,
  unitCode: UnitCode,
  positionId: DocId,
  reason: Reason,
  requestId,
});
export type TRemoveFromPlanningInput = z.infer<typeof ZRemoveFromPlanningInput>;

/** checkPlanningCandidate: the rules an addition would meet, without adding (the form shows them). */
export const ZCheckPlanningCandidateInput = z.strictObject({
  cadreId: DocId,
  term: PlanningTerm,
  unitCode: UnitCode,
  positionId: DocId,
});
export type TCheckPlanningCandidateInput = z.infer<typeof ZCheckPlanningCandidateInput>;

/** reviewPlanning: the annual review of a term's lists in the province: flags, never removals. */
export const ZReviewPlanningInput = z.strictObject({
  term: PlanningTerm,
  /** The year whose evaluations are read (default: the year before today's in Vietnam). */
  year: z.number().int().min(2025).max(2100).optional(),
  requestId,
});
export type TReviewPlanningInput = z.infer<typeof ZReviewPlanningInput>;

/** getPlanningStructure: actual vs target, per commune and for the province. */
export const ZGetPlanningStructureInput = z.strictObject({
  term: PlanningTerm,
});
export type TGetPlanningStructureInput = z.infer<typeof ZGetPlanningStructureInput>;
