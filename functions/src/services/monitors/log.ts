/**
 * The monitors' work log (issue 13, docs/monitors.md): a monitor records a
 * visit, finding or recommendation in a commune it follows now, and moves a
 * finding or recommendation along its follow-up (open → in progress → done,
 * or back). "Follows now" is the monitor's scope document, read in the same
 * transaction (services/scopes/current-scope.ts): a reassigned commune is
 * refused at once, whatever the token says. Each change is audited.
 */
import {
  message,
  type MonitorLogEntry,
  oneLine,
  type TRecordMonitorEntryInput,
  type TUpdateMonitorEntryInput,
} from '@canbo/model';
import type { Transaction } from 'firebase-admin/firestore';
import { checkEntryDates, checkFollowUpChange, initialFollowUp } from '../../domain/monitors/rules';
import { requireRole, withScopeDocument, type Actor } from '../../lib/actor';
import { today } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { MonitorDeps } from './deps';

/** The monitor must follow `communeCode` now (its scope document, read inside `tx`). */
async function requireFollows(
  deps: MonitorDeps,
  tx: Transaction,
  actor: Actor,
  communeCode: string,
): Promise<void> {
  const now = withScopeDocument(actor, await deps.repos.userScopes.find(actor.uid, tx));
  if (!now.communes.includes(communeCode))
    throw new AppError('permission-denied', 'monitor.error.notFollowing', { code: communeCode });
}

export async function recordMonitorEntry(
  deps: MonitorDeps,
  actor: Actor,
  input: TRecordMonitorEntryInput,
): Promise<MonitorLogEntry> {
  requireRole(actor, 'area_monitor');
  checkEntryDates(input.kind, input.date, input.dueDate, today(deps.clock));
  return deps.db.runTransaction(async (tx) => {
    await requireFollows(deps, tx, actor, input.communeCode);
    const at = deps.clock.now().toISOString();
    const followUp = initialFollowUp(input.kind);
    const entry: MonitorLogEntry = {
      id: deps.newId(`ml-${actor.province}`),
      provinceCode: actor.province,
      communeCode: input.communeCode,
      monitorUid: actor.uid,
      kind: input.kind,
      date: input.date,
      field: input.field,
      summary: input.summary,
      followUp,
      dueDate: input.dueDate ?? null,
      history: followUp ? [{ state: followUp, note: null, by: actor.uid, at }] : [],
      createdAt: at,
      updatedAt: at,
      updatedBy: actor.uid,
    };
    deps.monitors.createEntry(tx, entry);
    deps.repos.audit.append(tx, {
      actor,
      action: 'monitor.logEntry',
      target: `monitorLog/${entry.id}`,
      before: null,
      after: { communeCode: entry.communeCode, kind: entry.kind, date: entry.date, followUp },
      reason: oneLine(message('monitor.audit.entry')),
    });
    return entry;
  });
}

export async function updateMonitorEntry(
  deps: MonitorDeps,
  actor: Actor,
  input: TUpdateMonitorEntryInput,
): Promise<MonitorLogEntry> {
  requireRole(actor, 'area_monitor');
  return deps.db.runTransaction(async (tx) => {
    const entry = await deps.monitors.findEntry(input.id, tx);
    // Another province's entry is not revealed to exist.
    if (!entry || entry.provinceCode !== actor.province)
      throw new AppError('not-found', 'monitor.error.unknownEntry', { id: input.id });
    await requireFollows(deps, tx, actor, entry.communeCode);
    checkFollowUpChange(entry.kind);
    const at = deps.clock.now().toISOString();
    const next: MonitorLogEntry = {
      ...entry,
      followUp: input.followUp,
      history: [...entry.history, { state: input.followUp, note: input.note || null, by: actor.uid, at }],
      updatedAt: at,
      updatedBy: actor.uid,
    };
    deps.monitors.saveEntry(tx, next);
    deps.repos.audit.append(tx, {
      actor,
      action: 'monitor.followUp',
      target: `monitorLog/${entry.id}`,
      before: { followUp: entry.followUp },
      after: { followUp: next.followUp, note: input.note ?? null },
      reason: oneLine(message('monitor.audit.entry')),
    });
    return next;
  });
}
