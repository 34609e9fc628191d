/**
 * assignMonitor and reassignMonitorCommune (issue 13, docs/monitors.md): the
 * province gives an area monitor its communes and fields. One transaction
 * closes the monitor's current assignment, opens the next (the history), and
 * rewrites the monitor's scope document `userScopes/{uid}`, whose `communes`
 * the security rules and the callables read — so the change holds from the
 * commit, without waiting for a new ID token — with its audit entry.
 */
import type { Transaction } from 'firebase-admin/firestore';
import {
  claimsOfScope,
  message,
  type MonitorAssignment,
  type MonitorField,
  oneLine,
  type TAssignMonitorInput,
  type TReassignMonitorCommuneInput,
  type UserScope,
} from '@canbo/model';
import { changeAssignment, reassignCommune } from '../../domain/monitors/rules';
import { requireRole, type Actor } from '../../lib/actor';
import { today } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { requireCommunesOf } from '../scopes/set-user-scope';
import type { MonitorDeps } from './deps';

/** The monitor's scope document, which must be an area monitor's of the actor's province. */
async function monitorScope(
  deps: MonitorDeps,
  tx: Transaction,
  province: string,
  uid: string,
): Promise<UserScope> {
  const scope = await deps.repos.userScopes.find(uid, tx);
  if (!scope || scope.role !== 'area_monitor' || scope.provinceCode !== province)
    throw new AppError('failed-precondition', 'monitor.error.notAMonitor', { uid });
  return scope;
}

/**
 * The next version of a monitor's scope with new communes. A monitor's claims
 * carry no communes (services/scopes/claims.ts `claimsFor`), so they do not
 * change: a scope whose claims were applied stays applied at the new version.
 */
export function rescoped(scope: UserScope, communes: string[], by: string, at: string): UserScope {
  const version = scope.version + 1;
  return {
    ...scope,
    communes,
    version,
    claimsAppliedVersion: scope.claimsPending ? scope.claimsAppliedVersion : version,
    claimsPending: scope.claimsPending,
    updatedAt: at,
    updatedBy: by,
  };
}

interface Plan {
  uid: string;
  communes: string[];
  fields: MonitorField[];
}

/** Reads done, writes one monitor's change in `tx`: assignment closed and opened, scope, audit. */
function writeChange(
  deps: MonitorDeps,
  tx: Transaction,
  actor: Actor,
  scope: UserScope,
  current: MonitorAssignment | undefined,
  plan: Plan,
  input: { decision?: string; reason: string },
): MonitorAssignment {
  const at = deps.clock.now().toISOString();
  const { closed, opened } = changeAssignment(current, {
    id: deps.newId(`ma-${actor.province}`),
    provinceCode: actor.province,
    monitorUid: plan.uid,
    communes: plan.communes,
    fields: plan.fields,
    from: today(deps.clock),
    decision: input.decision ?? null,
    reason: input.reason,
    decidedBy: actor.uid,
    decidedAt: at,
  });
  if (closed) deps.monitors.saveAssignment(tx, closed);
  deps.monitors.saveAssignment(tx, opened);
  deps.repos.userScopes.save(tx, rescoped(scope, opened.communes, actor.uid, at));
  deps.repos.audit.append(tx, {
    actor,
    action: 'monitor.assign',
    target: `monitorAssignments/${opened.id}`,
    before: { scope: claimsOfScope(scope), assignment: current ?? null },
    after: { communes: opened.communes, fields: opened.fields, decision: opened.decision },
    reason: oneLine(message('monitor.audit.assign', { reason: input.reason })),
  });
  return opened;
}

export async function assignMonitor(
  deps: MonitorDeps,
  actor: Actor,
  input: TAssignMonitorInput,
): Promise<MonitorAssignment> {
  requireRole(actor, 'province_admin');
  await requireCommunesOf(deps, actor.province, input.communes);
  const opened = await deps.db.runTransaction(async (tx) => {
    const scope = await monitorScope(deps, tx, actor.province, input.monitorUid);
    const current = await deps.monitors.currentAssignment(tx, input.monitorUid);
    return writeChange(
      deps,
      tx,
      actor,
      scope,
      current,
      {
        uid: input.monitorUid,
        communes: input.communes,
        fields: input.fields,
      },
      input,
    );
  });
  return opened;
}

export interface ReassignResult {
  from: MonitorAssignment;
  to: MonitorAssignment;
}

/**
 * One commune moves from one monitor to another, both changes in one
 * transaction: the giver's scope loses it the moment the receiver's gains it.
 * Each keeps its fields; a receiver with no assignment yet follows the
 * giver's fields.
 */
export async function reassignMonitorCommune(
  deps: MonitorDeps,
  actor: Actor,
  input: TReassignMonitorCommuneInput,
): Promise<ReassignResult> {
  requireRole(actor, 'province_admin');
  const result = await deps.db.runTransaction(async (tx) => {
    const [fromScope, toScope] = [
      await monitorScope(deps, tx, actor.province, input.fromUid),
      await monitorScope(deps, tx, actor.province, input.toUid),
    ];
    const fromCurrent = await deps.monitors.currentAssignment(tx, input.fromUid);
    const toCurrent = await deps.monitors.currentAssignment(tx, input.toUid);
    const { fromCommunes, toCommunes } = reassignCommune(
      input.communeCode,
      { uid: input.fromUid, communes: fromScope.communes },
      { uid: input.toUid, communes: toScope.communes },
    );
    const fromFields = fromCurrent?.fields ?? [];
    return {
      from: writeChange(
        deps,
        tx,
        actor,
        fromScope,
        fromCurrent,
        {
          uid: input.fromUid,
          communes: fromCommunes,
          fields: fromFields,
        },
        input,
      ),
      to: writeChange(
        deps,
        tx,
        actor,
        toScope,
        toCurrent,
        {
          uid: input.toUid,
          communes: toCommunes,
          fields: toCurrent?.fields ?? fromFields,
        },
        input,
      ),
    };
  });
  return result;
}
