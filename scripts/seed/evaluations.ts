/** evaluations/{period_cadre}: quarterly evaluation inputs of the two quarters before `asOf`. */
import { POSITION_BY_ID } from '../../functions/src/domain/positions';
import type { Cadre, CadrePrivate, Evaluation } from '@canbo/model';
import type { SeedContext } from './context';

/** The two quarters before the one `asOf` falls in, most recent first. */
function pastQuarters(asOf: string): string[] {
  let quarter = Math.floor((Number(asOf.slice(5, 7)) - 1) / 3) + 1;
  let year = Number(asOf.slice(0, 4));
  const periods: string[] = [];
  for (let i = 0; i < 2; i++) {
    quarter--;
    if (quarter === 0) {
      quarter = 4;
      year--;
    }
    periods.push(`${year}-Q${quarter}`);
  }
  return periods;
}

/** Inputs for everyone still working (after the movements), awaiting the scoring job. */
export function generateEvaluations(
  ctx: SeedContext,
  cadres: readonly Cadre[],
  privates: ReadonlyMap<string, CadrePrivate>,
): Evaluation[] {
  const { rng } = ctx;
  const out: Evaluation[] = [];
  for (const period of pastQuarters(ctx.options.asOf)) {
    for (const c of cadres) {
      if (c.status === 'retired' || c.status === 'left') continue;
      const position = POSITION_BY_ID.get(c.posts[0]!.positionId)!;
      const strong = rng.chance(0.2);
      const pct = () => Math.round(rng.normal(strong ? 96 : 85, strong ? 3 : 9, 30, 100));
      out.push({
        id: `${period}_${c.id}`,
        period,
        cadreId: c.id,
        provinceCode: c.provinceCode,
        communeCode: c.communeCode,
        unitCode: c.currentUnitCode,
        inputs: {
          general: Math.round(rng.normal(strong ? 28 : 25, 2, 10, 30)),
          tasks: { quantity: pct(), quality: pct(), progress: pct() },
          leader: position.leadership
            ? { unitResult: rng.chance(0.9) ? 100 : 50, organisation: pct() }
            : null,
          disciplined: (privates.get(c.id)?.discipline.length ?? 0) > 0 && rng.chance(0.3),
          selfAssessment: 'Hoàn thành các nhiệm vụ được giao trong quý.',
        },
        subScores: null,
        satisfaction: null,
        total: null,
        level: null,
        override: null,
        reviewedBy: null,
        status: 'input',
        jobRunId: null,
        updatedAt: ctx.now,
      });
    }
  }
  return out;
}
