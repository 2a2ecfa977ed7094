import { describe, expect, it } from 'vitest';
import { consoleLanguages, isConsoleLanguage, isVisitorLanguage, preferredLanguage } from './i18n.js';

describe('preferredLanguage', () => {
  it('matches by base language, whatever the region', () => {
    expect(preferredLanguage(['en-GB'])).toBe('en');
    expect(preferredLanguage(['en-US', 'nl'])).toBe('en');
    expect(preferredLanguage(['EN_au'])).toBe('en');
    expect(preferredLanguage(['nl-BE', 'en'])).toBe('nl');
    expect(preferredLanguage(['pl-PL'])).toBe('pl');
    expect(preferredLanguage(['uk-UA', 'ru'])).toBe('uk');
  });

  it('walks the list in order and takes the first language we speak', () => {
    expect(preferredLanguage(['de-DE', 'fr', 'en-US', 'nl'])).toBe('en');
    // Arabic is a visitor language now: a Moroccan browser gets Arabic, not Dutch.
    expect(preferredLanguage(['tr', 'ar-MA', 'nl-NL', 'en'])).toBe('ar');
    expect(preferredLanguage(['ru', 'bg-BG', 'ro'])).toBe('bg');
  });

  it('is null when we speak none of them, and follows the list of languages it is given', () => {
    expect(preferredLanguage(['de-DE', 'fr'])).toBeNull();
    expect(preferredLanguage([])).toBeNull();
    expect(preferredLanguage(['en-GB', 'nl'], ['nl'])).toBe('nl');
    // The console's list: Arabic is not one of its languages.
    expect(preferredLanguage(['ar-MA', 'en'], consoleLanguages)).toBe('en');
  });

  it('knows which languages each side speaks', () => {
    expect(isVisitorLanguage('nl')).toBe(true);
    expect(isVisitorLanguage('ar')).toBe(true);
    expect(isVisitorLanguage('de')).toBe(false);
    expect(isConsoleLanguage('en')).toBe(true);
    expect(isConsoleLanguage('pl')).toBe(false);
  });
});
