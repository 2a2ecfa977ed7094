// i18next set-up shared by both apps. Each app passes only its own strings, so the visitor
// bundle never carries console text. Dutch is the default and fallback; English is complete.
// The visitor side speaks more languages (src/protocol/languageInfo.ts) than the console.
import i18next, { type i18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isVisitorLanguage, languageInfo, visitorLanguages, type VisitorLanguage } from '../../src/protocol/languageInfo.js';

export { visitorLanguages, isVisitorLanguage, type VisitorLanguage };

/** The console's languages, the default first. */
export const consoleLanguages = ['nl', 'en'] as const;
export type ConsoleLanguage = (typeof consoleLanguages)[number];

export function isConsoleLanguage(value: unknown): value is ConsoleLanguage {
  return (consoleLanguages as readonly unknown[]).includes(value);
}

/**
 * The first language in the browser's list (navigator.languages, most wanted first) whose base
 * language we speak: en-GB and en-US are English, nl-BE is Dutch, ar-MA is Arabic. Null when none is.
 */
export function preferredLanguage<L extends string = VisitorLanguage>(browserLanguages: readonly string[], supported: readonly L[] = visitorLanguages as unknown as readonly L[]): L | null {
  for (const tag of browserLanguages) {
    const base = tag.trim().toLowerCase().split(/[-_]/)[0];
    const match = supported.find((language) => language === base);
    if (match) return match;
  }
  return null;
}

/** lang and dir on <html>: Arabic turns the whole page right-to-left. */
export function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = isVisitorLanguage(language) ? languageInfo[language].dir : 'ltr';
}

export async function createI18n(resources: Resource, language: string, supported: readonly string[] = consoleLanguages): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'nl',
    supportedLngs: [...supported],
    interpolation: { escapeValue: false }, // React escapes; strings are never HTML
    returnNull: false,
    initAsync: false,
  });
  applyDocumentLanguage(language);
  instance.on('languageChanged', applyDocumentLanguage);
  return instance;
}
