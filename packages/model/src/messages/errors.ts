/** Messages of the errors area (see ./index.ts). */
import type { Bilingual } from './format';

export const ERROR_MESSAGES = {} as const satisfies Record<string, Bilingual>;
