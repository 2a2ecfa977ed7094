import { describe, expect, it } from 'vitest';
import { isUiLanguage, preferredLanguage } from './i18n.js';

describe('preferredLanguage', () => {
  it('matches by base language, whatever the region', () => {
    expect(preferredLanguage(['en-GB'])).toBe('en');
    expect(preferredLanguage(['en-US', 'nl'])).toBe('en');
    expect(preferredLanguage(['EN_au'])).toBe('en');
    expect(preferredLanguage(['nl-BE', 'en'])).toBe('nl');
  });

  it('walks the list in order and takes the first language we speak', () => {
    expect(preferredLanguage(['de-DE', 'fr', 'en-US', 'nl'])).toBe('en');
    expect(preferredLanguage(['tr', 'ar-MA', 'nl-NL', 'en'])).toBe('nl');
  });

  it('is null when we speak none of them, and follows the list of languages it is given', () => {
    expect(preferredLanguage(['de-DE', 'fr'])).toBeNull();
    expect(preferredLanguage([])).toBeNull();
    expect(preferredLanguage(['en-GB', 'nl'], ['nl'])).toBe('nl');
  });

  it('knows which languages the pages speak', () => {
    expect(isUiLanguage('nl')).toBe(true);
    expect(isUiLanguage('en')).toBe(true);
    expect(isUiLanguage('de')).toBe(false);
  });
});
