/**
 * The inputs that record the law's exceptions (docs/legal-basis.md §2, §4):
 * the person's request only as `personRequest` (the legacy flag is gone), a
 * duration exception on an extension, and the restrictions a profile records.
 */
import {
  PersonRequest,
  ZExtendMovementInput,
  ZProposeMovementInput,
  ZRecordRestrictionsInput,
} from '@canbo/model';

const proposal = {
  type: 'secondment',
  cadreId: 'c1',
  toUnitCode: '18100',
  startDate: '2027-01-10',
  plannedEndDate: '2027-12-31',
  reason: 'Hỗ trợ kế toán',
};

const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('proposeMovement: the person request', () => {
  test('requestedByCadre is refused as an unknown field', () => {
    const r = ZProposeMovementInput.safeParse({ ...proposal, requestedByCadre: true });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['requestedByCadre'] });
  });

  test('personRequest takes a note and an optional date (YYYY-MM-DD)', () => {
    expect(
      ZProposeMovementInput.safeParse({ ...proposal, personRequest: { note: 'Đơn đề nghị' } }).success,
    ).toBe(true);
    expect(
      paths(
        ZProposeMovementInput.safeParse({ ...proposal, personRequest: { note: 'Đơn', date: '01/11/2026' } }),
      ),
    ).toEqual(['personRequest.date']);
  });

  test('a stored request keeps its date as a field; older ones without it stay readable', () => {
    const stored = { recordedBy: 'u-admin', at: '2026-12-01T08:00:00.000Z', note: 'Đơn đề nghị' };
    expect(PersonRequest.parse({ ...stored, date: '2026-11-30' })).toEqual({ ...stored, date: '2026-11-30' });
    expect(PersonRequest.parse(stored)).toEqual(stored);
    expect(paths(PersonRequest.safeParse({ ...stored, date: '30/11/2026' }))).toEqual(['date']);
  });
});

describe('extendMovement: a duration exception', () => {
  const extension = { movementId: 'mv-42-00001', plannedEndDate: '2031-01-10', reason: 'Gia hạn' };

  test('optional; when given it needs a basis and a note', () => {
    expect(ZExtendMovementInput.safeParse(extension).success).toBe(true);
    expect(
      ZExtendMovementInput.safeParse({
        ...extension,
        durationException: { basis: 'Luật chuyên ngành X, Điều 5', note: 'Dự án kéo dài' },
      }).success,
    ).toBe(true);
    expect(
      paths(ZExtendMovementInput.safeParse({ ...extension, durationException: { basis: 'Luật X' } })),
    ).toEqual(['durationException.note']);
  });
});

describe('recordRestrictions', () => {
  const input = { cadreId: 'c1', reason: 'Giấy xác nhận' };

  test('any subset of the restrictions, null clearing the nullable ones', () => {
    const r = ZRecordRestrictionsInput.parse({
      ...input,
      restrictions: {
        youngestChildBirthDate: '2026-08-01',
        fatherCondition: 'force_majeure',
        headRestriction: null,
      },
    });
    expect(r.restrictions).toEqual({
      youngestChildBirthDate: '2026-08-01',
      fatherCondition: 'force_majeure',
      headRestriction: null,
    });
  });

  test('refuses an empty change, an unknown field, an unknown condition and an incomplete head decision', () => {
    expect(paths(ZRecordRestrictionsInput.safeParse({ ...input, restrictions: {} }))).toEqual([
      'restrictions',
    ]);
    expect(
      paths(ZRecordRestrictionsInput.safeParse({ ...input, restrictions: { onLeave: true } })),
    ).toContain('restrictions');
    expect(
      paths(ZRecordRestrictionsInput.safeParse({ ...input, restrictions: { fatherCondition: 'divorced' } })),
    ).toEqual(['restrictions.fatherCondition']);
    expect(
      paths(
        ZRecordRestrictionsInput.safeParse({
          ...input,
          restrictions: {
            headRestriction: { decisionNo: '', decidedOn: '2026-12-20', note: 'Giữ lại', extra: 1 },
          },
        }),
      ),
    ).toEqual(['restrictions.headRestriction.decisionNo', 'restrictions.headRestriction']);
  });
});
