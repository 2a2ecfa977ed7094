import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstCharsOf, patternScreen } from './patternScreen.js';
import { compileRuleSet } from './matchRules.js';
import { normalisedVariants } from './normaliseText.js';
import { defaultRuleSets } from './rules/index.js';
import { triageCorpus } from './triageCorpus.js';

const compiled = defaultRuleSets.map((set) => compileRuleSet(set, set));
const corpusMessages = [...triageCorpus.development, ...triageCorpus.holdout, ...triageCorpus.blind].flatMap((e) => e.messages);

/** Whether any single rule pattern of this set matches (what the screen must never miss). */
function anyRuleMatches(set: (typeof compiled)[number], text: string, squeezed: boolean): boolean {
  return set.rules.some((r) =>
    (squeezed ? r.squeezedRegexes : r.regexes).some((regex) => {
      regex.lastIndex = 0;
      return regex.test(text);
    }),
  );
}

function screenAgrees(message: string): void {
  for (const set of compiled) {
    const { standard, squeezed } = normalisedVariants(message, set.set.spelling);
    if (anyRuleMatches(set, standard, false)) expect(set.anyPattern.standard.mayMatch(standard), standard).toBe(true);
    if (anyRuleMatches(set, squeezed, true)) expect(set.anyPattern.squeezed.mayMatch(squeezed), squeezed).toBe(true);
  }
}

describe('the pattern screen before the rules', () => {
  it('reads the letters a pattern can start with, and gives up where it cannot tell', () => {
    expect(firstCharsOf('(?:ik ben|ben ik)\\s+in gevaar')).toEqual(new Set(['i', 'b']));
    expect(firstCharsOf('(?:nu\\s+)?hulp')).toEqual(new Set(['n', 'h']));
    expect(firstCharsOf('\\d+ jaar')).toEqual(new Set('0123456789'));
    expect(firstCharsOf('a|b')).toEqual(new Set(['a', 'b']));
    expect(firstCharsOf('\\w+ me')).toBe('any');
    expect(firstCharsOf('[ab]c')).toBe('any');
    expect(firstCharsOf('(?:x)?')).toBe('any');
    expect(firstCharsOf('(?=a)a')).toBe('any');
  });

  it('lets every corpus message through that a rule pattern matches, and stops a neutral line', () => {
    for (const message of corpusMessages) screenAgrees(message);
    const neutral = normalisedVariants('benchmark message with a typical length of text', {}).standard;
    expect(compiled.every((set) => !set.anyPattern.standard.mayMatch(neutral))).toBe(true);
  });

  it('never says no where a pattern matches, in mixed and shuffled corpus text', () => {
    const words = [...new Set(corpusMessages.flatMap((m) => m.split(/\s+/)))];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...corpusMessages), fc.string({ maxLength: 6 })), { maxLength: 12 }),
        (parts) => screenAgrees(parts.join(' ')),
      ),
      { numRuns: 400, seed: 20261202 },
    );
  });

  it('answers for patterns it cannot read by trying them everywhere', () => {
    const screen = patternScreen(['\\w+ gevaar', 'hulp']);
    expect(screen.mayMatch('ik zit in gevaar')).toBe(true);
    expect(screen.mayMatch('ik wil hulp')).toBe(true);
    expect(screen.mayMatch('onhulp')).toBe(false);
    expect(screen.mayMatch('niets aan de hand')).toBe(false);
  });
});
