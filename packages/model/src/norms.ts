/**
 * The per-commune staffing norm of a block (docs/legal-basis.md §9), from the
 * values of data/catalogue/norms.json. Zod-free, so the server's checks and
 * the web client's dashboard compute it the same way.
 */

export type NormBlock = 'government' | 'party' | 'military' | 'public_service';

/** The norms this rule reads (a subset of StaffingNorms, catalogue.ts). */
export interface CommuneNormValues {
  communeGovernmentPosts: number;
  communePartyPosts: { min: number; max: number; withPoliticalCentre?: number };
  communeMilitaryPosts: number;
  communePublicServicePosts: number;
}

/** The norm for one commune and block (the Party block takes the middle of its range). */
export function communeNorm(norms: CommuneNormValues, block: NormBlock): number {
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
