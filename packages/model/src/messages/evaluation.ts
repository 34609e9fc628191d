/**
 * Messages of the evaluation area (see ./index.ts): input errors of the
 * Decree 335 scoring and the reasons given for a level
 * (docs/legal-basis.md §13).
 */
import type { Bilingual } from './format';

export const EVALUATION_MESSAGES = {
  'evaluation.input.unknownPart': {
    vi: 'Tiêu chí chung "{part}" không có trong biểu mẫu đánh giá',
    en: 'general criterion "{part}" is not in the evaluation form',
  },
  'evaluation.input.missingPart': {
    vi: 'Chưa chấm điểm tiêu chí chung "{part}"',
    en: 'general criterion "{part}" has no points',
  },
  'evaluation.input.overMax': {
    vi: 'Tiêu chí chung "{part}" được {points} điểm, vượt mức tối đa {max}',
    en: 'general criterion "{part}" has {points} points, over its maximum of {max}',
  },
  'evaluation.input.corruptionNotLeader': {
    vi: 'Chỉ người lãnh đạo, quản lý mới bị xếp loại theo vụ việc tham nhũng ở đơn vị mình phụ trách',
    en: 'only a leader or manager is rated on corruption in a unit under their charge',
  },
  'evaluation.reason.score': {
    vi: 'Tổng điểm {total}: {level}',
    en: 'total {total}: {level}',
  },
  'evaluation.reason.degradationConcluded': {
    vi: 'Có kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống: không hoàn thành nhiệm vụ',
    en: 'concluded to show political, ethical or lifestyle degradation: did not complete',
  },
  'evaluation.reason.disciplineInYear': {
    vi: 'Bị kỷ luật từ khiển trách trở lên trong năm: không hoàn thành nhiệm vụ',
    en: 'disciplined with a reprimand or heavier in the year: did not complete',
  },
  'evaluation.reason.corruptionInDirectUnit': {
    vi: 'Đơn vị thuộc quyền phụ trách trực tiếp để xảy ra tham nhũng, lãng phí: không hoàn thành nhiệm vụ',
    en: 'corruption or waste in a unit under direct charge: did not complete',
  },
  'evaluation.reason.noProducts': {
    vi: 'Không có sản phẩm được giao trong kỳ: chưa đánh giá',
    en: 'no work products assigned in the period: not rated',
  },
  'evaluation.reason.workingTime': {
    vi: 'Thời gian công tác trong kỳ ({days} ngày) không đủ để đánh giá',
    en: 'time worked in the period ({days} days) too short to rate',
  },
  'evaluation.locked': {
    vi: 'Kết quả quý {period} của đơn vị {unitCode} đã được chốt, không thể thay đổi',
    en: 'the {period} results of unit {unitCode} are final and cannot change',
  },
  'evaluation.unknownResult': {
    vi: 'Chưa có kết quả đánh giá {id}',
    en: 'no evaluation result {id}',
  },
  'evaluation.noInputs': {
    vi: 'Quý {period} chưa có phiếu đánh giá của {id}',
    en: 'no {period} evaluation form for {id} yet',
  },
  'evaluation.noResults': {
    vi: 'Đơn vị {unitCode} chưa có kết quả đánh giá quý {period} để chốt',
    en: 'unit {unitCode} has no {period} results to finalise',
  },
  'evaluation.audit.inputs': {
    vi: 'Ghi nhận thông tin đánh giá quý {period}',
    en: 'evaluation inputs recorded for {period}',
  },
  'evaluation.audit.selfAssessment': {
    vi: 'Tự đánh giá quý {period}',
    en: 'self-assessment for {period}',
  },
  'evaluation.audit.finalise': {
    vi: 'Chốt kết quả đánh giá quý {period}',
    en: '{period} results finalised',
  },
  'evaluation.audit.run': {
    vi: 'Chạy đánh giá quý {period}',
    en: 'evaluation run for {period}',
  },
  'evaluation.audit.annual': {
    vi: 'Xếp loại chất lượng năm {year} từ kết quả các quý',
    en: '{year} annual classification from the quarters',
  },
  'screening.notHtxs': {
    vi: 'Quý {period}, {id} không được xếp loại Hoàn thành xuất sắc nhiệm vụ: không thuộc danh sách khen thưởng',
    en: '{id} is not rated HTXS for {period}: not on the honours list',
  },
  'evaluation.job.failedUnits': {
    vi: 'Chưa đánh giá được {count} đơn vị: {units}',
    en: '{count} unit(s) not evaluated: {units}',
  },
} as const satisfies Record<string, Bilingual>;
