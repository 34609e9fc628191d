/** Messages of the checks area (see ./index.ts). */
import type { Bilingual } from './format';

export const CHECK_MESSAGES = {} as const satisfies Record<string, Bilingual>;
