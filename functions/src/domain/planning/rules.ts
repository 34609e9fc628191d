/**
 * The rules of Regulation 377-QĐ/TW an addition to a planning list must meet
 * (docs/legal-basis.md §15), each a pure function that reports its outcome
 * with the rule's basis and a message in Vietnamese and English from the
 * catalogue. None is overridable: a list that breaks them is not a planning
 * list under the regulation.
 */
import {
  type Bilingual,
  type Cadre,
  type CadrePrivate,
  message,
  type PlanningList,
  type PlanningRuleCode,
  type PlanningRuleResult,
  type Position,
  termDates,
} from '@canbo/model';
import { addMonths, retirementDate } from '../dates';

type Discipline = CadrePrivate['discipline'][number];

/** The regulation's figures (docs/legal-basis.md §15, each with how sure it is). */
export interface PlanningParams {
  /** At most this many people planned for one post (QĐ 377) [C]. */
  perPostMax: number;
  /** At most this many posts of the same level per person and term (QĐ 377) [C]. */
  perPersonMax: number;
  /** Full terms the person must be able to serve before retirement age (QĐ 50, replaced; QĐ 377 [P]). */
  fullTerms: number;
  /** Months after a discipline before the person may be planned again (QĐ 377) [C]. */
  waitingMonths: { reprimand: number; warning: number; removal: number };
}

export const DEFAULT_PLANNING_PARAMS: PlanningParams = {
  perPostMax: 3,
  perPersonMax: 3,
  fullTerms: 1,
  waitingMonths: { reprimand: 24, warning: 36, removal: 60 },
};

/** A rule's result: the basis from the catalogue, never overridable. */
export function planningResult(
  code: PlanningRuleCode,
  outcome: PlanningRuleResult['outcome'],
  text: Bilingual,
): PlanningRuleResult {
  const basis = message(`planning.basis.${code}`);
  return {
    code,
    outcome,
    overridable: false,
    basis: basis.vi,
    basisEn: basis.en,
    message: text.vi,
    messageEn: text.en,
  };
}

/** Only a person in service is planned. */
export function checkCadreStatus(status: Cadre['status']): PlanningRuleResult {
  return status === 'retired' || status === 'left'
    ? planningResult('cadre_status', 'fail', message('planning.rule.cadre_status.fail', { status }))
    : planningResult('cadre_status', 'pass', message('planning.rule.cadre_status.pass'));
}

/** A person appears once on a list. */
export function checkAlreadyPlanned(list: Pick<PlanningList, 'cadreIds'> | undefined, cadreId: string) {
  return list?.cadreIds.includes(cadreId)
    ? planningResult('already_planned', 'fail', message('planning.rule.already_planned.fail'))
    : planningResult('already_planned', 'pass', message('planning.rule.already_planned.pass'));
}

/**
 * The highest rank among the posts the person holds (main or concurrent), 0
 * when none is known: planning is for a post above it.
 */
export function highestHeldRank(
  posts: Cadre['posts'],
  positions: ReadonlyMap<string, Pick<Position, 'rank'>>,
): number {
  return Math.max(0, ...posts.map((p) => positions.get(p.positionId)?.rank ?? 0));
}

/** Plan only for a higher post: the planned post's rank is above every post held (QĐ 377). */
export function checkHigherPost(currentRank: number, target: Pick<Position, 'rank'>): PlanningRuleResult {
  const params = { current: currentRank, target: target.rank };
  return target.rank > currentRank
    ? planningResult('higher_post', 'pass', message('planning.rule.higher_post.pass', params))
    : planningResult('higher_post', 'fail', message('planning.rule.higher_post.fail', params));
}

/** At most `perPostMax` people on one post's list (QĐ 377). */
export function checkPerPostCap(
  list: Pick<PlanningList, 'cadreIds'> | undefined,
  params: PlanningParams = DEFAULT_PLANNING_PARAMS,
): PlanningRuleResult {
  const count = list?.cadreIds.length ?? 0;
  const max = params.perPostMax;
  return count >= max
    ? planningResult('per_post_cap', 'fail', message('planning.rule.per_post_cap.fail', { max }))
    : planningResult('per_post_cap', 'pass', message('planning.rule.per_post_cap.pass', { count, max }));
}

/**
 * At most `perPersonMax` posts of the same level per person and term (QĐ
 * 377): counted from the person's own entries, which the planning use cases
 * keep in step with the lists. An entry for the same post and unit is the
 * list being added to and is not counted.
 */
export function checkPerPersonCap(
  planning: Cadre['planning'],
  target: { term: string; unitCode: string; position: Pick<Position, 'id' | 'level'> },
  positions: ReadonlyMap<string, Pick<Position, 'level'>>,
  params: PlanningParams = DEFAULT_PLANNING_PARAMS,
): PlanningRuleResult {
  const level = target.position.level;
  const count = planning.filter(
    (e) =>
      e.term === target.term &&
      positions.get(e.positionId)?.level === level &&
      !(e.positionId === target.position.id && e.unitCode === target.unitCode),
  ).length;
  const max = params.perPersonMax;
  const levelName = message(`planning.level.${level}`);
  const names = { levelVi: levelName.vi, level: levelName.en, max, term: target.term };
  return count >= max
    ? planningResult('per_person_cap', 'fail', message('planning.rule.per_person_cap.fail', names))
    : planningResult(
        'per_person_cap',
        'pass',
        message('planning.rule.per_person_cap.pass', { ...names, count }),
      );
}

/**
 * The date by which the person must still be in service: the end of the
 * planned term, plus a further five years per extra full term required.
 */
export function serviceNeededUntil(term: string, params: PlanningParams = DEFAULT_PLANNING_PARAMS): string {
  return addMonths(termDates(term).end, 60 * (params.fullTerms - 1));
}

/**
 * Age enough for the term (QĐ 377, as QĐ 50 put it: at least one full
 * term): the statutory retirement date (dates.ts) falls on or after the day
 * the required service ends.
 */
export function checkAge(
  person: Pick<Cadre, 'birthDate' | 'gender'>,
  term: string,
  params: PlanningParams = DEFAULT_PLANNING_PARAMS,
): PlanningRuleResult {
  const retires = retirementDate(person.birthDate, person.gender);
  const end = serviceNeededUntil(term, params);
  return retires >= end
    ? planningResult('age', 'pass', message('planning.rule.age.pass', { retires, end }))
    : planningResult('age', 'fail', message('planning.rule.age.fail', { retires, end }));
}

/**
 * When a discipline stops barring planning: 24 months after a reprimand, 36
 * after a warning, 60 after removal from post (QĐ 377); never after
 * dismissal (null).
 */
export function eligibleAfter(d: Pick<Discipline, 'level' | 'decidedOn'>, params = DEFAULT_PLANNING_PARAMS) {
  if (d.level === 'dismissal') return null;
  return addMonths(d.decidedOn, params.waitingMonths[d.level]);
}

/** The disciplines that still bar planning on `on`, latest eligibility first. */
export function barringDisciplines(
  discipline: readonly Pick<Discipline, 'level' | 'decidedOn'>[],
  on: string,
  params: PlanningParams = DEFAULT_PLANNING_PARAMS,
): { level: Discipline['level']; decidedOn: string; eligibleOn: string | null }[] {
  return discipline
    .filter((d) => d.decidedOn <= on)
    .map((d) => ({ level: d.level, decidedOn: d.decidedOn, eligibleOn: eligibleAfter(d, params) }))
    .filter((d) => d.eligibleOn === null || on < d.eligibleOn)
    .sort((a, b) =>
      a.eligibleOn === null ? -1 : b.eligibleOn === null ? 1 : b.eligibleOn.localeCompare(a.eligibleOn),
    );
}

/** The discipline waiting periods (QĐ 377): none still running on `on`. */
export function checkDiscipline(
  discipline: readonly Pick<Discipline, 'level' | 'decidedOn'>[],
  on: string,
  params: PlanningParams = DEFAULT_PLANNING_PARAMS,
): PlanningRuleResult {
  const [bar] = barringDisciplines(discipline, on, params);
  if (!bar) return planningResult('discipline', 'pass', message('planning.rule.discipline.pass'));
  if (bar.eligibleOn === null)
    return planningResult(
      'discipline',
      'fail',
      message('planning.rule.discipline.dismissed', { decidedOn: bar.decidedOn }),
    );
  return planningResult(
    'discipline',
    'fail',
    message('planning.rule.discipline.fail', {
      ...disciplineNames(bar.level),
      decidedOn: bar.decidedOn,
      eligibleOn: bar.eligibleOn,
    }),
  );
}

/** A discipline form's name for messages whose text names it per language ({levelVi} / {level}). */
export function disciplineNames(level: Discipline['level']): { levelVi: string; level: string } {
  const name = message(`planning.discipline.${level}`);
  return { levelVi: name.vi, level: name.en };
}

/** An open movement that proposes the person for a post (read from the movement documents). */
export interface PendingAppointment {
  id: string;
  status: string;
  toUnitCode: string;
  toPositionId: string | null;
}

/**
 * Planning is not done at the same time as proposing an appointment to that
 * post (QĐ 377): a proposed or approved appointment of the person to the same
 * post in the same unit refuses the addition.
 */
export function checkAppointmentPending(
  pending: readonly PendingAppointment[],
  unitCode: string,
  positionId: string,
): PlanningRuleResult {
  const same = pending.find(
    (m) =>
      (m.status === 'proposed' || m.status === 'approved') &&
      m.toUnitCode === unitCode &&
      m.toPositionId === positionId,
  );
  return same
    ? planningResult(
        'appointment_pending',
        'fail',
        message('planning.rule.appointment_pending.fail', { id: same.id }),
      )
    : planningResult('appointment_pending', 'pass', message('planning.rule.appointment_pending.pass'));
}

/** Everything an addition is checked against, gathered by the service. */
export interface AdditionContext {
  cadre: Pick<Cadre, 'id' | 'status' | 'posts' | 'planning' | 'birthDate' | 'gender'>;
  discipline: readonly Pick<Discipline, 'level' | 'decidedOn'>[];
  term: string;
  unitCode: string;
  position: Position;
  list: Pick<PlanningList, 'cadreIds'> | undefined;
  positions: ReadonlyMap<string, Position>;
  /** The person's open appointments (proposed or approved), with their target. */
  pendingAppointments: readonly PendingAppointment[];
  /** Today in Vietnam. */
  on: string;
  params?: PlanningParams;
}

/** Every rule, in a stable order. */
export function additionRules(ctx: AdditionContext): PlanningRuleResult[] {
  const params = ctx.params ?? DEFAULT_PLANNING_PARAMS;
  return [
    checkCadreStatus(ctx.cadre.status),
    checkAlreadyPlanned(ctx.list, ctx.cadre.id),
    checkHigherPost(highestHeldRank(ctx.cadre.posts, ctx.positions), ctx.position),
    checkPerPostCap(ctx.list, params),
    checkPerPersonCap(
      ctx.cadre.planning,
      { term: ctx.term, unitCode: ctx.unitCode, position: ctx.position },
      ctx.positions,
      params,
    ),
    checkAge(ctx.cadre, ctx.term, params),
    checkDiscipline(ctx.discipline, ctx.on, params),
    checkAppointmentPending(ctx.pendingAppointments, ctx.unitCode, ctx.position.id),
  ];
}

/** The rules that fail. */
export function failedRules(results: readonly PlanningRuleResult[]): PlanningRuleResult[] {
  return results.filter((r) => r.outcome === 'fail');
}
