/**
 * Messages of the citizen ratings area (issue 11, see ./index.ts): the
 * refusals of registerReceipts, getReceiptForRating and submitRating, the
 * per-row report of a receipt registration, and the texts of the citizen page.
 * Vietnamese first; the citizen page shows one language at a time.
 */
import type { Bilingual } from './format';

export const RATING_MESSAGES = {
  // Refusals of the citizen callables. An unknown receipt and a wrong code get
  // the same answer, so receipt numbers cannot be probed (docs/satisfaction.md).
  'rating.invalidLink': {
    vi: 'Đường dẫn đánh giá không hợp lệ: kiểm tra lại mã trên giấy biên nhận',
    en: 'this rating link is not valid: check the code on your receipt',
  },
  'rating.alreadyRated': {
    vi: 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần',
    en: 'this dossier has already been rated; each dossier can be rated once',
  },
  'rating.notReturned': {
    vi: 'Hồ sơ chưa trả kết quả: có thể đánh giá sau khi nhận kết quả',
    en: 'the result of this dossier has not been returned yet: you can rate it once you receive it',
  },
  'rating.windowClosed': {
    vi: 'Đã hết thời hạn đánh giá ({days} ngày kể từ ngày trả kết quả {returnedOn})',
    en: 'the rating period has ended ({days} days after the result was returned on {returnedOn})',
  },
  'rating.criteriaMismatch': {
    vi: 'Cần chấm đủ các tiêu chí: {criteria}',
    en: 'every criterion must be rated: {criteria}',
  },
  'rating.tooManyAttempts': {
    vi: 'Quá nhiều lượt gửi từ thiết bị này. Vui lòng thử lại sau {seconds} giây',
    en: 'too many attempts from this device; please try again in {seconds} seconds',
  },
  'rating.appCheckRequired': {
    vi: 'Ứng dụng không được xác thực (App Check). Vui lòng mở lại đường dẫn trên giấy biên nhận',
    en: 'this app could not be verified (App Check); please open the link on your receipt again',
  },
  // Format hints of the rating inputs
  'rating.field.criterion': {
    vi: 'tiêu chí đánh giá không có trong danh mục',
    en: 'unknown rating criterion',
  },
  'rating.field.code': {
    vi: 'mã xác minh gồm 16 ký tự (chữ in hoa và số 2–7)',
    en: 'the verification code is 16 characters (capital letters and digits 2–7)',
  },
  // registerReceipts
  'receipts.roleNotAllowed': {
    vi: 'Chỉ hệ thống một cửa (tài khoản tích hợp) hoặc quản trị cấp tỉnh được đăng ký biên nhận',
    en: 'only the one-stop integration account or a province administrator may register receipts',
  },
  'receipts.tooMany': {
    vi: 'Mỗi lần gửi tối đa {max} biên nhận (đã gửi {count})',
    en: 'at most {max} receipts per call ({count} sent)',
  },
  'receipts.audit': { vi: 'Đăng ký biên nhận hồ sơ', en: 'dossier receipts registered' },
  'receipts.row.created': { vi: 'đã đăng ký', en: 'registered' },
  'receipts.row.unchanged': { vi: 'đã có, không thay đổi', en: 'already registered, unchanged' },
  'receipts.row.updated': { vi: 'đã cập nhật', en: 'updated' },
  'receipts.row.unknownProcedure': {
    vi: 'Thủ tục {procedureId} không có trong danh mục',
    en: 'procedure {procedureId} is not in the catalogue',
  },
  'receipts.row.unknownUnit': {
    vi: 'Đơn vị {unitCode} không tồn tại',
    en: 'unit {unitCode} does not exist',
  },
  'receipts.row.outsideProvince': {
    vi: 'Đơn vị {unitCode} không thuộc tỉnh {province}',
    en: 'unit {unitCode} is not in province {province}',
  },
  'receipts.row.unknownCadre': {
    vi: 'Không có cán bộ {cadreId} trong tỉnh',
    en: 'no cadre {cadreId} in the province',
  },
  'receipts.row.returnBeforeReceipt': {
    vi: 'Ngày trả kết quả {returnedOn} trước ngày tiếp nhận {receivedOn}',
    en: 'returned on {returnedOn}, before it was received on {receivedOn}',
  },
  'receipts.row.otherProvince': {
    vi: 'Số biên nhận {receiptNo} đã được tỉnh khác đăng ký',
    en: 'receipt number {receiptNo} was registered by another province',
  },
  'receipts.row.duplicate': {
    vi: 'Số biên nhận {receiptNo} xuất hiện nhiều lần trong lần gửi này',
    en: 'receipt number {receiptNo} appears more than once in this call',
  },
  'receipts.row.invalid': { vi: 'Dòng không hợp lệ: {detail}', en: 'invalid row: {detail}' },
  // reviewRating
  'rating.review.notFound': {
    vi: 'Không có đánh giá {receiptNo} trong tỉnh',
    en: 'no rating {receiptNo} in the province',
  },
  'rating.review.notFlagged': {
    vi: 'Đánh giá {receiptNo} không bị gắn cờ: chỉ xem xét các đánh giá bị gắn cờ',
    en: 'rating {receiptNo} is not flagged: only flagged ratings are reviewed',
  },
  'rating.review.count': {
    vi: 'Giữ đánh giá (tính vào điểm): {reason}',
    en: 'rating kept (counted): {reason}',
  },
  'rating.review.exclude': {
    vi: 'Loại đánh giá khỏi điểm: {reason}',
    en: 'rating excluded from the scores: {reason}',
  },
  // The citizen page
  'citizen.title': { vi: 'Đánh giá mức độ hài lòng', en: 'Rate the service you received' },
  'citizen.loading': { vi: 'Đang tải…', en: 'Loading…' },
  'citizen.procedure': { vi: 'Thủ tục', en: 'Procedure' },
  'citizen.office': { vi: 'Nơi tiếp nhận', en: 'Office' },
  'citizen.officer': { vi: 'Cán bộ giải quyết', en: 'Handling officer' },
  'citizen.receivedOn': { vi: 'Ngày tiếp nhận', en: 'Received on' },
  'citizen.returnedOn': { vi: 'Ngày trả kết quả', en: 'Result returned on' },
  'citizen.trips': { vi: 'Số lần phải đi lại', en: 'Number of trips you made' },
  'citizen.trips.0': { vi: 'Không lần nào (nộp trực tuyến)', en: 'None (online)' },
  'citizen.trips.1': { vi: '1 lần', en: 'Once' },
  'citizen.trips.2': { vi: '2 lần trở lên', en: 'Twice or more' },
  'citizen.comment': { vi: 'Góp ý (không bắt buộc)', en: 'Comment (optional)' },
  'citizen.commentHint': {
    vi: 'Không ghi họ tên, số điện thoại hay số giấy tờ của bạn',
    en: 'Do not write your name, phone number or ID number',
  },
  'citizen.submit': { vi: 'Gửi đánh giá', en: 'Send rating' },
  'citizen.thanks': { vi: 'Cảm ơn bạn đã đánh giá!', en: 'Thank you for your rating!' },
  'citizen.rateAll': { vi: 'Vui lòng chấm tất cả tiêu chí', en: 'Please rate every criterion' },
  'citizen.deadline': { vi: 'Hạn đánh giá: {date}', en: 'Rate by {date}' },
  'citizen.error': { vi: 'Không gửi được, vui lòng thử lại', en: 'Could not send, please try again' },
  'citizen.language': { vi: 'English', en: 'Tiếng Việt' },
  'citizen.noOfficer': { vi: 'Bộ phận một cửa', en: 'One-stop desk' },
  // The staff pages of satisfaction (hosting/src/pages/satisfaction): province, commune, officer, review.
  'sat.nav': { vi: 'Hài lòng của người dân', en: 'Citizen satisfaction' },
  'sat.nav.review': { vi: 'Đánh giá bị gắn cờ', en: 'Flagged ratings' },
  'sat.title.province': {
    vi: 'Mức độ hài lòng của người dân theo đơn vị',
    en: 'Citizen satisfaction by unit',
  },
  'sat.title.commune': { vi: 'Mức độ hài lòng: {name}', en: 'Citizen satisfaction: {name}' },
  'sat.title.officer': { vi: 'Mức độ hài lòng với cán bộ {name}', en: 'Citizen satisfaction with {name}' },
  'sat.title.review': { vi: 'Đánh giá bị gắn cờ cần xem xét', en: 'Flagged ratings to review' },
  'sat.quarter': { vi: 'Quý {q}/{year}', en: 'Q{q} {year}' },
  'sat.period': { vi: 'Quý', en: 'Quarter' },
  'sat.unit': { vi: 'Đơn vị', en: 'Unit' },
  'sat.officer': { vi: 'Cán bộ', en: 'Officer' },
  'sat.officers': { vi: 'Cán bộ tiếp nhận, giải quyết hồ sơ', en: 'Officers handling dossiers' },
  'sat.count': { vi: 'Số đánh giá', en: 'Ratings' },
  'sat.satisfied': { vi: 'Hài lòng', en: 'Satisfied' },
  'sat.share': { vi: 'Tỷ lệ hài lòng', en: 'Share satisfied' },
  'sat.interval': { vi: 'Khoảng tin cậy 95%', en: '95% interval' },
  'sat.estimate': { vi: 'Điểm ước lượng', en: 'Estimate' },
  'sat.status': { vi: 'Độ tin cậy', en: 'Confidence' },
  'sat.smallSample': { vi: 'Ít mẫu (dưới {min})', en: 'Small sample (under {min})' },
  'sat.enough': { vi: 'Đủ mẫu', en: 'Enough ratings' },
  'sat.insufficient': {
    vi: 'Chưa đủ {min} đánh giá: không tính điểm',
    en: 'Fewer than {min} ratings: not scored',
  },
  'sat.flagged': { vi: 'Gắn cờ', en: 'Flagged' },
  'sat.onTime': { vi: 'Trả đúng hẹn', en: 'Returned on time' },
  'sat.trend': { vi: 'Xu hướng theo quý', en: 'Trend by quarter' },
  'sat.chart': {
    vi: 'So sánh tỷ lệ hài lòng (khoảng tin cậy 95%)',
    en: 'Share satisfied compared (95% interval)',
  },
  'sat.chartSmall': { vi: 'Vạch nhạt: ít mẫu', en: 'Pale bar: small sample' },
  'sat.none': { vi: 'Chưa có đánh giá trong {period}', en: 'No ratings in {period}' },
  'sat.criteria': { vi: 'Điểm trung bình theo tiêu chí (1–5)', en: 'Mean per criterion (1–5)' },
  'sat.criterion': { vi: 'Tiêu chí', en: 'Criterion' },
  'sat.mean': { vi: 'Điểm trung bình', en: 'Mean' },
  'sat.trips': { vi: 'Số lần đi lại của người dân', en: "Citizens' trips" },
  'sat.comments': { vi: 'Góp ý của người dân', en: "Citizens' comments" },
  'sat.noComments': { vi: 'Không có góp ý', en: 'No comments' },
  'sat.commentsHidden': {
    vi: 'Góp ý chỉ hiển thị cho cấp tỉnh và lãnh đạo xã',
    en: 'Comments are shown only to the province and the commune leadership',
  },
  'sat.comment': { vi: 'Góp ý', en: 'Comment' },
  'sat.submittedAt': { vi: 'Thời điểm gửi', en: 'Submitted' },
  'sat.receipt': { vi: 'Số biên nhận', en: 'Receipt' },
  'sat.flags': { vi: 'Dấu hiệu', en: 'Signs' },
  'sat.flag.burst': { vi: 'Dồn dập cho một cán bộ', en: 'Burst for one officer' },
  'sat.flag.many_from_client': { vi: 'Nhiều lượt từ một địa chỉ', en: 'Many from one address' },
  'sat.flag.before_return': { vi: 'Gửi trước ngày trả kết quả', en: 'Sent before the return' },
  'sat.evidence': { vi: 'Căn cứ', en: 'Evidence' },
  'sat.evidence.nearby': {
    vi: '{count} đánh giá cho cán bộ này trong {minutes} phút quanh lượt này',
    en: '{count} ratings for this officer within {minutes} minutes of this one',
  },
  'sat.evidence.clientSeq': {
    vi: 'lượt thứ {seq} trong ngày từ cùng một địa chỉ',
    en: 'rating no. {seq} that day from the same address',
  },
  'sat.evidence.beforeReturn': {
    vi: 'gửi ngày {submitted}, trả kết quả ngày {returned}',
    en: 'sent on {submitted}, returned on {returned}',
  },
  'sat.overall': { vi: 'Mức chung', en: 'Overall' },
  'sat.review.state': { vi: 'Xem xét', en: 'Review' },
  'sat.review.pending': { vi: 'Chờ xem xét (không tính điểm)', en: 'Pending (not counted)' },
  'sat.review.count': { vi: 'Đã giữ (tính điểm)', en: 'Kept (counted)' },
  'sat.review.exclude': { vi: 'Đã loại', en: 'Excluded' },
  'sat.review.keep': { vi: 'Giữ', en: 'Keep' },
  'sat.review.doExclude': { vi: 'Loại', en: 'Exclude' },
  'sat.review.reason': { vi: 'Lý do', en: 'Reason' },
  'sat.review.reasonNeeded': {
    vi: 'Ghi lý do (ít nhất 3 ký tự)',
    en: 'Give a reason (3 characters or more)',
  },
  'sat.review.none': {
    vi: 'Không có đánh giá bị gắn cờ trong {period}',
    en: 'No flagged ratings in {period}',
  },
  'sat.review.link': { vi: 'Xem xét {count} đánh giá bị gắn cờ', en: 'Review {count} flagged ratings' },
  'sat.more': { vi: 'Xem chi tiết', en: 'Details' },
  'sat.panel.title': { vi: 'Hài lòng của người dân ({period})', en: 'Citizen satisfaction ({period})' },
  'sat.panel.summary': {
    vi: '{count} đánh giá, {share} hài lòng',
    en: '{count} ratings, {share} satisfied',
  },
  'sat.panel.units': { vi: '{count} đơn vị có đánh giá', en: '{count} units with ratings' },
  'sat.panel.load': {
    vi: 'Xem mức độ hài lòng của cả tỉnh quý này',
    en: "Show this quarter's satisfaction for the whole province",
  },
  'sat.method': {
    vi: 'Hài lòng = mức chung 4 hoặc 5. Dưới {min} đánh giá trong quý, cán bộ không được tính điểm; từ {min} trở lên, điểm được kéo về tỷ lệ của đơn vị theo số đánh giá. Đánh giá bị gắn cờ không được tính cho đến khi được xem xét.',
    en: 'Satisfied = overall 4 or 5. Below {min} ratings in the quarter an officer is not scored; from {min} up, the score is pulled toward the unit’s share by the number of ratings. Flagged ratings count only once reviewed.',
  },
  'sat.criterion.overall': { vi: 'Hài lòng chung', en: 'Overall' },
  'sat.criterion.attitude': { vi: 'Thái độ phục vụ', en: 'Attitude' },
  'sat.criterion.timeliness': { vi: 'Đúng hẹn', en: 'Timeliness' },
  'sat.criterion.guidance': { vi: 'Hướng dẫn', en: 'Guidance' },
  'sat.criterion.publicity': { vi: 'Công khai', en: 'Publicity' },
  'sat.criterion.facilities': { vi: 'Cơ sở vật chất', en: 'Facilities' },
  // The five levels portals use (5 = rất hài lòng … 1 = rất không hài lòng).
  'likert.5': { vi: 'Rất hài lòng', en: 'Very satisfied' },
  'likert.4': { vi: 'Hài lòng', en: 'Satisfied' },
  'likert.3': { vi: 'Bình thường', en: 'Neutral' },
  'likert.2': { vi: 'Không hài lòng', en: 'Dissatisfied' },
  'likert.1': { vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
} as const satisfies Record<string, Bilingual>;
