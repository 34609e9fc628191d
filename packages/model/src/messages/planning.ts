/**
 * Messages of the planning area (see ./index.ts): the QĐ 377 rules an
 * addition meets or breaks, their basis, the annual review's flags, the
 * planning errors, the movement check `in_planning` and the planning pages'
 * labels (docs/legal-basis.md §15, docs/planning.md).
 */
import type { Bilingual } from './format';

export const PLANNING_MESSAGES = {
  // Basis of each rule (short citations, Vietnamese first)
  'planning.basis.cadre_status': {
    vi: 'Hồ sơ cán bộ: chỉ quy hoạch người đang công tác',
    en: 'Personnel record: only a person in service is planned',
  },
  'planning.basis.already_planned': {
    vi: 'Danh sách quy hoạch: mỗi người một lần trong một danh sách',
    en: 'Planning list: a person appears once on a list',
  },
  'planning.basis.higher_post': {
    vi: 'Quy định 377-QĐ/TW: quy hoạch vào chức danh cao hơn',
    en: 'Regulation 377-QĐ/TW: planning is for a higher post',
  },
  'planning.basis.per_post_cap': {
    vi: 'Quy định 377-QĐ/TW: mỗi chức danh quy hoạch không quá 3 người',
    en: 'Regulation 377-QĐ/TW: at most 3 people planned per post',
  },
  'planning.basis.per_person_cap': {
    vi: 'Quy định 377-QĐ/TW: mỗi người không quá 3 chức danh cùng cấp',
    en: 'Regulation 377-QĐ/TW: at most 3 posts of the same level per person',
  },
  'planning.basis.age': {
    vi: 'Quy định 377-QĐ/TW (trước đây Quy định 50-QĐ/TW): đủ tuổi công tác trọn ít nhất một nhiệm kỳ',
    en: 'Regulation 377-QĐ/TW (formerly 50-QĐ/TW): young enough to serve at least one full term',
  },
  'planning.basis.discipline': {
    vi: 'Quy định 377-QĐ/TW: sau kỷ luật khiển trách 24 tháng, cảnh cáo 36 tháng, cách chức 60 tháng',
    en: 'Regulation 377-QĐ/TW: 24 months after a reprimand, 36 after a warning, 60 after removal from post',
  },
  'planning.basis.appointment_pending': {
    vi: 'Quy định 377-QĐ/TW: không quy hoạch đồng thời với đề xuất bổ nhiệm',
    en: 'Regulation 377-QĐ/TW: no planning while proposed for appointment',
  },

  // Outcomes of the rules
  'planning.rule.cadre_status.pass': { vi: 'Cán bộ đang công tác.', en: 'The person is in service.' },
  'planning.rule.cadre_status.fail': {
    vi: 'Cán bộ không còn công tác ({status}).',
    en: 'The person is no longer in service ({status}).',
  },
  'planning.rule.already_planned.pass': {
    vi: 'Chưa có trong danh sách này.',
    en: 'Not on this list yet.',
  },
  'planning.rule.already_planned.fail': {
    vi: 'Cán bộ đã có trong danh sách quy hoạch này.',
    en: 'The person is already on this planning list.',
  },
  'planning.rule.higher_post.pass': {
    vi: 'Chức danh quy hoạch (bậc {target}) cao hơn chức vụ hiện giữ (bậc {current}).',
    en: 'The planned post (rank {target}) is above the post held (rank {current}).',
  },
  'planning.rule.higher_post.fail': {
    vi: 'Chức danh quy hoạch (bậc {target}) không cao hơn chức vụ hiện giữ (bậc {current}).',
    en: 'The planned post (rank {target}) is not above the post held (rank {current}).',
  },
  'planning.rule.per_post_cap.pass': {
    vi: 'Chức danh có {count}/{max} người quy hoạch.',
    en: 'The post has {count} of {max} people planned.',
  },
  'planning.rule.per_post_cap.fail': {
    vi: 'Chức danh đã đủ {max} người quy hoạch.',
    en: 'The post already has {max} people planned.',
  },
  'planning.rule.per_person_cap.pass': {
    vi: 'Cán bộ đang quy hoạch {count}/{max} chức danh cấp {levelVi}.',
    en: 'The person is planned for {count} of {max} {level}-level posts.',
  },
  'planning.rule.per_person_cap.fail': {
    vi: 'Cán bộ đã quy hoạch đủ {max} chức danh cấp {levelVi} trong nhiệm kỳ {term}.',
    en: 'The person is already planned for {max} {level}-level posts in term {term}.',
  },
  'planning.rule.age.pass': {
    vi: 'Nghỉ hưu ngày {retires}, sau khi kết thúc nhiệm kỳ ({end}).',
    en: 'Retires on {retires}, after the term ends ({end}).',
  },
  'planning.rule.age.fail': {
    vi: 'Nghỉ hưu ngày {retires}, trước khi kết thúc nhiệm kỳ ({end}): không đủ tuổi công tác trọn nhiệm kỳ.',
    en: 'Retires on {retires}, before the term ends ({end}): cannot serve the full term.',
  },
  'planning.rule.discipline.pass': {
    vi: 'Không có kỷ luật trong thời hạn chưa được quy hoạch.',
    en: 'No discipline within its waiting period.',
  },
  'planning.rule.discipline.fail': {
    vi: 'Bị kỷ luật {levelVi} ngày {decidedOn}: chưa được quy hoạch trước ngày {eligibleOn}.',
    en: 'Disciplined ({level}) on {decidedOn}: not eligible before {eligibleOn}.',
  },
  'planning.rule.discipline.dismissed': {
    vi: 'Bị kỷ luật buộc thôi việc ngày {decidedOn}: không quy hoạch.',
    en: 'Dismissed on {decidedOn}: cannot be planned.',
  },
  'planning.rule.appointment_pending.pass': {
    vi: 'Không đang được đề xuất bổ nhiệm vào chức danh này.',
    en: 'Not proposed for appointment to this post.',
  },
  'planning.rule.appointment_pending.fail': {
    vi: 'Đang được đề xuất bổ nhiệm vào chức danh này ({id}): không quy hoạch đồng thời.',
    en: 'Proposed for appointment to this post ({id}): not planned at the same time.',
  },
  'planning.discipline.reprimand': { vi: 'khiển trách', en: 'reprimand' },
  'planning.discipline.warning': { vi: 'cảnh cáo', en: 'warning' },
  'planning.discipline.removal': { vi: 'cách chức', en: 'removal from post' },
  'planning.discipline.dismissal': { vi: 'buộc thôi việc', en: 'dismissal' },
  'planning.level.commune': { vi: 'xã', en: 'commune' },
  'planning.level.province': { vi: 'tỉnh', en: 'province' },

  // The annual review's flags
  'planning.flag.kht': {
    vi: 'Xếp loại không hoàn thành nhiệm vụ năm {year} ({periods}).',
    en: 'Rated KHT (did not complete) in {year} ({periods}).',
  },
  'planning.flag.discipline': {
    vi: 'Bị kỷ luật {levelVi} ngày {decidedOn}.',
    en: 'Disciplined ({level}) on {decidedOn}.',
  },
  'planning.flag.over_age': {
    vi: 'Nghỉ hưu ngày {retires}, trước khi kết thúc nhiệm kỳ ({end}).',
    en: 'Retires on {retires}, before the term ends ({end}).',
  },
  'planning.flag.standards': {
    vi: 'Không còn đáp ứng tiêu chuẩn của {post}: {gaps}.',
    en: 'No longer meets the standards of {postEn}: {gapsEn}.',
  },
  'planning.flag.left_service': {
    vi: 'Không còn công tác ({status}).',
    en: 'No longer in service ({status}).',
  },
  'planning.gap.education': { vi: 'trình độ chuyên môn', en: 'education' },
  'planning.gap.political_theory': { vi: 'lý luận chính trị', en: 'political theory' },
  'planning.gap.party_member': { vi: 'chưa là đảng viên', en: 'not a Party member' },

  // The targets file (data/catalogue/planning-targets.json), for whoever edits it
  'planning.targets.openBelow': {
    vi: 'nhóm tuổi đầu tiên phải không có giới hạn dưới',
    en: 'the first age band must be open below',
  },
  'planning.targets.openAbove': {
    vi: 'nhóm tuổi cuối cùng phải không có giới hạn trên',
    en: 'the last age band must be open above',
  },
  'planning.targets.gap': {
    vi: 'nhóm tuổi {band} phải bắt đầu ngay sau {previous}',
    en: 'age band {band} must start the year after {previous}',
  },
  'planning.review.reason': {
    vi: 'Rà soát quy hoạch hằng năm {year}',
    en: 'annual planning review {year}',
  },

  // Errors
  'planning.refused': {
    vi: 'Không thể đưa vào quy hoạch: {list}',
    en: 'Cannot be planned: {listEn}',
  },
  'planning.notOnList': {
    vi: 'Cán bộ {cadreId} không có trong danh sách quy hoạch {listId}',
    en: 'Person {cadreId} is not on planning list {listId}',
  },
  'planning.unknownPosition': {
    vi: 'Không có chức danh {positionId} trong danh mục',
    en: 'No post {positionId} in the catalogue',
  },
  'planning.levelMismatch': {
    vi: 'Chức danh {positionId} là chức danh cấp {levelVi}, không thuộc đơn vị {unitCode}',
    en: 'Post {positionId} is a {level}-level post, not one of unit {unitCode}',
  },
  'planning.notLeadership': {
    vi: 'Chỉ quy hoạch chức danh lãnh đạo, quản lý; {positionId} không phải',
    en: 'Only leadership posts are planned; {positionId} is not one',
  },

  // The movement check in_planning (docs/legal-basis.md §15)
  'check.in_planning.pass': {
    vi: 'Cán bộ trong quy hoạch {planned} (nhiệm kỳ {term}).',
    en: 'The person is planned for {plannedEn} (term {term}).',
  },
  'check.in_planning.fail': {
    vi: 'Cán bộ không trong quy hoạch {post} hoặc chức danh tương đương.',
    en: 'The person is not planned for {postEn} or an equivalent post.',
  },

  // Pages
  'planning.ui.title': { vi: 'Quy hoạch cán bộ', en: 'Cadre planning' },
  'planning.ui.nav': { vi: 'Quy hoạch', en: 'Planning' },
  'planning.ui.term': { vi: 'Nhiệm kỳ', en: 'Term' },
  'planning.ui.unit': { vi: 'Đơn vị', en: 'Unit' },
  'planning.ui.post': { vi: 'Chức danh', en: 'Post' },
  'planning.ui.people': { vi: 'Người được quy hoạch', en: 'People planned' },
  'planning.ui.person': { vi: 'Cán bộ', en: 'Person' },
  'planning.ui.birthDate': { vi: 'Ngày sinh', en: 'Born' },
  'planning.ui.gender': { vi: 'Giới tính', en: 'Gender' },
  'planning.ui.addedOn': { vi: 'Ngày đưa vào', en: 'Added on' },
  'planning.ui.flags': { vi: 'Cần xem xét', en: 'To review' },
  'planning.ui.noFlags': { vi: 'Không', en: 'None' },
  'planning.ui.add': { vi: 'Bổ sung quy hoạch', en: 'Add to planning' },
  'planning.ui.remove': { vi: 'Đưa ra khỏi quy hoạch', en: 'Remove from planning' },
  'planning.ui.cadreId': { vi: 'Mã cán bộ', en: 'Person id' },
  'planning.ui.reason': { vi: 'Căn cứ / lý do', en: 'Basis / reason' },
  'planning.ui.submit': { vi: 'Ghi nhận', en: 'Record' },
  'planning.ui.added': { vi: 'Đã bổ sung vào quy hoạch.', en: 'Added to planning.' },
  'planning.ui.removed': { vi: 'Đã đưa ra khỏi quy hoạch.', en: 'Removed from planning.' },
  'planning.ui.review': { vi: 'Rà soát hằng năm', en: 'Annual review' },
  'planning.ui.reviewDone': {
    vi: 'Đã rà soát {lists} danh sách, {flagged} người cần xem xét.',
    en: 'Reviewed {lists} lists, {flagged} people to consider.',
  },
  'planning.ui.structure': { vi: 'Cơ cấu so với mục tiêu', en: 'Structure against targets' },
  'planning.ui.figure': { vi: 'Chỉ tiêu', en: 'Figure' },
  'planning.ui.actual': { vi: 'Thực tế', en: 'Actual' },
  'planning.ui.target': { vi: 'Mục tiêu', en: 'Target' },
  'planning.ui.met': { vi: 'Đạt', en: 'Met' },
  'planning.ui.notMet': { vi: 'Chưa đạt', en: 'Not met' },
  'planning.ui.unconfirmed': { vi: '(chưa xác nhận)', en: '(unconfirmed)' },
  'planning.ui.province': { vi: 'Toàn tỉnh', en: 'Whole province' },
  'planning.ui.empty': { vi: 'Chưa có danh sách quy hoạch.', en: 'No planning lists yet.' },
  'planning.ui.rules': { vi: 'Điều kiện', en: 'Rules' },
  'planning.ui.checkFirst': { vi: 'Kiểm tra điều kiện', en: 'Check the rules' },
  'planning.ui.count': { vi: '{count} người', en: '{count} people' },
  'planning.figure.young': { vi: 'Cán bộ trẻ', en: 'Young cadres' },
  'planning.figure.women': { vi: 'Cán bộ nữ', en: 'Women' },
  'planning.figure.ethnicMinority': { vi: 'Dân tộc thiểu số', en: 'Ethnic minorities' },
} as const satisfies Record<string, Bilingual>;
