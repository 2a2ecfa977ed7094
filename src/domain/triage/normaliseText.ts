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
    .replace(/['’‘`´]/gu, '')
    .replace(/[^\p{L}\p{N}.,!?;]+/gu, ' ')
    .replace(/([.,!?;])[.,!?;]*/gu, ' $1 ')
    .replace(/\s+/gu, ' ')
    .trim();
}

function applySpelling(text: string, spelling: Readonly<Record<string, string>>): string {
  return text.replace(/[\p{L}\p{N}]+/gu, (token) => spelling[token] ?? token);
}

/**
 * Two variants, because no single collapse rule fits all words:
 * "geeeen" → "geen" needs 3+ letters squeezed to 2; "heeelp" → "help" needs
 * doubles squeezed to 1 (which would turn "geen" into "gen"). Rules are
 * matched against both.
 */
export function normalisedVariants(text: string, spelling: Readonly<Record<string, string>>): string[] {
  const base = applySpelling(baseNormalise(text), spelling);
  const squeezeToTwo = applySpelling(base.replace(/(\p{L})\1{2,}/gu, '$1$1'), spelling);
  const squeezeToOne = applySpelling(base.replace(/(\p{L})\1+/gu, '$1'), spelling);
  return squeezeToOne === squeezeToTwo ? [squeezeToTwo] : [squeezeToTwo, squeezeToOne];
}

export function isClausePunctuation(token: string): boolean {
  return CLAUSE_PUNCTUATION.test(token);
}
