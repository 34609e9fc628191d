/**
 * Labels of the web client (see ./index.ts): navigation, page titles, table
 * headings, buttons and the client's own errors, Vietnamese first. The enum
 * labels (`role.`, `block.`, `movementType.`, `movementStatus.`, `cadreStatus.`,
 * `category.`, `education.`, `theory.`, `gender.`, `region.`) give the browser
 * both languages of a value without importing the zod schemas that define the
 * value sets (a page that imported them would pay about 100 KB of zod).
 */
import type { Bilingual } from './format';

export const UI_MESSAGES = {
  'ui.appName': { vi: 'canbo — Quản lý cán bộ', en: 'canbo — Cadre management' },
  'ui.loading': { vi: 'Đang tải…', en: 'Loading…' },
  'ui.working': { vi: 'Đang xử lý…', en: 'Working…' },
  'ui.language': { vi: 'Ngôn ngữ', en: 'Language' },
  'ui.switchLanguage': { vi: 'English', en: 'Tiếng Việt' },
  'ui.skipToContent': { vi: 'Bỏ qua, đến nội dung chính', en: 'Skip to main content' },
  'ui.menu': { vi: 'Trình đơn', en: 'Menu' },

  // Sign-in
  'ui.signIn': { vi: 'Đăng nhập', en: 'Sign in' },
  'ui.signOut': { vi: 'Đăng xuất', en: 'Sign out' },
  'ui.email': { vi: 'Email', en: 'Email' },
  'ui.password': { vi: 'Mật khẩu', en: 'Password' },
  'ui.signedInAs': { vi: 'Đăng nhập với tên {name}', en: 'Signed in as {name}' },
  'ui.signInFailed': {
    vi: 'Sai thư điện tử hoặc mật khẩu.',
    en: 'Wrong email or password.',
  },
  'ui.demoAccounts': { vi: 'Tài khoản mẫu (máy cục bộ)', en: 'Demo accounts (local emulators)' },
  'ui.demoPassword': {
    vi: 'Mật khẩu của mọi tài khoản mẫu: {password}',
    en: 'Password of every demo account: {password}',
  },
  'ui.useAccount': { vi: 'Dùng tài khoản này', en: 'Use this account' },
  'ui.noRole': {
    vi: 'Tài khoản chưa được phân quyền. Hãy liên hệ Ban Tổ chức tỉnh.',
    en: 'This account has no scope yet. Ask the province administrator.',
  },

  // Navigation and pages
  'ui.nav.home': { vi: 'Trang chủ', en: 'Home' },
  'ui.nav.dashboard': { vi: 'Toàn tỉnh', en: 'Province' },
  'ui.nav.monitor': { vi: 'Địa bàn theo dõi', en: 'My communes' },
  'ui.nav.commune': { vi: 'Xã của tôi', en: 'My commune' },
  'ui.nav.me': { vi: 'Hồ sơ của tôi', en: 'My record' },
  'ui.page.dashboard': { vi: 'Tổng quan toàn tỉnh', en: 'Province overview' },
  'ui.page.cadre': { vi: 'Hồ sơ cán bộ', en: 'Cadre record' },
  'ui.page.monitor': { vi: 'Các xã theo dõi', en: 'Communes monitored' },
  'ui.page.me': { vi: 'Hồ sơ của tôi', en: 'My record' },
  'ui.page.notFound': { vi: 'Không tìm thấy trang', en: 'Page not found' },
  'ui.backHome': { vi: 'Về trang chủ', en: 'Back to the home page' },

  // Errors of the client
  'ui.error.title': { vi: 'Có lỗi', en: 'Something went wrong' },
  'ui.error.outOfScope': {
    vi: 'Trang này nằm ngoài phạm vi được phân quyền của bạn.',
    en: 'This page is outside the scope of your account.',
  },
  'ui.error.roleNotAllowed': {
    vi: 'Vai trò của bạn không dùng được trang này.',
    en: 'Your role cannot use this page.',
  },
  'ui.error.notFound': { vi: 'Không tìm thấy dữ liệu.', en: 'Nothing was found.' },
  'ui.error.network': {
    vi: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    en: 'The server could not be reached. Check the connection and try again.',
  },
  'ui.error.unexpected': { vi: 'Lỗi không mong đợi: {detail}', en: 'Unexpected error: {detail}' },
  'ui.error.failedChecks': { vi: 'Các điều kiện không đạt', en: 'Failed checks' },
  'ui.error.fields': { vi: 'Thông tin cần sửa', en: 'Fields to correct' },
  'ui.error.basis': { vi: 'Căn cứ: {basis}', en: 'Basis: {basis}' },
  'ui.retry': { vi: 'Thử lại', en: 'Try again' },

  // Tables, export, chart
  'ui.export': { vi: 'Xuất Excel', en: 'Export to Excel' },
  'ui.exporting': { vi: 'Đang xuất…', en: 'Exporting…' },
  'ui.sortBy': { vi: 'Sắp xếp theo {column}', en: 'Sort by {column}' },
  'ui.empty': { vi: 'Không có dữ liệu.', en: 'No data.' },
  'ui.total': { vi: 'Tổng', en: 'Total' },
  'ui.rows': { vi: '{count} dòng', en: '{count} rows' },
  'ui.chart': { vi: 'Biểu đồ', en: 'Chart' },
  'ui.search': { vi: 'Tìm kiếm', en: 'Search' },
  'ui.showAll': { vi: 'Xem tất cả', en: 'Show all' },

  // Quotas
  'ui.quota.title': { vi: 'Biên chế năm {year}', en: 'Staffing quotas {year}' },
  'ui.quota.byCommune': { vi: 'Biên chế theo xã, phường', en: 'Quotas by commune' },
  'ui.quota.byBlock': { vi: 'Biên chế theo khối', en: 'Quotas by block' },
  'ui.quota.unit': { vi: 'Đơn vị', en: 'Unit' },
  'ui.quota.block': { vi: 'Khối', en: 'Block' },
  'ui.quota.allocated': { vi: 'Được giao', en: 'Allocated' },
  'ui.quota.filled': { vi: 'Có mặt', en: 'Filled' },
  'ui.quota.reserved': { vi: 'Giữ chỗ (biệt phái)', en: 'Reserved (seconded)' },
  'ui.quota.incoming': { vi: 'Sắp đến', en: 'Incoming' },
  'ui.quota.free': { vi: 'Còn trống', en: 'Free' },
  'ui.quota.status': { vi: 'Tình trạng', en: 'Status' },
  'ui.quota.over': { vi: 'Vượt biên chế', en: 'Over quota' },
  'ui.quota.belowNorm': { vi: 'Dưới định mức', en: 'Below norm' },
  'ui.quota.ok': { vi: 'Bình thường', en: 'Normal' },
  'ui.quota.temporary': { vi: 'Tạm giao', en: 'Temporary' },
  'ui.quota.final': { vi: 'Chính thức', en: 'Final' },
  'ui.quota.none': { vi: 'Chưa giao biên chế năm {year}.', en: 'No quota allocated for {year}.' },
  'ui.quota.normNote': {
    vi: 'Dưới định mức: số có mặt thấp hơn {percent}% số được giao.',
    en: 'Below norm: fewer than {percent}% of the allocated posts are filled.',
  },

  'ui.quota.tightest': {
    vi: '{count} xã, phường còn ít chỗ trống nhất',
    en: 'The {count} communes with the fewest free posts',
  },
  // Figures stored at the last visit, shown while the fresh ones load (hosting/src/data/cache.ts).
  'ui.cache.updating': {
    vi: 'Số liệu lúc {time} (lần xem trước); đang cập nhật…',
    en: 'Figures as of {time} (your last visit); updating…',
  },
  'ui.cache.stale': {
    vi: 'Số liệu lúc {time} (lần xem trước); chưa cập nhật được.',
    en: 'Figures as of {time} (your last visit); they could not be updated.',
  },
  'ui.quota.fromQuotas': {
    vi: 'Số liệu lấy từ biên chế được giao; cơ cấu đội ngũ hiện khi có số liệu thống kê theo đơn vị.',
    en: 'Figures from the quota documents; the workforce structure appears once per-unit statistics exist.',
  },
  'ui.quota.provinceLevel': { vi: 'Cấp tỉnh', en: 'Province level' },
  'ui.quota.year': { vi: 'Năm', en: 'Year' },

  // Alerts and key posts
  'ui.alerts.title': { vi: 'Cảnh báo', en: 'Alerts' },
  'ui.alerts.endingSoon': { vi: 'Sắp hết hạn (trong 60 ngày)', en: 'Ending within 60 days' },
  'ui.alerts.overdue': { vi: 'Quá hạn trở về', en: 'Overdue returns' },
  'ui.alerts.flag': { vi: 'Cảnh báo', en: 'Alert' },
  'ui.alerts.none': { vi: 'Không có cảnh báo.', en: 'No alerts.' },
  'ui.alerts.note': {
    vi: 'Theo lượt quét hằng ngày.',
    en: 'From the daily scan.',
  },
  'ui.keyPosts.title': { vi: 'Chức danh chủ chốt còn trống', en: 'Vacant key posts' },
  'ui.keyPosts.none': { vi: 'Không có chức danh chủ chốt nào trống.', en: 'No key post is vacant.' },
  'ui.keyPosts.pending': {
    vi: 'Chưa có số liệu thống kê theo đơn vị.',
    en: 'Per-unit statistics are not available yet.',
  },

  // Workforce structure
  'ui.structure.title': { vi: 'Cơ cấu đội ngũ', en: 'Workforce structure' },
  'ui.structure.ageBands': { vi: 'Độ tuổi', en: 'Age bands' },
  'ui.structure.women': { vi: 'Nữ', en: 'Women' },
  'ui.structure.minorities': { vi: 'Dân tộc thiểu số', en: 'Ethnic minorities' },
  'ui.structure.qualifications': { vi: 'Trình độ chuyên môn', en: 'Qualifications' },
  'ui.structure.headcount': { vi: 'Số người', en: 'Headcount' },
  'ui.structure.lowland': { vi: 'Đồng bằng', en: 'Lowland' },
  'ui.structure.mountain': { vi: 'Miền núi', en: 'Mountain' },
  'ui.structure.comparison': { vi: 'So sánh đồng bằng và miền núi', en: 'Lowland and mountain compared' },
  'ui.structure.province': { vi: 'Toàn tỉnh', en: 'Province' },

  'ui.structure.measure': { vi: 'Chỉ tiêu', en: 'Measure' },
  'ui.structure.age': { vi: 'Tuổi {band}', en: 'Age {band}' },
  'ui.structure.share': { vi: '{count} ({percent})', en: '{count} ({percent})' },

  // Commune, cadre, people
  'ui.monitor.compare': { vi: 'So sánh các xã', en: 'Communes side by side' },
  'ui.commune.units': { vi: 'Cơ quan, đơn vị', en: 'Units' },
  'ui.commune.people': { vi: 'Cán bộ, công chức', en: 'People' },
  'ui.commune.movements': { vi: 'Điều động, biệt phái', en: 'Movements' },
  'ui.commune.region': { vi: 'Vùng', en: 'Region' },
  'ui.commune.population': { vi: 'Dân số', en: 'Population' },
  'ui.commune.estimated': { vi: '(ước tính)', en: '(estimate)' },
  'ui.commune.open': { vi: 'Xem xã', en: 'Open commune' },
  'ui.commune.code': { vi: 'Mã', en: 'Code' },
  'ui.commune.name': { vi: 'Tên', en: 'Name' },
  'ui.cadre.name': { vi: 'Họ và tên', en: 'Full name' },
  'ui.cadre.birthDate': { vi: 'Ngày sinh', en: 'Date of birth' },
  'ui.cadre.gender': { vi: 'Giới tính', en: 'Gender' },
  'ui.cadre.ethnicity': { vi: 'Dân tộc', en: 'Ethnicity' },
  'ui.cadre.hometown': { vi: 'Quê quán', en: 'Hometown' },
  'ui.cadre.category': { vi: 'Loại', en: 'Category' },
  'ui.cadre.block': { vi: 'Khối', en: 'Block' },
  'ui.cadre.education': { vi: 'Trình độ chuyên môn', en: 'Education' },
  'ui.cadre.theory': { vi: 'Lý luận chính trị', en: 'Political theory' },
  'ui.cadre.party': { vi: 'Đảng viên', en: 'Party member' },
  'ui.cadre.startedWork': { vi: 'Ngày vào công tác', en: 'Started work on' },
  'ui.cadre.homeUnit': { vi: 'Đơn vị giữ biên chế', en: 'Home unit (quota)' },
  'ui.cadre.currentUnit': { vi: 'Đơn vị đang công tác', en: 'Current unit' },
  'ui.cadre.status': { vi: 'Trạng thái', en: 'Status' },
  'ui.cadre.posts': { vi: 'Chức vụ đang giữ', en: 'Posts held' },
  'ui.cadre.position': { vi: 'Chức vụ', en: 'Position' },
  'ui.cadre.since': { vi: 'Từ ngày', en: 'Since' },
  'ui.cadre.decision': { vi: 'Quyết định', en: 'Decision' },
  'ui.cadre.concurrent': { vi: 'Kiêm nhiệm', en: 'Concurrent' },
  'ui.cadre.main': { vi: 'Chính', en: 'Main' },
  'ui.cadre.planning': { vi: 'Quy hoạch', en: 'Planning' },
  'ui.cadre.term': { vi: 'Nhiệm kỳ', en: 'Term' },
  'ui.cadre.history': { vi: 'Quá trình điều động', en: 'Movement history' },
  'ui.cadre.evaluations': { vi: 'Đánh giá, xếp loại', en: 'Evaluations' },
  'ui.cadre.open': { vi: 'Xem hồ sơ', en: 'Open record' },
  'ui.yes': { vi: 'Có', en: 'Yes' },
  'ui.no': { vi: 'Không', en: 'No' },
  'ui.movement.type': { vi: 'Loại', en: 'Type' },
  'ui.movement.status': { vi: 'Trạng thái', en: 'Status' },
  'ui.movement.from': { vi: 'Từ đơn vị', en: 'From' },
  'ui.movement.to': { vi: 'Đến đơn vị', en: 'To' },
  'ui.movement.start': { vi: 'Bắt đầu', en: 'Start' },
  'ui.movement.end': { vi: 'Kết thúc dự kiến', en: 'Planned end' },
  'ui.movement.person': { vi: 'Cán bộ', en: 'Person' },

  // Enum values
  'role.province_admin': { vi: 'Quản trị cấp tỉnh (Ban Tổ chức)', en: 'Province administrator' },
  'role.area_monitor': { vi: 'Cán bộ theo dõi địa bàn', en: 'Area monitor' },
  'role.commune_admin': { vi: 'Quản trị cấp xã', en: 'Commune administrator' },
  'role.commune_viewer': { vi: 'Xem dữ liệu cấp xã', en: 'Commune viewer' },
  'role.cadre': { vi: 'Cán bộ, công chức', en: 'Cadre' },
  'role.auditor': { vi: 'Thanh tra, kiểm tra', en: 'Auditor' },
  'role.integration': { vi: 'Hệ thống một cửa (tích hợp)', en: 'One-stop integration' },
  'block.government': { vi: 'Khối chính quyền (HĐND, UBND)', en: 'Government (council, committee)' },
  'block.party': { vi: 'Khối Đảng, Mặt trận và đoàn thể', en: 'Party, Front and mass organisations' },
  'block.military': { vi: 'Ban Chỉ huy quân sự', en: 'Military command' },
  'block.public_service': { vi: 'Viên chức đơn vị sự nghiệp', en: 'Public service units' },
  'movementType.transfer': { vi: 'Điều động', en: 'Transfer' },
  'movementType.rotation': { vi: 'Luân chuyển', en: 'Rotation' },
  'movementType.secondment': { vi: 'Biệt phái', en: 'Secondment' },
  'movementType.appointment': { vi: 'Bổ nhiệm', en: 'Appointment' },
  'movementType.concurrent': { vi: 'Kiêm nhiệm', en: 'Concurrent post' },
  'movementType.termination': { vi: 'Thôi việc, nghỉ hưu', en: 'Termination' },
  'movementStatus.draft': { vi: 'Nháp', en: 'Draft' },
  'movementStatus.proposed': { vi: 'Đã đề xuất', en: 'Proposed' },
  'movementStatus.approved': { vi: 'Đã phê duyệt', en: 'Approved' },
  'movementStatus.active': { vi: 'Đang thực hiện', en: 'Under way' },
  'movementStatus.completed': { vi: 'Đã kết thúc', en: 'Completed' },
  'movementStatus.cancelled': { vi: 'Đã huỷ', en: 'Cancelled' },
  'movementStatus.rejected': { vi: 'Không phê duyệt', en: 'Rejected' },
  'cadreStatus.active': { vi: 'Đang công tác', en: 'Active' },
  'cadreStatus.seconded_out': { vi: 'Đang biệt phái, luân chuyển', en: 'Seconded or rotated out' },
  'cadreStatus.on_leave': { vi: 'Tạm nghỉ', en: 'On leave' },
  'cadreStatus.retired': { vi: 'Đã nghỉ hưu', en: 'Retired' },
  'cadreStatus.left': { vi: 'Đã thôi việc', en: 'Left' },
  'category.cadre': { vi: 'Cán bộ', en: 'Cadre' },
  'category.civil_servant': { vi: 'Công chức', en: 'Civil servant' },
  'category.public_employee': { vi: 'Viên chức', en: 'Public employee' },
  'category.military': { vi: 'Quân sự xã', en: 'Commune military' },
  'education.secondary': { vi: 'Trung cấp', en: 'Vocational secondary' },
  'education.college': { vi: 'Cao đẳng', en: 'College' },
  'education.bachelor': { vi: 'Đại học', en: "Bachelor's" },
  'education.master': { vi: 'Thạc sĩ', en: "Master's" },
  'education.doctor': { vi: 'Tiến sĩ', en: 'Doctorate' },
  'theory.none': { vi: 'Chưa qua đào tạo', en: 'None' },
  'theory.elementary': { vi: 'Sơ cấp', en: 'Elementary' },
  'theory.intermediate': { vi: 'Trung cấp', en: 'Intermediate' },
  'theory.advanced': { vi: 'Cao cấp', en: 'Advanced' },
  'gender.male': { vi: 'Nam', en: 'Male' },
  'gender.female': { vi: 'Nữ', en: 'Female' },
  'region.lowland': { vi: 'Đồng bằng', en: 'Lowland' },
  'region.midland': { vi: 'Trung du', en: 'Midland' },
  'region.mountain': { vi: 'Miền núi', en: 'Mountain' },
  'region.island': { vi: 'Hải đảo', en: 'Island' },
} as const satisfies Record<string, Bilingual>;

/** The enum families whose labels the catalogue carries as `<family>.<value>` (above). */
type EnumLabelKey = Extract<keyof typeof UI_MESSAGES, `${string}.${string}`>;
type Family = EnumLabelKey extends `${infer F}.${string}` ? F : never;

/**
 * The labels of an enum's values, both languages, from the catalogue: one
 * place for the text of a value, which the model's zod modules (e.g.
 * `BLOCK_LABELS = viLabelsOf('block', Block.options)`) and the web client
 * (`t('block.government')`) both read. It does not compile when a value has
 * no `<family>.<value>` entry here.
 */
export function labelsOf<F extends Family, V extends string>(
  family: F,
  values: readonly (V & (`${F}.${V}` extends keyof typeof UI_MESSAGES ? V : never))[],
): Record<V, Bilingual> {
  const table: Readonly<Record<string, Bilingual | undefined>> = UI_MESSAGES;
  const label = (v: V): Bilingual => {
    const entry = table[`${family}.${v}`];
    if (!entry) throw new Error(`No catalogue label ${family}.${v}`);
    return entry;
  };
  return Object.fromEntries(values.map((v) => [v, label(v)])) as Record<V, Bilingual>;
}

/** The Vietnamese labels of an enum's values (what the server writes into check messages and audit notes). */
export function viLabelsOf<F extends Family, V extends string>(
  family: F,
  values: readonly (V & (`${F}.${V}` extends keyof typeof UI_MESSAGES ? V : never))[],
): Record<V, string> {
  const both = labelsOf<F, V>(family, values);
  return Object.fromEntries(values.map((v) => [v, both[v].vi])) as Record<V, string>;
}
