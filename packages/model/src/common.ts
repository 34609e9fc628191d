/**
 * Primitives shared by every collection: codes, dates, the staffing blocks
 * and the qualification scales, each with its Vietnamese label.
 */
import { z } from 'zod';
import { FIELD_MESSAGES } from './messages/fields';
import { oneLine } from './messages/format';
import { viLabelsOf } from './messages/ui';

/** A field's format hint, "tiếng Việt / English", as the zod error message. */
const hint = (key: keyof typeof FIELD_MESSAGES): string => oneLine(FIELD_MESSAGES[key]);

/** NSO province code: 2 digits (e.g. "42" Hà Tĩnh). */
export const ProvinceCode = z.string().regex(/^\d{2}$/, hint('field.province_code'));
/** NSO commune code: 5 digits (e.g. "18070"). */
export const CommuneCode = z.string().regex(/^\d{5}$/, hint('field.commune_code'));
/** An agency inside a province or commune: `<province|commune code>-<slug>` (e.g. "42-snv"). */
export const AgencyCode = z.string().regex(/^\d{2}(\d{3})?-[a-z0-9-]+$/, hint('field.agency_code'));
/**
 * Any unit: province, commune or agency. One pattern rather than a union, so
 * a refused code gets one message with the three accepted forms.
 */
export const UnitCode = z.string().regex(/^(\d{2}|\d{5}|\d{2}(\d{3})?-[a-z0-9-]+)$/, hint('field.unit_code'));

/** A calendar date, YYYY-MM-DD (no time zone: decisions are dated, not timed). */
export const IsoDate = z.iso.date({ error: hint('field.iso_date') });
/** An instant, ISO 8601 in UTC. */
export const IsoDateTime = z.iso.datetime({ error: hint('field.iso_datetime') });

/** A stable document id: letters, digits, `_` and `-`. */
export const DocId = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, hint('field.doc_id'));

/**
 * Staffing blocks (khối) that quotas are allocated to. The commune norms
 * (docs/legal-basis.md §9) are set per block: about 32 government posts, 15–17 in the
 * Party apparatus, the military command set by the Ministry of Defence.
 */
export const Block = z.enum(['government', 'party', 'military', 'public_service']);
export type Block = z.infer<typeof Block>;
export const BLOCK_LABELS: Record<Block, string> = viLabelsOf('block', Block.options);

/** Highest education (trình độ chuyên môn), ordered. */
export const EducationLevel = z.enum(['secondary', 'college', 'bachelor', 'master', 'doctor']);
export type EducationLevel = z.infer<typeof EducationLevel>;
export const EDUCATION_ORDER: EducationLevel[] = ['secondary', 'college', 'bachelor', 'master', 'doctor'];
export const EDUCATION_LABELS: Record<EducationLevel, string> = viLabelsOf(
  'education',
  EducationLevel.options,
);

/** Political theory (lý luận chính trị), ordered. */
export const PoliticalTheory = z.enum(['none', 'elementary', 'intermediate', 'advanced']);
export type PoliticalTheory = z.infer<typeof PoliticalTheory>;
export const POLITICAL_THEORY_ORDER: PoliticalTheory[] = ['none', 'elementary', 'intermediate', 'advanced'];
export const POLITICAL_THEORY_LABELS: Record<PoliticalTheory, string> = viLabelsOf(
  'theory',
  PoliticalTheory.options,
);

/** Scope fields every document that belongs to a place carries (rules and queries filter on them). */
export const Scope = z.object({
  provinceCode: ProvinceCode,
  /** The commune the document belongs to; null for province-level documents. */
  communeCode: CommuneCode.nullable(),
});
