/**
 * The position catalogue for the two-tier model (vị trí việc làm, chức danh):
 * the commune's Party, People's Council (HĐND) and People's Committee (UBND)
 * leadership, its divisions and public administrative service centre
 * (TTPVHCC), its specialist posts, the commune military command, and the main
 * provincial posts, with their standards, policy flags and rank on the scale
 * of equivalent posts. The data is data/catalogue/positions.json (its README
 * explains each flag); the rules behind the flags are in docs/legal-basis.md.
 */
import { communeOf, type Position } from '@canbo/model';
import { CATALOGUE_POSITIONS } from './catalogue';

/** Every position of the catalogue, in catalogue order. */
export const POSITIONS: readonly Position[] = CATALOGUE_POSITIONS;

/** Positions by id. */
export const POSITION_BY_ID: ReadonlyMap<string, Position> = new Map(POSITIONS.map((p) => [p.id, p]));

/**
 * Why a post cannot be asked for in a unit, or null when it can: it must be a
 * post of the catalogue (the standards, relatives and vacancy checks read it,
 * so an unknown id would pass them unread), and of the unit's level (a
 * commune post in a commune or one of its agencies, a provincial post in the
 * province or one of its agencies).
 */
export function targetPostProblem(positionId: string, unitCode: string): 'unknown' | 'level' | null {
  const position = POSITION_BY_ID.get(positionId);
  if (!position) return 'unknown';
  const unitLevel = communeOf(unitCode) === null ? 'province' : 'commune';
  return position.level === unitLevel ? null : 'level';
}
