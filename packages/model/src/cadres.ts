/**
 * cadres/{id}: what work needs to know about a person; the id stays when they
 * move. Sensitive data (national ID, family, discipline, health, the facts
 * that forbid a transfer) lives in cadres/{id}/private/profile, which no
 * client reads directly (a callable serves it and records who read it and
 * why: Law 91/2025 on personal data).
 */
import { z } from 'zod';
import {
  Block,
  CommuneCode,
  DocId,
  EducationLevel,
  IsoDate,
  IsoDateTime,
  PoliticalTheory,
  ProvinceCode,
  Scope,
  UnitCode,
} from './common';
import { MovementType, OPEN_STATUSES } from './movements';
import { message, oneLine } from './messages';
import { viLabelsOf } from './messages/ui';

/** A post held: the main one, or a concurrent one (kiêm nhiệm). */
export const HeldPost = z.object({
  positionId: DocId,
  unitCode: UnitCode,
  concurrent: z.boolean(),
  since: IsoDate,
  decisionNo: z.string().nullable(),
});
export type HeldPost = z.infer<typeof HeldPost>;

/** A planning entry (quy hoạch): a higher post the person is planned for. */
export const PlanningEntry = z.object({
  positionId: DocId,
  unitCode: UnitCode,
  term: z.string().regex(/^\d{4}-\d{4}$/, oneLine(message('field.term'))),
  addedOn: IsoDate,
});

export const Category = z.enum(['cadre', 'civil_servant', 'public_employee', 'military']);
export const CATEGORY_LABELS: Record<z.infer<typeof Category>, string> = viLabelsOf(
  'category',
  Category.options,
);

/**
 * One of the person's open movements (proposed, approved or active), as the
 * person's document keeps it: what a transaction must know about them without
 * a query (docs/data-model.md, "cadres").
 */
export const OpenMovement = z.object({
  id: DocId,
  type: MovementType,
  status: z.enum(OPEN_STATUSES),
});
export type OpenMovement = z.infer<typeof OpenMovement>;

export const CadreStatus = z.enum(['active', 'seconded_out', 'on_leave', 'retired', 'left']);

export const Cadre = Scope.extend({
  id: DocId,
  fullName: z.string().min(2).max(100),
  gender: z.enum(['male', 'female']),
  birthDate: IsoDate,
  ethnicity: z.string().min(1),
  ethnicMinority: z.boolean(),
  /** Quê quán: the non-local rule looks at it. */
  hometown: z.object({ provinceCode: ProvinceCode, communeCode: CommuneCode.nullable(), text: z.string() }),
  category: Category,
  block: Block,
  education: z.object({ level: EducationLevel, major: z.string() }),
  politicalTheory: PoliticalTheory,
  partyMember: z.boolean(),
  partyJoinDate: IsoDate.nullable(),
  /** When the person started public service (for experience and retirement). */
  startedWorkOn: IsoDate,
  /** Years worked in the current province (one definition of "local" counts them). */
  yearsInProvince: z.number().int().nonnegative(),
  /** The unit whose quota (biên chế) the person is on. */
  homeUnitCode: UnitCode,
  /**
   * The commune of the home unit (null for provincial units): the home commune
   * keeps seeing its people while they are seconded elsewhere (firestore.rules).
   * `communeCode` is where the person works now.
   */
  homeCommuneCode: CommuneCode.nullable(),
  /** Where the person works now (differs from home while seconded). */
  currentUnitCode: UnitCode,
  posts: z.array(HeldPost),
  planning: z.array(PlanningEntry),
  status: CadreStatus,
  /**
   * The person's open movements, kept by the movement use cases in the same
   * transaction as each movement (propose, decide, start, complete, cancel),
   * so the checks read them with the person instead of querying `movements`
   * (a query in a transaction locks the whole collection). Absent on
   * documents written before it existed: the use cases then read the
   * movements once and write the list.
   */
  openMovements: z.array(OpenMovement).optional(),
  updatedAt: IsoDateTime,
});
export type Cadre = z.infer<typeof Cadre>;

/**
 * A family relation as written on one person's record. It reads the other
 * way on the relative's record: parent ↔ child, parent_in_law ↔ child_in_law
 * (the inverse table is in functions/src/domain/relatives.ts).
 */
export const Relation = z.enum(['spouse', 'parent', 'parent_in_law', 'child', 'child_in_law', 'sibling']);
export type Relation = z.infer<typeof Relation>;

/**
 * Why a father raising a child under 36 months is protected like a mother:
 * the child's mother has died, or force majeure (Decree 170/2025, docs/legal-basis.md §2).
 */
export const FatherCondition = z.enum(['mother_deceased', 'force_majeure']);
export type FatherCondition = z.infer<typeof FatherCondition>;

/** A restriction decided by the competent head (the seventh situation), with its decision. */
export const HeadRestriction = z.object({
  decisionNo: z.string().trim().min(1).max(60),
  decidedOn: IsoDate,
  note: z.string().trim().min(3).max(2000),
});
export type HeadRestriction = z.infer<typeof HeadRestriction>;

export const DisciplineLevel = z.enum(['reprimand', 'warning', 'removal', 'dismissal']);

/** cadres/{id}/private/profile */
export const CadrePrivate = z.object({
  nationalId: z.string().regex(/^\d{12}$/, oneLine(message('field.national_id'))),
  phone: z
    .string()
    .regex(/^0\d{9}$/)
    .nullable(),
  family: z.array(
    z.object({
      relation: Relation,
      fullName: z.string().min(1),
      birthYear: z.number().int().min(1900).max(2100),
      /** Set when the relative is also in the system: the anti-nepotism checks use it. */
      cadreId: DocId.nullable(),
    }),
  ),
  /**
   * The `cadreId`s of `family`, kept equal to it by whoever writes the
   * profile (familyCadreIds() in functions/src/domain/relatives.ts), so that
   * the records naming a person can be found with one `array-contains` query:
   * the relatives rules read relations from both records (docs/legal-basis.md §8).
   */
  familyCadreIds: z.array(DocId).optional(),
  discipline: z.array(
    z.object({ level: DisciplineLevel, decidedOn: IsoDate, decisionNo: z.string(), reason: z.string() }),
  ),
  /** The situations in which transfer and secondment are forbidden (NĐ 170/2025, docs/legal-basis.md §2). */
  restrictions: z.object({
    underDisciplineReview: z.boolean(),
    underInvestigation: z.boolean(),
    seriousIllness: z.boolean(),
    longTermTraining: z.boolean(),
    pregnantOrMaternity: z.boolean(),
    youngestChildBirthDate: IsoDate.nullable(),
    /** For a father: why the young-child protection applies to him (absent or null: it does not). */
    fatherCondition: FatherCondition.nullable().optional(),
    specialHardship: z.boolean(),
    /** The seventh situation: another case decided by the competent head, with the decision. */
    headRestriction: HeadRestriction.nullable().optional(),
  }),
  updatedAt: IsoDateTime,
});
export type CadrePrivate = z.infer<typeof CadrePrivate>;

/** A profile with none of the situations that forbid a transfer or secondment. */
export const NO_RESTRICTIONS: CadrePrivate['restrictions'] = {
  underDisciplineReview: false,
  underInvestigation: false,
  seriousIllness: false,
  longTermTraining: false,
  pregnantOrMaternity: false,
  youngestChildBirthDate: null,
  fatherCondition: null,
  specialHardship: false,
  headRestriction: null,
};
