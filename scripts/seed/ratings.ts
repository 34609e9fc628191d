/**
 * ratings/{receiptNo}: citizen ratings of the one-stop desks over the last
 * six months, one per dossier receipt, for procedures of the catalogue
 * (data/catalogue/procedures.json).
 */
import { PROCEDURES } from '../../functions/src/domain/catalogue';
import { addDays } from '../../functions/src/domain/dates';
import type { Cadre, Rating } from '@canbo/model';
import type { SeedContext } from './context';

/** Posts that receive dossiers at the public administrative service centre. */
const DESK_POSTS = ['xa_tiep_nhan_tthc', 'xa_giam_doc_ttpvhcc'];

export function generateRatings(ctx: SeedContext, cadres: readonly Cadre[]): Rating[] {
  const { rng, options } = ctx;
  const desks = new Map<string, Cadre[]>();
  for (const c of cadres) {
    if (c.communeCode && c.status === 'active' && DESK_POSTS.includes(c.posts[0]!.positionId)) {
      desks.set(c.communeCode, [...(desks.get(c.communeCode) ?? []), c]);
    }
  }
  const out: Rating[] = [];
  for (const commune of ctx.communes) {
    const n = ctx.scaled(rng.int(25, 55));
    for (let i = 0; i < n; i++) {
      const receivedOn = addDays(options.asOf, -rng.int(1, 180));
      const base = rng.weighted([
        [5, 45],
        [4, 35],
        [3, 12],
        [2, 5],
        [1, 3],
      ] as const);
      const near = () =>
        Math.min(
          5,
          Math.max(
            1,
            base +
              rng.weighted([
                [0, 6],
                [-1, 2],
                [1, 1],
              ] as const),
          ),
        );
      const staff = desks.get(commune.code);
      out.push({
        id: `${commune.code}-${receivedOn.replace(/-/g, '')}-${String(i + 1).padStart(4, '0')}`,
        provinceCode: options.provinceCode,
        communeCode: commune.code,
        unitCode: commune.code,
        cadreId: staff ? rng.pick(staff).id : null,
        // The procedure's name, as the rating portal records it; its catalogue id is the stable key.
        procedure: rng.pick(PROCEDURES).name,
        receivedOn,
        criteria: { overall: base, attitude: near(), timeliness: near(), guidance: near() },
        trips: rng.weighted([
          [0, 70],
          [1, 22],
          [2, 8],
        ] as const),
        comment: base <= 2 ? 'Phải đi lại nhiều lần.' : null,
        submittedAt: `${addDays(receivedOn, rng.int(0, 5))}T03:00:00.000Z`,
      });
    }
  }
  return out;
}
