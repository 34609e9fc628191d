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
  // invalid-argument, from the input schemas' cross-field rules (../api.ts, ../units.ts)
  'error.endAfterStart': {
    vi: 'Ngày kết thúc phải sau ngày bắt đầu',
    en: 'end must be after start',
  },
  'error.durationExceptionSecondmentOnly': {
    vi: 'Ngoại lệ thời hạn chỉ dành cho biệt phái',
    en: 'a duration exception is for secondments only',
  },
  'error.targetPositionRequired': { vi: 'Cần vị trí đến', en: 'a target position is required' },
  'error.communeRoleNeedsCommunes': {
    vi: 'Vai trò cấp xã cần danh sách xã',
    en: 'commune roles need communes',
  },
  'error.cadreRoleNeedsCadreId': {
    vi: 'Vai trò cán bộ cần mã cán bộ',
    en: 'cadre role needs cadreId',
  },
  'error.unknownCheckCode': {
    vi: 'Mã kiểm tra không có trong danh mục',
    en: 'unknown check code',
  },
  'error.onlyProvinceWithoutParent': {
    vi: 'Chỉ đơn vị cấp tỉnh không có đơn vị cấp trên',
    en: 'only provinces have no parent',
  },
  // recordRestrictions (docs/legal-basis.md §2)
  'error.restrictionsEmpty': {
    vi: 'Cần ít nhất một thông tin hạn chế',
    en: 'at least one restriction is needed',
  },
  'error.fatherConditionForMan': {
    vi: 'Điều kiện của người cha chỉ ghi cho cán bộ nam',
    en: "the father's condition is recorded for a man only",
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
  'error.headRestrictionProvinceOnly': {
    vi: 'Chỉ cấp tỉnh ghi hoặc bỏ trường hợp do người đứng đầu quyết định',
    en: "only the province records or lifts a competent head's restriction",
  },
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
  'error.ownScope': {
    vi: 'Không tự thay đổi phạm vi của chính mình: nhờ một quản trị khác của tỉnh',
    en: 'you cannot change your own scope: ask another administrator of the province',
  },
  'error.requestInProgress': {
    vi: 'Yêu cầu {requestId} đang được xử lý, hãy chờ kết quả',
    en: 'request {requestId} is still being processed, wait for its result',
  },
  'error.requestIdReused': {
    vi: 'Mã yêu cầu {requestId} đã dùng cho một yêu cầu khác',
    en: 'request id {requestId} was already used for a different request',
  },
  // Scopes and decisions given a value of the wrong kind (invalid-argument)
  'error.notACommune': {
    vi: 'Đơn vị {code} không phải là xã, phường, đặc khu',
    en: 'unit {code} is not a commune',
  },
  'error.overridesOnReject': {
    vi: 'Từ chối đề xuất không cần bỏ qua điều kiện nào: bỏ danh sách overrides',
    en: 'a rejection overrides no check: leave out overrides',
  },
  // Actual dates of a start or an end (invalid-argument)
  'error.dateInFuture': {
    vi: 'Ngày {date} chưa đến (hôm nay {today}): chỉ ghi nhận việc đã diễn ra',
    en: 'date {date} is after today ({today}): only what has happened can be recorded',
  },
  // The target post of a proposal (invalid-argument on toPositionId)
  'error.unknownPosition': {
    vi: 'Không có vị trí {positionId} trong danh mục vị trí việc làm',
    en: 'position {positionId} is not in the position catalogue',
  },
  'error.positionLevel': {
    vi: 'Vị trí {positionId} là chức danh cấp {level}, không bố trí tại đơn vị {unitCode}',
    en: 'position {positionId} is a {levelEn}-level post and cannot be held in unit {unitCode}',
  },
} as const satisfies Record<string, Bilingual>;
