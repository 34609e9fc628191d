/**
 * The structure of planning against its targets (QĐ 377: three age bands,
 * young cadres, women, ethnic minorities, "appropriate to each area";
 * docs/legal-basis.md §15): for a unit or the whole province and a term,
 * how many distinct people are planned and each figure's share against the
 * target of data/catalogue/planning-targets.json.
 */
import {
  type Bilingual,
  message,
  type PlanningList,
  type PlanningStructure,
  type PlanningTargetsCatalogue,
  type StructureFigure,
  termDates,
} from '@canbo/model';
import { yearsBetween } from '../dates';

type Person = PlanningList['entries'][number];

/** The distinct people of some lists (someone on two lists counts once). */
export function distinctPeople(lists: readonly Pick<PlanningList, 'entries'>[]): Person[] {
  const byId = new Map<string, Person>();
  for (const l of lists) for (const e of l.entries) if (!byId.has(e.cadreId)) byId.set(e.cadreId, e);
  return [...byId.values()];
}

function figure(
  id: string,
  label: Bilingual,
  count: number,
  people: number,
  target: { minShare: number; certainty: StructureFigure['certainty'] },
): StructureFigure {
  const share = people === 0 ? 0 : count / people;
  return {
    id,
    vi: label.vi,
    en: label.en,
    count,
    share,
    minShare: target.minShare,
    met: people > 0 && share >= target.minShare,
    certainty: target.certainty,
  };
}

/**
 * The structure of `lists` (already of one term and one unit, or of the
 * province) against `targets`. Ages are whole years at the term's start.
 * Figures, in order: the three age bands (by their ids), `young`, `women`,
 * `ethnicMinority`. A target is met when the share reaches it; with nobody
 * planned, nothing is met.
 */
export function planningStructure(
  lists: readonly Pick<PlanningList, 'entries'>[],
  targets: PlanningTargetsCatalogue,
  term: PlanningStructure['term'],
  unitCode: string,
): PlanningStructure {
  const people = distinctPeople(lists);
  const start = termDates(term).start;
  const ages = people.map((p) => yearsBetween(p.birthDate, start));
  const n = people.length;
  const bandCertainty = targets.ageBands.certainty;
  const figures: StructureFigure[] = targets.ageBands.bands.map((b) =>
    figure(
      b.id,
      b,
      ages.filter((a) => (b.minAge === null || a >= b.minAge) && (b.maxAge === null || a <= b.maxAge)).length,
      n,
      { minShare: b.minShare, certainty: bandCertainty },
    ),
  );
  figures.push(
    figure(
      'young',
      message('planning.figure.young'),
      ages.filter((a) => a < targets.young.underAge).length,
      n,
      targets.young,
    ),
    figure(
      'women',
      message('planning.figure.women'),
      people.filter((p) => p.gender === 'female').length,
      n,
      targets.women,
    ),
    figure(
      'ethnicMinority',
      message('planning.figure.ethnicMinority'),
      people.filter((p) => p.ethnicMinority).length,
      n,
      targets.ethnicMinority,
    ),
  );
  return { unitCode, term, people: n, figures };
}
