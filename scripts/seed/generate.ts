/**
 * Generates a realistic, deterministic province for demos and benchmarks:
 * quotas per commune and block near the norms (some over, some short), about
 * 75 people per commune across blocks, an age pyramid from 23 to 60, shares of
 * women and ethnic minorities that depend on post and region, qualifications,
 * hometowns, party membership, current and concurrent posts with some key
 * posts vacant, planning lists, movements in every state, two past quarters of
 * evaluation inputs, and citizen ratings. Pure: the same inputs give the same
 * documents, and every document is validated against its schema.
 *
 * One generator per collection (people.ts, quotas.ts, movements.ts,
 * evaluations.ts, receipts.ts) over the catalogue (data/catalogue) and the
 * seed's own tables (tables.ts). Movements are replayed through the domain's
 * lifecycle, so quota counts and people's states are ones the system reaches.
 */
import { POSITIONS } from '../../functions/src/domain/positions';
import { PROCEDURES } from '../../functions/src/domain/catalogue';
import {
  Cadre,
  CadrePrivate,
  Evaluation,
  EvaluationInput,
  Job,
  Movement,
  type Position,
  type Procedure,
  Quota,
  Rating,
  RatingComment,
  Receipt,
  Unit,
} from '@canbo/model';
import { type GenerateOptions, seedContext } from './context';
import { generateEvaluations } from './evaluations';
import { generateMovements } from './movements';
import { generatePeople } from './people';
import { fillFromStaff, type QuotaDoc } from './quotas';
import { generateReceiptsAndRatings } from './receipts';

export type { GenerateOptions } from './context';
export { estimateCommune } from './estimate';

/** Every document of the demo province, by collection. */
export interface GeneratedProvince {
  /** The position catalogue, written to `positions/` as it is. */
  positions: readonly Position[];
  /** The administrative procedures of the catalogue (ratings name them). */
  procedures: readonly Procedure[];
  agencies: Unit[];
  quotas: QuotaDoc[];
  cadres: Cadre[];
  privates: Map<string, CadrePrivate>;
  movements: Movement[];
  /** Evaluation inputs of the two past quarters, and the older quarter's results. */
  evaluationInputs: EvaluationInput[];
  evaluations: Evaluation[];
  /** The run document of each seeded quarter (jobs/evaluation_<period>_<province>). */
  evaluationRuns: Job[];
  /** Dossier receipts of the one-stop desks, the anchors of the ratings (issue 11). */
  receipts: Receipt[];
  ratings: Rating[];
  /** Citizens' comments, apart from the ratings (read by the province and the commune's leadership). */
  ratingComments: RatingComment[];
}

/** Generates the demo province. `units` are the official units (all provinces). */
export function generateProvince(units: Unit[], options: GenerateOptions): GeneratedProvince {
  const ctx = seedContext(units, options);
  const { agencies, quotas, cadres, privates } = generatePeople(ctx);
  fillFromStaff(quotas, cadres);
  const movements = generateMovements(ctx, cadres, quotas, privates);
  const evaluations = generateEvaluations(ctx, cadres, privates);
  const { receipts, ratings, comments } = generateReceiptsAndRatings(ctx, cadres);
  return {
    positions: POSITIONS,
    procedures: PROCEDURES,
    agencies: agencies.map((a) => Unit.parse(a)),
    quotas: quotas.map((q) => ({ ...Quota.parse(q), id: q.id })),
    cadres: cadres.map((c) => Cadre.parse(c)),
    privates: new Map([...privates].map(([id, v]) => [id, CadrePrivate.parse(v)])),
    movements: movements.map((m) => Movement.parse(m)),
    evaluationInputs: evaluations.inputs.map((e) => EvaluationInput.parse(e)),
    evaluations: evaluations.results.map((e) => Evaluation.parse(e)),
    evaluationRuns: evaluations.runs.map((j) => Job.parse(j)),
    receipts: receipts.map((r) => Receipt.parse(r)),
    ratings: ratings.map((r) => Rating.parse(r)),
    ratingComments: comments.map((c) => RatingComment.parse(c)),
  };
}
