/**
 * Family relations read from either side (docs/legal-basis.md §8). A relation
 * is written on one person's record ("B is my parent-in-law"); the same tie
 * read from the other person is its inverse ("A is my child-in-law"). The
 * relatives rules hold whichever of the two moves and whichever record the
 * relation is written on, so the checks take relatives found in both
 * directions and turn each into the mover's point of view.
 */
import type { Cadre, CadrePrivate, Relation } from '@canbo/model';

/** How a relation reads from the other person. */
export const INVERSE_RELATION: Readonly<Record<Relation, Relation>> = {
  spouse: 'spouse',
  parent: 'child',
  child: 'parent',
  parent_in_law: 'child_in_law',
  child_in_law: 'parent_in_law',
  sibling: 'sibling',
};

/**
 * A relative of the mover who is also in the system, with their posts.
 * - `recordedOn: 'mover'` (the default): the mover's own family list says the
 *   relative is their `relation`;
 * - `recordedOn: 'relative'`: the relative's family list names the mover
 *   (`family[].cadreId` = the mover's id) as their `relation`.
 */
export interface RelativeInSystem {
  relation: Relation | string;
  cadre: Pick<Cadre, 'id' | 'fullName' | 'posts'>;
  recordedOn?: 'mover' | 'relative';
}

/** A relative as the mover sees them: `relation` is what the relative is to the mover. */
export interface MoverRelative {
  relation: Relation | string;
  cadre: Pick<Cadre, 'id' | 'fullName' | 'posts'>;
}

function isRelation(r: string): r is Relation {
  return r in INVERSE_RELATION;
}

/**
 * Every relative once, from the mover's point of view: relations written on
 * the relative's record are inverted; a relative found from both sides is
 * kept once (the mover's own record wins).
 */
export function moverRelatives(relatives: readonly RelativeInSystem[], moverId?: string): MoverRelative[] {
  const byId = new Map<string, MoverRelative>();
  const ordered = [...relatives].sort(
    (a, b) => Number((a.recordedOn ?? 'mover') !== 'mover') - Number((b.recordedOn ?? 'mover') !== 'mover'),
  );
  for (const r of ordered) {
    if (r.cadre.id === moverId || byId.has(r.cadre.id)) continue;
    const relation =
      (r.recordedOn ?? 'mover') === 'relative' && isRelation(r.relation)
        ? INVERSE_RELATION[r.relation]
        : r.relation;
    byId.set(r.cadre.id, { relation, cadre: r.cadre });
  }
  return [...byId.values()];
}

type Family = CadrePrivate['family'];
type RelativeCadre = Pick<Cadre, 'id' | 'fullName' | 'posts'>;

/** The ids of the relatives in the system, for the profile's `familyCadreIds` (sorted, once each). */
export function familyCadreIds(family: Family): string[] {
  return [...new Set(family.flatMap((f) => (f.cadreId ? [f.cadreId] : [])))].sort();
}

/**
 * The checks' `relatives` input from the records a loader reads:
 * - `ownFamily`: the mover's family list; its entries with a `cadreId` found in
 *   `cadres` are recorded on the mover's side;
 * - `namingMover`: every other person whose profile names the mover (found by
 *   `familyCadreIds array-contains moverId`), with that person's family list;
 *   each entry naming the mover is recorded on the relative's side.
 */
export function relativesInSystem(
  moverId: string,
  ownFamily: Family,
  cadres: ReadonlyMap<string, RelativeCadre>,
  namingMover: readonly { cadre: RelativeCadre; family: Family }[],
): RelativeInSystem[] {
  const own = ownFamily.flatMap((f) => {
    const cadre = f.cadreId ? cadres.get(f.cadreId) : undefined;
    return cadre ? [{ relation: f.relation, cadre, recordedOn: 'mover' as const }] : [];
  });
  const theirs = namingMover.flatMap(({ cadre, family }) =>
    family
      .filter((f) => f.cadreId === moverId)
      .map((f) => ({ relation: f.relation, cadre, recordedOn: 'relative' as const })),
  );
  return [...own, ...theirs];
}
