/**
 * The parts of the checks' context that a rule decides rather than a read:
 * which staff lists are worth counting, and which staffing norm the sending
 * unit is held to. The server's loader (services/movements/context.ts) and
 * the seed (scripts/seed/movements.ts) both ask here, so the checks see the
 * same inputs whoever gathers them.
 */
import { type Block, type Cadre, communeOf, type Position } from '@canbo/model';
import { communeNorm, type StaffingNorms } from './norms';

/** The person's main post: the first one not held concurrently (kiêm nhiệm). */
export function mainPostOf(cadre: Pick<Cadre, 'posts'>): string | undefined {
  return cadre.posts.find((p) => !p.concurrent)?.positionId;
}

/** A staff list to count: the holders of `positionId` in `unitCode`. */
export interface HoldersQuery {
  unitCode: string;
  positionId: string;
}

/**
 * Which holders the checks use (docs/legal-basis.md): the holders of the
 * person's main post at home only when it is a key post (`sole_key_post_holder`
 * warns when the person is its only holder), and the holders of the target
 * post only when the post has a fixed number per unit (`post_standards`).
 * Other moves count nothing.
 */
export interface HoldersNeeded {
  home: HoldersQuery | null;
  target: HoldersQuery | null;
}

export function holdersNeeded(
  cadre: Pick<Cadre, 'posts' | 'homeUnitCode'>,
  toUnitCode: string,
  toPositionId: string | null,
  positions: ReadonlyMap<string, Position>,
): HoldersNeeded {
  const main = mainPostOf(cadre);
  const home = main !== undefined && positions.get(main)?.keyPost === true ? main : undefined;
  const target =
    toPositionId !== null && positions.get(toPositionId)?.holdersPerUnit != null ? toPositionId : undefined;
  return {
    home: home ? { unitCode: cadre.homeUnitCode, positionId: home } : null,
    target: target ? { unitCode: toUnitCode, positionId: target } : null,
  };
}

/**
 * What the checks read where nothing was counted: two holders at home (the
 * person is not the only one, so no warning) and none at the target.
 */
export const UNCOUNTED_HOLDERS = { home: 2, target: 0 } as const;

/**
 * The holder counts of the checks' context: `count` for each staff list
 * `needed` names (a number, or a promise of one for a reader), the uncounted
 * values elsewhere.
 */
export function countHolders<N>(
  needed: HoldersNeeded,
  count: (q: HoldersQuery) => N,
): { home: N | number; target: N | number } {
  return {
    home: needed.home ? count(needed.home) : UNCOUNTED_HOLDERS.home,
    target: needed.target ? count(needed.target) : UNCOUNTED_HOLDERS.target,
  };
}

/**
 * The norm the sending unit is held to (`sending_unit_norm`): the per-commune
 * norm of the block when the home unit is a commune; none otherwise (the
 * provincial norms are averages, not per-unit caps: domain/norms.ts).
 */
export function sendingNormFor(homeUnitCode: string, block: Block, norms: StaffingNorms): number | undefined {
  return communeOf(homeUnitCode) ? communeNorm(norms, block) : undefined;
}
