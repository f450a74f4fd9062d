/**
 * i18next + react-i18next for the renderer: zh-CN is the default and the fallback, resources
 * are bundled (no network), initialisation is synchronous so the first render is translated.
 * The module augmentation below types `t()` keys from zh-CN: `t('nav.oders')` fails to compile.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.ts';
import { zhCN } from './locales/zh-CN.ts';
import { zhTW } from './locales/zh-TW.ts';
import type { Language } from './languages.ts';
import type { Translation } from './translation.ts';

export const defaultNS = 'translation';
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export const locales: Readonly<Record<Language, Translation>> = {
  'zh-CN': zhCN,
  'zh-TW': zhTW,
  en,
};

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNS;
    resources: { translation: typeof zhCN };
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN },
    'zh-TW': { translation: zhTW },
    en: { translation: en },
  },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS,
  load: 'currentOnly',
  initAsync: false,
  returnNull: false,
  interpolation: { escapeValue: false }, // React escapes on render
  react: { useSuspense: false },
});

/** Switches the UI language and keeps `<html lang>` in step (fonts, screen readers). */
export async function applyLanguage(language: string): Promise<void> {
  await i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
