/**
 * Messages of the errors area (see ./index.ts): what a callable answers when
 * it refuses a request. Keys start with `error.`; parameters are `{name}`.
 */
import type { Bilingual } from './format';

export const ERROR_MESSAGES = {
  // invalid-argument
  'error.invalidInput': { vi: 'Dữ liệu không hợp lệ', en: 'invalid input' },
  'error.secondmentNeedsEnd': {
    vi: 'Biệt phái phải có thời hạn',
    en: 'a secondment needs an end date',
  },
  'error.endMustBeLater': {
    vi: 'Phải sau ngày kết thúc hiện tại',
    en: 'must be after the current end',
  },
  'error.tooManyCommunes': {
    vi: 'Quá nhiều xã cho một tài khoản',
    en: 'too many communes for claims (1,000 bytes)',
  },
  'error.unknownOverride': {
    vi: 'Không có kiểm tra {code} trên đề xuất này để bỏ qua',
    en: 'no check {code} ran on this movement, so it cannot be overridden',
  },
  // unauthenticated
  'error.signInRequired': { vi: 'Cần đăng nhập', en: 'sign-in required' },
  // permission-denied
  'error.noScope': { vi: 'Tài khoản chưa được phân quyền', en: 'account has no scope' },
  'error.roleNotAllowed': {
    vi: 'Vai trò {role} không được thực hiện thao tác này',
    en: 'role {role} may not do this',
  },
  'error.outsideScope': { vi: 'Ngoài phạm vi quản lý', en: 'outside your scope' },
  'error.targetOutsideProvince': { vi: 'Đơn vị đến ngoài tỉnh', en: 'target outside your province' },
  'error.ownProvinceOnly': {
    vi: 'Chỉ phân quyền trong tỉnh của mình',
    en: 'only within your province',
  },
  // not-found
  'error.unknownUnit': { vi: 'Không có đơn vị {code}', en: 'unknown unit {code}' },
  'error.unknownCadre': { vi: 'Không có cán bộ {id}', en: 'unknown cadre {id}' },
  'error.unknownMovement': { vi: 'Không có đề xuất {id}', en: 'unknown movement {id}' },
  'error.unknownUser': { vi: 'Không có tài khoản {uid}', en: 'unknown user {uid}' },
  'error.missingProfile': {
    vi: 'Thiếu hồ sơ riêng của {id}',
    en: 'missing private profile of {id}',
  },
  'error.noQuota': {
    vi: 'Chưa giao biên chế {block} năm {year} cho {unitCode}',
    en: 'no {block} quota allocated to {unitCode} for {year}',
  },
  // failed-precondition (the domain's own refusals are under `domain.` in ./checks.ts)
  'error.cannotOverride': {
    vi: 'Không thể bỏ qua quy định bắt buộc: {code}',
    en: 'a mandatory rule cannot be overridden: {code}',
  },
  'error.quotaYearNotOpen': {
    vi: 'Chưa thể kết chuyển biên chế sang năm {year}: năm {year} chưa bắt đầu (hôm nay {today})',
    en: 'cannot carry quotas over into {year} before it starts (today is {today})',
  },
  'error.quotaPastYear': {
    vi: 'Năm {year} đã khóa sổ biên chế; chỉ giao biên chế cho năm {current} trở đi',
    en: 'the {year} quota year is closed; allocate for {current} or later',
  },
  // already-exists
  'error.alreadyExists': { vi: '{what} đã tồn tại', en: '{what} already exists' },
  // aborted
  'error.contention': {
    vi: 'Quá nhiều yêu cầu đồng thời, hãy thử lại',
    en: 'too much contention, try again',
  },
  // internal
  'error.internal': { vi: 'Lỗi hệ thống', en: 'internal error' },
  // Scopes stay inside the granting province (permission-denied), idempotency keys
  'error.communeOutsideProvince': {
    vi: 'Xã {code} không thuộc tỉnh của bạn',
    en: 'commune {code} is not in your province',
  },
  'error.cadreOutsideProvince': {
    vi: 'Cán bộ {id} không thuộc tỉnh của bạn',
    en: 'cadre {id} is not in your province',
  },
  'error.accountOfOtherProvince': {
    vi: 'Tài khoản {uid} thuộc tỉnh khác',
    en: 'account {uid} belongs to another province',
  },
  'error.requestInProgress': {
    vi: 'Yêu cầu {requestId} đang được xử lý, hãy chờ kết quả',
    en: 'request {requestId} is still being processed, wait for its result',
  },
  'error.requestIdReused': {
    vi: 'Mã yêu cầu {requestId} đã dùng cho một yêu cầu khác',
    en: 'request id {requestId} was already used for a different request',
  },
} as const satisfies Record<string, Bilingual>;
