/**
 * Structured logs through the Functions logger, with a small vocabulary of
 * named events so that logs can be searched and counted by `event`.
 */
import { logger } from 'firebase-functions';

export type LogEvent =
  | 'movement.proposed'
  | 'movement.approved'
  | 'movement.rejected'
  | 'movement.started'
  | 'movement.completed'
  | 'movement.cancelled'
  | 'movement.extended'
  | 'scope.set'
  | 'profile.restrictionsRecorded'
  | 'scope.claimsPending'
  | 'claims.reconciled'
  | 'quota.allocated'
  | 'quota.carriedOver'
  | 'unitStats.rebuilt'
  | 'evaluation.runStarted'
  | 'evaluation.unitDone'
  | 'dossier.read'
  | 'dossier.correctionRequested'
  | 'dossier.correctionDecided'
  | 'dossier.retentionRun'
  | 'report.step'
  | 'request.replayed'
  | 'alerts.flagged'
  | 'request.refused'
  | 'error.unexpected';

type Fields = Record<string, unknown>;

export const log = {
  info(event: LogEvent, fields: Fields = {}): void {
    logger.info(event, { event, ...fields });
  },
  warn(event: LogEvent, fields: Fields = {}): void {
    logger.warn(event, { event, ...fields });
  },
  error(event: LogEvent, fields: Fields = {}): void {
    logger.error(event, { event, ...fields });
  },
};
