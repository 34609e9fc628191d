/**
 * The retention planner (functions/src/domain/dossiers/retention.ts): when a
 * separated person's private profile is marked, deleted or unmarked.
 */
import { planRetention, type RetentionInput } from '../../../functions/src/domain/dossiers';

const base: RetentionInput = {
  cadre: { status: 'retired', updatedAt: '2026-03-15T04:00:00.000Z' },
  mark: undefined,
  hasProfile: true,
  today: '2026-12-01',
  retentionMonths: 60,
};

describe('marking', () => {
  test('a separated person with a profile is marked from their last change, deleted 60 months later', () => {
    expect(planRetention(base)).toEqual({
      action: 'mark',
      separatedOn: '2026-03-15',
      deleteOn: '2031-03-15',
    });
    expect(
      planRetention({ ...base, cadre: { status: 'left', updatedAt: '2026-11-30T20:00:00.000Z' } }),
    ).toEqual({
      action: 'mark',
      separatedOn: '2026-11-30',
      deleteOn: '2031-11-30',
    });
  });

  test('a last change dated after the run counts from the run day', () => {
    expect(
      planRetention({ ...base, cadre: { status: 'left', updatedAt: '2027-01-01T00:00:00.000Z' } }),
    ).toEqual({
      action: 'mark',
      separatedOn: '2026-12-01',
      deleteOn: '2031-12-01',
    });
  });

  test('people in service, and separated people without a profile, are left alone', () => {
    for (const status of ['active', 'seconded_out', 'on_leave'] as const)
      expect(planRetention({ ...base, cadre: { status, updatedAt: base.cadre!.updatedAt } })).toEqual({
        action: 'none',
      });
    expect(planRetention({ ...base, hasProfile: false })).toEqual({ action: 'none' });
    expect(planRetention({ ...base, cadre: undefined })).toEqual({ action: 'none' });
  });
});

describe('deleting', () => {
  const mark = { state: 'marked' as const, separatedOn: '2021-12-01', deleteOn: '2026-12-01' };

  test('on the last day of the period the profile is deleted, the day before it is not', () => {
    expect(planRetention({ ...base, mark })).toEqual({
      action: 'delete',
      separatedOn: '2021-12-01',
      deleteOn: '2026-12-01',
    });
    expect(planRetention({ ...base, mark, today: '2026-11-30' })).toEqual({ action: 'none' });
  });

  test('a person separated longer ago than the period is deleted at the first run', () => {
    expect(
      planRetention({ ...base, cadre: { status: 'retired', updatedAt: '2020-01-10T00:00:00.000Z' } }),
    ).toEqual({ action: 'delete', separatedOn: '2020-01-10', deleteOn: '2025-01-10' });
    expect(
      planRetention({
        ...base,
        retentionMonths: 12,
        cadre: { status: 'retired', updatedAt: '2025-12-02T00:00:00.000Z' },
      }),
    ).toEqual({ action: 'mark', separatedOn: '2025-12-02', deleteOn: '2026-12-02' });
  });

  test('a deleted profile is never touched again; a marked one already gone is not deleted twice', () => {
    expect(planRetention({ ...base, mark: { ...mark, state: 'deleted' }, hasProfile: false })).toEqual({
      action: 'none',
    });
    expect(planRetention({ ...base, mark, hasProfile: false })).toEqual({ action: 'none' });
  });
});

describe('unmarking', () => {
  test('a marked person back in service is unmarked, never deleted', () => {
    const mark = { state: 'marked' as const, separatedOn: '2021-12-01', deleteOn: '2026-12-01' };
    expect(
      planRetention({ ...base, mark, cadre: { status: 'active', updatedAt: '2026-11-01T00:00:00.000Z' } }),
    ).toEqual({ action: 'unmark' });
  });
});

describe('the edges of retention', () => {
  const deleted = { state: 'deleted' as const, separatedOn: '2021-12-01', deleteOn: '2026-12-01' };

  test('a person first seen when the period ends that very day is deleted at once', () => {
    expect(
      planRetention({
        ...base,
        retentionMonths: 12,
        cadre: { status: 'retired', updatedAt: '2025-12-01T09:00:00.000Z' },
      }),
    ).toEqual({ action: 'delete', separatedOn: '2025-12-01', deleteOn: '2026-12-01' });
  });

  test('after deletion nothing more happens: not even for a profile written again, nor a return to service', () => {
    expect(planRetention({ ...base, mark: deleted, hasProfile: true })).toEqual({ action: 'none' });
    expect(
      planRetention({
        ...base,
        mark: deleted,
        cadre: { status: 'active', updatedAt: '2026-11-01T00:00:00.000Z' },
      }),
    ).toEqual({ action: 'none' });
  });

  test('a marked person whose record is gone is unmarked, never deleted', () => {
    const mark = { state: 'marked' as const, separatedOn: '2021-12-01', deleteOn: '2026-12-01' };
    expect(planRetention({ ...base, mark, cadre: undefined })).toEqual({ action: 'unmark' });
  });
});
