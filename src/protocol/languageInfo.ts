// The languages the visitor side speaks, as data: each one's code, its name in itself, its
// writing direction, the locale dates and times are written in, and whether its strings are a
// draft (machine-aided, not yet checked by a native speaker). Plain data, no zod: the visitor
// bundle and /embed.js import it. Dutch is the default and the fallback; the console speaks only
// Dutch and English (web/common/i18n.ts consoleLanguages).

export const visitorLanguages = ['nl', 'en', 'pl', 'ro', 'bg', 'uk', 'ar'] as const;
export type VisitorLanguage = (typeof visitorLanguages)[number];

export const defaultVisitorLanguage: VisitorLanguage = 'nl';

export interface LanguageInfo {
  readonly code: VisitorLanguage;
  /** The language's name in that language, as the visitor looks for it. */
  readonly ownName: string;
  readonly dir: 'ltr' | 'rtl';
  /** BCP 47 locale for dates and times. */
  readonly locale: string;
  /** True until a native speaker has checked the strings; shown as such to administrators. */
  readonly draft: boolean;
}

export const languageInfo: Readonly<Record<VisitorLanguage, LanguageInfo>> = {
  nl: { code: 'nl', ownName: 'Nederlands', dir: 'ltr', locale: 'nl-NL', draft: false },
  en: { code: 'en', ownName: 'English', dir: 'ltr', locale: 'en-GB', draft: false },
  pl: { code: 'pl', ownName: 'Polski', dir: 'ltr', locale: 'pl-PL', draft: true },
  ro: { code: 'ro', ownName: 'Română', dir: 'ltr', locale: 'ro-RO', draft: true },
  bg: { code: 'bg', ownName: 'Български', dir: 'ltr', locale: 'bg-BG', draft: true },
  uk: { code: 'uk', ownName: 'Українська', dir: 'ltr', locale: 'uk-UA', draft: true },
  // Western digits: times and phone numbers as she sees them on Dutch signs and phones.
  ar: { code: 'ar', ownName: 'العربية', dir: 'rtl', locale: 'ar-u-nu-latn', draft: true },
};

export function isVisitorLanguage(value: unknown): value is VisitorLanguage {
  return (visitorLanguages as readonly unknown[]).includes(value);
}

/** The locale to write dates and times in for a language code; Dutch for one we do not know. */
export function localeOf(language: string): string {
  return isVisitorLanguage(language) ? languageInfo[language].locale : languageInfo.nl.locale;
}

/** Languages an administrator may switch off; Dutch, the fallback, always stays. */
export function offeredLanguages(disabled: readonly string[]): VisitorLanguage[] {
  return visitorLanguages.filter((code) => code === defaultVisitorLanguage || !disabled.includes(code));
}
