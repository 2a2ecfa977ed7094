/**
 * Matching one rule set against one message: word-bounded patterns over the
 * normalised variants, a simple negation check, and an age check for
 * age rules. Returns which rules fired and the phrase that made them fire.
 */
import { isClausePunctuation, normalisedVariants, squeezeLetters } from './normaliseText.js';
import type { TriageRule, TriageRuleSet } from './triageRule.js';
import { patternScreen, type PatternScreen } from './patternScreen.js';

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
  /** Words that end the reach of a past marker ("maar", "but"). */
  readonly contrastWords: ReadonlySet<string>;
  /** One regex over all past markers / still words / joke markers (standard and squeezed spelling), or undefined when there are none. */
  readonly pastMarkers: MarkerRegexes | undefined;
  readonly stillWords: MarkerRegexes | undefined;
  readonly jokeMarkers: MarkerRegexes | undefined;
  /**
   * Every pattern of every rule in one screen (each spelling): when neither can match, no rule
   * can fire, and the message costs two quick scans instead of one per pattern. Most end here.
   */
  readonly anyPattern: { readonly standard: PatternScreen; readonly squeezed: PatternScreen };
}

interface MarkerRegexes {
  readonly standard: RegExp;
  readonly squeezed: RegExp;
}

/** Word lists shared by all rule sets of an engine (visitors mix languages). */
export interface SharedWords {
  readonly negations: readonly string[];
  readonly clauseWords: readonly string[];
  readonly contrastWords?: readonly string[] | undefined;
  readonly pastMarkers?: readonly string[] | undefined;
  readonly stillWords?: readonly string[] | undefined;
  readonly jokeMarkers?: readonly string[] | undefined;
}

/** How many words before a match a negation may stand ("ik ben echt niet in gevaar" → 3). */
const NEGATION_WINDOW = 3;
const SNIPPET_CONTEXT_WORDS = 3;
/** How far around a match a joke marker ("haha", "jk") makes it a figure of speech. */
const JOKE_WORDS_BEFORE = 3;
const JOKE_WORDS_AFTER = 6;
export const SNIPPET_MAX_CHARS = 100;

/** " ?" is an optional space; any other space is one or more. */
function spacedPattern(source: string): string {
  return source.replace(/ \?/g, '\\s*').replace(/ /g, '\\s+');
}

function compilePattern(source: string): RegExp {
  // Letters/digits on either side would mean we are inside a word.
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${spacedPattern(source)})(?![\\p{L}\\p{N}])`, 'gu');
}

function markerRegexes(sources: readonly string[] | undefined): MarkerRegexes | undefined {
  if (!sources || sources.length === 0) return undefined;
  const join = (list: readonly string[]) => new RegExp(list.map((p) => compilePattern(p).source).join('|'), 'u');
  return { standard: join(sources), squeezed: join(sources.map(squeezeLetters)) };
}

export function compileRuleSet(set: TriageRuleSet, shared: SharedWords = set): CompiledRuleSet {
  const words = (list: readonly string[] | undefined) => new Set((list ?? []).flatMap((w) => [w, squeezeLetters(w)]));
  const rules = set.rules.map((rule) => ({
    rule,
    regexes: rule.patterns.map(compilePattern),
    squeezedRegexes: rule.patterns.map((p) => compilePattern(squeezeLetters(p))),
  }));
  const sources = set.rules.flatMap((rule) => rule.patterns);
  return {
    set,
    rules,
    anyPattern: { standard: patternScreen(sources.map(spacedPattern)), squeezed: patternScreen(sources.map(squeezeLetters).map(spacedPattern)) },
    // The squeezed forms too, so "geen" still negates in the "gen" variant.
    negations: new Set(shared.negations.flatMap((w) => [w, squeezeLetters(w)])),
    clauseWords: words(shared.clauseWords),
    contrastWords: words(shared.contrastWords),
    pastMarkers: markerRegexes(shared.pastMarkers),
    stillWords: markerRegexes(shared.stillWords),
    jokeMarkers: markerRegexes(shared.jokeMarkers),
  };
}

/**
 * The stretch of text a past marker reaches: the sentence around the match,
 * cut at a contrast word ("vroeger wel, maar nu ...").
 */
function pastScope(text: string, start: number, end: number, compiled: CompiledRuleSet): string {
  const ends = (token: string) => /^[.!?;]$/u.test(token) || compiled.contrastWords.has(token);
  const before = text.slice(0, start).split(' ');
  let from = before.length;
  while (from > 0 && !ends(before[from - 1] ?? '')) from--;
  const after = text.slice(end).split(' ');
  let to = 0;
  while (to < after.length && !ends(after[to] ?? '')) to++;
  return `${before.slice(from).join(' ')}${text.slice(start, end)}${after.slice(0, to).join(' ')}`;
}

/** Is the match about something past and over ("3 jaar geleden", "i used to") with nothing saying it goes on? */
function isPastAndOver(text: string, start: number, end: number, compiled: CompiledRuleSet, squeezed: boolean): boolean {
  if (!compiled.pastMarkers) return false;
  const scope = pastScope(text, start, end, compiled);
  const pick = (m: MarkerRegexes) => (squeezed ? m.squeezed : m.standard);
  if (!pick(compiled.pastMarkers).test(scope)) return false;
  return !(compiled.stillWords && pick(compiled.stillWords).test(scope));
}

/** A joke marker right around the match ("my mum will kill me haha", "lol jk"): a figure of speech. */
function isJoke(text: string, start: number, end: number, compiled: CompiledRuleSet, squeezed: boolean): boolean {
  if (!compiled.jokeMarkers) return false;
  const before = text.slice(0, start).split(' ').filter(Boolean).slice(-JOKE_WORDS_BEFORE);
  const after = text.slice(end).split(' ').filter(Boolean).slice(0, JOKE_WORDS_AFTER);
  const around = `${before.join(' ')} ${text.slice(start, end)} ${after.join(' ')}`;
  return (squeezed ? compiled.jokeMarkers.squeezed : compiled.jokeMarkers.standard).test(around);
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
  if (!compiled.anyPattern.standard.mayMatch(standard) && !compiled.anyPattern.squeezed.mayMatch(squeezed)) return [];
  const matches: RuleMatch[] = [];
  for (const { rule, regexes, squeezedRegexes } of compiled.rules) {
    const found = findFirst(rule, regexes, standard, compiled, false) ?? findFirst(rule, squeezedRegexes, squeezed, compiled, true);
    if (found) matches.push(found);
  }
  return matches;
}

/** Past and over cancels these by default; a past event still tells her age. */
function cancelledByPast(rule: TriageRule): boolean {
  return rule.cancelledByPast ?? (rule.category === 'self_harm' || rule.category === 'exploitation');
}

function findFirst(rule: TriageRule, regexes: readonly RegExp[], text: string, compiled: CompiledRuleSet, squeezed: boolean): RuleMatch | undefined {
  for (const regex of regexes) {
    for (const m of text.matchAll(regex)) {
      if (!ageAllows(rule, m)) continue;
      if ((rule.negatable ?? true) && isNegated(text, m.index, compiled)) continue;
      const end = m.index + m[0].length;
      if (cancelledByPast(rule) && isPastAndOver(text, m.index, end, compiled, squeezed)) continue;
      if (rule.cancelledByJoke && isJoke(text, m.index, end, compiled, squeezed)) continue;
      return { rule, snippet: snippetAround(text, m.index, m.index + m[0].length) };
    }
  }
  return undefined;
}
