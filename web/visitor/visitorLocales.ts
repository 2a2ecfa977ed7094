// The visitor page's strings, one chunk per language. Dutch (the default and the fallback for
// any missing string) is in the main bundle; every other language is fetched only when chosen,
// so a visitor loads the strings of one language, not seven (e2e/bundle.test.ts checks this).
import type { i18n } from 'i18next';
import type { VisitorLanguage } from '../../src/protocol/languageInfo.js';

type Strings = Record<string, unknown>;

// Each language's chunk is its visitor.<lang>.ts (which carries its other visitor areas too).
const loaders: Record<Exclude<VisitorLanguage, 'nl'>, () => Promise<Strings>> = {
  en: () => import('../common/locales/visitor.en.js').then((m) => m.visitorEnAll),
  pl: () => import('../common/locales/visitor.pl.js').then((m) => m.visitorPlAll),
  ro: () => import('../common/locales/visitor.ro.js').then((m) => m.visitorRoAll),
  bg: () => import('../common/locales/visitor.bg.js').then((m) => m.visitorBgAll),
  uk: () => import('../common/locales/visitor.uk.js').then((m) => m.visitorUkAll),
  ar: () => import('../common/locales/visitor.ar.js').then((m) => m.visitorArAll),
};

/** The strings of a language that is not Dutch; Dutch is always there already. */
export function loadStrings(language: Exclude<VisitorLanguage, 'nl'>): Promise<Strings> {
  return loaders[language]();
}

/**
 * Switches to a language once its strings are in. False when they could not be fetched (offline):
 * the page then stays in the language it was in.
 */
export async function switchLanguage(instance: i18n, language: VisitorLanguage): Promise<boolean> {
  if (language !== 'nl' && !instance.hasResourceBundle(language, 'translation')) {
    try {
      instance.addResourceBundle(language, 'translation', await loadStrings(language));
    } catch {
      return false;
    }
  }
  await instance.changeLanguage(language);
  return true;
}
