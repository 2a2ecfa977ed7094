/**
 * Text normalisation for rule matching. Chat is written fast: "ff", "nie",
 * "heeeelp", "m'n", no diacritics or too many. Rules are written once in
 * standard spelling and matched against normalised variants.
 */

/** Characters kept as clause punctuation; everything else that is not a letter or digit becomes a space. */
const CLAUSE_PUNCTUATION = /[.,!?;]/u;

/** Lowercase, strip diacritics and apostrophes, keep letters/digits/clause punctuation, single spaces. */
export function baseNormalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    // English contractions before apostrophes go: "he'll" must not become "hell".
    .replace(/(\p{L})['’]ll(?!\p{L})/gu, '$1 will')
    .replace(/(\p{L})['’]re(?!\p{L})/gu, '$1 are')
    .replace(/(\p{L})['’]ve(?!\p{L})/gu, '$1 have')
    .replace(/(\p{L})['’]d(?!\p{L})/gu, '$1 would')
    .replace(/(?<![\p{L}])i['’]m(?!\p{L})/gu, 'i am')
    .replace(/(?<![\p{L}])can['’]t(?!\p{L})/gu, 'cannot')
    .replace(/(?<![\p{L}])won['’]t(?!\p{L})/gu, 'will not')
    .replace(/(\p{L})n['’]t(?!\p{L})/gu, '$1 not')
    .replace(/(?<![\p{L}])(he|she|it|that|what|who|there)['’]s(?!\p{L})/gu, '$1 is')
    .replace(/['’‘`´]/gu, '')
    // Laughing emoji read as a laugh: "he will kill me 😂" is a figure of speech.
    .replace(/[😂🤣😹]+/gu, ' haha ')
    .replace(/[^\p{L}\p{N}.,!?;]+/gu, ' ')
    // "13yo", "14jaar": split digits from letters so they are separate words.
    .replace(/(\p{N})(?=\p{L})|(\p{L})(?=\p{N})/gu, '$1$2 ')
    .replace(/([.,!?;])[.,!?;]*/gu, ' $1 ')
    .replace(/\s+/gu, ' ')
    .trim();
}

function applySpelling(text: string, spelling: Readonly<Record<string, string>>): string {
  return text.replace(/[\p{L}\p{N}]+/gu, (token) => spelling[token] ?? token);
}

/** Squeeze every run of a repeated letter to one: "heeelp" → "help", "geen" → "gen". */
export function squeezeLetters(text: string): string {
  return text.replace(/(\p{L})\1+/gu, '$1');
}

export interface NormalisedVariants {
  /** Runs of 3+ letters squeezed to 2: "geeeen" → "geen". */
  readonly standard: string;
  /** All repeats squeezed to 1: "heelp" → "help". Matched with squeezed patterns. */
  readonly squeezed: string;
}

/**
 * Two variants, because no single collapse rule fits all words: "geeeen"
 * needs squeezing to two letters, "heelp" to one (which would turn "geen"
 * into "gen"). Patterns are squeezed the same way for the second variant.
 */
export function normalisedVariants(text: string, spelling: Readonly<Record<string, string>>): NormalisedVariants {
  const base = applySpelling(baseNormalise(text), spelling);
  return {
    standard: applySpelling(base.replace(/(\p{L})\1{2,}/gu, '$1$1'), spelling),
    squeezed: squeezeLetters(applySpelling(squeezeLetters(base), spelling)),
  };
}

export function isClausePunctuation(token: string): boolean {
  return CLAUSE_PUNCTUATION.test(token);
}
