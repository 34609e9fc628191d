/**
 * Personal dossiers (issue 13, Law 91/2025 on personal data, docs/personal-data.md):
 * the terms the server and the web client share without zod — the fields of
 * a private profile a dossier read can return, the purposes a read may state,
 * which role may state which purpose and which fields each purpose needs —
 * and the messages of the dossier area (see ./index.ts). Zod-free, so pages
 * import it as values (`@canbo/model/messages/dossiers`); the schemas of
 * ../dossiers.ts are built from these lists.
 */
import type { Bilingual } from './format';

/** The fields of cadres/{id}/private/profile a dossier read returns (updatedAt always comes along). */
export const DOSSIER_FIELDS = ['nationalId', 'phone', 'family', 'discipline', 'restrictions'] as const;
export type DossierFieldName = (typeof DOSSIER_FIELDS)[number];

/**
 * Why a dossier is read. Law 91/2025 lets personal data be processed only for
 * a stated, specific purpose and within it (docs/legal-basis.md §16): every
 * read names one of these, with a free-text detail (the file, the decision,
 * the case) of at least PURPOSE_DETAIL_MIN characters, except `self`.
 */
export const DOSSIER_PURPOSES = [
  'self',
  'appointment',
  'movement',
  'planning',
  'evaluation',
  'discipline',
  'records_update',
  'correction',
  'inspection',
  'complaint',
] as const;
export type DossierPurposeCode = (typeof DOSSIER_PURPOSES)[number];

/** The least length of the free-text detail of a purpose (other than `self`). */
export const PURPOSE_DETAIL_MIN = 10;

/** The roles that may read a dossier at all; every other role is refused before anything is read. */
export type DossierReaderRole = 'province_admin' | 'auditor' | 'commune_admin' | 'cadre';

/**
 * Which purposes each role may state (docs/personal-data.md, "Who reads a
 * dossier"). The province's organisation staff manage the cadres of the
 * province (appointment, movement, planning, discipline); the auditor
 * inspects and handles complaints; a commune admin works on the people on its
 * commune's quota; a person reads their own. Commune viewers and area
 * monitors have no purpose that needs national IDs, families or discipline:
 * they read none.
 */
export const PURPOSES_BY_ROLE: Readonly<Record<DossierReaderRole, readonly DossierPurposeCode[]>> = {
  province_admin: [
    'appointment',
    'movement',
    'planning',
    'evaluation',
    'discipline',
    'records_update',
    'correction',
  ],
  auditor: ['inspection', 'complaint'],
  commune_admin: ['appointment', 'movement', 'evaluation', 'records_update'],
  cadre: ['self'],
};

/**
 * The fields each purpose needs, and so the most a read for it returns (data
 * minimisation: only what the purpose requires, Law 91/2025). A read that asks
 * for a field outside its purpose is refused.
 */
export const PURPOSE_FIELDS: Readonly<Record<DossierPurposeCode, readonly DossierFieldName[]>> = {
  self: DOSSIER_FIELDS,
  // Relatives (QĐ 114), discipline waiting periods and the situations that forbid a move.
  appointment: ['nationalId', 'family', 'discipline', 'restrictions'],
  movement: ['family', 'discipline', 'restrictions'],
  planning: ['family', 'discipline'],
  evaluation: ['discipline'],
  discipline: ['nationalId', 'discipline'],
  records_update: DOSSIER_FIELDS,
  correction: DOSSIER_FIELDS,
  inspection: DOSSIER_FIELDS,
  complaint: DOSSIER_FIELDS,
};

/** Whether `role` is one that may read dossiers (then PURPOSES_BY_ROLE applies). */
export function isDossierReaderRole(role: string): role is DossierReaderRole {
  return role in PURPOSES_BY_ROLE;
}

export const DOSSIER_MESSAGES = {
  // Refusals of the dossier callables
  'dossier.error.roleNotAllowed': {
    vi: 'Vai trò {role} không được xem hồ sơ cá nhân',
    en: 'role {role} may not read personal dossiers',
  },
  'dossier.error.purposeNotAllowed': {
    vi: 'Vai trò {role} không được xem hồ sơ với mục đích "{purposeVi}"',
    en: 'role {role} may not read a dossier for the purpose "{purpose}"',
  },
  'dossier.error.fieldsOutsidePurpose': {
    vi: 'Mục đích "{purposeVi}" không cần các trường: {fields}',
    en: 'the purpose "{purpose}" does not need the fields: {fields}',
  },
  'dossier.error.purposeDetailShort': {
    vi: 'Cần nêu rõ mục đích (ít nhất {min} ký tự)',
    en: 'state the purpose in detail (at least {min} characters)',
  },
  'dossier.error.selfOnly': {
    vi: 'Mục đích "tự xem" chỉ dành cho chính người có hồ sơ',
    en: 'the purpose "self" is for the person concerned only',
  },
  'dossier.error.notOwnDossier': {
    vi: 'Chỉ được xem hồ sơ của chính mình',
    en: 'you may read only your own dossier',
  },
  'dossier.error.deleted': {
    vi: 'Hồ sơ cá nhân của {id} đã được xóa khi hết thời hạn lưu trữ',
    en: 'the private dossier of {id} was deleted when its retention period ended',
  },
  'dossier.error.unknownCorrection': {
    vi: 'Không có yêu cầu đính chính {id}',
    en: 'unknown correction request {id}',
  },
  'dossier.error.correctionClosed': {
    vi: 'Yêu cầu đính chính đã được xử lý ({status})',
    en: 'the correction request was already handled ({status})',
  },
  'dossier.error.correctionValueRequired': {
    vi: 'Cần giá trị đính chính cho trường {field}',
    en: 'a corrected value is needed for the field {field}',
  },
  'dossier.error.correctionValueInvalid': {
    vi: 'Giá trị đính chính không hợp lệ cho trường {field}',
    en: 'the corrected value is not valid for the field {field}',
  },
  'dossier.error.rejectReasonShort': {
    vi: 'Từ chối cần nêu lý do (ít nhất {min} ký tự)',
    en: 'a rejection needs a reason (at least {min} characters)',
  },
  // Fields of a private profile
  'dossier.field.nationalId': { vi: 'Số CCCD', en: 'National ID' },
  'dossier.field.phone': { vi: 'Điện thoại', en: 'Phone' },
  'dossier.field.family': { vi: 'Quan hệ gia đình', en: 'Family' },
  'dossier.field.discipline': { vi: 'Kỷ luật', en: 'Discipline' },
  'dossier.field.restrictions': {
    vi: 'Trường hợp không điều động, biệt phái',
    en: 'Situations that forbid a move',
  },
  // Purposes
  'dossier.purpose.self': { vi: 'Tự xem hồ sơ của mình', en: 'Reading my own dossier' },
  'dossier.purpose.appointment': { vi: 'Bổ nhiệm', en: 'Appointment' },
  'dossier.purpose.movement': {
    vi: 'Điều động, luân chuyển, biệt phái',
    en: 'Transfer, rotation, secondment',
  },
  'dossier.purpose.planning': { vi: 'Quy hoạch', en: 'Planning' },
  'dossier.purpose.evaluation': { vi: 'Đánh giá, xếp loại', en: 'Evaluation' },
  'dossier.purpose.discipline': { vi: 'Xem xét kỷ luật', en: 'Disciplinary matter' },
  'dossier.purpose.records_update': { vi: 'Cập nhật hồ sơ', en: 'Updating the records' },
  'dossier.purpose.correction': { vi: 'Xử lý yêu cầu đính chính', en: 'Handling a correction request' },
  'dossier.purpose.inspection': { vi: 'Thanh tra, kiểm tra', en: 'Inspection' },
  'dossier.purpose.complaint': { vi: 'Giải quyết khiếu nại, tố cáo', en: 'Complaint or denunciation' },
  // Correction requests
  'dossier.correction.open': { vi: 'Đang chờ xử lý', en: 'Open' },
  'dossier.correction.accepted': { vi: 'Đã đính chính', en: 'Accepted' },
  'dossier.correction.rejected': { vi: 'Từ chối', en: 'Rejected' },
  'dossier.correction.overdue': { vi: 'Quá hạn', en: 'Overdue' },
  // Audit reasons written by the server
  'dossier.audit.correctionAccepted': {
    vi: 'Đính chính trường {field} theo yêu cầu {id}: {note}',
    en: 'field {field} corrected on request {id}: {note}',
  },
  'dossier.audit.correctionRejected': {
    vi: 'Từ chối yêu cầu đính chính {id}: {note}',
    en: 'correction request {id} rejected: {note}',
  },
  'dossier.audit.retentionDeleted': {
    vi: 'Xóa hồ sơ cá nhân khi hết thời hạn lưu trữ ({months} tháng sau ngày {separatedOn})',
    en: 'private dossier deleted when its retention ended ({months} months after {separatedOn})',
  },
  // Web pages
  'dossier.nav.mine': { vi: 'Hồ sơ cá nhân của tôi', en: 'My personal dossier' },
  'dossier.nav.corrections': { vi: 'Yêu cầu đính chính', en: 'Correction requests' },
  'dossier.nav.reads': { vi: 'Nhật ký xem hồ sơ', en: 'Dossier access log' },
  'dossier.page.mine': { vi: 'Hồ sơ cá nhân của tôi', en: 'My personal dossier' },
  'dossier.page.view': { vi: 'Hồ sơ cá nhân', en: 'Personal dossier' },
  'dossier.page.corrections': {
    vi: 'Yêu cầu đính chính dữ liệu cá nhân',
    en: 'Requests to correct personal data',
  },
  'dossier.page.reads': { vi: 'Nhật ký xem hồ sơ cá nhân', en: 'Personal dossier access log' },
  'dossier.logged': {
    vi: 'Mỗi lần xem hồ sơ được ghi lại: người xem, thời điểm, các trường và mục đích. Người có hồ sơ và thanh tra xem được nhật ký này.',
    en: 'Every read of a dossier is logged: who, when, which fields and why. The person concerned and the auditors can see this log.',
  },
  'dossier.open': { vi: 'Xem hồ sơ cá nhân', en: 'Open the personal dossier' },
  'dossier.purpose': { vi: 'Mục đích', en: 'Purpose' },
  'dossier.purposeDetail': {
    vi: 'Nêu rõ mục đích (hồ sơ, quyết định, vụ việc)',
    en: 'Details of the purpose (file, decision, case)',
  },
  'dossier.fields': { vi: 'Các trường', en: 'Fields' },
  'dossier.read': { vi: 'Xem', en: 'Read' },
  'dossier.cancel': { vi: 'Hủy', en: 'Cancel' },
  'dossier.readsOfMine': { vi: 'Ai đã xem hồ sơ của tôi', en: 'Who read my dossier' },
  'dossier.reader': { vi: 'Người xem', en: 'Reader' },
  'dossier.role': { vi: 'Vai trò', en: 'Role' },
  'dossier.at': { vi: 'Thời điểm', en: 'When' },
  'dossier.cadre': { vi: 'Cán bộ', en: 'Person' },
  'dossier.detail': { vi: 'Chi tiết', en: 'Detail' },
  'dossier.none': { vi: 'Không có', en: 'None' },
  'dossier.family.relation': { vi: 'Quan hệ', en: 'Relation' },
  'dossier.family.name': { vi: 'Họ và tên', en: 'Name' },
  'dossier.family.birthYear': { vi: 'Năm sinh', en: 'Born' },
  'dossier.discipline.level': { vi: 'Hình thức', en: 'Level' },
  'dossier.discipline.decision': { vi: 'Quyết định', en: 'Decision' },
  'dossier.correction.request': { vi: 'Yêu cầu đính chính', en: 'Request a correction' },
  'dossier.correction.field': { vi: 'Trường cần đính chính', en: 'Field to correct' },
  'dossier.correction.proposed': { vi: 'Nội dung đúng', en: 'Correct value' },
  'dossier.correction.reason': { vi: 'Lý do', en: 'Reason' },
  'dossier.correction.send': { vi: 'Gửi yêu cầu', en: 'Send the request' },
  'dossier.correction.sent': {
    vi: 'Đã gửi yêu cầu; hạn trả lời: {due}',
    en: 'Request sent; answer due by {due}',
  },
  'dossier.correction.mine': { vi: 'Yêu cầu đính chính của tôi', en: 'My correction requests' },
  'dossier.correction.status': { vi: 'Trạng thái', en: 'Status' },
  'dossier.correction.due': { vi: 'Hạn trả lời', en: 'Answer due' },
  'dossier.correction.requestedAt': { vi: 'Ngày yêu cầu', en: 'Requested' },
  'dossier.correction.accept': { vi: 'Đính chính', en: 'Accept' },
  'dossier.correction.reject': { vi: 'Từ chối', en: 'Reject' },
  'dossier.correction.value': {
    vi: 'Giá trị ghi vào hồ sơ (JSON với quan hệ gia đình, kỷ luật, hạn chế)',
    en: 'Value to record (JSON for family, discipline, restrictions)',
  },
  'dossier.correction.note': { vi: 'Ghi chú / lý do', en: 'Note / reason' },
  'dossier.correction.onlyOverdue': { vi: 'Chỉ yêu cầu quá hạn', en: 'Overdue only' },
  'dossier.filter.from': { vi: 'Từ ngày', en: 'From' },
  'dossier.filter.to': { vi: 'Đến ngày', en: 'To' },
  'dossier.filter.cadre': { vi: 'Mã cán bộ', en: 'Person id' },
  'dossier.filter.reader': { vi: 'Tài khoản xem', en: 'Reader account' },
  'dossier.filter.apply': { vi: 'Lọc', en: 'Filter' },
  'dossier.disciplineLevel.reprimand': { vi: 'Khiển trách', en: 'Reprimand' },
  'dossier.disciplineLevel.warning': { vi: 'Cảnh cáo', en: 'Warning' },
  'dossier.disciplineLevel.removal': { vi: 'Cách chức', en: 'Removal from post' },
  'dossier.disciplineLevel.dismissal': { vi: 'Buộc thôi việc', en: 'Dismissal' },
  'dossier.restriction.underDisciplineReview': {
    vi: 'Đang bị xem xét kỷ luật',
    en: 'Under disciplinary review',
  },
  'dossier.restriction.underInvestigation': {
    vi: 'Đang bị điều tra, truy tố, xét xử',
    en: 'Under investigation',
  },
  'dossier.restriction.seriousIllness': { vi: 'Đang điều trị bệnh hiểm nghèo', en: 'Serious illness' },
  'dossier.restriction.longTermTraining': { vi: 'Đang đi học dài hạn', en: 'Long-term training' },
  'dossier.restriction.pregnantOrMaternity': { vi: 'Mang thai, nghỉ thai sản', en: 'Pregnancy or maternity' },
  'dossier.restriction.youngestChildBirthDate': {
    vi: 'Ngày sinh con nhỏ nhất',
    en: "Youngest child's birth date",
  },
  'dossier.restriction.specialHardship': { vi: 'Hoàn cảnh đặc biệt khó khăn', en: 'Special hardship' },
  'dossier.restriction.headRestriction': {
    vi: 'Quyết định của người đứng đầu',
    en: "Competent head's decision",
  },
  'dossier.restriction.none': { vi: 'Không có trường hợp nào', en: 'None of the situations' },
  'dossier.self': { vi: 'Chính mình', en: 'Myself' },
  'dossier.retention.title': { vi: 'Lưu trữ và xóa hồ sơ', en: 'Retention and deletion' },
} as const satisfies Record<string, Bilingual>;
