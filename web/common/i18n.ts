// i18next set-up shared by both apps. Each app passes only its own strings, so the visitor
// bundle never carries console text. Dutch is the default; English is complete.
import i18next, { type i18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const uiLanguages = ['nl', 'en'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

export function isUiLanguage(value: unknown): value is UiLanguage {
  return value === 'nl' || value === 'en';
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
