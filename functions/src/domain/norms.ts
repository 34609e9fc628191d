/**
 * Staffing norms (định mức biên chế) after the 2025 reform: configurable
 * parameters kept with their basis and certainty in data/catalogue/norms.json
 * (see docs/legal-basis.md). Several are province-wide averages, not
 * per-commune caps; the rules use the per-commune ones below.
 */
import { staffingNormValues, type StaffingNorms } from '@canbo/model';
import { CATALOGUE } from './catalogue';

export type { StaffingNorms };

/** The norms of the catalogue, without their sources. */
export const DEFAULT_NORMS: StaffingNorms = staffingNormValues(CATALOGUE.norms);

/** The norm for one commune and block (the Party block takes the middle of its range). */
export function communeNorm(
  norms: StaffingNorms,
  block: 'government' | 'party' | 'military' | 'public_service',
): number {
  switch (block) {
    case 'government':
      return norms.communeGovernmentPosts;
    case 'party':
      return Math.round((norms.communePartyPosts.min + norms.communePartyPosts.max) / 2);
    case 'military':
      return norms.communeMilitaryPosts;
    case 'public_service':
      return norms.communePublicServicePosts;
  }
}
