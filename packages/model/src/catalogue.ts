/**
 * Schemas of the catalogue files in data/catalogue/: configuration that the
 * server, the seed and a browser read the same way, validated on load. The
 * position catalogue's own schema (PositionCatalogue) sits beside Position in
 * positions.ts; this file holds the other three files and what they share.
 */
import { z } from 'zod';
import { Block, DocId } from './common';

/** What every catalogue file says about itself. */
export const CatalogueAbout = z.object({
  title: z.string().min(1),
  description: z.string().min(1),
  /** True for an illustrative list a deployment replaces with its own (e.g. the procedures). */
  example: z.boolean(),
});
export type CatalogueAbout = z.infer<typeof CatalogueAbout>;

const uniqueIds = <T extends { id: string }>(items: T[], what: string, ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', message: `duplicate ${what} id ${item.id}` });
    seen.add(item.id);
  }
};

// ---------------------------------------------------------------------------
// Administrative procedures (thủ tục hành chính) received at the commune's
// public administrative service centre; citizen ratings refer to them.

export const ProcedureField = z.object({ id: DocId, name: z.string().min(1), nameEn: z.string().min(1) });
export type ProcedureField = z.infer<typeof ProcedureField>;

export const Procedure = z.object({
  /** Stable id: ratings and reports keep it when the name is reworded. */
  id: DocId,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  /** The field (lĩnh vực) it belongs to: an id of `fields`. */
  field: DocId,
});
export type Procedure = z.infer<typeof Procedure>;

export const ProcedureCatalogue = z
  .object({ about: CatalogueAbout, fields: z.array(ProcedureField), procedures: z.array(Procedure).min(1) })
  .superRefine((c, ctx) => {
    uniqueIds(c.fields, 'field', ctx);
    uniqueIds(c.procedures, 'procedure', ctx);
    const fields = new Set(c.fields.map((f) => f.id));
    for (const p of c.procedures)
      if (!fields.has(p.field))
        ctx.addIssue({ code: 'custom', message: `procedure ${p.id}: unknown field ${p.field}` });
  });
export type ProcedureCatalogue = z.infer<typeof ProcedureCatalogue>;

// ---------------------------------------------------------------------------
// The commune post template: the posts a commune's staff hold, per block, in
// the order they are filled (the seed fills them; a province may use it as the
// reference staffing of a new commune).

export const TemplateEntry = z.object({
  positionId: DocId,
  /** How many people hold it; a range when communes differ (one draw per commune). */
  count: z.union([
    z.number().int().positive(),
    z
      .object({ min: z.number().int().positive(), max: z.number().int().positive() })
      .refine((r) => r.min <= r.max, 'min must not exceed max'),
  ]),
  note: z.string().optional(),
});
export type TemplateEntry = z.infer<typeof TemplateEntry>;

export const CommuneTemplate = z.object({
  about: CatalogueAbout,
  blocks: z.record(Block, z.array(TemplateEntry)),
  /** The post held by people beyond the template in each block. */
  genericPost: z.record(Block, DocId),
});
export type CommuneTemplate = z.infer<typeof CommuneTemplate>;

// ---------------------------------------------------------------------------
// Staffing norms (định mức biên chế) after the 2025 reform: configurable
// parameters, each with its basis and how sure the source is. Several are
// province-wide averages, not per-commune caps.

/** How sure a rule's source is (docs/legal-basis.md uses the same two tags). */
export const Certainty = z.enum(['confirmed', 'unconfirmed']);
export type Certainty = z.infer<typeof Certainty>;

/** A configurable parameter: its value, the instrument it rests on, how sure that is, and a note. */
export const sourced = <T extends z.ZodType>(value: T) =>
  z.object({ value, basis: z.string().min(1), certainty: Certainty, note: z.string().min(1) });
const count = z.number().int().nonnegative();
const average = z.number().positive();

export const StaffingNormsCatalogue = z.object({
  about: CatalogueAbout,
  norms: z.object({
    communeGovernmentPosts: sourced(count),
    communePartyPosts: sourced(z.object({ min: count, max: count, withPoliticalCentre: count })),
    communeMilitaryPosts: sourced(count),
    communePublicServicePosts: sourced(count),
    averageViceChairsPerCommune: sourced(average),
    averageBodiesPerCommune: sourced(average),
    averageBodiesPerCommuneLargeCities: sourced(average),
    averageDeputiesPerBody: sourced(average),
  }),
});
export type StaffingNormsCatalogue = z.infer<typeof StaffingNormsCatalogue>;

/** The norms' values, without their sources: what the rules compute with. */
export type StaffingNorms = {
  [K in keyof StaffingNormsCatalogue['norms']]: StaffingNormsCatalogue['norms'][K]['value'];
};

/** Strips the sources off the norms file. */
export function staffingNormValues(c: StaffingNormsCatalogue): StaffingNorms {
  const n = c.norms;
  return {
    communeGovernmentPosts: n.communeGovernmentPosts.value,
    communePartyPosts: n.communePartyPosts.value,
    communeMilitaryPosts: n.communeMilitaryPosts.value,
    communePublicServicePosts: n.communePublicServicePosts.value,
    averageViceChairsPerCommune: n.averageViceChairsPerCommune.value,
    averageBodiesPerCommune: n.averageBodiesPerCommune.value,
    averageBodiesPerCommuneLargeCities: n.averageBodiesPerCommuneLargeCities.value,
    averageDeputiesPerBody: n.averageDeputiesPerBody.value,
  };
}
