/** The area monitors' rules (functions/src/domain/monitors/rules.ts), both sides of each boundary. */
import type { MonitorAssignment } from '@canbo/model';
import {
  changeAssignment,
  checkEntryDates,
  checkFollowUpChange,
  dayBefore,
  initialFollowUp,
  reassignCommune,
} from '../../../functions/src/domain/monitors/rules';

const assignment = (extra: Partial<MonitorAssignment> = {}): MonitorAssignment => ({
  id: 'ma-1',
  provinceCode: '42',
  monitorUid: 'u-mon',
  communes: ['18073'],
  fields: ['government'],
  from: '2026-01-05',
  to: null,
  decision: null,
  reason: 'Phân công',
  decidedBy: 'u-admin',
  decidedAt: '2026-01-05T08:00:00.000Z',
  endedBy: null,
  endReason: null,
  ...extra,
});

const next = {
  id: 'ma-2',
  provinceCode: '42',
  monitorUid: 'u-mon',
  communes: ['18100', '18073', '18100'],
  fields: ['socio_economic', 'socio_economic'] as MonitorAssignment['fields'],
  from: '2026-03-01',
  decision: 'QĐ 5',
  reason: 'Điều chỉnh',
  decidedBy: 'u-admin-2',
  decidedAt: '2026-03-01T08:00:00.000Z',
};

test('dayBefore crosses months and leap days', () => {
  expect(dayBefore('2026-03-01')).toBe('2026-02-28');
  expect(dayBefore('2028-03-01')).toBe('2028-02-29');
  expect(dayBefore('2027-01-01')).toBe('2026-12-31');
});

describe('changeAssignment', () => {
  test('the first assignment closes nothing; lists are made distinct', () => {
    expect(changeAssignment(undefined, next)).toEqual({
      closed: null,
      opened: {
        ...next,
        communes: ['18100', '18073'],
        fields: ['socio_economic'],
        to: null,
        endedBy: null,
        endReason: null,
      },
    });
  });

  test('the current assignment ends the day before the next one, naming who ended it and why', () => {
    const { closed, opened } = changeAssignment(assignment(), next);
    expect(closed).toEqual(assignment({ to: '2026-02-28', endedBy: 'u-admin-2', endReason: 'Điều chỉnh' }));
    expect(opened.to).toBeNull();
  });

  test('an assignment that began the same day is superseded that day (never ends before it began)', () => {
    expect(changeAssignment(assignment({ from: '2026-03-01' }), next).closed?.to).toBe('2026-03-01');
  });
});

describe('reassignCommune', () => {
  test('the commune leaves the giver and joins the receiver once', () => {
    expect(
      reassignCommune('18073', { uid: 'a', communes: ['18073', '18115'] }, { uid: 'b', communes: ['18100'] }),
    ).toEqual({ fromCommunes: ['18115'], toCommunes: ['18100', '18073'] });
    expect(
      reassignCommune('18073', { uid: 'a', communes: ['18073'] }, { uid: 'b', communes: ['18073'] }),
    ).toEqual({ fromCommunes: [], toCommunes: ['18073'] });
  });

  test('a commune the giver does not follow, or a move to oneself, is refused', () => {
    expect(() =>
      reassignCommune('18100', { uid: 'a', communes: ['18073'] }, { uid: 'b', communes: [] }),
    ).toThrow('monitor a does not follow commune 18100 now');
    expect(() =>
      reassignCommune('18073', { uid: 'a', communes: ['18073'] }, { uid: 'a', communes: [] }),
    ).toThrow('the new monitor must differ from the current one');
  });
});

describe('entries', () => {
  test('a date of today is accepted, tomorrow is refused', () => {
    expect(() => checkEntryDates('visit', '2026-12-01', undefined, '2026-12-01')).not.toThrow();
    expect(() => checkEntryDates('visit', '2026-12-02', undefined, '2026-12-01')).toThrow(
      'the date 2026-12-02 is in the future',
    );
  });

  test('a due date only on a recommendation, on or after its date', () => {
    expect(() => checkEntryDates('recommendation', '2026-11-20', '2026-11-20', '2026-12-01')).not.toThrow();
    expect(() => checkEntryDates('recommendation', '2026-11-20', '2026-11-19', '2026-12-01')).toThrow(
      'the due date must be on or after the date recorded',
    );
    expect(() => checkEntryDates('finding', '2026-11-20', '2026-11-25', '2026-12-01')).toThrow(
      'only a recommendation has a due date',
    );
  });

  test('findings and recommendations start open and move; a visit has no follow-up', () => {
    expect(initialFollowUp('visit')).toBeNull();
    expect(initialFollowUp('finding')).toBe('open');
    expect(initialFollowUp('recommendation')).toBe('open');
    expect(() => checkFollowUpChange('finding')).not.toThrow();
    expect(() => checkFollowUpChange('visit')).toThrow(
      'a visit has no follow-up; only findings and recommendations do',
    );
  });
});

describe('the error code of each refusal', () => {
  const codeOf = (f: () => void): string | undefined => {
    try {
      f();
    } catch (e) {
      return (e as { code?: string }).code;
    }
    return undefined;
  };

  test('bad input is invalid-argument; a state that does not allow the change is failed-precondition', () => {
    expect(
      codeOf(() => reassignCommune('18073', { uid: 'a', communes: ['18073'] }, { uid: 'a', communes: [] })),
    ).toBe('invalid-argument');
    expect(
      codeOf(() => reassignCommune('18100', { uid: 'a', communes: ['18073'] }, { uid: 'b', communes: [] })),
    ).toBe('failed-precondition');
    expect(codeOf(() => checkEntryDates('visit', '2026-12-02', undefined, '2026-12-01'))).toBe(
      'invalid-argument',
    );
    expect(codeOf(() => checkEntryDates('finding', '2026-11-20', '2026-11-25', '2026-12-01'))).toBe(
      'invalid-argument',
    );
    expect(codeOf(() => checkEntryDates('recommendation', '2026-11-20', '2026-11-19', '2026-12-01'))).toBe(
      'invalid-argument',
    );
    expect(codeOf(() => checkFollowUpChange('visit'))).toBe('failed-precondition');
    expect(codeOf(() => checkFollowUpChange('recommendation'))).toBeUndefined();
  });

  test('a current assignment that begins after the next one is superseded on its own first day', () => {
    expect(changeAssignment(assignment({ from: '2026-04-01' }), next).closed?.to).toBe('2026-04-01');
  });
});
