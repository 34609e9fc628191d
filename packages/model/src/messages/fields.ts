/**
 * Field format hints (see ./index.ts): what a field expects, so a refused
 * input tells the user how to write it. The schemas in ../common.ts use them.
 */
import type { Bilingual } from './format';

export const FIELD_MESSAGES = {
  'field.province_code': { vi: 'mã tỉnh gồm 2 chữ số', en: 'province code is 2 digits' },
  'field.commune_code': { vi: 'mã xã gồm 5 chữ số', en: 'commune code is 5 digits' },
  'field.agency_code': {
    vi: 'mã cơ quan dạng <mã tỉnh hoặc mã xã>-<tên viết liền>, ví dụ 42-snv',
    en: 'agency code is <province or commune code>-<slug>, e.g. 42-snv',
  },
  'field.unit_code': {
    vi: 'mã đơn vị: 2 chữ số (tỉnh), 5 chữ số (xã) hoặc <mã>-<tên> (cơ quan), ví dụ 18073 hoặc 42-snv',
    en: 'unit code: 2 digits (province), 5 digits (commune) or <code>-<slug> (agency), e.g. 18073 or 42-snv',
  },
  'field.iso_date': {
    vi: 'ngày dạng YYYY-MM-DD, ví dụ 2026-12-15',
    en: 'date as YYYY-MM-DD, e.g. 2026-12-15',
  },
  'field.iso_datetime': {
    vi: 'thời điểm dạng ISO 8601 UTC, ví dụ 2026-12-15T08:00:00Z',
    en: 'instant as ISO 8601 UTC, e.g. 2026-12-15T08:00:00Z',
  },
  'field.doc_id': {
    vi: 'mã gồm chữ cái, chữ số, dấu _ hoặc -, tối đa 128 ký tự',
    en: 'id of letters, digits, _ or -, at most 128 characters',
  },
  'field.term': { vi: 'nhiệm kỳ dạng 2025-2030', en: 'term like 2025-2030' },
  'field.national_id': { vi: 'số CCCD gồm 12 chữ số', en: 'national ID is 12 digits' },
  'field.receipt_number': { vi: 'số biên nhận không hợp lệ', en: 'invalid receipt number' },
  'field.evaluation_period': {
    vi: 'kỳ dạng 2026-Q1 hoặc 2026',
    en: 'period like 2026-Q1 or 2026',
  },
} as const satisfies Record<string, Bilingual>;
