/**
 * One message catalogue for errors, checks, field hints and records, used by the
 * server and the web client alike. Each area keeps its entries in its own
 * file; this module joins them (test/unit/model/messages.test.ts checks that
 * no key is defined in two areas, where the spread would silently keep one).
 */
import { CHECK_MESSAGES } from './checks';
import { ERROR_MESSAGES } from './errors';
import { EVALUATION_MESSAGES } from './evaluation';
import { FIELD_MESSAGES } from './fields';
import { RECORD_MESSAGES } from './records';
import { RATING_MESSAGES } from './ratings';
// Movement pages and audit log of the web client (H3)
import { MOVEMENT_UI_MESSAGES } from './movements-ui';
import { UI_MESSAGES } from './ui';
// Area monitors (issue 13, H-monitors)
import { MONITOR_MESSAGES } from './monitors';
// The board's reports (H-reports, issue 13)
import { REPORT_MESSAGES } from './reports';
// Personal dossiers (issue 13, H-dossiers)
import { DOSSIER_MESSAGES } from './dossiers';
// Planning (H-planning, issue 13)
import { PLANNING_MESSAGES } from './planning';
import { fillBoth, type Bilingual, type MessageParams } from './format';

export * from './format';
export { RATING_MESSAGES };
export { MONITOR_MESSAGES };
export { REPORT_MESSAGES };
export { PLANNING_MESSAGES };
export { CHECK_MESSAGES, ERROR_MESSAGES, EVALUATION_MESSAGES, FIELD_MESSAGES, RECORD_MESSAGES, UI_MESSAGES };

/** Every area, for checks that must see each key where it is defined (a key in two areas would let the spread keep one). */
export const MESSAGE_AREAS = {
  errors: ERROR_MESSAGES,
  checks: CHECK_MESSAGES,
  fields: FIELD_MESSAGES,
  records: RECORD_MESSAGES,
  ratings: RATING_MESSAGES,
  movementsUi: MOVEMENT_UI_MESSAGES,
  ui: UI_MESSAGES,
  evaluation: EVALUATION_MESSAGES,
  reports: REPORT_MESSAGES,
  monitors: MONITOR_MESSAGES,
  planning: PLANNING_MESSAGES,
  dossiers: DOSSIER_MESSAGES,
} as const;

export const MESSAGES = {
  ...ERROR_MESSAGES,
  ...CHECK_MESSAGES,
  ...FIELD_MESSAGES,
  ...RECORD_MESSAGES,
  ...RATING_MESSAGES,
  ...MOVEMENT_UI_MESSAGES,
  ...UI_MESSAGES,
  ...EVALUATION_MESSAGES,
  ...REPORT_MESSAGES,
  ...MONITOR_MESSAGES,
  ...PLANNING_MESSAGES,
  ...DOSSIER_MESSAGES,
} as const;
export type MessageKey = keyof typeof MESSAGES;

/** The text of `key` in both languages, with its parameters filled. */
export function message(key: MessageKey, params: MessageParams = {}): Bilingual {
  return fillBoth(MESSAGES[key], params);
}
