/**
 * Messages of the area monitors (issue 13, docs/monitors.md): labels of the
 * fields, entry kinds and follow-up states, the errors of the monitor
 * callables, audit reasons and the text of the monitor pages. Vietnamese first.
 */
import type { Bilingual } from './format';

export const MONITOR_MESSAGES = {
  // Fields of work (packages/model/src/monitors.ts MONITOR_FIELDS)
  'monitorField.party_building': { vi: 'Xây dựng Đảng', en: 'Party building' },
  'monitorField.government': { vi: 'Chính quyền', en: 'Government' },
  'monitorField.mass_organisations': {
    vi: 'Mặt trận Tổ quốc và đoàn thể',
    en: 'Fatherland Front and mass organisations',
  },
  'monitorField.socio_economic': { vi: 'Kinh tế - xã hội', en: 'Economy and society' },
  'monitorField.defence_security': { vi: 'Quốc phòng - an ninh', en: 'Defence and security' },
  'monitorKind.visit': { vi: 'Chuyến thăm, làm việc', en: 'Visit' },
  'monitorKind.finding': { vi: 'Phát hiện', en: 'Finding' },
  'monitorKind.recommendation': { vi: 'Kiến nghị', en: 'Recommendation' },
  'followUp.open': { vi: 'Chưa xử lý', en: 'Open' },
  'followUp.in_progress': { vi: 'Đang xử lý', en: 'In progress' },
  'followUp.done': { vi: 'Đã xử lý xong', en: 'Done' },

  // Errors of the callables
  'monitor.error.notAMonitor': {
    vi: 'Tài khoản {uid} không phải cán bộ theo dõi địa bàn của tỉnh',
    en: 'account {uid} is not an area monitor of the province',
  },
  'monitor.error.notFollowing': {
    vi: 'Anh/chị không được phân công theo dõi xã {code}',
    en: 'you are not assigned to monitor commune {code}',
  },
  'monitor.error.communeNotFollowed': {
    vi: 'Cán bộ {uid} hiện không theo dõi xã {code}',
    en: 'monitor {uid} does not follow commune {code} now',
  },
  'monitor.error.sameMonitor': {
    vi: 'Người nhận phải khác người đang theo dõi',
    en: 'the new monitor must differ from the current one',
  },
  'monitor.error.unknownEntry': {
    vi: 'Không có mục nhật ký {id}',
    en: 'no work log entry {id}',
  },
  'monitor.error.noFollowUp': {
    vi: 'Chuyến thăm không có theo dõi xử lý; chỉ phát hiện và kiến nghị mới có',
    en: 'a visit has no follow-up; only findings and recommendations do',
  },
  'monitor.error.futureDate': {
    vi: 'Ngày {date} chưa đến',
    en: 'the date {date} is in the future',
  },
  'monitor.error.dueBeforeDate': {
    vi: 'Hạn xử lý phải từ ngày ghi nhận trở đi',
    en: 'the due date must be on or after the date recorded',
  },
  'monitor.error.dueOnlyForRecommendation': {
    vi: 'Chỉ kiến nghị mới có hạn xử lý',
    en: 'only a recommendation has a due date',
  },
  'monitor.error.otherMonitorsReport': {
    vi: 'Chỉ xem được báo cáo của chính mình',
    en: 'you may only see your own report',
  },

  // Audit reasons
  'monitor.audit.assign': {
    vi: 'Phân công địa bàn theo dõi: {reason}',
    en: 'area monitor assignment: {reason}',
  },
  'monitor.field.period': {
    vi: 'Kỳ báo cáo dạng 2026-11 (tháng) hoặc 2026-Q4 (quý)',
    en: 'period as 2026-11 (month) or 2026-Q4 (quarter)',
  },
  'monitor.audit.entry': { vi: 'Ghi nhật ký theo dõi địa bàn', en: 'area monitor work log' },

  // Pages
  'mon.ui.myCommunes': { vi: 'Các xã tôi theo dõi', en: 'My communes' },
  'mon.ui.fields': { vi: 'Lĩnh vực theo dõi', en: 'Fields followed' },
  'mon.ui.noCommunes': {
    vi: 'Anh/chị hiện chưa được phân công theo dõi xã nào.',
    en: 'You are not assigned any commune at present.',
  },
  'mon.ui.log': { vi: 'Nhật ký theo dõi', en: 'Work log' },
  'mon.ui.logEmpty': { vi: 'Chưa có mục nhật ký.', en: 'No entries yet.' },
  'mon.ui.newEntry': { vi: 'Ghi nhật ký', en: 'New entry' },
  'mon.ui.commune': { vi: 'Xã', en: 'Commune' },
  'mon.ui.kind': { vi: 'Loại', en: 'Kind' },
  'mon.ui.date': { vi: 'Ngày', en: 'Date' },
  'mon.ui.field': { vi: 'Lĩnh vực', en: 'Field' },
  'mon.ui.summary': { vi: 'Nội dung', en: 'Summary' },
  'mon.ui.dueDate': { vi: 'Hạn xử lý', en: 'Due date' },
  'mon.ui.followUp': { vi: 'Theo dõi xử lý', en: 'Follow-up' },
  'mon.ui.note': { vi: 'Ghi chú', en: 'Note' },
  'mon.ui.save': { vi: 'Ghi lại', en: 'Save' },
  'mon.ui.saved': { vi: 'Đã ghi.', en: 'Saved.' },
  'mon.ui.setState': { vi: 'Cập nhật', en: 'Update' },
  'mon.ui.followUps': { vi: 'Việc cần theo dõi xử lý', en: 'Follow-ups' },
  'mon.ui.noFollowUps': { vi: 'Không có việc đang mở.', en: 'Nothing open.' },
  'mon.ui.report': { vi: 'Báo cáo định kỳ', en: 'Periodic report' },
  'mon.ui.period': { vi: 'Kỳ báo cáo', en: 'Period' },
  'mon.ui.visits': { vi: 'Chuyến thăm', en: 'Visits' },
  'mon.ui.findings': { vi: 'Phát hiện', en: 'Findings' },
  'mon.ui.recommendations': { vi: 'Kiến nghị', en: 'Recommendations' },
  'mon.ui.open': { vi: 'Chưa xong', en: 'Open' },
  'mon.ui.done': { vi: 'Đã xong', en: 'Done' },
  'mon.ui.total': { vi: 'Tổng', en: 'Total' },
  'mon.ui.reportTitle': {
    vi: 'Báo cáo theo dõi địa bàn kỳ {period} ({from} – {to})',
    en: 'Area monitoring report {period} ({from} – {to})',
  },
  'mon.ui.province': { vi: 'Cán bộ theo dõi địa bàn', en: 'Area monitors' },
  'mon.ui.monitor': { vi: 'Cán bộ theo dõi', en: 'Monitor' },
  'mon.ui.communes': { vi: 'Các xã', en: 'Communes' },
  'mon.ui.from': { vi: 'Từ ngày', en: 'From' },
  'mon.ui.to': { vi: 'Đến ngày', en: 'To' },
  'mon.ui.decision': { vi: 'Quyết định', en: 'Decision' },
  'mon.ui.decidedBy': { vi: 'Người quyết định', en: 'Decided by' },
  'mon.ui.reason': { vi: 'Lý do', en: 'Reason' },
  'mon.ui.history': { vi: 'Lịch sử phân công', en: 'Assignment history' },
  'mon.ui.current': { vi: 'đang hiệu lực', en: 'current' },
  'mon.ui.reassign': { vi: 'Chuyển xã cho cán bộ khác', en: 'Reassign a commune' },
  'mon.ui.assign': { vi: 'Phân công địa bàn', en: 'Assign communes' },
  'mon.ui.toMonitor': { vi: 'Chuyển cho', en: 'To monitor' },
  'mon.ui.communeCodes': {
    vi: 'Mã các xã (cách nhau bởi dấu phẩy)',
    en: 'Commune codes (comma-separated)',
  },
  'mon.ui.none': { vi: 'Chưa có cán bộ theo dõi địa bàn.', en: 'No area monitors yet.' },
  'mon.ui.provinceLog': { vi: 'Nhật ký các xã', en: 'Communes’ work log' },
} as const satisfies Record<string, Bilingual>;
