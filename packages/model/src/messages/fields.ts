/** Messages of the fields area (see ./index.ts). */
import type { Bilingual } from './format';

export const FIELD_MESSAGES = {} as const satisfies Record<string, Bilingual>;
