/**
 * positions/{id}: the catalogue of job positions and titles (vị trí việc làm,
 * chức danh) with their standards. Law 80/2025 manages civil servants by job
 * position; the catalogue is what proposals are checked against (standards
 * docs/legal-basis.md §6, non-local key posts §7, relatives §8, holders §10,
 * rank §5). The data is data/catalogue/positions.json.
 */
import { z } from 'zod';
import { CatalogueAbout } from './catalogue';
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
  /**
   * Rank on the scale of equivalent posts (chức vụ tương đương), used for
   * rotation to an equivalent post: equal rank means equivalent, a higher
   * number is more senior. 1 commune staff; 2 provincial specialist or deputy
   * head of a commune body; 3 head of a commune body; 4 commune deputy
   * leadership or head of a provincial division; 5 commune leadership or
   * deputy head of a provincial department; 6 head of a provincial
   * department; 7 provincial deputy leadership; 8 provincial leadership. The
   * scale is the project's own ordering (configuration, no published legal
   * scale): data/catalogue/positions.json lists it with the posts.
   */
  rank: z.number().int().min(1),
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

/** data/catalogue/positions.json: the rank scale and the posts, checked as a whole. */
export const PositionCatalogue = z
  .object({
    about: CatalogueAbout,
    rankScale: z.object({
      /** Says that the scale is the project's own ordering. */
      note: z.string().min(1),
      levels: z.array(z.object({ rank: z.number().int().min(1), description: z.string().min(1) })).min(1),
    }),
    positions: z.array(Position).min(1),
  })
  .superRefine((c, ctx) => {
    const ids = new Set<string>();
    for (const p of c.positions) {
      if (ids.has(p.id)) ctx.addIssue({ code: 'custom', message: `duplicate position id ${p.id}` });
      ids.add(p.id);
    }
    const ranks = new Set(c.rankScale.levels.map((l) => l.rank));
    for (const p of c.positions) {
      if (!ranks.has(p.rank))
        ctx.addIssue({ code: 'custom', message: `position ${p.id}: rank ${p.rank} is not on the scale` });
      for (const x of p.relativeExclusions)
        if (!ids.has(x))
          ctx.addIssue({ code: 'custom', message: `position ${p.id}: unknown relative exclusion ${x}` });
    }
  });
export type PositionCatalogue = z.infer<typeof PositionCatalogue>;
