/**
 * The checks run on every proposal and decision, as pure functions. Each
 * reports its outcome with the code, legal basis and overridability of
 * CHECK_RULES (@canbo/model, the one table) and a message in Vietnamese and
 * English from the catalogue. Legal prohibitions can never be overridden;
 * standards and policies can, by a province admin, with a recorded reason.
 * The rule behind each check is in docs/legal-basis.md.
 */
import {
  type Bilingual,
  type Cadre,
  type CadrePrivate,
  CHECK_RULES,
  type CheckCode,
  type CheckResult,
  type DurationException,
  EDUCATION_LABELS,
  EDUCATION_ORDER,
  fill,
  message,
  type MessageKey,
  MESSAGES,
  type MessageParams,
  type Movement,
  type MovementDraft,
  MOVEMENT_TYPE_LABELS,
  type MovementType,
  type OpenMovement,
  type PersonRequest,
  POLITICAL_THEORY_LABELS,
  POLITICAL_THEORY_ORDER,
  type Position,
  type Quota,
} from '@canbo/model';
import { mainPostOf } from './check-inputs';
import { addMonths, retirementDate, yearsBetween } from './dates';
import { quotaStatus, type QuotaCounts, type QuotaStatus } from './quota';
import { moverRelatives, type RelativeInSystem } from './relatives';

export type { RelativeInSystem } from './relatives';

/** What a proposal asks for. */
export interface MovementRequest {
  type: MovementType;
  toUnitCode: string;
  toProvinceCode: string;
  toPositionId: string | null;
  startDate: string;
  plannedEndDate: string | null;
  /**
   * The person's recorded request (docs/legal-basis.md §2). Read from the
   * movement at every check, so approval honours what the proposal recorded.
   */
  personRequest?: PersonRequest | null;
  /** @deprecated pass `personRequest`; `true` still counts as a request. */
  requestedByCadre?: boolean;
  /** A specialised law allows a secondment beyond the limit (docs/legal-basis.md §4). */
  durationException?: DurationException | null;
}

/** Everything the checks look at, gathered by the service. */
export interface CheckContext {
  request: MovementRequest;
  cadre: Cadre;
  profile: CadrePrivate;
  targetPosition: Position | undefined;
  /** Positions of the catalogue, to know which posts relatives hold. */
  positions: ReadonlyMap<string, Position>;
  /**
   * The cadre's other movements that are proposed, approved or active, as the
   * person's document keeps them (`Cadre.openMovements`).
   */
  openMovements: OpenMovement[];
  /**
   * Relatives in the system found from both sides: the mover's family list
   * (recordedOn 'mover') and every cadre whose family list names the mover
   * (recordedOn 'relative'); see ./relatives.ts.
   */
  relatives: RelativeInSystem[];
  /** Quota of the target unit for the cadre's block (undefined: none allocated). */
  targetQuota: QuotaCounts | undefined;
  /**
   * The year of `targetQuota`: the year the approval is recorded in, where its
   * incoming lands (docs/legal-basis.md §9). Default: the start date's year.
   */
  quotaYear?: number;
  /**
   * Set when the movement starts in a later year than `quotaYear`: the target
   * unit's quota document of that year, if any (undefined: not allocated).
   */
  quotaYearAhead?: { year: number; quota: Pick<Quota, 'status'> | undefined };
  /** Quota of the sending (home) unit and its norm for the block. */
  sendingQuota: QuotaCounts | undefined;
  sendingNorm: number | undefined;
  /** How many people hold the cadre's main post in the home unit (the cadre included). */
  holdersOfCadrePost: number;
  /** How many people hold the target post in the target unit now. */
  holdersOfTargetPost: number;
  /** Rule parameters (configurable: their sources are not all confirmed). */
  params: CheckParams;
}

export interface CheckParams {
  /** Years worked in a province from which a person counts as local (one province's rule: 20) [U]. */
  localAfterYears: number;
  /** Working years a rotation needs left: 10, or one term (5) for non-local rotations (QĐ 727/QĐ-BNV). */
  rotationYearsLeft: number;
  nonLocalRotationYearsLeft: number;
  /** Minimum rotation length in months (QĐ 65 Art. 8; NĐ 170 Art. 48). */
  rotationMonths: number;
  /** Maximum secondment length in months (NĐ 170 Art. 26). */
  secondmentMonths: number;
  /** Age of the youngest child below which a move is forbidden unless asked for (NĐ 170). */
  childMonths: number;
}

export const DEFAULT_CHECK_PARAMS: CheckParams = {
  localAfterYears: 20,
  rotationYearsLeft: 10,
  nonLocalRotationYearsLeft: 5,
  rotationMonths: 36,
  secondmentMonths: 36,
  childMonths: 36,
};

/** A check's result: code, basis and overridability from the one table, the text in both languages. */
export function checkResult(code: CheckCode, outcome: CheckResult['outcome'], text: Bilingual): CheckResult {
  const rule = CHECK_RULES[code];
  return {
    code,
    outcome,
    // A warning never blocks, so it is always overridable.
    overridable: outcome === 'warn' ? true : rule.overridable,
    basis: rule.basis.vi,
    basisEn: rule.basis.en,
    message: text.vi,
    messageEn: text.en,
  };
}

/** A catalogue text with different parameters per language (names and labels differ). */
function text(key: MessageKey, vi: MessageParams = {}, en: MessageParams = vi): Bilingual {
  return { vi: fill(MESSAGES[key].vi, vi), en: fill(MESSAGES[key].en, en) };
}

function joinBoth(parts: Bilingual[], sep = '; '): Bilingual {
  return { vi: parts.map((p) => p.vi).join(sep), en: parts.map((p) => p.en).join(sep) };
}

/** Moves that take the person away from the home unit. */
const LEAVES_HOME: MovementType[] = ['transfer', 'rotation', 'secondment', 'termination'];
/** Moves that take a post in the target unit's quota. */
export const TAKES_TARGET_QUOTA: MovementType[] = ['transfer', 'rotation', 'appointment'];

/** Whether the person counts as local to a province (docs/legal-basis.md §7). */
export function isLocal(cadre: Cadre, provinceCode: string, params: CheckParams): boolean {
  return (
    cadre.hometown.provinceCode === provinceCode ||
    (cadre.provinceCode === provinceCode && cadre.yearsInProvince >= params.localAfterYears)
  );
}

/** The person asked for the move: a recorded request, or the legacy flag. */
export function personRequested(request: MovementRequest): boolean {
  return Boolean(request.personRequest) || request.requestedByCadre === true;
}

/**
 * What the checks need from a stored movement. The request and the exception
 * come from the movement itself, so a decision re-checks what the proposal
 * recorded (docs/legal-basis.md §2).
 */
export function requestOf(m: Omit<MovementDraft, 'id'>, toProvinceCode: string): MovementRequest {
  return {
    type: m.type,
    toUnitCode: m.toUnitCode,
    toProvinceCode,
    toPositionId: m.toPositionId,
    startDate: m.startDate,
    plannedEndDate: m.plannedEndDate,
    personRequest: m.personRequest ?? null,
    durationException: m.durationException ?? null,
  };
}

function checkStatus(ctx: CheckContext): CheckResult {
  const { cadre } = ctx;
  if (cadre.status === 'retired' || cadre.status === 'left') {
    return checkResult('cadre_status', 'fail', message('check.cadre_status.gone', { status: cadre.status }));
  }
  // Away on secondment or rotation: that movement must be completed first,
  // a termination included (otherwise its reserved slot would stay counted).
  if (cadre.status === 'seconded_out') {
    return checkResult('cadre_status', 'fail', message('check.cadre_status.away'));
  }
  return checkResult('cadre_status', 'pass', message('check.cadre_status.pass'));
}

/** Whether the young-child protection applies: to a mother, or to a father in the recorded condition. */
function youngChildReason(ctx: CheckContext): Bilingual | undefined {
  const r = ctx.profile.restrictions;
  const limit = addMonths(ctx.request.startDate, -ctx.params.childMonths);
  if (!r.youngestChildBirthDate || r.youngestChildBirthDate <= limit) return undefined;
  const months = ctx.params.childMonths;
  if (ctx.cadre.gender === 'female') return message('reason.young_child', { months });
  if (!r.fatherCondition) return undefined;
  const condition = message(`reason.father.${r.fatherCondition}`);
  return text(
    'reason.young_child_father',
    { months, condition: condition.vi },
    { months, conditionEn: condition.en },
  );
}

/** The seven situations in which transfer and secondment are forbidden (docs/legal-basis.md §2). */
function checkProhibited(ctx: CheckContext): CheckResult {
  const r = ctx.profile.restrictions;
  const reasons: Bilingual[] = [];
  if (r.underDisciplineReview) reasons.push(message('reason.discipline_review'));
  if (r.underInvestigation) reasons.push(message('reason.investigation'));
  if (r.seriousIllness) reasons.push(message('reason.serious_illness'));
  if (r.longTermTraining) reasons.push(message('reason.long_term_training'));
  const activeSecondment = ctx.openMovements.some((m) => m.type === 'secondment' && m.status === 'active');
  if (activeSecondment) reasons.push(message('reason.seconded'));
  if (r.headRestriction) reasons.push(message('reason.head_decision', { ...r.headRestriction }));
  // Situations 5 and 6 are lifted when the person asked for the move.
  const liftable: Bilingual[] = [];
  if (r.pregnantOrMaternity) liftable.push(message('reason.pregnant'));
  const child = youngChildReason(ctx);
  if (child) liftable.push(child);
  if (r.specialHardship) liftable.push(message('reason.hardship'));
  const requested = personRequested(ctx.request);
  if (!requested) reasons.push(...liftable);
  if (reasons.length > 0) {
    const list = joinBoth(reasons);
    return checkResult(
      'prohibited_situations',
      'fail',
      text('check.prohibited_situations.fail', { reasons: list.vi }, { reasons: list.en }),
    );
  }
  if (requested && liftable.length > 0) {
    const lifted = joinBoth(liftable);
    const note = ctx.request.personRequest?.note ?? '';
    return checkResult(
      'prohibited_situations',
      'pass',
      text(
        'check.prohibited_situations.pass_requested',
        { note, lifted: lifted.vi },
        { note, lifted: lifted.en },
      ),
    );
  }
  return checkResult('prohibited_situations', 'pass', message('check.prohibited_situations.pass'));
}

/**
 * A public employee (viên chức) is seconded under the Law on Public
 * Employees, whose rule for a pregnant woman or one raising a child under 36
 * months has no "unless requested" exception (docs/legal-basis.md §3).
 */
function checkPublicEmployeeSecondment(ctx: CheckContext): CheckResult {
  const r = ctx.profile.restrictions;
  const reasons: Bilingual[] = [];
  if (ctx.cadre.gender === 'female') {
    if (r.pregnantOrMaternity) reasons.push(message('reason.pregnant'));
    const limit = addMonths(ctx.request.startDate, -ctx.params.childMonths);
    if (r.youngestChildBirthDate && r.youngestChildBirthDate > limit)
      reasons.push(message('reason.young_child', { months: ctx.params.childMonths }));
  }
  if (reasons.length > 0) {
    const list = joinBoth(reasons, ', ');
    return checkResult(
      'public_employee_secondment',
      'fail',
      text('check.public_employee_secondment.fail', { reasons: list.vi }, { reasons: list.en }),
    );
  }
  return checkResult('public_employee_secondment', 'pass', message('check.public_employee_secondment.pass'));
}

/** The secondment's length: at most the limit, unless a recorded specialised-law exception allows more. */
function secondmentLength(
  start: string,
  end: string | null,
  exception: DurationException | null | undefined,
  params: CheckParams,
  tooLongKey: 'check.secondment_duration.too_long' | 'check.secondment_duration.extension_too_long',
): CheckResult {
  if (!end) return checkResult('secondment_duration', 'fail', message('check.secondment_duration.no_end'));
  if (end <= start)
    return checkResult('secondment_duration', 'fail', message('check.secondment_duration.end_before_start'));
  const months = params.secondmentMonths;
  const limit = addMonths(start, months);
  if (end > limit) {
    if (exception) {
      return checkResult(
        'secondment_duration',
        'pass',
        message('check.secondment_duration.exception', {
          end,
          months,
          basis: exception.basis,
          note: exception.note,
        }),
      );
    }
    return checkResult('secondment_duration', 'fail', message(tooLongKey, { months, limit, start }));
  }
  return checkResult('secondment_duration', 'pass', message('check.secondment_duration.pass', { end }));
}

function checkSecondmentLength(ctx: CheckContext): CheckResult {
  const { startDate, plannedEndDate, durationException } = ctx.request;
  return secondmentLength(
    startDate,
    plannedEndDate,
    durationException,
    ctx.params,
    'check.secondment_duration.too_long',
  );
}

/** A secondment sends the person to another unit, never to their own (docs/legal-basis.md §4). */
function checkSecondmentTarget(ctx: CheckContext): CheckResult {
  const unit = ctx.request.toUnitCode;
  return unit === ctx.cadre.homeUnitCode
    ? checkResult('secondment_target_unit', 'fail', message('check.secondment_target_unit.fail', { unit }))
    : checkResult('secondment_target_unit', 'pass', message('check.secondment_target_unit.pass', { unit }));
}

function checkSingleSecondment(ctx: CheckContext): CheckResult {
  const other = ctx.openMovements.find((m) => m.type === 'secondment');
  if (other) {
    return checkResult(
      'single_secondment',
      'fail',
      message('check.single_secondment.fail', { id: other.id, status: other.status }),
    );
  }
  return checkResult('single_secondment', 'pass', message('check.single_secondment.pass'));
}

/** Moves that change where, in which post or whether the person works: all but a concurrent post. */
export const MOVES_PERSON: readonly MovementType[] = [
  'transfer',
  'rotation',
  'secondment',
  'appointment',
  'termination',
];

/**
 * Whether an open movement still has effects to make on the person and the
 * quotas: one not yet started, or a secondment or rotation not yet returned
 * from. A transfer, appointment or termination has made all of its effects
 * when it starts.
 */
function pending(m: OpenMovement): boolean {
  return m.status !== 'active' || m.type === 'secondment' || m.type === 'rotation';
}

/**
 * One open movement that moves a person at a time (docs/legal-basis.md §1):
 * a move is refused while another move of the person is pending, since each
 * would move the same post and the quota counts would drift. Concurrent posts
 * are aside: they neither block nor are blocked. `others` excludes the
 * movement being checked. Undefined for a concurrent post.
 */
export function checkOpenMovement(
  type: MovementType,
  others: readonly OpenMovement[],
): CheckResult | undefined {
  if (!MOVES_PERSON.includes(type)) return undefined;
  const other = others.find((m) => MOVES_PERSON.includes(m.type) && pending(m));
  if (!other) return checkResult('open_movement', 'pass', message('check.open_movement.pass'));
  return checkResult(
    'open_movement',
    'fail',
    message('check.open_movement.fail', {
      id: other.id,
      type: other.type,
      typeVi: MOVEMENT_TYPE_LABELS[other.type].toLowerCase(),
      status: other.status,
      statusVi: message(`status.${other.status}`).vi,
    }),
  );
}

function rotationIsNonLocalPolicy(ctx: CheckContext): boolean {
  return (
    Boolean(ctx.targetPosition?.nonLocalRequired) &&
    !isLocal(ctx.cadre, ctx.request.toProvinceCode, ctx.params)
  );
}

function checkRotationLength(ctx: CheckContext): CheckResult {
  const { startDate, plannedEndDate } = ctx.request;
  const months = ctx.params.rotationMonths;
  const minimum = addMonths(startDate, months);
  if (!plannedEndDate || plannedEndDate < minimum) {
    return checkResult(
      'rotation_duration',
      'fail',
      message('check.rotation_duration.fail', { months, minimum }),
    );
  }
  return checkResult(
    'rotation_duration',
    'pass',
    message('check.rotation_duration.pass', { end: plannedEndDate }),
  );
}

function checkRotationWho(ctx: CheckContext): CheckResult {
  if (ctx.cadre.planning.length > 0)
    return checkResult('rotation_planning', 'pass', message('check.rotation_planning.planned'));
  if (rotationIsNonLocalPolicy(ctx))
    return checkResult('rotation_planning', 'pass', message('check.rotation_planning.non_local'));
  return checkResult('rotation_planning', 'fail', message('check.rotation_planning.fail'));
}

function checkRotationWorkingLife(ctx: CheckContext): CheckResult {
  const needed = rotationIsNonLocalPolicy(ctx)
    ? ctx.params.nonLocalRotationYearsLeft
    : ctx.params.rotationYearsLeft;
  const retires = retirementDate(ctx.cadre.birthDate, ctx.cadre.gender);
  const left = yearsBetween(ctx.request.startDate, retires);
  if (left < needed) {
    return checkResult(
      'rotation_working_life',
      'fail',
      message('check.rotation_working_life.fail', { left, retires, needed }),
    );
  }
  return checkResult(
    'rotation_working_life',
    'pass',
    message('check.rotation_working_life.pass', { left, retires }),
  );
}

/** A rotation gives the person a leadership post at the target: without one it is not a rotation. */
function checkRotationPost(ctx: CheckContext): CheckResult {
  const id = ctx.request.toPositionId;
  if (!id) return checkResult('rotation_post', 'fail', message('check.rotation_post.missing'));
  // A rotation moves the person to another agency or place (its point is the
  // experience elsewhere), so the home unit is not a destination; its quota
  // effects also assume two units (docs/legal-basis.md §5).
  const unit = ctx.request.toUnitCode;
  if (unit === ctx.cadre.homeUnitCode)
    return checkResult('rotation_post', 'fail', message('check.rotation_post.same_unit', { unit }));
  const p = ctx.targetPosition;
  if (!p) return checkResult('rotation_post', 'fail', message('check.rotation_post.unknown', { id }));
  const names = { post: p.name, postEn: p.nameEn };
  if (!p.leadership)
    return checkResult('rotation_post', 'fail', message('check.rotation_post.not_leadership', names));
  return checkResult('rotation_post', 'pass', message('check.rotation_post.pass', names));
}

/** The rank of a post on the catalogue's scale of equivalent posts (higher is more senior); none for an unknown post. */
export function rankOf(p: Position | undefined): number | undefined {
  return p?.rank;
}

/**
 * The rotation post's rank against the person's (docs/legal-basis.md §5):
 * equivalent passes; higher passes when it does not go beyond the post the
 * person is planned for (rotation trains people in planning), otherwise it
 * fails and needs an override (an outstanding cadre); lower is allowed with
 * a warning (the previous allowance is kept); unknown ranks warn.
 */
function checkRotationRank(ctx: CheckContext): CheckResult | undefined {
  const target = ctx.targetPosition;
  if (!target) return undefined;
  const main = ctx.cadre.posts.find((p) => !p.concurrent);
  const current = main ? ctx.positions.get(main.positionId) : undefined;
  const currentRank = rankOf(current);
  const targetRank = rankOf(target);
  if (currentRank === undefined || targetRank === undefined) {
    return checkResult(
      'rotation_rank',
      'warn',
      message('check.rotation_rank.unknown', { current: main?.positionId ?? '—', target: target.id }),
    );
  }
  if (targetRank === currentRank)
    return checkResult(
      'rotation_rank',
      'pass',
      message('check.rotation_rank.equivalent', { rank: targetRank }),
    );
  const ranks = { current: currentRank, target: targetRank };
  if (targetRank < currentRank)
    return checkResult('rotation_rank', 'warn', message('check.rotation_rank.lower', ranks));
  const planned = Math.max(
    -Infinity,
    ...ctx.cadre.planning.map((e) => rankOf(ctx.positions.get(e.positionId)) ?? -Infinity),
  );
  if (targetRank <= planned)
    return checkResult(
      'rotation_rank',
      'pass',
      message('check.rotation_rank.within_planning', { rank: targetRank }),
    );
  return checkResult('rotation_rank', 'fail', message('check.rotation_rank.higher', ranks));
}

function checkStandards(ctx: CheckContext): CheckResult {
  const p = ctx.targetPosition!;
  const s = p.standards;
  const c = ctx.cadre;
  const gaps: Bilingual[] = [];
  if (EDUCATION_ORDER.indexOf(c.education.level) < EDUCATION_ORDER.indexOf(s.minEducation)) {
    gaps.push(
      text(
        'gap.education',
        { has: EDUCATION_LABELS[c.education.level], needs: EDUCATION_LABELS[s.minEducation] },
        { has: c.education.level, needs: s.minEducation },
      ),
    );
  }
  if (
    POLITICAL_THEORY_ORDER.indexOf(c.politicalTheory) < POLITICAL_THEORY_ORDER.indexOf(s.minPoliticalTheory)
  ) {
    gaps.push(
      text(
        'gap.political_theory',
        {
          has: POLITICAL_THEORY_LABELS[c.politicalTheory],
          needs: POLITICAL_THEORY_LABELS[s.minPoliticalTheory],
        },
        { has: c.politicalTheory, needs: s.minPoliticalTheory },
      ),
    );
  }
  const experience = yearsBetween(c.startedWorkOn, ctx.request.startDate);
  if (experience < s.minYearsExperience)
    gaps.push(message('gap.experience', { has: experience, needs: s.minYearsExperience }));
  if (s.partyMemberRequired && !c.partyMember) gaps.push(message('gap.party_member'));
  const names = { post: p.name, postEn: p.nameEn };
  if (gaps.length > 0) {
    const list = joinBoth(gaps);
    return checkResult(
      'post_standards',
      'fail',
      message('check.post_standards.fail', { ...names, gaps: list.vi, gapsEn: list.en }),
    );
  }
  return checkResult('post_standards', 'pass', message('check.post_standards.pass', names));
}

function checkNonLocal(ctx: CheckContext): CheckResult {
  const p = ctx.targetPosition!;
  if (isLocal(ctx.cadre, ctx.request.toProvinceCode, ctx.params)) {
    return checkResult(
      'non_local',
      'fail',
      message('check.non_local.fail', { post: p.name, postEn: p.nameEn }),
    );
  }
  return checkResult('non_local', 'pass', message('check.non_local.pass'));
}

/** A head or deputy head of the unit (chair, secretary, director, head of a body, and their deputies). */
function isHeadOrDeputy(p: Position | undefined, positionId: string): boolean {
  return Boolean(p?.leadership) && /chu_tich|bi_thu|giam_doc|truong/.test(positionId);
}

function relationLabel(relation: string): Bilingual {
  const key = `relation.${relation}`;
  return key in MESSAGES ? message(key as MessageKey) : { vi: relation, en: relation };
}

/**
 * Relatives (docs/legal-basis.md §8), from either side: a relative holds a
 * post paired with the target post in the target unit; the target post is
 * barred to relatives of the unit's head and a relative heads it; or the
 * mover becomes head (or deputy) over a relative in a barred post.
 */
function checkRelatives(ctx: CheckContext): CheckResult {
  const target = ctx.targetPosition!;
  const targetIsHead = isHeadOrDeputy(target, target.id);
  const conflicts: Bilingual[] = [];
  for (const rel of moverRelatives(ctx.relatives, ctx.cadre.id)) {
    const relation = relationLabel(rel.relation);
    for (const post of rel.cadre.posts) {
      if (post.unitCode !== ctx.request.toUnitCode) continue;
      const held = ctx.positions.get(post.positionId);
      const params = (heldName: Bilingual) =>
        [
          { name: rel.cadre.fullName, relation: relation.vi, post: heldName.vi },
          { name: rel.cadre.fullName, relationEn: relation.en, postEn: heldName.en },
        ] as const;
      const heldName = { vi: held?.name ?? post.positionId, en: held?.nameEn ?? post.positionId };
      if (
        target.relativeExclusions.includes(post.positionId) ||
        held?.relativeExclusions.includes(target.id)
      ) {
        conflicts.push(text('conflict.paired', ...params(heldName)));
      } else if (target.barredToRelativesOfHead && isHeadOrDeputy(held, post.positionId)) {
        conflicts.push(text('conflict.head', ...params(heldName)));
      } else if (held?.barredToRelativesOfHead && targetIsHead) {
        conflicts.push(text('conflict.barred', ...params(heldName)));
      }
    }
  }
  if (conflicts.length > 0) {
    const list = joinBoth(conflicts);
    return checkResult(
      'relatives',
      'fail',
      message('check.relatives.fail', { conflicts: list.vi, conflictsEn: list.en }),
    );
  }
  return checkResult('relatives', 'pass', message('check.relatives.pass'));
}

/** The refusal of a quota that has no room: the same result for the check and for QuotaExceeded. */
export function quotaRefusal(unitCode: string, status: QuotaStatus): CheckResult {
  return checkResult(
    'target_quota',
    'fail',
    message('check.target_quota.full', {
      unit: unitCode,
      allocated: status.allocated,
      filled: status.filled,
      reserved: status.reservedForReturn,
      incoming: status.incoming,
    }),
  );
}

function checkTargetQuota(ctx: CheckContext): CheckResult {
  const unit = ctx.request.toUnitCode;
  if (!ctx.targetQuota) {
    const year = ctx.quotaYear ?? Number(ctx.request.startDate.slice(0, 4));
    return checkResult(
      'target_quota',
      'fail',
      message('check.target_quota.none', { unit, block: ctx.cadre.block, year }),
    );
  }
  const s = quotaStatus(ctx.targetQuota, 1);
  if (!s.fits) return quotaRefusal(unit, s);
  return checkResult('target_quota', 'pass', message('check.target_quota.pass', { free: s.free }));
}

/**
 * A start in a later year than the approval: that year's biên chế for the
 * target unit should be allocated (allocateQuota). Without it the movement
 * can still start — the carry-over opens the year with the previous
 * allocation as temporary — so this is a warning (docs/legal-basis.md §9).
 */
function checkQuotaYearAhead(
  ctx: CheckContext,
  ahead: NonNullable<CheckContext['quotaYearAhead']>,
): CheckResult {
  if (ahead.quota) {
    const status = ahead.quota.status;
    return checkResult(
      'quota_year_unallocated',
      'pass',
      text(
        'check.quota_year_unallocated.pass',
        { year: ahead.year, status: MESSAGES[`quota.status.${status}`].vi },
        { year: ahead.year, statusEn: MESSAGES[`quota.status.${status}`].en },
      ),
    );
  }
  return checkResult(
    'quota_year_unallocated',
    'warn',
    message('check.quota_year_unallocated.warn', {
      unit: ctx.request.toUnitCode,
      block: ctx.cadre.block,
      year: ahead.year,
      previous: ahead.year - 1,
    }),
  );
}

function checkSendingNorm(ctx: CheckContext): CheckResult {
  if (!ctx.sendingQuota || ctx.sendingNorm === undefined)
    return checkResult('sending_unit_norm', 'pass', message('check.sending_unit_norm.na'));
  const after = ctx.sendingQuota.filled - 1;
  if (after < ctx.sendingNorm)
    return checkResult(
      'sending_unit_norm',
      'warn',
      message('check.sending_unit_norm.warn', { after, norm: ctx.sendingNorm }),
    );
  return checkResult('sending_unit_norm', 'pass', message('check.sending_unit_norm.pass', { after }));
}

function checkSoleKeyPostHolder(ctx: CheckContext): CheckResult {
  // The main post (not a concurrent one), as the loader counts its holders (check-inputs.ts).
  const post = ctx.positions.get(mainPostOf(ctx.cadre) ?? '');
  if (post?.keyPost && ctx.holdersOfCadrePost <= 1) {
    return checkResult(
      'sole_key_post_holder',
      'warn',
      message('check.sole_key_post_holder.warn', { post: post.name, postEn: post.nameEn }),
    );
  }
  return checkResult('sole_key_post_holder', 'pass', message('check.sole_key_post_holder.pass'));
}

function checkVacancy(ctx: CheckContext): CheckResult {
  const p = ctx.targetPosition!;
  const names = { post: p.name, postEn: p.nameEn };
  if (p.holdersPerUnit !== null && ctx.holdersOfTargetPost >= p.holdersPerUnit) {
    return checkResult(
      'target_post_vacancy',
      'fail',
      message('check.target_post_vacancy.fail', { ...names, holders: p.holdersPerUnit }),
    );
  }
  return checkResult('target_post_vacancy', 'pass', message('check.target_post_vacancy.pass', names));
}

/**
 * An appointment to a leadership post is of a person in planning for that
 * post or an equivalent or higher one (QĐ 377-QĐ/TW, docs/legal-basis.md
 * §15): an entry of any term for the same post, or for a post of the same
 * level with a rank at least the target's. Overridable: the appointing
 * authority may decide otherwise, with its reason.
 */
export function checkInPlanning(
  planning: Cadre['planning'],
  target: Position,
  positions: ReadonlyMap<string, Position>,
): CheckResult {
  const match = planning.find((e) => {
    if (e.positionId === target.id) return true;
    const p = positions.get(e.positionId);
    return p !== undefined && p.level === target.level && p.rank >= target.rank;
  });
  if (!match)
    return checkResult(
      'in_planning',
      'fail',
      message('check.in_planning.fail', { post: target.name, postEn: target.nameEn }),
    );
  const planned = positions.get(match.positionId);
  return checkResult(
    'in_planning',
    'pass',
    message('check.in_planning.pass', {
      planned: planned?.name ?? match.positionId,
      plannedEn: planned?.nameEn ?? match.positionId,
      term: match.term,
    }),
  );
}

/** Runs every check that applies to the request's type, in a stable order. */
export function runChecks(ctx: CheckContext): CheckResult[] {
  const t = ctx.request.type;
  const results: CheckResult[] = [checkStatus(ctx)];
  const open = checkOpenMovement(t, ctx.openMovements);
  if (open) results.push(open);
  if (t === 'transfer' || t === 'secondment') results.push(checkProhibited(ctx));
  if (t === 'secondment' && ctx.cadre.category === 'public_employee')
    results.push(checkPublicEmployeeSecondment(ctx));
  if (t === 'secondment')
    results.push(checkSecondmentLength(ctx), checkSecondmentTarget(ctx), checkSingleSecondment(ctx));
  if (t === 'rotation') {
    results.push(
      checkRotationLength(ctx),
      checkRotationWho(ctx),
      checkRotationWorkingLife(ctx),
      checkRotationPost(ctx),
    );
    const rank = checkRotationRank(ctx);
    if (rank) results.push(rank);
  }
  if (ctx.targetPosition && t !== 'termination') {
    results.push(checkStandards(ctx));
    if (ctx.targetPosition.nonLocalRequired) results.push(checkNonLocal(ctx));
    results.push(checkRelatives(ctx));
    if (t !== 'secondment') results.push(checkVacancy(ctx));
    // Issue 13 (H-planning): an appointment to a leadership post checks planning.
    if (t === 'appointment' && ctx.targetPosition.leadership)
      results.push(checkInPlanning(ctx.cadre.planning, ctx.targetPosition, ctx.positions));
  }
  if (TAKES_TARGET_QUOTA.includes(t) && ctx.request.toUnitCode !== ctx.cadre.homeUnitCode) {
    results.push(checkTargetQuota(ctx));
    if (ctx.quotaYearAhead) results.push(checkQuotaYearAhead(ctx, ctx.quotaYearAhead));
  }
  if (LEAVES_HOME.includes(t)) results.push(checkSendingNorm(ctx), checkSoleKeyPostHolder(ctx));
  return results;
}

/** Checks that block the movement: failures, minus those overridden with a reason. */
export function blockingChecks(checks: CheckResult[], overridden: ReadonlySet<string>): CheckResult[] {
  return checks.filter((c) => c.outcome === 'fail' && !(c.overridable && overridden.has(c.code)));
}

/** The end date of an extended secondment must stay within the legal maximum from its start. */
export function secondmentExtensionLimit(
  startDate: string,
  params: CheckParams = DEFAULT_CHECK_PARAMS,
): string {
  return addMonths(startDate, params.secondmentMonths);
}

/**
 * extendMovement's rule: a secondment extended to `newEnd` stays within the
 * limit from its (actual) start unless the movement records a specialised-law
 * exception. Null for a movement type whose length has no upper limit.
 */
export function checkExtension(
  m: Pick<Movement, 'type' | 'startDate' | 'actualStartDate' | 'durationException'>,
  newEnd: string,
  params: CheckParams = DEFAULT_CHECK_PARAMS,
): CheckResult | null {
  if (m.type !== 'secondment') return null;
  return secondmentLength(
    m.actualStartDate ?? m.startDate,
    newEnd,
    m.durationException,
    params,
    'check.secondment_duration.extension_too_long',
  );
}

/**
 * startMovement's rule (docs/legal-basis.md §11): a movement starts on or
 * after its approved start date; an earlier start needs a reason, which the
 * result cites.
 */
export function checkStartDate(
  m: Pick<Movement, 'startDate'>,
  on: string,
  reason?: string | null,
): CheckResult {
  const params = { on, approved: m.startDate };
  if (on >= m.startDate) return checkResult('start_date', 'pass', message('check.start_date.pass', params));
  const why = reason?.trim();
  if (why)
    return checkResult(
      'start_date',
      'pass',
      message('check.start_date.early_with_reason', { ...params, reason: why }),
    );
  return checkResult('start_date', 'fail', message('check.start_date.early', params));
}

/** completeMovement's rule: the end is on or after the (actual) start (docs/legal-basis.md §11). */
export function checkCompletion(
  m: Pick<Movement, 'startDate' | 'actualStartDate'>,
  endDate: string,
): CheckResult {
  const start = m.actualStartDate ?? m.startDate;
  return endDate < start
    ? checkResult('end_date', 'fail', message('check.end_date.fail', { end: endDate, start }))
    : checkResult('end_date', 'pass', message('check.end_date.pass', { end: endDate, start }));
}
