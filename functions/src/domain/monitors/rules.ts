/**
 * The area monitors' rules, pure (issue 13, docs/monitors.md): what a new
 * assignment and a reassignment change, what a work-log entry may say, and
 * how a follow-up moves. No Firebase here: the services read and write.
 */
import type { MessageKey, MessageParams, MonitorAssignment, MonitorEntryKind } from '@canbo/model';
import { DomainError, type DomainErrorCode } from '../errors';

/** A monitor rule refused (the key says which; invalid-argument or failed-precondition). */
export class MonitorRuleBroken extends DomainError {
  constructor(
    readonly code: DomainErrorCode,
    key: MessageKey,
    params: MessageParams = {},
  ) {
    super(key, params);
  }
}

/** The day before `date` (YYYY-MM-DD), in the calendar: the last day of an assignment ended on `date`. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Distinct values, first occurrence kept. */
export function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

export interface AssignmentChange {
  /** The current assignment closed (its last day the day before `from`), if there was one. */
  closed: MonitorAssignment | null;
  /** The new current assignment. */
  opened: MonitorAssignment;
}

/**
 * A monitor's new assignment from `from` (today): the current one, if any,
 * ends the day before — or, when it began today, is superseded the same day
 * (`to` = its own `from`) — and names who ended it and why.
 */
export function changeAssignment(
  current: MonitorAssignment | undefined,
  next: Omit<MonitorAssignment, 'to' | 'endedBy' | 'endReason'>,
): AssignmentChange {
  const opened: MonitorAssignment = {
    ...next,
    communes: distinct(next.communes),
    fields: distinct(next.fields),
    to: null,
    endedBy: null,
    endReason: null,
  };
  if (!current) return { closed: null, opened };
  const last = current.from >= next.from ? current.from : dayBefore(next.from);
  return {
    closed: { ...current, to: last, endedBy: next.decidedBy, endReason: next.reason },
    opened,
  };
}

/**
 * One commune moves from one monitor to another: the communes each then
 * follows. The commune must be the giver's now; the receiver keeps its own
 * and gains it (once).
 */
export function reassignCommune(
  communeCode: string,
  from: { uid: string; communes: readonly string[] },
  to: { uid: string; communes: readonly string[] },
): { fromCommunes: string[]; toCommunes: string[] } {
  if (from.uid === to.uid) throw new MonitorRuleBroken('invalid-argument', 'monitor.error.sameMonitor');
  if (!from.communes.includes(communeCode))
    throw new MonitorRuleBroken('failed-precondition', 'monitor.error.communeNotFollowed', {
      uid: from.uid,
      code: communeCode,
    });
  return {
    fromCommunes: from.communes.filter((c) => c !== communeCode),
    toCommunes: distinct([...to.communes, communeCode]),
  };
}

/**
 * A new entry's dates: not in the future (Vietnam's today), and a due date
 * only for a recommendation, on or after the day it was made.
 */
export function checkEntryDates(
  kind: MonitorEntryKind,
  date: string,
  dueDate: string | undefined,
  today: string,
): void {
  if (date > today) throw new MonitorRuleBroken('invalid-argument', 'monitor.error.futureDate', { date });
  if (dueDate === undefined) return;
  if (kind !== 'recommendation')
    throw new MonitorRuleBroken('invalid-argument', 'monitor.error.dueOnlyForRecommendation');
  if (dueDate < date) throw new MonitorRuleBroken('invalid-argument', 'monitor.error.dueBeforeDate');
}

/** The follow-up a new entry starts with: open for a finding or recommendation, none for a visit. */
export function initialFollowUp(kind: MonitorEntryKind): 'open' | null {
  return kind === 'visit' ? null : 'open';
}

/** A visit has no follow-up to move. Any state may follow any other (a done item can be reopened). */
export function checkFollowUpChange(kind: MonitorEntryKind): void {
  if (kind === 'visit') throw new MonitorRuleBroken('failed-precondition', 'monitor.error.noFollowUp');
}
