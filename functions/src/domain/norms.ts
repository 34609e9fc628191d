/**
 * Staffing norms after the 2025 reform (domain.md §5), as configurable
 * parameters with their basis and how sure the source is ([C] confirmed, [U]
 * unconfirmed). Several are province-wide averages, not per-commune caps.
 */

export interface StaffingNorms {
  /** ≈ 32 government posts per commune, excluding the Party block and military (CV 09/CV-BCĐ) [C]. */
  communeGovernmentPosts: number;
  /** 15–17 posts in the commune Party apparatus, ≤ 20 with a political centre (HD 31-HD/BTCTW) [C]. */
  communePartyPosts: { min: number; max: number; withPoliticalCentre: number };
  /** Commune military command: set by the Minister of Defence (NQ 66.12/2026) — demo value [U]. */
  communeMilitaryPosts: number;
  /** Public employees per commune: set by each province, no national figure — demo value [U]. */
  communePublicServicePosts: number;
  /** Average UBND vice-chairs per commune across the province, ≤ 2.5 (NĐ 300/2025) [C]. */
  averageViceChairsPerCommune: number;
  /** Average bodies (phòng + TTPVHCC) per commune, ≤ 4.5; 4.7 for Hà Nội and TP.HCM (NĐ 370/2025) [C]. */
  averageBodiesPerCommune: number;
  averageBodiesPerCommuneLargeCities: number;
  /** Average deputies per commune body: 2 (NQ 332/NQ-CP) [C]. */
  averageDeputiesPerBody: number;
}

export const DEFAULT_NORMS: StaffingNorms = {
  communeGovernmentPosts: 32,
  communePartyPosts: { min: 15, max: 17, withPoliticalCentre: 20 },
  communeMilitaryPosts: 3,
  communePublicServicePosts: 24,
  averageViceChairsPerCommune: 2.5,
  averageBodiesPerCommune: 4.5,
  averageBodiesPerCommuneLargeCities: 4.7,
  averageDeputiesPerBody: 2,
};

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
