/**
 * Staffing norms (định mức biên chế) after the 2025 reform: configurable
 * parameters kept with their basis and certainty in data/catalogue/norms.json
 * (see docs/legal-basis.md). Several are province-wide averages, not
 * per-commune caps; the rules use the per-commune ones below.
 */
import { staffingNormValues, type StaffingNorms } from '@canbo/model';
import { CATALOGUE } from './catalogue';

// The per-commune rule is in the model, so the web client computes it the same way.
export { communeNorm } from '@canbo/model';

export type { StaffingNorms };

/** The norms of the catalogue, without their sources. */
export const DEFAULT_NORMS: StaffingNorms = staffingNormValues(CATALOGUE.norms);
