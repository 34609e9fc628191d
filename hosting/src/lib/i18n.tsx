/**
 * The language of the interface: Vietnamese by default, English on request,
 * remembered in localStorage. Every text comes from the one catalogue
 * (`@canbo/model/messages`, zod-free), so `t(key)` is the only way a page
 * writes a label. The document's `lang` follows the choice (screen readers
 * and hyphenation read it); a text shown in the other language carries its
 * own `lang` (see `<Both>`).
 */
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import {
  message,
  type Bilingual,
  type Lang,
  type MessageKey,
  type MessageParams,
} from '@canbo/model/messages';
import { pickLang, storedLang, LANG_STORAGE_KEY } from './lang';

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** The text of a catalogue key in the current language. */
  t(key: MessageKey, params?: MessageParams): string;
  /** One language of a bilingual text (a server message, a check's basis). */
  pick(text: Bilingual): string;
}

const I18nContext = createContext<I18n | null>(null);

function readStored(): Lang {
  try {
    return storedLang(localStorage.getItem(LANG_STORAGE_KEY));
  } catch {
    return 'vi';
  }
}

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [lang, setLangState] = useState<Lang>(readStored);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => pickLang(message(key, params), lang),
      pick: (text) => pickLang(text, lang),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside <I18nProvider>');
  return value;
}
