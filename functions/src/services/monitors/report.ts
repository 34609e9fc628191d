/**
 * getMonitorReport (issue 13, docs/monitors.md): a monitor's periodic report
 * (a month or a quarter) counted from the work log by the pure
 * domain/monitors/report.ts. A monitor sees its own; province admins and
 * auditors any monitor's of their province.
 */
import type { MonitorReport, TGetMonitorReportInput } from '@canbo/model';
import { monitorReport, periodRange } from '../../domain/monitors/report';
import { requireRole, withScopeDocument, type Actor } from '../../lib/actor';
import { AppError, ValidationFailed } from '../../lib/errors';
import type { MonitorDeps } from './deps';

export async function getMonitorReport(
  deps: MonitorDeps,
  actor: Actor,
  input: TGetMonitorReportInput,
): Promise<MonitorReport> {
  requireRole(actor, 'area_monitor', 'province_admin', 'auditor');
  let uid = input.monitorUid;
  if (actor.role === 'area_monitor') {
    if (uid !== undefined && uid !== actor.uid)
      throw new AppError('permission-denied', 'monitor.error.otherMonitorsReport');
    uid = actor.uid;
  } else if (uid === undefined) {
    throw ValidationFailed.field('monitorUid', 'error.invalidInput');
  }
  const scope = await deps.repos.userScopes.find(uid);
  // A province-wide role only for the monitors its province scoped (another province's are not revealed).
  if (actor.role !== 'area_monitor' && (!scope || scope.provinceCode !== actor.province))
    throw new AppError('not-found', 'monitor.error.notAMonitor', { uid });
  const communes =
    actor.role === 'area_monitor'
      ? withScopeDocument(actor, scope).communes
      : scope?.role === 'area_monitor'
        ? scope.communes
        : [];
  const { from, to } = periodRange(input.period);
  const entries = await deps.monitors.entriesBy(actor.province, uid, from, to);
  return monitorReport(uid, input.period, entries, communes);
}
