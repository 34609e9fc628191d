/**
 * positions/{id}: the catalogue of job positions and titles (vị trí việc làm,
 * chức danh) with their standards. Law 80/2025 manages civil servants by job
 * position; the catalogue is what proposals are checked against.
 */
import { z } from 'zod';
import { Block, DocId, EducationLevel, PoliticalTheory } from './common';

export const Body = z.enum([
  'party_committee',
  'party_office',
  'party_building',
  'party_inspection',
  'fatherland_front',
  'hdnd',
  'ubnd',
  'ubnd_office',
  'economic_division',
  'culture_social_division',
  'public_admin_center',
  'military_command',
  'province_party',
  'province_ubnd',
  'province_department',
]);
export type Body = z.infer<typeof Body>;

export const Position = z.object({
  id: DocId,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  level: z.enum(['commune', 'province']),
  block: Block,
  body: Body,
  /** Leader or manager (lãnh đạo, quản lý). */
  leadership: z.boolean(),
  /** Key post (chức danh chủ chốt) for the non-local and two-term policies. */
  keyPost: z.boolean(),
  standards: z.object({
    minEducation: EducationLevel,
    minPoliticalTheory: PoliticalTheory,
    minYearsExperience: z.number().int().nonnegative(),
    partyMemberRequired: z.boolean(),
  }),
  /** Must be held by a non-local (bố trí không phải người địa phương). */
  nonLocalRequired: z.boolean(),
  /** Posts a relative may not hold at the same time in the same unit (QĐ 114/205 pairs). */
  relativeExclusions: z.array(DocId),
  /** Personnel, accounting, treasury or warehouse work: barred to relatives of the unit's head (PCTN Art. 20). */
  barredToRelativesOfHead: z.boolean(),
  /** Usually held concurrently (kiêm nhiệm) by the holder of another post. */
  usuallyConcurrent: z.boolean(),
  /** How many people normally hold it in one unit (null: as the quota allows). */
  holdersPerUnit: z.number().int().positive().nullable(),
});
export type Position = z.infer<typeof Position>;
