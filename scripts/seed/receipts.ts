/**
 * receipts/{receiptNo}, ratings/{receiptNo} and ratingComments/{receiptNo}:
 * the dossiers received at each commune's one-stop desk over the last six
 * months (procedures of data/catalogue/procedures.json, handled by the desk's
 * officers), and the citizens' ratings of about two in three of those
 * returned, each within the rating window after the return, as submitRating
 * would have stored them (period, client rank, comments apart). Pure and
 * deterministic, like every generator of the seed.
 */
import { DEFAULT_CRITERIA, type Cadre, type Rating, type RatingComment, type Receipt } from '@canbo/model';
import { PROCEDURES } from '../../functions/src/domain/catalogue';
import { addDays } from '../../functions/src/domain/dates';
import { periodOf } from '../../functions/src/domain/satisfaction';
import type { SeedContext } from './context';

/** Posts that receive dossiers at the public administrative service centre. */
const DESK_POSTS = ['xa_tiep_nhan_tthc', 'xa_giam_doc_ttpvhcc'];

export interface GeneratedRatings {
  receipts: Receipt[];
  ratings: Rating[];
  comments: RatingComment[];
}

const COMMENTS = [
  'Phải đi lại nhiều lần mới được hướng dẫn đủ giấy tờ.',
  'Trả kết quả chậm so với giấy hẹn.',
  'Cán bộ nhiệt tình, hướng dẫn chu đáo.',
];

export function generateReceiptsAndRatings(ctx: SeedContext, cadres: readonly Cadre[]): GeneratedRatings {
  const { rng, options } = ctx;
  const desks = new Map<string, Cadre[]>();
  for (const c of cadres) {
    if (c.communeCode && c.status === 'active' && DESK_POSTS.includes(c.posts[0]!.positionId)) {
      desks.set(c.communeCode, [...(desks.get(c.communeCode) ?? []), c]);
    }
  }
  const out: GeneratedRatings = { receipts: [], ratings: [], comments: [] };
  for (const commune of ctx.communes) {
    const n = ctx.scaled(rng.int(38, 80));
    for (let i = 0; i < n; i++) {
      const receivedOn = addDays(options.asOf, -rng.int(3, 185));
      const dueOn = addDays(receivedOn, rng.int(1, 15));
      // Most are returned on time, some late, a few (recent ones) not yet.
      const returnedOn = rng.chance(0.9)
        ? addDays(
            dueOn,
            rng.weighted([
              [0, 70],
              [-1, 15],
              [2, 10],
              [7, 5],
            ] as const),
          )
        : null;
      const staff = desks.get(commune.code);
      const procedure = rng.pick(PROCEDURES);
      const receipt: Receipt = {
        id: `${commune.code}-${receivedOn.replace(/-/g, '')}-${String(i + 1).padStart(4, '0')}`,
        provinceCode: options.provinceCode,
        communeCode: commune.code,
        unitCode: commune.code,
        procedureId: procedure.id,
        cadreId: staff ? rng.pick(staff).id : null,
        receivedOn,
        dueOn,
        returnedOn: returnedOn && returnedOn <= options.asOf ? returnedOn : null,
        source: 'integration',
        registeredBy: 'seed',
        registeredAt: `${receivedOn}T02:00:00.000Z`,
        updatedAt: `${receivedOn}T02:00:00.000Z`,
      };
      out.receipts.push(receipt);
      if (!receipt.returnedOn || !rng.chance(0.66)) continue;
      const submittedOn = addDays(receipt.returnedOn, rng.int(0, 6));
      if (submittedOn > options.asOf) continue;
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
      const criteria: Rating['criteria'] = { overall: base };
      for (const id of DEFAULT_CRITERIA) if (id !== 'overall') criteria[id] = near();
      const submittedAt = `${submittedOn}T0${rng.int(1, 9)}:${String(rng.int(0, 59)).padStart(2, '0')}:00.000Z`;
      const comment = base <= 2 || rng.chance(0.05) ? rng.pick(COMMENTS) : null;
      out.ratings.push({
        id: receipt.id,
        provinceCode: receipt.provinceCode,
        communeCode: receipt.communeCode,
        unitCode: receipt.unitCode,
        cadreId: receipt.cadreId,
        // The procedure's name, as the rating portal records it; its catalogue id is the stable key.
        procedure: procedure.name,
        procedureId: procedure.id,
        receivedOn,
        returnedOn: receipt.returnedOn,
        criteria,
        trips: rng.weighted([
          [0, 70],
          [1, 22],
          [2, 8],
        ] as const),
        hasComment: comment !== null,
        submittedAt,
        period: periodOf({ submittedAt }),
        clientSeq: 1,
      });
      if (comment)
        out.comments.push({
          id: receipt.id,
          provinceCode: receipt.provinceCode,
          communeCode: receipt.communeCode,
          unitCode: receipt.unitCode,
          cadreId: receipt.cadreId,
          comment,
          submittedAt,
        });
    }
  }
  addStuffingEpisode(ctx, desks, cadres, out);
  return out;
}

/**
 * One episode for the review page (docs/satisfaction.md, "Review of flagged
 * ratings"): in the first commune with a desk (at a small scale, with
 * anyone active), six ratings of 5 for one officer within 25 minutes from one
 * address, ten days before the seed's date — a `burst`, the sixth also
 * `many_from_client`. Made without the rng, so every other generated record
 * stays as it was.
 */
function addStuffingEpisode(
  ctx: SeedContext,
  desks: Map<string, Cadre[]>,
  cadres: readonly Cadre[],
  out: GeneratedRatings,
): void {
  const commune = ctx.communes.find((c) => desks.has(c.code));
  const officer = commune
    ? desks.get(commune.code)![0]
    : cadres.find((c) => c.status === 'active' && ctx.communes.some((m) => m.code === c.communeCode));
  if (!officer?.communeCode) return;
  const code = officer.communeCode;
  const day = addDays(ctx.options.asOf, -10);
  for (let i = 0; i < 6; i++) {
    const receipt: Receipt = {
      id: `${code}-${day.replace(/-/g, '')}-K${i + 1}`,
      provinceCode: ctx.options.provinceCode,
      communeCode: code,
      unitCode: code,
      procedureId: PROCEDURES[0]!.id,
      cadreId: officer.id,
      receivedOn: addDays(day, -4),
      dueOn: addDays(day, -2),
      returnedOn: addDays(day, -1),
      source: 'integration',
      registeredBy: 'seed',
      registeredAt: `${addDays(day, -4)}T02:00:00.000Z`,
      updatedAt: `${addDays(day, -4)}T02:00:00.000Z`,
    };
    const submittedAt = `${day}T02:${String(i * 5).padStart(2, '0')}:00.000Z`;
    out.receipts.push(receipt);
    out.ratings.push({
      id: receipt.id,
      provinceCode: receipt.provinceCode,
      communeCode: receipt.communeCode,
      unitCode: receipt.unitCode,
      cadreId: officer.id,
      procedure: PROCEDURES[0]!.name,
      procedureId: PROCEDURES[0]!.id,
      receivedOn: receipt.receivedOn,
      returnedOn: receipt.returnedOn,
      criteria: { overall: 5, attitude: 5, timeliness: 5, guidance: 5 },
      trips: 0,
      hasComment: false,
      submittedAt,
      period: periodOf({ submittedAt }),
      clientSeq: i + 1,
    });
  }
}
