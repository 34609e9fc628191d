/**
 * The message mechanism: every text a user can see exists in Vietnamese and
 * English, Vietnamese first. Templates name their parameters as `{name}`.
 */

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

export interface Bilingual {
  vi: string;
  en: string;
}

export type MessageParams = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; a missing parameter is left visible rather than silently dropped. */
export function fill(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Both languages of a template, filled. */
export function fillBoth(entry: Bilingual, params: MessageParams = {}): Bilingual {
  return { vi: fill(entry.vi, params), en: fill(entry.en, params) };
}

/** One line for logs and for clients that show a single string: "tiếng Việt / English". */
export function oneLine(text: Bilingual): string {
  return `${text.vi} / ${text.en}`;
}
