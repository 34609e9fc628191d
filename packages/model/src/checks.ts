/**
 * The movement checks: each check's code, its legal basis (a short citation,
 * Vietnamese and English) and whether a province admin may override a failure
 * with a recorded reason. This table is the only place these three facts
 * live; the server's checks, its error mapping and the web client all read
 * it. The rule behind each row is explained in docs/legal-basis.md.
 */
import { z } from 'zod';
import type { Bilingual } from './messages/format';
import { message, oneLine } from './messages';

export const CheckCode = z.enum(
  [
    'cadre_status',
    'prohibited_situations',
    'public_employee_secondment',
    'secondment_duration',
    'secondment_target_unit',
    'single_secondment',
    'open_movement',
    'rotation_duration',
    'rotation_planning',
    'rotation_working_life',
    'rotation_post',
    'rotation_rank',
    'post_standards',
    'non_local',
    'relatives',
    'target_quota',
    'sending_unit_norm',
    'quota_year_unallocated',
    'sole_key_post_holder',
    'target_post_vacancy',
    'start_date',
    'end_date',
    // Issue 13 (H-planning): appointments check planning (docs/legal-basis.md §15)
    'in_planning',
  ],
  { error: oneLine(message('error.unknownCheckCode')) },
);
export type CheckCode = z.infer<typeof CheckCode>;

export interface CheckRule {
  code: CheckCode;
  /** Instrument and article, short. */
  basis: Bilingual;
  /** A failure may be overridden with a reason; a legal prohibition never can. */
  overridable: boolean;
  /** Section of docs/legal-basis.md that explains the rule. */
  doc: string;
}

const rule = (code: CheckCode, doc: string, overridable: boolean, vi: string, en: string): CheckRule => ({
  code,
  doc,
  overridable,
  basis: { vi, en },
});

export const CHECK_RULES: Readonly<Record<CheckCode, CheckRule>> = {
  cadre_status: rule(
    'cadre_status',
    '§1',
    false,
    'Hồ sơ cán bộ: chỉ người đang công tác, không đang biệt phái/luân chuyển, mới được điều chuyển',
    'Personnel record: only a person in service and not away on secondment or rotation can be moved',
  ),
  prohibited_situations: rule(
    'prohibited_situations',
    '§2',
    false,
    'Nghị định 170/2025/NĐ-CP, Điều 25–26: các trường hợp không được điều động, biệt phái',
    'Decree 170/2025/ND-CP, Arts. 25–26: situations in which transfer and secondment are forbidden',
  ),
  public_employee_secondment: rule(
    'public_employee_secondment',
    '§3',
    false,
    'Luật Viên chức 2010, Điều 36: không biệt phái viên chức nữ mang thai hoặc nuôi con dưới 36 tháng tuổi',
    'Law on Public Employees 2010, Art. 36: no secondment of a woman who is pregnant or raising a child under 36 months',
  ),
  secondment_duration: rule(
    'secondment_duration',
    '§4',
    false,
    'Nghị định 170/2025/NĐ-CP, Điều 26: biệt phái không quá 3 năm, trừ khi luật chuyên ngành quy định khác',
    'Decree 170/2025/ND-CP, Art. 26: a secondment lasts at most 3 years unless a specialised law provides otherwise',
  ),
  secondment_target_unit: rule(
    'secondment_target_unit',
    '§4',
    false,
    'Nghị định 170/2025/NĐ-CP, Điều 26: biệt phái là cử đến làm việc ở cơ quan, đơn vị khác',
    'Decree 170/2025/ND-CP, Art. 26: a secondment sends the person to work in another agency',
  ),
  single_secondment: rule(
    'single_secondment',
    '§2',
    false,
    'Nghị định 170/2025/NĐ-CP, Điều 25–26: không điều động, biệt phái người đang biệt phái',
    'Decree 170/2025/ND-CP, Arts. 25–26: no transfer or secondment of a person already seconded',
  ),
  open_movement: rule(
    'open_movement',
    '§1',
    false,
    'Hồ sơ cán bộ: mỗi lúc chỉ một đề xuất điều chuyển chưa hoàn tất (trừ kiêm nhiệm), để biên chế luôn khớp',
    'Personnel record: one unfinished movement of a person at a time (concurrent posts aside), so quotas stay true',
  ),
  rotation_duration: rule(
    'rotation_duration',
    '§5',
    true,
    'Quy định 65-QĐ/TW, Điều 8; Nghị định 170/2025/NĐ-CP, Điều 48: luân chuyển ít nhất 36 tháng',
    'Party Regulation 65-QĐ/TW, Art. 8; Decree 170/2025/ND-CP, Art. 48: a rotation lasts at least 36 months',
  ),
  rotation_planning: rule(
    'rotation_planning',
    '§5',
    true,
    'Quy định 65-QĐ/TW, Điều 4: luân chuyển cán bộ trong quy hoạch hoặc để bố trí không phải người địa phương',
    'Party Regulation 65-QĐ/TW, Art. 4: rotation is for cadres in planning or for placing non-locals',
  ),
  rotation_working_life: rule(
    'rotation_working_life',
    '§5',
    true,
    'Quy định 65-QĐ/TW, Điều 5; Quyết định 727/QĐ-BNV: còn ít nhất 10 năm công tác (một nhiệm kỳ nếu bố trí không phải người địa phương)',
    'Party Regulation 65-QĐ/TW, Art. 5; Decision 727/QĐ-BNV: at least 10 working years left (one term for non-local placements)',
  ),
  rotation_post: rule(
    'rotation_post',
    '§5',
    false,
    'Luật Cán bộ, công chức; Quy định 65-QĐ/TW: luân chuyển là giao giữ một chức vụ lãnh đạo, quản lý',
    'Law on Cadres and Civil Servants; Party Regulation 65-QĐ/TW: a rotation appoints the person to a leadership post',
  ),
  rotation_rank: rule(
    'rotation_rank',
    '§5',
    true,
    'Quy định 65-QĐ/TW: luân chuyển giữ chức vụ tương đương; chức vụ cao hơn chỉ với cán bộ có triển vọng nổi trội',
    'Party Regulation 65-QĐ/TW: a rotation is to an equivalent post; a higher post only for an outstanding cadre',
  ),
  post_standards: rule(
    'post_standards',
    '§6',
    true,
    'Luật Cán bộ, công chức 80/2025/QH15: tiêu chuẩn vị trí việc làm, chức danh',
    'Law 80/2025/QH15 on Cadres and Civil Servants: standards of the job position or title',
  ),
  non_local: rule(
    'non_local',
    '§7',
    true,
    'Kết luận 201-KL/TW; Chỉ thị 45-CT/TW: bố trí chức danh chủ chốt không phải người địa phương',
    'Conclusion 201-KL/TW; Directive 45-CT/TW: key posts held by non-locals',
  ),
  relatives: rule(
    'relatives',
    '§8',
    false,
    'Luật Phòng, chống tham nhũng 2018, Điều 20; Quy định 114-QĐ/TW: người có quan hệ gia đình không giữ các chức vụ liên quan',
    'Anti-Corruption Law 2018, Art. 20; Party Regulation 114-QĐ/TW: relatives may not hold related posts',
  ),
  target_quota: rule(
    'target_quota',
    '§9',
    false,
    'Biên chế được giao cho đơn vị (quyết định giao biên chế của cấp có thẩm quyền)',
    'Staffing quota allocated to the unit (decision of the competent authority)',
  ),
  sending_unit_norm: rule(
    'sending_unit_norm',
    '§9',
    true,
    'Định mức biên chế cấp xã: Công văn 09/CV-BCĐ (khoảng 32 chính quyền), Hướng dẫn 31-HD/BTCTW (15–17 khối Đảng)',
    'Commune staffing norms: Letter 09/CV-BCĐ (about 32 in government), Guidance 31-HD/BTCTW (15–17 in the Party block)',
  ),
  quota_year_unallocated: rule(
    'quota_year_unallocated',
    '§9',
    true,
    'Biên chế được giao theo năm: năm bắt đầu chưa có quyết định giao biên chế (tạm giao theo năm trước khi kết chuyển)',
    'Quotas are allocated per year: the start year has no allocation yet (the previous one is carried over as temporary)',
  ),
  sole_key_post_holder: rule(
    'sole_key_post_holder',
    '§10',
    true,
    'Bảo đảm hoạt động của đơn vị cử đi (chức danh chủ chốt)',
    'Keeping the sending unit working (key posts)',
  ),
  target_post_vacancy: rule(
    'target_post_vacancy',
    '§10',
    true,
    'Số người giữ chức danh trong một đơn vị (danh mục vị trí việc làm)',
    'Number of holders of a post in one unit (job-position catalogue)',
  ),
  start_date: rule(
    'start_date',
    '§11',
    true,
    'Quyết định điều chuyển có hiệu lực từ ngày được phê duyệt; bắt đầu sớm hơn cần lý do',
    'A movement takes effect on its approved date; an earlier start needs a reason',
  ),
  end_date: rule(
    'end_date',
    '§11',
    false,
    'Ngày kết thúc không thể trước ngày bắt đầu',
    'An end date cannot precede the start date',
  ),
  // Issue 13 (H-planning)
  in_planning: rule(
    'in_planning',
    '§15',
    true,
    'Quy định 377-QĐ/TW: bổ nhiệm người trong quy hoạch chức danh đó hoặc chức danh tương đương, cao hơn',
    'Regulation 377-QĐ/TW: appoint a person planned for that post or an equivalent or higher one',
  ),
};

/** The basis and overridability of a check, from the one table. */
export function checkRule(code: CheckCode): CheckRule {
  return CHECK_RULES[code];
}
