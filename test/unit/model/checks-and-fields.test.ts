/** The check table, the field format hints and the callable inputs that carry the law's exceptions. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHECK_RULES,
  CheckCode,
  CheckResult,
  CommuneCode,
  DocId,
  IsoDate,
  UnitCode,
  ZDecideMovementInput,
  ZProposeMovementInput,
  ZStartMovementInput,
} from '@canbo/model';

const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues[0]?.message;

describe('the check table', () => {
  const doc = readFileSync(join(__dirname, '../../../docs/legal-basis.md'), 'utf8');

  test('every code has one row, under its own code, with a basis in both languages and a section of docs/legal-basis.md', () => {
    expect(Object.keys(CHECK_RULES).sort()).toEqual([...CheckCode.options].sort());
    for (const [code, rule] of Object.entries(CHECK_RULES)) {
      expect(rule.code).toBe(code);
      expect(rule.basis.vi.length).toBeGreaterThan(10);
      expect(rule.basis.en.length).toBeGreaterThan(10);
      expect(doc).toContain(`## ${rule.doc} `);
      expect(doc).toContain(`\`${code}\``);
    }
  });

  test('legal prohibitions cannot be overridden; standards and policies can', () => {
    for (const code of [
      'prohibited_situations',
      'public_employee_secondment',
      'secondment_duration',
      'relatives',
      'target_quota',
      'rotation_post',
      'end_date',
    ] as const)
      expect(CHECK_RULES[code].overridable).toBe(false);
    for (const code of [
      'rotation_duration',
      'rotation_rank',
      'post_standards',
      'non_local',
      'start_date',
    ] as const)
      expect(CHECK_RULES[code].overridable).toBe(true);
  });

  test('a stored check result names a known code and carries both languages', () => {
    const ok = {
      code: 'relatives',
      outcome: 'pass',
      overridable: false,
      basis: 'b',
      basisEn: 'b',
      message: 'm',
      messageEn: 'm',
    };
    expect(CheckResult.safeParse(ok).success).toBe(true);
    expect(CheckResult.safeParse({ ...ok, code: 'quota' }).success).toBe(false);
    expect(CheckResult.safeParse({ ...ok, messageEn: undefined }).success).toBe(false);
  });
});

describe('field errors say the expected format, Vietnamese first', () => {
  test('a date written 15/12/2026', () => {
    expect(firstMessage(IsoDate.safeParse('15/12/2026'))).toBe(
      'ngày dạng YYYY-MM-DD, ví dụ 2026-12-15 / date as YYYY-MM-DD, e.g. 2026-12-15',
    );
    expect(IsoDate.safeParse('2026-12-15').success).toBe(true);
  });

  test('unit codes: the three accepted forms, one message for anything else', () => {
    for (const ok of ['42', '18073', '42-snv', '18073-ttpvhcc'])
      expect(UnitCode.safeParse(ok).success).toBe(true);
    for (const bad of ['4', '1807', '180733', '42_snv', 'snv', '42-SNV']) {
      expect(firstMessage(UnitCode.safeParse(bad))).toBe(
        'mã đơn vị: 2 chữ số (tỉnh), 5 chữ số (xã) hoặc <mã>-<tên> (cơ quan), ví dụ 18073 hoặc 42-snv / unit code: 2 digits (province), 5 digits (commune) or <code>-<slug> (agency), e.g. 18073 or 42-snv',
      );
    }
  });

  test('commune codes and ids', () => {
    expect(firstMessage(CommuneCode.safeParse('1807'))).toBe('mã xã gồm 5 chữ số / commune code is 5 digits');
    expect(firstMessage(DocId.safeParse('a b'))).toBe(
      'mã gồm chữ cái, chữ số, dấu _ hoặc -, tối đa 128 ký tự / id of letters, digits, _ or -, at most 128 characters',
    );
  });
});

describe('callable inputs', () => {
  const proposal = {
    type: 'secondment',
    cadreId: '18073-0010',
    toUnitCode: '18100',
    startDate: '2027-01-01',
    plannedEndDate: '2031-01-01',
    reason: 'Hỗ trợ nhiệm vụ có thời hạn',
  };

  test("a proposal carries the person's request and a specialised-law exception", () => {
    const parsed = ZProposeMovementInput.safeParse({
      ...proposal,
      personRequest: { note: 'Đơn đề nghị ngày 2026-11-18', date: '2026-11-18' },
      durationException: { basis: 'Luật chuyên ngành X, Điều 5', note: 'Biệt phái dài hạn' },
    });
    expect(parsed.success).toBe(true);
    expect(ZProposeMovementInput.safeParse({ ...proposal, personRequest: { note: '' } }).success).toBe(false);
    // A duration exception belongs to a secondment only.
    expect(
      ZProposeMovementInput.safeParse({
        ...proposal,
        type: 'transfer',
        toPositionId: 'xa_ke_toan',
        plannedEndDate: undefined,
        durationException: { basis: 'Luật chuyên ngành X, Điều 5', note: 'Biệt phái dài hạn' },
      }).error?.issues[0]?.path,
    ).toEqual(['durationException']);
    expect(
      ZProposeMovementInput.safeParse({ ...proposal, personRequest: { note: 'Đơn', extra: 1 } }).success,
    ).toBe(false);
  });

  test('an override must name a known check: an unknown code is refused, not ignored', () => {
    const decision = { movementId: 'mv-42-00001', decision: 'approve', note: 'Đồng ý' };
    const override = (code: string) => ({
      ...decision,
      overrides: [{ code, reason: 'Lý do đủ mười ký tự' }],
    });
    expect(ZDecideMovementInput.safeParse(override('post_standards')).success).toBe(true);
    expect(ZDecideMovementInput.safeParse(override('post_standard')).success).toBe(false);
  });

  test('a start may give its actual date and the reason for starting early', () => {
    expect(
      ZStartMovementInput.safeParse({
        movementId: 'mv-42-00001',
        startDate: '2026-12-30',
        earlyStartReason: 'Nhiệm vụ đột xuất',
      }).success,
    ).toBe(true);
    expect(
      ZStartMovementInput.safeParse({ movementId: 'mv-42-00001', startDate: '30/12/2026' }).success,
    ).toBe(false);
  });
});
