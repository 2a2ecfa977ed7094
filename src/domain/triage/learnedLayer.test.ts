import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessTriage } from './assessTriage.js';
import { defaultLearnedModel, SHIPPED_LEARNED_CATEGORIES, trainedLearnedModel } from './learned/index.js';
import { charNgrams, learnedText, messageFeatures, scoreMessage, scoreWindow } from './learnedLayer.js';
import { triageCorpus } from './triageCorpus.js';
import { TRIAGE_CATEGORIES } from './triageRule.js';

const model = trainedLearnedModel;

describe('the learned layer', () => {
  it('ships as a small, valid data file', () => {
    const bytes = statSync(fileURLToPath(new URL('./learned/model.json', import.meta.url))).size;
    expect(bytes).toBeLessThan(150_000);
    for (const c of TRIAGE_CATEGORIES) {
      const category = model.categories[c];
      expect(Object.keys(category.weights).length).toBeLessThanOrEqual(1_500);
      expect(category.threshold).toBeGreaterThan(0);
      expect(model.trainedOn).toMatch(/^development corpus/);
    }
  });

  it('is used in triage only for the categories that passed the blind check', () => {
    expect(defaultLearnedModel === undefined).toBe(SHIPPED_LEARNED_CATEGORIES.length === 0);
    for (const entry of triageCorpus.development) {
      for (const r of assessTriage({ messages: entry.messages }).reasons) {
        if (r.ruleId.startsWith('learned.')) expect(SHIPPED_LEARNED_CATEGORIES).toContain(r.category);
      }
    }
  });

  it('normalises like the rules and reads n-grams with word edges', () => {
    expect(learnedText('Hij PAKT m’n geld!!! heeeeel vaak')).toBe(' hij pakt mn geld heel vaak ');
    expect([...charNgrams(' ab ', 2, 3).keys()].sort()).toEqual([' a', ' ab', 'ab', 'ab ', 'b ']);
    expect(messageFeatures('ik ik ik ik', 2, 5)).toEqual(messageFeatures('ik ik', 2, 5));
  });

  it('scores a window as the sum of its messages: the state of one message is all it needs', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...triageCorpus.development.flatMap((e) => e.messages)), { minLength: 1, maxLength: 3 }), (messages) => {
        const states = messages.map((m) => scoreMessage(model, m));
        const window = scoreWindow(model, states);
        const n = states.reduce((s, m) => s + m.n, 0);
        TRIAGE_CATEGORIES.forEach((c, i) => {
          const dot = states.reduce((s, m) => s + m.dots[i]!, 0);
          const logit = model.categories[c].bias + dot / (Math.max(n, model.lengthReference) / model.lengthReference) ** model.lengthPower;
          expect(window[i]!.probability).toBeCloseTo(1 / (1 + Math.exp(-logit)), 12);
          for (const word of window[i]!.words) expect(messages.map(learnedText).join(' ')).toContain(` ${word}`);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('does not grow with repetition or blow up a greeting', () => {
    const once = scoreWindow(model, [scoreMessage(model, 'ik moet geld verdienen')]);
    const pasted = scoreWindow(model, [scoreMessage(model, 'ik moet geld verdienen '.repeat(80))]);
    TRIAGE_CATEGORIES.forEach((_, i) => expect(pasted[i]!.probability).toBeLessThanOrEqual(once[i]!.probability + 0.1));
    for (const greeting of ['hoi', 'hey', 'hallo', 'hi', 'ok', 'ja']) {
      for (const v of scoreWindow(model, [scoreMessage(model, greeting)])) expect(v.probability, `${greeting} ${v.category}`).toBeLessThan(model.categories[v.category].threshold);
    }
  });
});
