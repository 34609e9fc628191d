/** Builders shared by the planning rules' tests (test/unit/planning/). */
import type { Cadre, Position } from '@canbo/model';
import { POSITION_BY_ID } from '../../functions/src/domain/positions';

/** A post of the catalogue, by id (the tests name only posts that exist). */
export const catalogPost = (id: string): Position => POSITION_BY_ID.get(id)!;

/** A person's planning entry, added on 1 March 2026. */
export const planningEntry = (
  positionId: string,
  term = '2026-2031',
  unitCode = '18073',
): Cadre['planning'][number] => ({ positionId, unitCode, term, addedOn: '2026-03-01' });
