/**
 * Pure helpers of the language choice (unit-tested in test/unit/hosting/format.test.ts).
 */
import type { Bilingual, Lang } from '@canbo/model/messages';

export const LANG_STORAGE_KEY = 'canbo.lang';

/** What localStorage holds, as a language: anything but 'en' is Vietnamese, the default. */
export function storedLang(value: string | null): Lang {
  return value === 'en' ? 'en' : 'vi';
}

/** One language of a bilingual text; an empty English text falls back to the Vietnamese. */
export function pickLang(text: Bilingual, lang: Lang): string {
  return lang === 'en' ? text.en || text.vi : text.vi;
}
