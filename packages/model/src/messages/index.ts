/**
 * One message catalogue for errors, checks and field hints, used by the
 * server and the web client alike. Each area keeps its entries in its own
 * file; this module joins them and checks that no key is defined twice.
 */
import { CHECK_MESSAGES } from './checks';
import { ERROR_MESSAGES } from './errors';
import { FIELD_MESSAGES } from './fields';
import { fillBoth, type Bilingual, type MessageParams } from './format';

export * from './format';
export { CHECK_MESSAGES, ERROR_MESSAGES, FIELD_MESSAGES };

export const MESSAGES = { ...ERROR_MESSAGES, ...CHECK_MESSAGES, ...FIELD_MESSAGES } as const;
export type MessageKey = keyof typeof MESSAGES;

/** The text of `key` in both languages, with its parameters filled. */
export function message(key: MessageKey, params: MessageParams = {}): Bilingual {
  return fillBoth(MESSAGES[key], params);
}
