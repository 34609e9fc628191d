/**
 * Correction requests: due dates in working days, overdue flags, and the
 * value an acceptance writes (functions/src/domain/dossiers/corrections.ts, calendar.ts).
 */
import { DEFAULT_DOSSIER_SETTINGS, DossierSettings, NO_RESTRICTIONS } from '@canbo/model';
import {
  addWorkingDays,
  applyCorrection,
  correctedValue,
  correctionDueOn,
  isOverdue,
  isWorkingDay,
  overdueRequests,
} from '../../../functions/src/domain/dossiers';

describe('working days', () => {
  test('Saturday and Sunday are not working days', () => {
    expect(isWorkingDay('2026-12-04')).toBe(true); // Friday
    expect(isWorkingDay('2026-12-05')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-06')).toBe(false); // Sunday
    expect(isWorkingDay('2026-12-07')).toBe(true); // Monday
  });

  test('the day of the request does not count; weekends are skipped', () => {
    expect(addWorkingDays('2026-12-01', 2)).toBe('2026-12-03'); // Tuesday → Thursday
    expect(addWorkingDays('2026-12-04', 2)).toBe('2026-12-08'); // Friday → Tuesday
    expect(addWorkingDays('2026-12-05', 1)).toBe('2026-12-07'); // Saturday → Monday
    expect(addWorkingDays('2026-12-31', 2)).toBe('2027-01-04'); // Thursday → Monday, across the year
  });
});

describe('settings', () => {
  test('the defaults are 2 working days (as reported of Decree 356/2025) and 60 months (a policy, unconfirmed)', () => {
    expect(DEFAULT_DOSSIER_SETTINGS).toEqual({
      correction: { workingDays: 2, sure: 'confirmed' },
      retention: { months: 60, sure: 'unconfirmed' },
    });
  });

  test('settings outside their bounds are refused', () => {
    const bad = (correction: number, retention: number) =>
      DossierSettings.safeParse({
        correction: { workingDays: correction, sure: 'system' },
        retention: { months: retention, sure: 'system' },
      }).success;
    expect(bad(0, 60)).toBe(false);
    expect(bad(31, 60)).toBe(false);
    expect(bad(2, 0)).toBe(false);
    expect(bad(30, 1200)).toBe(true);
    expect(bad(1, 1)).toBe(true);
  });
});

describe('due and overdue', () => {
  test('a request is due after the configured working days', () => {
    expect(correctionDueOn('2026-12-04', DEFAULT_DOSSIER_SETTINGS)).toBe('2026-12-08');
    expect(
      correctionDueOn('2026-12-04', {
        ...DEFAULT_DOSSIER_SETTINGS,
        correction: { workingDays: 5, sure: 'system' },
      }),
    ).toBe('2026-12-11');
  });

  test('overdue means still open after the last day, not on it', () => {
    expect(isOverdue({ status: 'open', dueOn: '2026-12-08' }, '2026-12-08')).toBe(false);
    expect(isOverdue({ status: 'open', dueOn: '2026-12-08' }, '2026-12-09')).toBe(true);
    expect(isOverdue({ status: 'accepted', dueOn: '2026-12-08' }, '2026-12-20')).toBe(false);
    expect(isOverdue({ status: 'rejected', dueOn: '2026-12-08' }, '2026-12-20')).toBe(false);
  });

  test('the overdue list keeps the open late ones, the oldest due first', () => {
    const list = [
      { id: 'a', status: 'open' as const, dueOn: '2026-12-08' },
      { id: 'b', status: 'open' as const, dueOn: '2026-12-02' },
      { id: 'c', status: 'accepted' as const, dueOn: '2026-12-01' },
      { id: 'd', status: 'open' as const, dueOn: '2026-12-10' },
    ];
    expect(overdueRequests(list, '2026-12-09').map((r) => r.id)).toEqual(['b', 'a']);
  });
});

describe('the value an acceptance writes', () => {
  test('for the national ID and the phone the proposed text is the value when none is given', () => {
    expect(correctedValue('nationalId', ' 042085009999 ', undefined)).toEqual({
      ok: true,
      value: '042085009999',
    });
    expect(correctedValue('phone', '0912345678', undefined)).toEqual({ ok: true, value: '0912345678' });
    expect(correctedValue('nationalId', 'số cũ sai một chữ số', undefined)).toEqual({
      ok: false,
      problem: 'value_invalid',
    });
  });

  test('family, discipline and restrictions need a value that fits the profile schema', () => {
    expect(correctedValue('family', 'Vợ tôi sinh năm 1988', undefined)).toEqual({
      ok: false,
      problem: 'value_required',
    });
    const family = [{ relation: 'spouse', fullName: 'Nguyễn Thị B', birthYear: 1988, cadreId: null }];
    expect(correctedValue('family', 'x', family)).toEqual({ ok: true, value: family });
    expect(correctedValue('family', 'x', [{ relation: 'cousin', fullName: 'A', birthYear: 1988 }])).toEqual({
      ok: false,
      problem: 'value_invalid',
    });
    expect(correctedValue('restrictions', 'x', NO_RESTRICTIONS)).toEqual({
      ok: true,
      value: NO_RESTRICTIONS,
    });
  });

  test('applyCorrection replaces the one field and the time, keeping the others', () => {
    const profile = {
      nationalId: '042085001234',
      phone: null,
      family: [],
      discipline: [],
      restrictions: NO_RESTRICTIONS,
      updatedAt: '2026-11-25T08:00:00.000Z',
    };
    expect(applyCorrection(profile, 'phone', '0912345678', '2026-12-02T01:00:00.000Z')).toEqual({
      ...profile,
      phone: '0912345678',
      updatedAt: '2026-12-02T01:00:00.000Z',
    });
  });
});
