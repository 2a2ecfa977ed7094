import { describe, expect, it } from 'vitest';
import { baseNormalise, normalisedVariants, squeezeLetters } from './normaliseText.js';

describe('normaliseText', () => {
  it('lowercases, strips diacritics and keeps clause punctuation as separate tokens', () => {
    expect(baseNormalise('Ik wil ZELFMÓÓRD!!! Echt.')).toBe('ik wil zelfmoord ! echt .');
  });

  it('expands English contractions before dropping apostrophes', () => {
    expect(baseNormalise("He'll hurt me, I can't, they're, I've, won't, don't, she's")).toBe(
      'he will hurt me , i cannot , they are , i have , will not , do not , she is',
    );
  });

  it('drops Dutch apostrophes and splits digits from letters', () => {
    expect(baseNormalise("m'n vriend, 'k ben 14jr, 13yo")).toBe('mn vriend , k ben 14 jr , 13 yo');
  });

  it('gives a standard and a squeezed variant with chat spelling applied', () => {
    const spelling = { ff: 'even', mn: 'mijn', k: 'ik' };
    expect(normalisedVariants("ff zeggen: m'n heeeelp geeeen", spelling)).toEqual({
      standard: 'even zeggen mijn heelp geen',
      squeezed: 'even zegen mijn help gen',
    });
    expect(squeezeLetters('loverboy heeelp')).toBe('loverboy help');
  });
});
