/**
 * The position catalogue for the two-tier model (vị trí việc làm, chức danh):
 * the commune's Party, People's Council (HĐND) and People's Committee (UBND)
 * leadership, its divisions and public administrative service centre
 * (TTPVHCC), its specialist posts, the commune military command, and the main
 * provincial posts, with their standards, policy flags and rank on the scale
 * of equivalent posts. The data is data/catalogue/positions.json (its README
 * explains each flag); the rules behind the flags are in docs/legal-basis.md.
 */
import type { Position } from '@canbo/model';
import { CATALOGUE_POSITIONS } from './catalogue';

/** Every position of the catalogue, in catalogue order. */
export const POSITIONS: readonly Position[] = CATALOGUE_POSITIONS;

/** Positions by id. */
export const POSITION_BY_ID: ReadonlyMap<string, Position> = new Map(POSITIONS.map((p) => [p.id, p]));
