// i18next set-up shared by both apps. Each app passes only its own strings, so the visitor
// bundle never carries console text. Dutch is the default; English is complete.
import i18next, { type i18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

/** The languages the pages speak, the default first. A new one is added here (and its strings). */
export const uiLanguages = ['nl', 'en'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

export function isUiLanguage(value: unknown): value is UiLanguage {
  return (uiLanguages as readonly unknown[]).includes(value);
}

/**
 * The first language in the browser's list (navigator.languages, most wanted first) whose base
 * language we speak: en-GB and en-US are English, nl-BE is Dutch. Null when none is.
 */
export function preferredLanguage(browserLanguages: readonly string[], supported: readonly UiLanguage[] = uiLanguages): UiLanguage | null {
  for (const tag of browserLanguages) {
    const base = tag.trim().toLowerCase().split(/[-_]/)[0];
    const match = supported.find((language) => language === base);
    if (match) return match;
  }
  return null;
}

export async function createI18n(resources: Resource, language: UiLanguage): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'nl',
    supportedLngs: [...uiLanguages],
    interpolation: { escapeValue: false }, // React escapes; strings are never HTML
    returnNull: false,
    initAsync: false,
  });
  document.documentElement.lang = language;
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return instance;
}
