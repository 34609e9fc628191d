/**
 * Messages of the reports area (issue 13, docs/reports.md): the headings of
 * the board's standard reports in its own terms, and the reports pages' text.
 * Vietnamese first; the English is a working translation.
 */
import type { Bilingual } from './format';

export const REPORT_MESSAGES = {
  // The kinds, as the board names them
  'report.kind.staffing': {
    vi: 'Biên chế được giao và đã bố trí theo khối',
    en: 'Staffing quotas allocated and filled by block',
  },
  'report.kind.reinforcement': {
    vi: 'Tăng cường cán bộ cấp tỉnh về chức danh chủ chốt cấp xã',
    en: 'Provincial cadres sent to commune key posts',
  },
  'report.kind.movements': {
    vi: 'Điều động, luân chuyển, biệt phái theo loại và trạng thái',
    en: 'Movements by type and status',
  },
  'report.kind.evaluations': {
    vi: 'Kết quả đánh giá, xếp loại theo đơn vị',
    en: 'Evaluation results by unit',
  },
  'report.kind.planning': {
    vi: 'Cơ cấu quy hoạch so với mục tiêu',
    en: 'Planning structure against targets',
  },
  'report.kind.monitors': {
    vi: 'Hoạt động của cán bộ theo dõi địa bàn',
    en: 'Area monitors’ activity',
  },
  'report.planning.title': {
    vi: 'BÁO CÁO CƠ CẤU CÁN BỘ TRONG QUY HOẠCH',
    en: 'REPORT ON THE STRUCTURE OF CADRES IN PLANNING',
  },
  'report.planning.subtitle': { vi: 'Nhiệm kỳ {term}', en: 'Term {term}' },
  'report.monitors.title': {
    vi: 'BÁO CÁO HOẠT ĐỘNG CỦA CÁN BỘ THEO DÕI ĐỊA BÀN',
    en: 'REPORT ON THE WORK OF AREA MONITORS',
  },
  'report.col.planned': { vi: 'Số người trong quy hoạch', en: 'People planned' },
  'report.col.count': { vi: 'Số người', en: 'People' },
  'report.col.share': { vi: 'Tỷ lệ (%)', en: 'Share (%)' },
  'report.band.target': { vi: '{label} (mục tiêu ≥ {min}%)', en: '{label} (target ≥ {min}%)' },
  'report.row.targetsMet': { vi: 'Số tiêu chí đạt', en: 'Targets met' },
  'report.col.visits': { vi: 'Lượt làm việc', en: 'Visits' },
  'report.col.findings': { vi: 'Phát hiện', en: 'Findings' },
  'report.col.recommendations': { vi: 'Kiến nghị', en: 'Recommendations' },
  'report.col.open': { vi: 'Chưa xử lý xong', en: 'Still open' },
  'report.col.done': { vi: 'Đã xử lý', en: 'Done' },
  'report.group.monitor': { vi: 'Cán bộ theo dõi: {uid}', en: 'Monitor: {uid}' },
  'report.note.planning': {
    vi: 'Mỗi người tính một lần trong đơn vị (dù trong quy hoạch nhiều chức danh); tuổi tính tại ngày đầu nhiệm kỳ; mục tiêu theo cấu hình của tỉnh (Quy định 377-QĐ/TW).',
    en: 'Each person counted once per unit (even when planned for several posts); ages at the start of the term; targets from the province’s configuration (Regulation 377-QĐ/TW).',
  },
  'report.note.monitors': {
    vi: 'Theo sổ theo dõi của cán bộ theo dõi địa bàn; "chưa xử lý xong" và "đã xử lý" tính phát hiện, kiến nghị trong kỳ theo tình trạng hiện tại.',
    en: 'From the area monitors’ work log; "still open" and "done" count the period’s findings and recommendations as they stand now.',
  },

  // Input errors of generateReport
  'report.input.needed': { vi: 'Báo cáo này cần trường này', en: 'this report needs this field' },
  'report.input.endBeforeStart': {
    vi: 'Ngày kết thúc trước ngày bắt đầu',
    en: 'the end date is before the start date',
  },

  // Titles and subtitles (printed under the national heading)
  'report.staffing.title': {
    vi: 'BÁO CÁO TÌNH HÌNH GIAO VÀ SỬ DỤNG BIÊN CHẾ CẤP XÃ',
    en: 'REPORT ON COMMUNE STAFFING QUOTAS ALLOCATED AND USED',
  },
  'report.staffing.subtitle': { vi: 'Năm {year}', en: 'Year {year}' },
  'report.reinforcement.title': {
    vi: 'BÁO CÁO TĂNG CƯỜNG CÁN BỘ CẤP TỈNH VỀ CHỨC DANH CHỦ CHỐT CẤP XÃ',
    en: 'REPORT ON PROVINCIAL CADRES SENT TO COMMUNE KEY POSTS',
  },
  'report.period.subtitle': { vi: 'Từ ngày {from} đến ngày {to}', en: 'From {from} to {to}' },
  'report.movements.title': {
    vi: 'BÁO CÁO TÌNH HÌNH ĐIỀU ĐỘNG, LUÂN CHUYỂN, BIỆT PHÁI CÁN BỘ',
    en: 'REPORT ON TRANSFERS, ROTATIONS AND SECONDMENTS OF CADRES',
  },
  'report.evaluations.title': {
    vi: 'BÁO CÁO KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC',
    en: 'REPORT ON THE EVALUATION AND RATING OF CADRES AND CIVIL SERVANTS',
  },
  'report.evaluations.subtitle': { vi: 'Quý {q} năm {year}', en: 'Quarter {q} of {year}' },

  // Row headings and groups
  'report.row.commune': { vi: 'Đơn vị hành chính cấp xã', en: 'Commune' },
  'report.row.unit': { vi: 'Cơ quan, đơn vị', en: 'Agency or unit' },
  'report.row.person': { vi: 'Họ và tên', en: 'Full name' },
  'report.row.movementType': { vi: 'Hình thức', en: 'Type' },
  'report.group.xa': { vi: 'Xã', en: 'Communes' },
  'report.group.phuong': { vi: 'Phường', en: 'Wards' },
  'report.group.dac_khu': { vi: 'Đặc khu', en: 'Special zones' },
  'report.group.provinceUnits': { vi: 'Các cơ quan, đơn vị cấp tỉnh', en: 'Provincial agencies' },
  'report.group.communes': { vi: 'Các xã, phường, đặc khu', en: 'Communes, wards and special zones' },
  'report.group.all': { vi: 'Tất cả', en: 'All' },
  'report.group.quarter': { vi: 'Quý {q} năm {year}', en: 'Q{q} {year}' },
  'report.subtotal': { vi: 'Cộng', en: 'Subtotal' },
  'report.total': { vi: 'Tổng cộng', en: 'Total' },
  'report.people': { vi: 'Cộng: {n} người', en: 'Subtotal: {n} people' },
  'report.peopleTotal': { vi: 'Tổng cộng: {n} người', en: 'Total: {n} people' },

  // Columns
  'report.col.allocated': { vi: 'Biên chế được giao', en: 'Allocated' },
  'report.col.filled': { vi: 'Đã bố trí', en: 'Filled' },
  'report.col.reserved': { vi: 'Biệt phái (giữ biên chế)', en: 'Seconded away (kept)' },
  'report.col.incoming': { vi: 'Chờ tiếp nhận', en: 'Incoming' },
  'report.col.free': { vi: 'Còn trống', en: 'Free' },
  'report.band.allBlocks': { vi: 'Tổng số', en: 'All blocks' },
  'report.col.fromUnit': { vi: 'Đơn vị công tác trước', en: 'From' },
  'report.col.toUnit': { vi: 'Đơn vị đến (cấp xã)', en: 'To (commune)' },
  'report.col.post': { vi: 'Chức danh', en: 'Post' },
  'report.col.type': { vi: 'Hình thức', en: 'Type' },
  'report.col.startDate': { vi: 'Ngày bắt đầu', en: 'Start date' },
  'report.col.status': { vi: 'Trạng thái', en: 'Status' },
  'report.col.total': { vi: 'Tổng số', en: 'Total' },
  'report.col.people': { vi: 'Tổng số người', en: 'People' },
  'report.col.notRated': { vi: 'Chưa xếp loại', en: 'Not rated' },
  'report.col.goodShare': { vi: 'Tỷ lệ HTXS + HTT (%)', en: 'HTXS + HTT (%)' },
  'report.band.levels': { vi: 'Xếp loại', en: 'Rating' },
  'report.band.status': { vi: 'Trạng thái', en: 'Status' },

  // Notes under the tables
  'report.note.staffing': {
    vi: 'Số liệu theo biên chế được giao năm {year} của từng đơn vị (gồm cả cơ quan trực thuộc xã); "Còn trống" = được giao − đã bố trí − biệt phái − chờ tiếp nhận (số âm: vượt biên chế).',
    en: 'Figures of the {year} quotas of each unit (its agencies included); "Free" = allocated − filled − seconded away − incoming (negative: over quota).',
  },
  'report.note.reinforcement': {
    vi: 'Người chuyển từ cơ quan, đơn vị cấp tỉnh về chức danh chủ chốt của xã (điều động, luân chuyển, biệt phái, bổ nhiệm) đã được phê duyệt, theo ngày bắt đầu.',
    en: 'People moved from provincial agencies to commune key posts (transfer, rotation, secondment, appointment), approved, by start date.',
  },
  'report.note.movements': {
    vi: 'Đề xuất có ngày bắt đầu trong kỳ báo cáo, theo trạng thái hiện tại.',
    en: 'Proposals whose start date is in the period, by their current status.',
  },
  'report.note.evaluations': {
    vi: 'Xếp loại sau khi xem xét (nếu có); theo Nghị định 335/2025/NĐ-CP.',
    en: 'Levels after review where there is one; under Decree 335/2025.',
  },

  // The printed layout (docs/reports.md)
  'report.print.nation': {
    vi: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    en: 'SOCIALIST REPUBLIC OF VIETNAM',
  },
  'report.print.motto': { vi: 'Độc lập - Tự do - Hạnh phúc', en: 'Independence - Freedom - Happiness' },
  'report.print.placeDate': {
    vi: '{place}, ngày {d} tháng {m} năm {y}',
    en: '{place}, {y}-{m}-{d}',
  },
  'report.print.issuer': { vi: 'UBND {unit}', en: 'People’s Committee of {unit}' },
  'report.print.preparer': { vi: 'NGƯỜI LẬP BIỂU', en: 'PREPARED BY' },
  'report.print.signer': { vi: 'THỦ TRƯỞNG CƠ QUAN', en: 'HEAD OF AGENCY' },
  'report.print.signHint': { vi: '(Ký, ghi rõ họ tên)', en: '(Signature and full name)' },
  'report.print.signSealHint': { vi: '(Ký tên, đóng dấu)', en: '(Signature and seal)' },
  'report.print.button': { vi: 'In / Lưu PDF', en: 'Print / Save as PDF' },

  // The reports page
  'report.nav': { vi: 'Báo cáo', en: 'Reports' },
  'report.page.title': { vi: 'Báo cáo thống kê', en: 'Reports' },
  'report.form.kind': { vi: 'Loại báo cáo', en: 'Report' },
  'report.form.scope': { vi: 'Phạm vi', en: 'Scope' },
  'report.form.scope.province': { vi: 'Toàn tỉnh', en: 'Whole province' },
  'report.form.scope.commune': { vi: 'Một xã', en: 'One commune' },
  'report.form.commune': { vi: 'Xã, phường, đặc khu', en: 'Commune' },
  'report.form.year': { vi: 'Năm', en: 'Year' },
  'report.form.from': { vi: 'Từ ngày', en: 'From' },
  'report.form.to': { vi: 'Đến ngày', en: 'To' },
  'report.form.quarter': { vi: 'Quý', en: 'Quarter' },
  'report.form.generate': { vi: 'Lập báo cáo', en: 'Generate' },
  'report.progress': {
    vi: 'Đang lập báo cáo: {done}/{total} đơn vị',
    en: 'Generating: {done} of {total} units',
  },
  'report.failed': { vi: 'Lập báo cáo không thành công: {error}', en: 'The report failed: {error}' },
  'report.exportXlsx': { vi: 'Xuất Excel', en: 'Export to Excel' },
  'report.printView': { vi: 'Bản in (PDF)', en: 'Print view (PDF)' },
  'report.chart': { vi: 'So sánh giữa các đơn vị', en: 'Units compared' },
  'report.form.term': { vi: 'Nhiệm kỳ', en: 'Term' },
  'report.recent': { vi: 'Báo cáo đã lập gần đây', en: 'Recent reports' },
  'report.state.running': { vi: 'đang lập', en: 'running' },
  'report.state.succeeded': { vi: 'đã xong', en: 'done' },
  'report.state.failed': { vi: 'không thành công', en: 'failed' },
  'report.sheet': { vi: 'Báo cáo', en: 'Report' },
} as const satisfies Record<string, Bilingual>;

/**
 * The kinds that begin an official unit name ("Tỉnh Nghệ An", "Phường Thành
 * Vinh"): the place line of a printed report ("Nghệ An, ngày … tháng … năm …")
 * names the place without its kind, as official documents do.
 */
export const UNIT_NAME_KINDS = ['Tỉnh', 'Thành phố', 'Xã', 'Phường', 'Đặc khu'] as const;
