/**
 * The annual review of planning (QĐ 377: planning is "dynamic and open"; those
 * rated as not completing their tasks, disciplined, past the age or no longer
 * meeting the standards are taken off at the yearly review; docs/legal-basis.md
 * §15). The review only flags: removal is the province's decision, taken
 * through removeFromPlanning with its reason and audited.
 */
import {
  type Cadre,
  type CadrePrivate,
  EDUCATION_ORDER,
  type Evaluation,
  effectiveLevel,
  message,
  type PlanningFlag,
  type PlanningFlagCode,
  POLITICAL_THEORY_ORDER,
  type Position,
  type Bilingual,
} from '@canbo/model';
import { retirementDate } from '../dates';
import {
  barringDisciplines,
  DEFAULT_PLANNING_PARAMS,
  disciplineNames,
  serviceNeededUntil,
  type PlanningParams,
} from './rules';

const flag = (code: PlanningFlagCode, text: Bilingual): PlanningFlag => ({ code, vi: text.vi, en: text.en });

/**
 * KHT in the year: the yearly result when there is one; otherwise each
 * quarter of the year rated KHT (the yearly rating is the average of the
 * periods, so a KHT quarter is a reason to look, not a verdict).
 */
export function khtPeriods(
  evaluations: readonly Pick<Evaluation, 'period' | 'level' | 'review'>[],
  year: number,
): string[] {
  const yearly = evaluations.find((e) => e.period === String(year));
  if (yearly) return effectiveLevel(yearly) === 'KHT' ? [yearly.period] : [];
  return evaluations
    .filter((e) => e.period.startsWith(`${year}-Q`) && effectiveLevel(e) === 'KHT')
    .map((e) => e.period)
    .sort();
}

/** The standards of the planned post the person no longer meets (experience only grows, so it is not reviewed). */
export function standardsGaps(
  cadre: Pick<Cadre, 'education' | 'politicalTheory' | 'partyMember'>,
  position: Pick<Position, 'standards'>,
): Bilingual[] {
  const s = position.standards;
  const gaps: Bilingual[] = [];
  if (EDUCATION_ORDER.indexOf(cadre.education.level) < EDUCATION_ORDER.indexOf(s.minEducation))
    gaps.push(message('planning.gap.education'));
  if (
    POLITICAL_THEORY_ORDER.indexOf(cadre.politicalTheory) <
    POLITICAL_THEORY_ORDER.indexOf(s.minPoliticalTheory)
  )
    gaps.push(message('planning.gap.political_theory'));
  if (s.partyMemberRequired && !cadre.partyMember) gaps.push(message('planning.gap.party_member'));
  return gaps;
}

export interface ReviewInput {
  cadre: Pick<Cadre, 'status' | 'birthDate' | 'gender' | 'education' | 'politicalTheory' | 'partyMember'>;
  discipline: readonly Pick<CadrePrivate['discipline'][number], 'level' | 'decidedOn'>[];
  /** The person's results of the year: the yearly one and/or the quarters. */
  evaluations: readonly Pick<Evaluation, 'period' | 'level' | 'review'>[];
  year: number;
  term: string;
  position: Position;
  /** The review's date (today in Vietnam). */
  on: string;
  params?: PlanningParams;
}

/** What the review finds about one person on one list, in a stable order. */
export function reviewFlags(input: ReviewInput): PlanningFlag[] {
  const params = input.params ?? DEFAULT_PLANNING_PARAMS;
  const flags: PlanningFlag[] = [];
  const { cadre } = input;
  if (cadre.status === 'retired' || cadre.status === 'left')
    flags.push(flag('left_service', message('planning.flag.left_service', { status: cadre.status })));
  const kht = khtPeriods(input.evaluations, input.year);
  if (kht.length > 0)
    flags.push(flag('kht', message('planning.flag.kht', { year: input.year, periods: kht.join(', ') })));
  const [bar] = barringDisciplines(input.discipline, input.on, params);
  if (bar)
    flags.push(
      flag(
        'discipline',
        message('planning.flag.discipline', { ...disciplineNames(bar.level), decidedOn: bar.decidedOn }),
      ),
    );
  const retires = retirementDate(cadre.birthDate, cadre.gender);
  const end = serviceNeededUntil(input.term, params);
  if (retires < end) flags.push(flag('over_age', message('planning.flag.over_age', { retires, end })));
  const gaps = standardsGaps(cadre, input.position);
  if (gaps.length > 0)
    flags.push(
      flag(
        'standards',
        message('planning.flag.standards', {
          post: input.position.name,
          postEn: input.position.nameEn,
          gaps: gaps.map((g) => g.vi).join(', '),
          gapsEn: gaps.map((g) => g.en).join(', '),
        }),
      ),
    );
  return flags;
}
