/**
 * The checks run on every proposal and decision, as pure functions. Each
 * reports its outcome and legal basis (domain.md). Legal prohibitions can
 * never be overridden; standards and policies can, by a province admin, with
 * a recorded reason.
 */
import {
  type Cadre,
  type CadrePrivate,
  type CheckResult,
  EDUCATION_LABELS,
  EDUCATION_ORDER,
  type Movement,
  type MovementType,
  POLITICAL_THEORY_LABELS,
  POLITICAL_THEORY_ORDER,
  type Position,
} from '@canbo/model';
import { addMonths, retirementDate, yearsBetween } from './dates';
import { quotaStatus, type QuotaCounts } from './quota';

/** What a proposal asks for. */
export interface MovementRequest {
  type: MovementType;
  toUnitCode: string;
  toProvinceCode: string;
  toPositionId: string | null;
  startDate: string;
  plannedEndDate: string | null;
  /** The person asked for the move (lifts two of the seven prohibitions). */
  requestedByCadre: boolean;
}

/** A relative of the cadre who is also in the system, with their posts. */
export interface RelativeInSystem {
  relation: string;
  cadre: Pick<Cadre, 'id' | 'fullName' | 'posts'>;
}

/** Everything the checks look at, gathered by the service. */
export interface CheckContext {
  request: MovementRequest;
  cadre: Cadre;
  profile: CadrePrivate;
  targetPosition: Position | undefined;
  /** Positions of the catalogue, to know which posts relatives hold. */
  positions: ReadonlyMap<string, Position>;
  /** The cadre's other movements that are proposed, approved or active. */
  openMovements: Movement[];
  relatives: RelativeInSystem[];
  /** Quota of the target unit for the cadre's block (undefined: none allocated). */
  targetQuota: QuotaCounts | undefined;
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
  /** Years worked in a province from which a person counts as local (Đắk Nông example: 20) [U]. */
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

const BASIS = {
  prohibited: 'Nghị định 170/2025/NĐ-CP, Điều 25–26: các trường hợp không được điều động, biệt phái',
  secondment: 'Nghị định 170/2025/NĐ-CP, Điều 26: thời hạn biệt phái không quá 3 năm',
  rotationLength:
    'Quy định 65-QĐ/TW, Điều 8; Nghị định 170/2025/NĐ-CP, Điều 48: luân chuyển ít nhất 36 tháng',
  rotationWho:
    'Quy định 65-QĐ/TW, Điều 4: đối tượng luân chuyển là cán bộ trong quy hoạch hoặc để bố trí không phải người địa phương',
  rotationAge:
    'Quy định 65-QĐ/TW, Điều 5; Quyết định 727/QĐ-BNV: còn ít nhất 10 năm công tác (một nhiệm kỳ nếu bố trí không phải người địa phương)',
  standards: 'Luật Cán bộ, công chức 80/2025/QH15: tiêu chuẩn vị trí việc làm, chức danh',
  nonLocal: 'Kết luận 201-KL/TW; Chỉ thị 45-CT/TW: bố trí chức danh chủ chốt không phải người địa phương',
  relatives:
    'Luật Phòng, chống tham nhũng 2018, Điều 20; Quy định 114-QĐ/TW: người có quan hệ gia đình không giữ các chức vụ liên quan',
  quota: 'Biên chế được giao cho đơn vị (Nghị định 170/2025/NĐ-CP; quyết định giao biên chế của tỉnh)',
  norm: 'Định mức biên chế cấp xã: Công văn 09/CV-BCĐ (≈ 32 chính quyền), Hướng dẫn 31-HD/BTCTW (15–17 khối Đảng)',
  status: 'Hồ sơ cán bộ: chỉ cán bộ đang công tác mới được đề xuất',
  keyPost: 'Bảo đảm hoạt động của đơn vị cử đi (chức danh chủ chốt)',
  vacancy: 'Số người giữ chức danh trong một đơn vị',
};

const pass = (code: string, basis: string, message: string, overridable: boolean): CheckResult => ({
  code,
  outcome: 'pass',
  overridable,
  basis,
  message,
});
const fail = (code: string, basis: string, message: string, overridable: boolean): CheckResult => ({
  code,
  outcome: 'fail',
  overridable,
  basis,
  message,
});
const warn = (code: string, basis: string, message: string): CheckResult => ({
  code,
  outcome: 'warn',
  overridable: true,
  basis,
  message,
});

/** Moves that take the person away from the home unit. */
const LEAVES_HOME: MovementType[] = ['transfer', 'rotation', 'secondment', 'termination'];
/** Moves that take a post in the target unit's quota. */
export const TAKES_TARGET_QUOTA: MovementType[] = ['transfer', 'rotation', 'appointment'];

/** Whether the person counts as local to a province. */
export function isLocal(cadre: Cadre, provinceCode: string, params: CheckParams): boolean {
  return (
    cadre.hometown.provinceCode === provinceCode ||
    (cadre.provinceCode === provinceCode && cadre.yearsInProvince >= params.localAfterYears)
  );
}

function checkStatus(ctx: CheckContext): CheckResult {
  const { cadre, request } = ctx;
  if (cadre.status === 'retired' || cadre.status === 'left') {
    return fail('cadre_status', BASIS.status, `Cán bộ không còn công tác (${cadre.status}).`, false);
  }
  if (cadre.status === 'seconded_out' && request.type !== 'termination') {
    return fail(
      'cadre_status',
      BASIS.status,
      'Cán bộ đang biệt phái hoặc luân chuyển; cần kết thúc trước.',
      false,
    );
  }
  return pass('cadre_status', BASIS.status, 'Cán bộ đang công tác.', false);
}

/** The seven situations in which transfer and secondment are forbidden (domain.md §4.3). */
function checkProhibited(ctx: CheckContext): CheckResult {
  const r = ctx.profile.restrictions;
  const reasons: string[] = [];
  if (r.underDisciplineReview) reasons.push('đang bị xem xét kỷ luật');
  if (r.underInvestigation) reasons.push('đang bị điều tra, truy tố, thanh tra, kiểm toán');
  if (r.seriousIllness) reasons.push('đang điều trị bệnh hiểm nghèo');
  if (r.longTermTraining) reasons.push('đang đi học dài hạn');
  const activeSecondment = ctx.openMovements.some((m) => m.type === 'secondment' && m.status === 'active');
  if (activeSecondment) reasons.push('đang biệt phái');
  if (!ctx.request.requestedByCadre) {
    if (r.pregnantOrMaternity) reasons.push('đang mang thai hoặc nghỉ thai sản');
    const childLimit = addMonths(ctx.request.startDate, -ctx.params.childMonths);
    if (r.youngestChildBirthDate && r.youngestChildBirthDate > childLimit) {
      reasons.push(`đang nuôi con dưới ${ctx.params.childMonths} tháng tuổi`);
    }
    if (r.specialHardship) reasons.push('có hoàn cảnh đặc biệt khó khăn');
  }
  if (reasons.length > 0) {
    return fail(
      'prohibited_situations',
      BASIS.prohibited,
      `Không được điều động, biệt phái: ${reasons.join('; ')}.`,
      false,
    );
  }
  return pass(
    'prohibited_situations',
    BASIS.prohibited,
    'Không thuộc trường hợp không được điều động, biệt phái.',
    false,
  );
}

function checkSecondmentLength(ctx: CheckContext): CheckResult {
  const { startDate, plannedEndDate } = ctx.request;
  if (!plannedEndDate)
    return fail(
      'secondment_duration',
      BASIS.secondment,
      'Biệt phái phải có thời hạn (ngày kết thúc dự kiến).',
      false,
    );
  if (plannedEndDate <= startDate)
    return fail('secondment_duration', BASIS.secondment, 'Ngày kết thúc phải sau ngày bắt đầu.', false);
  const limit = addMonths(startDate, ctx.params.secondmentMonths);
  if (plannedEndDate > limit) {
    return fail(
      'secondment_duration',
      BASIS.secondment,
      `Biệt phái quá ${ctx.params.secondmentMonths} tháng (tối đa đến ${limit}).`,
      false,
    );
  }
  return pass('secondment_duration', BASIS.secondment, `Thời hạn biệt phái đến ${plannedEndDate}.`, false);
}

function checkSingleSecondment(ctx: CheckContext): CheckResult {
  const other = ctx.openMovements.find((m) => m.type === 'secondment');
  if (other) {
    return fail(
      'single_secondment',
      BASIS.prohibited,
      `Đã có quyết định biệt phái khác (${other.id}, ${other.status}).`,
      false,
    );
  }
  return pass('single_secondment', BASIS.prohibited, 'Không có biệt phái nào khác.', false);
}

function rotationIsNonLocalPolicy(ctx: CheckContext): boolean {
  return (
    Boolean(ctx.targetPosition?.nonLocalRequired) &&
    !isLocal(ctx.cadre, ctx.request.toProvinceCode, ctx.params)
  );
}

function checkRotationLength(ctx: CheckContext): CheckResult {
  const { startDate, plannedEndDate } = ctx.request;
  const minimum = addMonths(startDate, ctx.params.rotationMonths);
  if (!plannedEndDate || plannedEndDate < minimum) {
    return fail(
      'rotation_duration',
      BASIS.rotationLength,
      `Luân chuyển ít nhất ${ctx.params.rotationMonths} tháng (đến ${minimum} hoặc sau).`,
      true,
    );
  }
  return pass(
    'rotation_duration',
    BASIS.rotationLength,
    `Thời gian luân chuyển đến ${plannedEndDate}.`,
    true,
  );
}

function checkRotationWho(ctx: CheckContext): CheckResult {
  if (ctx.cadre.planning.length > 0)
    return pass('rotation_planning', BASIS.rotationWho, 'Cán bộ trong quy hoạch.', true);
  if (rotationIsNonLocalPolicy(ctx))
    return pass(
      'rotation_planning',
      BASIS.rotationWho,
      'Luân chuyển để bố trí không phải người địa phương.',
      true,
    );
  return fail(
    'rotation_planning',
    BASIS.rotationWho,
    'Cán bộ không trong quy hoạch và không thuộc diện bố trí không phải người địa phương.',
    true,
  );
}

function checkRotationWorkingLife(ctx: CheckContext): CheckResult {
  const needed = rotationIsNonLocalPolicy(ctx)
    ? ctx.params.nonLocalRotationYearsLeft
    : ctx.params.rotationYearsLeft;
  const retires = retirementDate(ctx.cadre.birthDate, ctx.cadre.gender);
  const left = yearsBetween(ctx.request.startDate, retires);
  if (left < needed) {
    return fail(
      'rotation_working_life',
      BASIS.rotationAge,
      `Còn ${left} năm công tác (nghỉ hưu ${retires}); cần ít nhất ${needed} năm.`,
      true,
    );
  }
  return pass(
    'rotation_working_life',
    BASIS.rotationAge,
    `Còn ${left} năm công tác (nghỉ hưu ${retires}).`,
    true,
  );
}

function checkStandards(ctx: CheckContext): CheckResult {
  const p = ctx.targetPosition!;
  const s = p.standards;
  const c = ctx.cadre;
  const gaps: string[] = [];
  if (EDUCATION_ORDER.indexOf(c.education.level) < EDUCATION_ORDER.indexOf(s.minEducation)) {
    gaps.push(`trình độ ${EDUCATION_LABELS[c.education.level]} < ${EDUCATION_LABELS[s.minEducation]}`);
  }
  if (
    POLITICAL_THEORY_ORDER.indexOf(c.politicalTheory) < POLITICAL_THEORY_ORDER.indexOf(s.minPoliticalTheory)
  ) {
    gaps.push(
      `lý luận chính trị ${POLITICAL_THEORY_LABELS[c.politicalTheory]} < ${POLITICAL_THEORY_LABELS[s.minPoliticalTheory]}`,
    );
  }
  const experience = yearsBetween(c.startedWorkOn, ctx.request.startDate);
  if (experience < s.minYearsExperience) gaps.push(`${experience} năm công tác < ${s.minYearsExperience}`);
  if (s.partyMemberRequired && !c.partyMember) gaps.push('chưa là đảng viên');
  if (gaps.length > 0)
    return fail(
      'post_standards',
      BASIS.standards,
      `Chưa đạt tiêu chuẩn ${p.name}: ${gaps.join('; ')}.`,
      true,
    );
  return pass('post_standards', BASIS.standards, `Đạt tiêu chuẩn ${p.name}.`, true);
}

function checkNonLocal(ctx: CheckContext): CheckResult {
  const p = ctx.targetPosition!;
  if (isLocal(ctx.cadre, ctx.request.toProvinceCode, ctx.params)) {
    return fail(
      'non_local',
      BASIS.nonLocal,
      `${p.name} phải bố trí người không phải người địa phương.`,
      true,
    );
  }
  return pass('non_local', BASIS.nonLocal, 'Không phải người địa phương.', true);
}

/** Relatives in paired posts, or a relative heading the unit of a barred post (domain.md §8). */
function checkRelatives(ctx: CheckContext): CheckResult {
  const target = ctx.targetPosition!;
  const conflicts: string[] = [];
  for (const rel of ctx.relatives) {
    for (const post of rel.cadre.posts) {
      if (post.unitCode !== ctx.request.toUnitCode) continue;
      const held = ctx.positions.get(post.positionId);
      if (
        target.relativeExclusions.includes(post.positionId) ||
        held?.relativeExclusions.includes(target.id)
      ) {
        conflicts.push(`${rel.cadre.fullName} (${rel.relation}) giữ chức ${held?.name ?? post.positionId}`);
      } else if (
        target.barredToRelativesOfHead &&
        held?.leadership &&
        /chu_tich|bi_thu|giam_doc|truong/.test(post.positionId)
      ) {
        conflicts.push(`${rel.cadre.fullName} (${rel.relation}) là người đứng đầu/cấp phó (${held.name})`);
      }
    }
  }
  if (conflicts.length > 0)
    return fail(
      'relatives',
      BASIS.relatives,
      `Vi phạm quy định về người có quan hệ gia đình: ${conflicts.join('; ')}.`,
      false,
    );
  return pass('relatives', BASIS.relatives, 'Không có người thân giữ chức vụ liên quan tại đơn vị.', false);
}

function checkTargetQuota(ctx: CheckContext): CheckResult {
  if (!ctx.targetQuota)
    return fail(
      'target_quota',
      BASIS.quota,
      `Đơn vị ${ctx.request.toUnitCode} chưa được giao biên chế khối ${ctx.cadre.block}.`,
      false,
    );
  const s = quotaStatus(ctx.targetQuota, 1);
  if (!s.fits) {
    return fail(
      'target_quota',
      BASIS.quota,
      `Hết biên chế: giao ${s.allocated}, có mặt ${s.filled}, giữ chỗ ${s.reservedForReturn}, sắp đến ${s.incoming}.`,
      false,
    );
  }
  return pass('target_quota', BASIS.quota, `Còn ${s.free} biên chế.`, false);
}

function checkSendingNorm(ctx: CheckContext): CheckResult {
  if (!ctx.sendingQuota || ctx.sendingNorm === undefined)
    return pass('sending_unit_norm', BASIS.norm, 'Không áp dụng định mức.', true);
  const after = ctx.sendingQuota.filled - 1;
  if (after < ctx.sendingNorm)
    return warn(
      'sending_unit_norm',
      BASIS.norm,
      `Đơn vị cử đi còn ${after} người, dưới định mức ${ctx.sendingNorm}.`,
    );
  return pass('sending_unit_norm', BASIS.norm, `Đơn vị cử đi còn ${after} người.`, true);
}

function checkSoleKeyPostHolder(ctx: CheckContext): CheckResult {
  const post = ctx.positions.get(ctx.cadre.posts[0]?.positionId ?? '');
  if (post?.keyPost && ctx.holdersOfCadrePost <= 1) {
    return warn(
      'sole_key_post_holder',
      BASIS.keyPost,
      `Đơn vị cử đi mất người duy nhất giữ chức ${post.name}.`,
    );
  }
  return pass('sole_key_post_holder', BASIS.keyPost, 'Không ảnh hưởng chức danh chủ chốt duy nhất.', true);
}

function checkVacancy(ctx: CheckContext): CheckResult {
  const p = ctx.targetPosition!;
  if (p.holdersPerUnit !== null && ctx.holdersOfTargetPost >= p.holdersPerUnit) {
    return fail('target_post_vacancy', BASIS.vacancy, `${p.name} đã đủ ${p.holdersPerUnit} người.`, true);
  }
  return pass('target_post_vacancy', BASIS.vacancy, `${p.name} còn trống.`, true);
}

/** Runs every check that applies to the request's type, in a stable order. */
export function runChecks(ctx: CheckContext): CheckResult[] {
  const t = ctx.request.type;
  const results: CheckResult[] = [checkStatus(ctx)];
  if (t === 'transfer' || t === 'secondment') results.push(checkProhibited(ctx));
  if (t === 'secondment') results.push(checkSecondmentLength(ctx), checkSingleSecondment(ctx));
  if (t === 'rotation')
    results.push(checkRotationLength(ctx), checkRotationWho(ctx), checkRotationWorkingLife(ctx));
  if (ctx.targetPosition && t !== 'termination') {
    results.push(checkStandards(ctx));
    if (ctx.targetPosition.nonLocalRequired) results.push(checkNonLocal(ctx));
    results.push(checkRelatives(ctx));
    if (t !== 'secondment') results.push(checkVacancy(ctx));
  }
  if (TAKES_TARGET_QUOTA.includes(t) && ctx.request.toUnitCode !== ctx.cadre.homeUnitCode)
    results.push(checkTargetQuota(ctx));
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
