/**
 * Retention of a separated person's private profile (issue 13; Law 91/2025:
 * data kept only as long as its purpose requires; docs/legal-basis.md §16).
 * A person whose status is `retired` or `left` is marked on the first run
 * that sees them, with the day of separation (their last change, or that run's
 * day); from `separatedOn + retention months` the profile is deleted, leaving
 * a tombstone. A person who came back into service is unmarked. Pure: the job
 * (services/dossiers/retention.ts) reads and writes, this decides.
 */
import type { Cadre, RetentionMark } from '@canbo/model';
import { addMonths } from '../dates';

/** The statuses of a person who no longer works in the system. */
export const SEPARATED_STATUSES = ['retired', 'left'] as const satisfies readonly Cadre['status'][];

export function isSeparated(status: Cadre['status']): boolean {
  return (SEPARATED_STATUSES as readonly string[]).includes(status);
}

export interface RetentionInput {
  /** The person, or undefined when their record is gone. */
  cadre: Pick<Cadre, 'status' | 'updatedAt'> | undefined;
  mark: Pick<RetentionMark, 'state' | 'separatedOn' | 'deleteOn'> | undefined;
  /** Whether cadres/{id}/private/profile exists. */
  hasProfile: boolean;
  /** The Vietnam calendar day of the run. */
  today: string;
  retentionMonths: number;
}

export type RetentionAction =
  /** Separated, not yet marked: mark with these dates. */
  | { action: 'mark'; separatedOn: string; deleteOn: string }
  /** The period has ended: delete the profile, keep the tombstone (with these dates). */
  | { action: 'delete'; separatedOn: string; deleteOn: string }
  /** Marked and back in service: remove the mark. */
  | { action: 'unmark' }
  /** Nothing to do now (in service, inside the period, already deleted, no profile). */
  | { action: 'none' };

/** What the job does for one person today. */
export function planRetention(input: RetentionInput): RetentionAction {
  const { cadre, mark, hasProfile, today, retentionMonths } = input;
  if (mark?.state === 'deleted') return { action: 'none' };
  const separated = cadre !== undefined && isSeparated(cadre.status);
  if (!separated) {
    // Back in service (or the record is gone, which only the people's owners decide): no deletion.
    return mark ? { action: 'unmark' } : { action: 'none' };
  }
  if (!mark) {
    if (!hasProfile) return { action: 'none' };
    const changed = cadre.updatedAt.slice(0, 10);
    const separatedOn = changed < today ? changed : today;
    const deleteOn = addMonths(separatedOn, retentionMonths);
    return today >= deleteOn
      ? { action: 'delete', separatedOn, deleteOn }
      : { action: 'mark', separatedOn, deleteOn };
  }
  if (today >= mark.deleteOn && hasProfile)
    return { action: 'delete', separatedOn: mark.separatedOn, deleteOn: mark.deleteOn };
  return { action: 'none' };
}
