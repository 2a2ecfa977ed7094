/**
 * Matching one rule set against one message: word-bounded patterns over the
 * normalised variants, a simple negation check, and an age check for
 * age rules. Returns which rules fired and the phrase that made them fire.
 */
import { isClausePunctuation, normalisedVariants, squeezeLetters } from './normaliseText.js';
import type { TriageRule, TriageRuleSet } from './triageRule.js';

export interface RuleMatch {
  readonly rule: TriageRule;
  /** The matched phrase with a few words of context, from the normalised text. */
  readonly snippet: string;
}

interface CompiledRule {
  readonly rule: TriageRule;
  /** For the standard variant. */
  readonly regexes: readonly RegExp[];
  /** The same patterns with repeated letters squeezed, for the squeezed variant. */
  readonly squeezedRegexes: readonly RegExp[];
}

export interface CompiledRuleSet {
  readonly set: TriageRuleSet;
  readonly rules: readonly CompiledRule[];
  readonly negations: ReadonlySet<string>;
  readonly clauseWords: ReadonlySet<string>;
}

/** How many words before a match a negation may stand ("ik ben echt niet in gevaar" → 3). */
const NEGATION_WINDOW = 3;
const SNIPPET_CONTEXT_WORDS = 3;
export const SNIPPET_MAX_CHARS = 100;

function compilePattern(source: string): RegExp {
  // Letters/digits on either side would mean we are inside a word.
  // " ?" is an optional space; any other space is one or more.
  const spaced = source.replace(/ \?/g, '\\s*').replace(/ /g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${spaced})(?![\\p{L}\\p{N}])`, 'gu');
}

export function compileRuleSet(
  set: TriageRuleSet,
  shared: { readonly negations: readonly string[]; readonly clauseWords: readonly string[] } = set,
): CompiledRuleSet {
  return {
    set,
    rules: set.rules.map((rule) => ({
      rule,
      regexes: rule.patterns.map(compilePattern),
      squeezedRegexes: rule.patterns.map((p) => compilePattern(squeezeLetters(p))),
    })),
    // The squeezed forms too, so "geen" still negates in the "gen" variant.
    negations: new Set(shared.negations.flatMap((w) => [w, squeezeLetters(w)])),
    clauseWords: new Set(shared.clauseWords.flatMap((w) => [w, squeezeLetters(w)])),
  };
}

/** Is there a negation among the last few words of the same clause before `index`? */
function isNegated(text: string, index: number, compiled: CompiledRuleSet): boolean {
  const before = text.slice(0, index).split(' ').filter((t) => t.length > 0);
  const window: string[] = [];
  for (let i = before.length - 1; i >= 0 && window.length < NEGATION_WINDOW; i--) {
    const token = before[i] ?? '';
    if (isClausePunctuation(token) || compiled.clauseWords.has(token)) break;
    window.push(token);
  }
  return window.some((t) => compiled.negations.has(t));
}

function snippetAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start).split(' ').filter(Boolean);
  const after = text.slice(end).split(' ').filter(Boolean);
  const shownBefore = before.slice(-SNIPPET_CONTEXT_WORDS).join(' ');
  const shownAfter = after.slice(0, SNIPPET_CONTEXT_WORDS).join(' ');
  const snippet = [
    before.length > SNIPPET_CONTEXT_WORDS ? '…' : '',
    shownBefore ? `${shownBefore} ` : '',
    text.slice(start, end),
    shownAfter ? ` ${shownAfter}` : '',
    after.length > SNIPPET_CONTEXT_WORDS ? '…' : '',
  ].join('');
  return snippet.length <= SNIPPET_MAX_CHARS ? snippet : text.slice(start, end).slice(0, SNIPPET_MAX_CHARS);
}

function ageAllows(rule: TriageRule, match: RegExpExecArray): boolean {
  if (!rule.ageRange) return true;
  const age = Number(match[1]);
  return Number.isInteger(age) && age >= rule.ageRange[0] && age <= rule.ageRange[1];
}

/** Rules of this set that fire on the message, each at most once. */
export function matchRuleSet(compiled: CompiledRuleSet, message: string): RuleMatch[] {
  const { standard, squeezed } = normalisedVariants(message, compiled.set.spelling);
  const matches: RuleMatch[] = [];
  for (const { rule, regexes, squeezedRegexes } of compiled.rules) {
    const found = findFirst(rule, regexes, standard, compiled) ?? findFirst(rule, squeezedRegexes, squeezed, compiled);
    if (found) matches.push(found);
  }
  return matches;
}

function findFirst(rule: TriageRule, regexes: readonly RegExp[], text: string, compiled: CompiledRuleSet): RuleMatch | undefined {
  for (const regex of regexes) {
    for (const m of text.matchAll(regex)) {
      if (!ageAllows(rule, m)) continue;
      if ((rule.negatable ?? true) && isNegated(text, m.index, compiled)) continue;
      return { rule, snippet: snippetAround(text, m.index, m.index + m[0].length) };
    }
  }
  return undefined;
}
