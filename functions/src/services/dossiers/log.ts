/**
 * The dossier area's log events. functions/src/log.ts keeps the project's
 * vocabulary as a closed union that this area does not own; until its owner
 * adds these names there (requested), they are logged through the same
 * Functions logger with the same `{ event, ...fields }` shape.
 */
import { logger } from 'firebase-functions';

export type DossierLogEvent =
  'dossier.read' | 'dossier.correctionRequested' | 'dossier.correctionDecided' | 'dossier.retentionRun';

export const dossierLog = {
  info(event: DossierLogEvent, fields: Record<string, unknown> = {}): void {
    logger.info(event, { event, ...fields });
  },
};
