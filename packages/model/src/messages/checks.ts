/**
 * Messages of the movement checks and of the domain's own errors (see
 * ./index.ts). Keys: `check.<code>.<case>` for a check's outcome,
 * `reason.<situation>` for the parts of a list, `domain.<error>` for errors.
 */
import type { Bilingual } from './format';

export const CHECK_MESSAGES = {
  // cadre_status
  'check.cadre_status.gone': {
    vi: 'Cán bộ không còn công tác ({status}).',
    en: 'The person is no longer in service ({status}).',
  },
  'check.cadre_status.away': {
    vi: 'Cán bộ đang biệt phái hoặc luân chuyển; cần kết thúc trước.',
    en: 'The person is away on secondment or rotation; end it first.',
  },
  'check.cadre_status.pass': { vi: 'Cán bộ đang công tác.', en: 'The person is in service.' },

  // prohibited_situations
  'check.prohibited_situations.fail': {
    vi: 'Không được điều động, biệt phái: {reasons}.',
    en: 'Transfer and secondment are forbidden: {reasons}.',
  },
  'check.prohibited_situations.pass': {
    vi: 'Không thuộc trường hợp không được điều động, biệt phái.',
    en: 'None of the situations that forbid transfer and secondment applies.',
  },
  'check.prohibited_situations.pass_requested': {
    vi: 'Không thuộc trường hợp bị cấm; cán bộ đã có đơn đề nghị ({note}) nên không áp dụng: {lifted}.',
    en: 'No forbidding situation applies; the person asked for the move ({note}), which lifts: {lifted}.',
  },
  'reason.discipline_review': { vi: 'đang bị xem xét kỷ luật', en: 'under disciplinary review' },
  'reason.investigation': {
    vi: 'đang bị điều tra, truy tố, thanh tra, kiểm toán',
    en: 'under investigation, prosecution, inspection or audit',
  },
  'reason.serious_illness': {
    vi: 'đang điều trị bệnh hiểm nghèo',
    en: 'under treatment for a serious illness',
  },
  'reason.long_term_training': { vi: 'đang đi học dài hạn', en: 'in long-term training' },
  'reason.seconded': { vi: 'đang biệt phái', en: 'already on secondment' },
  'reason.pregnant': {
    vi: 'đang mang thai hoặc nghỉ thai sản',
    en: 'pregnant or on maternity leave',
  },
  'reason.young_child': {
    vi: 'đang nuôi con dưới {months} tháng tuổi',
    en: 'raising a child under {months} months',
  },
  'reason.young_child_father': {
    vi: 'đang nuôi con dưới {months} tháng tuổi ({condition})',
    en: 'raising a child under {months} months ({conditionEn})',
  },
  'reason.hardship': { vi: 'có hoàn cảnh đặc biệt khó khăn', en: 'in especially difficult circumstances' },
  'reason.head_decision': {
    vi: 'trường hợp khác do người đứng đầu quyết định (quyết định {decisionNo} ngày {decidedOn}: {note})',
    en: 'another case decided by the competent head (decision {decisionNo} of {decidedOn}: {note})',
  },
  'reason.father.mother_deceased': { vi: 'mẹ của con đã mất', en: "the child's mother has died" },
  'reason.father.force_majeure': { vi: 'lý do bất khả kháng', en: 'force majeure' },

  // public_employee_secondment
  'check.public_employee_secondment.fail': {
    vi: 'Không biệt phái viên chức nữ {reasons}, kể cả khi có đơn đề nghị.',
    en: 'A female public employee who is {reasons} cannot be seconded, even at her request.',
  },
  'check.public_employee_secondment.pass': {
    vi: 'Viên chức không thuộc trường hợp không được biệt phái.',
    en: 'The public employee is not in a situation that forbids secondment.',
  },

  // secondment_duration
  'check.secondment_duration.no_end': {
    vi: 'Biệt phái phải có thời hạn (ngày kết thúc dự kiến).',
    en: 'A secondment needs a planned end date.',
  },
  'check.secondment_duration.end_before_start': {
    vi: 'Ngày kết thúc phải sau ngày bắt đầu.',
    en: 'The end date must be after the start date.',
  },
  'check.secondment_duration.too_long': {
    vi: 'Biệt phái quá {months} tháng (tối đa đến {limit}).',
    en: 'The secondment exceeds {months} months (latest end {limit}).',
  },
  'check.secondment_duration.extension_too_long': {
    vi: 'Gia hạn vượt quá {months} tháng kể từ {start} (tối đa đến {limit}).',
    en: 'The extension goes beyond {months} months from {start} (latest end {limit}).',
  },
  'check.secondment_duration.exception': {
    vi: 'Biệt phái đến {end}, quá {months} tháng theo ngoại lệ của luật chuyên ngành: {basis} ({note}).',
    en: 'Secondment until {end}, beyond {months} months under a specialised law: {basis} ({note}).',
  },
  'check.secondment_duration.pass': {
    vi: 'Thời hạn biệt phái đến {end}.',
    en: 'The secondment lasts until {end}.',
  },

  // secondment_target_unit
  'check.secondment_target_unit.fail': {
    vi: 'Không thể biệt phái về chính đơn vị của cán bộ ({unit}).',
    en: "A secondment cannot be to the person's own unit ({unit}).",
  },
  'check.secondment_target_unit.pass': {
    vi: 'Biệt phái đến đơn vị khác ({unit}).',
    en: 'Seconded to another unit ({unit}).',
  },

  // single_secondment
  'check.single_secondment.fail': {
    vi: 'Đã có quyết định biệt phái khác ({id}, {status}).',
    en: 'Another secondment exists ({id}, {status}).',
  },
  'check.single_secondment.pass': { vi: 'Không có biệt phái nào khác.', en: 'No other secondment.' },

  // open_movement
  'check.open_movement.fail': {
    vi: 'Cán bộ đang có {typeVi} {id} ({statusVi}) chưa hoàn tất; cần kết thúc hoặc hủy trước.',
    en: 'The person already has an unfinished {type} {id} ({status}); complete or cancel it first.',
  },
  'check.open_movement.pass': {
    vi: 'Không có điều chuyển nào khác chưa hoàn tất.',
    en: 'No other unfinished movement.',
  },

  // rotation
  'check.rotation_duration.fail': {
    vi: 'Luân chuyển ít nhất {months} tháng (đến {minimum} hoặc sau).',
    en: 'A rotation lasts at least {months} months (until {minimum} or later).',
  },
  'check.rotation_duration.pass': {
    vi: 'Thời gian luân chuyển đến {end}.',
    en: 'The rotation lasts until {end}.',
  },
  'check.rotation_planning.planned': { vi: 'Cán bộ trong quy hoạch.', en: 'The person is in planning.' },
  'check.rotation_planning.non_local': {
    vi: 'Luân chuyển để bố trí không phải người địa phương.',
    en: 'Rotated to place a non-local.',
  },
  'check.rotation_planning.fail': {
    vi: 'Cán bộ không trong quy hoạch và không thuộc diện bố trí không phải người địa phương.',
    en: 'The person is neither in planning nor placed as a non-local.',
  },
  'check.rotation_working_life.fail': {
    vi: 'Còn {left} năm công tác (nghỉ hưu {retires}); cần ít nhất {needed} năm.',
    en: '{left} working years left (retires {retires}); at least {needed} needed.',
  },
  'check.rotation_working_life.pass': {
    vi: 'Còn {left} năm công tác (nghỉ hưu {retires}).',
    en: '{left} working years left (retires {retires}).',
  },
  'check.rotation_post.missing': {
    vi: 'Luân chuyển phải có chức vụ đến (vị trí ở đơn vị nhận).',
    en: 'A rotation needs a target post in the receiving unit.',
  },
  'check.rotation_post.same_unit': {
    vi: 'Không thể luân chuyển về chính đơn vị của cán bộ ({unit}): luân chuyển là đến cơ quan, địa phương khác.',
    en: "A rotation cannot be to the person's own unit ({unit}): it moves them to another agency or place.",
  },
  'check.rotation_post.unknown': {
    vi: 'Chức vụ đến {id} không có trong danh mục.',
    en: 'The target post {id} is not in the catalogue.',
  },
  'check.rotation_post.not_leadership': {
    vi: '{post} không phải chức vụ lãnh đạo, quản lý.',
    en: '{postEn} is not a leadership post.',
  },
  'check.rotation_post.pass': {
    vi: 'Luân chuyển giữ chức vụ {post}.',
    en: 'Rotated to the post of {postEn}.',
  },
  'check.rotation_rank.unknown': {
    vi: 'Chưa có bậc chức vụ để so sánh ({current} → {target}); cần xem xét tính tương đương.',
    en: 'No post rank to compare ({current} → {target}); check the equivalence.',
  },
  'check.rotation_rank.equivalent': {
    vi: 'Chức vụ tương đương (bậc {rank}).',
    en: 'Equivalent post (rank {rank}).',
  },
  'check.rotation_rank.within_planning': {
    vi: 'Chức vụ đến (bậc {rank}) nằm trong quy hoạch của cán bộ.',
    en: "The target post (rank {rank}) is within the person's planning.",
  },
  'check.rotation_rank.higher': {
    vi: 'Chức vụ đến cao hơn (bậc {target} > {current}): chỉ với cán bộ có triển vọng nổi trội, cần lý do.',
    en: 'Higher post (rank {target} > {current}): only for an outstanding cadre, with a reason.',
  },
  'check.rotation_rank.lower': {
    vi: 'Chức vụ đến thấp hơn (bậc {target} < {current}); giữ phụ cấp chức vụ cũ.',
    en: 'Lower post (rank {target} < {current}); the previous position allowance is kept.',
  },

  // standards, non-local, relatives
  'check.post_standards.fail': {
    vi: 'Chưa đạt tiêu chuẩn {post}: {gaps}.',
    en: 'Does not meet the standards of {postEn}: {gapsEn}.',
  },
  'check.post_standards.pass': { vi: 'Đạt tiêu chuẩn {post}.', en: 'Meets the standards of {postEn}.' },
  'gap.education': { vi: 'trình độ {has} < {needs}', en: 'education {has} < {needs}' },
  'gap.political_theory': {
    vi: 'lý luận chính trị {has} < {needs}',
    en: 'political theory {has} < {needs}',
  },
  'gap.experience': { vi: '{has} năm công tác < {needs}', en: '{has} years of service < {needs}' },
  'gap.party_member': { vi: 'chưa là đảng viên', en: 'not a Party member' },
  'check.non_local.fail': {
    vi: '{post} phải bố trí người không phải người địa phương.',
    en: '{postEn} must be held by a non-local.',
  },
  'check.non_local.pass': { vi: 'Không phải người địa phương.', en: 'Not a local.' },
  'check.relatives.fail': {
    vi: 'Vi phạm quy định về người có quan hệ gia đình: {conflicts}.',
    en: 'Relatives rule broken: {conflictsEn}.',
  },
  'check.relatives.pass': {
    vi: 'Không có người thân giữ chức vụ liên quan tại đơn vị.',
    en: 'No relative holds a related post in the unit.',
  },
  'conflict.paired': {
    vi: '{name} ({relation}) giữ chức {post}',
    en: '{name} ({relationEn}) holds {postEn}',
  },
  'conflict.head': {
    vi: '{name} ({relation}) là người đứng đầu/cấp phó ({post})',
    en: '{name} ({relationEn}) is head or deputy ({postEn})',
  },
  'conflict.barred': {
    vi: '{name} ({relation}) giữ vị trí {post}, không được bố trí dưới quyền người thân',
    en: '{name} ({relationEn}) holds {postEn}, which may not serve under a relative',
  },
  'relation.spouse': { vi: 'vợ/chồng', en: 'spouse' },
  'relation.parent': { vi: 'cha/mẹ', en: 'parent' },
  'relation.parent_in_law': { vi: 'cha/mẹ vợ hoặc chồng', en: 'parent-in-law' },
  'relation.child': { vi: 'con', en: 'child' },
  'relation.child_in_law': { vi: 'con dâu/con rể', en: 'child-in-law' },
  'relation.sibling': { vi: 'anh/chị/em ruột', en: 'sibling' },

  // quotas
  'check.target_quota.none': {
    vi: 'Đơn vị {unit} chưa được giao biên chế khối {block} năm {year} (năm ghi nhận phê duyệt). Cần giao biên chế (allocateQuota) trước.',
    en: 'Unit {unit} has no {block} quota allocated for {year} (the year the approval is recorded). Allocate it first (allocateQuota).',
  },
  'check.target_quota.full': {
    vi: 'Hết biên chế tại {unit}: giao {allocated}, có mặt {filled}, giữ chỗ {reserved}, sắp đến {incoming}.',
    en: 'No free post at {unit}: allocated {allocated}, filled {filled}, reserved {reserved}, incoming {incoming}.',
  },
  'check.target_quota.pass': { vi: 'Còn {free} biên chế.', en: '{free} posts free.' },
  'check.quota_year_unallocated.warn': {
    vi: 'Đơn vị {unit} chưa được giao biên chế khối {block} năm {year} (năm bắt đầu). Khi sang năm, biên chế năm {previous} được kết chuyển tạm giao cho đến khi có quyết định.',
    en: 'Unit {unit} has no {block} quota allocated for {year} (the start year). At the turn of the year the {previous} quota is carried over as temporary until a decision.',
  },
  'check.quota_year_unallocated.pass': {
    vi: 'Đã giao biên chế năm {year} ({status}).',
    en: 'Quota for {year} allocated ({statusEn}).',
  },
  'quota.allocation.below_counts': {
    vi: 'Biên chế giao {allocated} thấp hơn số đang sử dụng {taken} (có mặt {filled}, giữ chỗ {reserved}, sắp đến {incoming}) tại {unit} năm {year}: đơn vị vượt biên chế, không nhận thêm người cho đến khi giảm.',
    en: 'Allocation {allocated} is below the {taken} posts taken (filled {filled}, reserved {reserved}, incoming {incoming}) at {unit} for {year}: the unit is over its quota and takes no one until it comes down.',
  },
  'quota.status.temporary': { vi: 'tạm giao', en: 'temporary' },
  'quota.status.final': { vi: 'chính thức', en: 'final' },
  'check.sending_unit_norm.na': { vi: 'Không áp dụng định mức.', en: 'No norm applies.' },
  'check.sending_unit_norm.warn': {
    vi: 'Đơn vị cử đi còn {after} người, dưới định mức {norm}.',
    en: 'The sending unit keeps {after} people, below its norm of {norm}.',
  },
  'check.sending_unit_norm.pass': {
    vi: 'Đơn vị cử đi còn {after} người.',
    en: 'The sending unit keeps {after} people.',
  },
  'check.sole_key_post_holder.warn': {
    vi: 'Đơn vị cử đi mất người duy nhất giữ chức {post}.',
    en: 'The sending unit loses its only {postEn}.',
  },
  'check.sole_key_post_holder.pass': {
    vi: 'Không ảnh hưởng chức danh chủ chốt duy nhất.',
    en: 'No sole key-post holder leaves.',
  },
  'check.target_post_vacancy.fail': {
    vi: '{post} đã đủ {holders} người.',
    en: '{postEn} already has {holders} holders.',
  },
  'check.target_post_vacancy.pass': { vi: '{post} còn trống.', en: '{postEn} is vacant.' },

  // dates
  'check.start_date.early': {
    vi: 'Bắt đầu ngày {on}, trước ngày được duyệt {approved}: cần nêu lý do.',
    en: 'Starting on {on}, before the approved {approved}: a reason is needed.',
  },
  'check.start_date.early_with_reason': {
    vi: 'Bắt đầu sớm ngày {on} (duyệt {approved}): {reason}.',
    en: 'Early start on {on} (approved {approved}): {reason}.',
  },
  'check.start_date.pass': {
    vi: 'Bắt đầu ngày {on} (duyệt {approved}).',
    en: 'Starts on {on} (approved {approved}).',
  },
  'check.end_date.fail': {
    vi: 'Ngày kết thúc {end} trước ngày bắt đầu {start}.',
    en: 'End date {end} is before the start date {start}.',
  },
  'check.end_date.pass': {
    vi: 'Kết thúc ngày {end} (bắt đầu {start}).',
    en: 'Ends on {end} (started {start}).',
  },

  // domain errors
  'check.list': { vi: 'Không đáp ứng điều kiện: {list}', en: 'Conditions not met: {listEn}' },
  'status.draft': { vi: 'nháp', en: 'draft' },
  'status.proposed': { vi: 'đã đề xuất', en: 'proposed' },
  'status.approved': { vi: 'đã phê duyệt', en: 'approved' },
  'status.active': { vi: 'đang thực hiện', en: 'active' },
  'status.completed': { vi: 'đã kết thúc', en: 'completed' },
  'status.cancelled': { vi: 'đã hủy', en: 'cancelled' },
  'status.rejected': { vi: 'bị từ chối', en: 'rejected' },
  'level.commune': { vi: 'xã', en: 'commune' },
  'level.province': { vi: 'tỉnh', en: 'province' },
  'transition.approve': { vi: 'phê duyệt', en: 'approve' },
  'transition.reject': { vi: 'từ chối', en: 'reject' },
  'transition.start': { vi: 'bắt đầu', en: 'start' },
  'transition.complete': { vi: 'kết thúc', en: 'complete' },
  'transition.extend': { vi: 'gia hạn', en: 'extend' },
  'transition.cancel': { vi: 'hủy', en: 'cancel' },
  'domain.quota_exceeded': {
    vi: 'Hết biên chế tại {unit}: còn {free}, cần {needed}.',
    en: 'Quota of {unit} exceeded: {free} free, {needed} needed.',
  },
  'domain.quota_invariant': {
    vi: 'Số liệu biên chế của {unit} không khớp: {count} sẽ âm. Cần đối soát biên chế.',
    en: 'Quota counts of {unit} are inconsistent: {count} would become negative. Reconcile the quota.',
  },
  'domain.invalid_transition': {
    vi: 'Không thể {transitionVi} đề xuất đang ở trạng thái {statusVi}.',
    en: 'Cannot {transition} a movement that is {status}.',
  },
} as const satisfies Record<string, Bilingual>;
