// Every visitor language has exactly Dutch's strings: the same keys (plural keys in the plural
// forms that language uses, as Intl.PluralRules names them), and the same {{placeholders}}.
// A missing key would silently show Dutch; a lost placeholder would drop a number or a name.
import { describe, expect, it } from 'vitest';
import { visitorLanguages } from '../../../src/protocol/languageInfo.js';
import { visitorNl } from './visitor.nl.js';
import { visitorEn } from './visitor.en.js';
import { visitorPl } from './visitor.pl.js';
import { visitorRo } from './visitor.ro.js';
import { visitorBg } from './visitor.bg.js';
import { visitorUk } from './visitor.uk.js';
import { visitorAr } from './visitor.ar.js';
import { embedNl } from './embed.nl.js';
import { embedEn } from './embed.en.js';
import { embedPl } from './embed.pl.js';
import { embedRo } from './embed.ro.js';
import { embedBg } from './embed.bg.js';
import { embedUk } from './embed.uk.js';
import { embedAr } from './embed.ar.js';
import { mailboxNl } from './mailbox.nl.js';
import { mailboxEn } from './mailbox.en.js';
import { mailboxPl } from './mailbox.pl.js';
import { mailboxRo } from './mailbox.ro.js';
import { mailboxBg } from './mailbox.bg.js';
import { mailboxUk } from './mailbox.uk.js';
import { mailboxAr } from './mailbox.ar.js';
import { visibilityNl } from './visibility.nl.js';
import { visibilityEn } from './visibility.en.js';
import { visibilityPl } from './visibility.pl.js';
import { visibilityRo } from './visibility.ro.js';
import { visibilityBg } from './visibility.bg.js';
import { visibilityUk } from './visibility.uk.js';
import { visibilityAr } from './visibility.ar.js';

const visitor: Record<string, object> = { nl: visitorNl, en: visitorEn, pl: visitorPl, ro: visitorRo, bg: visitorBg, uk: visitorUk, ar: visitorAr };
const embed: Record<string, object> = { nl: embedNl, en: embedEn, pl: embedPl, ro: embedRo, bg: embedBg, uk: embedUk, ar: embedAr };
const visibility: Record<string, object> = { nl: visibilityNl, en: visibilityEn, pl: visibilityPl, ro: visibilityRo, bg: visibilityBg, uk: visibilityUk, ar: visibilityAr };
const mailbox: Record<string, object> = { nl: mailboxNl, en: mailboxEn, pl: mailboxPl, ro: mailboxRo, bg: mailboxBg, uk: mailboxUk, ar: mailboxAr };
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function flatten(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value as object, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** Keys with plural forms folded into their base key, and the forms each has. */
function shape(strings: Map<string, string>): { keys: string[]; plurals: Map<string, string[]> } {
  const plurals = new Map<string, string[]>();
  const keys = new Set<string>();
  for (const key of strings.keys()) {
    const m = pluralSuffix.exec(key);
    if (!m) keys.add(key);
    else {
      const base = key.slice(0, -m[0].length);
      keys.add(`${base} (plural)`);
      plurals.set(base, [...(plurals.get(base) ?? []), m[1]!].sort());
    }
  }
  return { keys: [...keys].sort(), plurals };
}

/** i18next's {{name}}, and the widget's own {name}. */
const placeholders = (text: string) => [...text.matchAll(/\{\{?\s*(\w+)\s*\}\}?/g)].map((m) => m[1]!).sort();

function checkParity(all: Record<string, object>, language: string): void {
  const dutch = flatten(all['nl']!);
  const theirs = flatten(all[language]!);
  const d = shape(dutch);
  const t = shape(theirs);
  expect(t.keys, `${language}: same keys as Dutch`).toEqual(d.keys);
  const categories = [...new Set(new Intl.PluralRules(language).resolvedOptions().pluralCategories)].sort();
  for (const base of d.plurals.keys()) expect(t.plurals.get(base), `${language}: ${base} in every plural form`).toEqual(categories);
  for (const [key, text] of theirs) {
    const m = pluralSuffix.exec(key);
    if (!m) {
      expect(placeholders(text), `${language}: ${key}`).toEqual(placeholders(dutch.get(key)!));
      continue;
    }
    // A plural form may leave the number out ("You are next"), never add one Dutch lacks.
    const base = key.slice(0, -m[0].length);
    const allowed = new Set([...dutch].filter(([k]) => k.startsWith(`${base}_`)).flatMap(([, v]) => placeholders(v)));
    for (const name of placeholders(text)) expect(allowed.has(name), `${language}: ${key} uses {{${name}}}`).toBe(true);
  }
}

describe('translations', () => {
  it('exist for every visitor language, for the page and for the widget', () => {
    expect(Object.keys(visitor).sort()).toEqual([...visitorLanguages].sort());
    expect(Object.keys(embed).sort()).toEqual([...visitorLanguages].sort());
    expect(Object.keys(visibility).sort()).toEqual([...visitorLanguages].sort());
    expect(Object.keys(mailbox).sort()).toEqual([...visitorLanguages].sort());
  });

  for (const language of visitorLanguages.filter((l) => l !== 'nl')) {
    it(`${language}: the visitor page has Dutch's keys, plural forms and placeholders`, () => checkParity(visitor, language));
    it(`${language}: the widget has Dutch's keys and placeholders`, () => checkParity(embed, language));
    it(`${language}: the mailbox has Dutch's keys, plural forms and placeholders`, () => checkParity(mailbox, language));
    it(`${language}: "how did you find us" and the status badge have Dutch's keys and placeholders`, () => checkParity(visibility, language));
  }

  it('keeps a button’s visible words inside its accessible name, in every language (WCAG 2.5.3)', () => {
    for (const language of visitorLanguages) {
      const strings = flatten(visitor[language]!);
      for (const [visible, name] of [['quickExit.button', 'quickExit.label'], ['returnCode.get', 'returnCode.getLong']] as const) {
        expect(strings.get(name)!.toLocaleLowerCase(language), `${language}: ${name}`).toContain(strings.get(visible)!.toLocaleLowerCase(language));
      }
    }
  });

  it('no translation is left empty or in Dutch by mistake', () => {
    const dutch = flatten(visitorNl);
    for (const language of ['pl', 'ro', 'bg', 'uk', 'ar']) {
      const theirs = flatten(visitor[language]!);
      const same = [...theirs].filter(([k, v]) => v.trim() === '' || (dutch.get(k) === v && !/^(Baken|Chat)$/.test(v) && v.length > 6));
      expect(same, language).toEqual([]);
    }
  });
});
