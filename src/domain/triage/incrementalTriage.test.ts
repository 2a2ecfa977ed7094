/**
 * Triage on every visitor message: assessMessage folds one message at a time
 * into the previous result and must agree with triaging the whole list, never
 * lower anything, stay small and fast whatever she types.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessMessage,
  assessTriage,
  createTriageEngine,
  raised,
  startTriage,
  TRIAGE_MAX_REASONS_PER_CATEGORY,
  TRIAGE_MESSAGE_MAX_CHARS,
} from './assessTriage.js';
import type { TriageEngine, TriageResult } from './assessTriage.js';
import { compileRuleSet, matchRuleSet } from './matchRules.js';
import { defaultLearnedModel, trainedLearnedModel } from './learned/index.js';
import type { LearnedModel } from './learnedLayer.js';
import { AGE_BANDS, PRE_CHAT_TOPICS } from './preChatAnswers.js';
import type { PreChatAnswers } from './preChatAnswers.js';
import { defaultRuleSets } from './rules/index.js';
import { triageCorpus } from './triageCorpus.js';
import { TRIAGE_CATEGORIES } from './triageRule.js';
import type { TriageCategory } from './triageRule.js';
import { maxPriority, priorityRank } from '../queue/priority.js';
import type { Priority } from '../queue/priority.js';

// Development and old hold-out messages only: the blind set stays out of every test input.
const corpusMessages = [...triageCorpus.development, ...triageCorpus.holdout].flatMap((e) => e.messages);

/** A small hand-made learned model, so the learned layer's state is exercised whatever the shipped weights are. */
const toyModel: LearnedModel = {
  version: 1,
  minN: 2,
  maxN: 5,
  window: 3,
  lengthPower: 0.5,
  lengthReference: 1,
  explainTop: 3,
  trainedOn: 'test',
  categories: {
    acute_danger: { enabled: true, bias: -3, threshold: 0.5, priority: 'critical', weights: { gevaa: 40, dang: 40, ' nu ': 10 } },
    self_harm: { enabled: true, bias: -3, threshold: 0.5, priority: 'high', weights: { dood: 40, ' die ': 30 } },
    minor: { enabled: true, bias: -3, threshold: 0.5, priority: 'high', weights: { schoo: 40, klas: 40 } },
    exploitation: { enabled: true, bias: -3, threshold: 0.5, priority: 'high', weights: { geld: 12, money: 30, mann: 20, ' men ': 20 } },
  },
};

const engines: readonly [string, TriageEngine][] = [
  ['rules', createTriageEngine(defaultRuleSets)],
  ['rules + toy learned layer', createTriageEngine(defaultRuleSets, { learned: toyModel })],
  ['trained learned layer, every category', createTriageEngine(defaultRuleSets, { learned: trainedLearnedModel })],
  ...(defaultLearnedModel ? [['shipped', createTriageEngine(defaultRuleSets, { learned: defaultLearnedModel })] as [string, TriageEngine]] : []),
];

const word = fc.constantFrom('ik', 'ben', 'hij', 'niet', 'maar', 'geen', 'not', 'he', 'me', 'lol', 'haha', 'nu', 'now', '!', '?', ',', '14', '24', '.');
const message = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...corpusMessages) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...corpusMessages), fc.array(word, { maxLength: 4 }), fc.constantFrom(...corpusMessages)).map(([a, w, b]) => `${a} ${w.join(' ')} ${b}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 120 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.array(word, { maxLength: 20 }).map((w) => w.join(' ')) },
);
const preChat: fc.Arbitrary<PreChatAnswers | undefined> = fc.option(
  fc.record(
    { ageBand: fc.constantFrom(...AGE_BANDS), inDangerNow: fc.constantFrom('yes' as const, 'no' as const, 'skip' as const), topic: fc.constantFrom(...PRE_CHAT_TOPICS) },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

/** As the server would: store each result (JSON) and fold the next message into what it read back. */
function incrementally(engine: TriageEngine, pre: PreChatAnswers | undefined, messages: readonly string[]): TriageResult[] {
  const results = [engine.start(pre)];
  messages.forEach((m, i) => {
    const stored = JSON.parse(JSON.stringify(results[results.length - 1])) as TriageResult;
    results.push(engine.assessMessage(stored, m, i));
  });
  return results;
}

/** The old batch semantics, written independently: categories from every message, conditional rules resolved at the end. */
function reference(pre: PreChatAnswers | undefined, messages: readonly string[]): { priority: Priority; categories: TriageCategory[] } {
  const shared = {
    negations: defaultRuleSets.flatMap((s) => s.negations),
    clauseWords: defaultRuleSets.flatMap((s) => s.clauseWords),
    contrastWords: defaultRuleSets.flatMap((s) => s.contrastWords ?? []),
    pastMarkers: defaultRuleSets.flatMap((s) => s.pastMarkers ?? []),
    stillWords: defaultRuleSets.flatMap((s) => s.stillWords ?? []),
    jokeMarkers: defaultRuleSets.flatMap((s) => s.jokeMarkers ?? []),
  };
  const compiled = defaultRuleSets.map((s) => compileRuleSet(s, shared));
  const found: { category: TriageCategory; priority: Priority; onlyWith?: TriageCategory | undefined }[] = [];
  if (pre?.inDangerNow === 'yes') found.push({ category: 'acute_danger', priority: 'critical' });
  if (pre?.ageBand && ['under_12', '12_15', '16_17'].includes(pre.ageBand)) found.push({ category: 'minor', priority: 'high' });
  for (const m of messages) {
    for (const set of compiled) for (const { rule } of matchRuleSet(set, m.slice(0, TRIAGE_MESSAGE_MAX_CHARS))) found.push({ category: rule.category, priority: rule.priority, onlyWith: rule.onlyWith });
  }
  const unconditional = new Set(found.filter((f) => !f.onlyWith).map((f) => f.category));
  const kept = found.filter((f) => !f.onlyWith || unconditional.has(f.onlyWith));
  const categories = TRIAGE_CATEGORIES.filter((c) => kept.some((f) => f.category === c));
  let priority = kept.reduce<Priority>((p, f) => maxPriority(p, f.priority), 'normal');
  if (kept.length === 0 && pre?.topic === 'information') priority = 'low';
  return { priority, categories };
}

function size(result: TriageResult): number {
  return JSON.stringify(result).length;
}

describe('assessMessage: incremental triage', () => {
  it('incremental over a sequence equals batch over the same sequence', () => {
    for (const [, engine] of engines) {
      fc.assert(
        fc.property(preChat, fc.array(message, { maxLength: 12 }), (pre, messages) => {
          const last = incrementally(engine, pre, messages).at(-1)!;
          const batch = engine.assess({ preChat: pre, messages });
          expect(last.priority).toBe(batch.priority);
          expect(last.categories).toEqual(batch.categories);
          expect(last.reasons).toEqual(batch.reasons);
        }),
        { numRuns: 80 },
      );
    }
  });

  it('rules only: the same priority and categories as the old batch semantics (all messages, conditions resolved at the end)', () => {
    const engine = createTriageEngine(defaultRuleSets);
    fc.assert(
      fc.property(preChat, fc.array(message, { maxLength: 10 }), (pre, messages) => {
        const last = incrementally(engine, pre, messages).at(-1)!;
        expect({ priority: last.priority, categories: last.categories }).toEqual(reference(pre, messages));
      }),
      { numRuns: 200 },
    );
  });

  it('never lowers priority or drops a category, and raised() says exactly when it went up', () => {
    for (const [, engine] of engines) {
      fc.assert(
        fc.property(preChat, fc.array(message, { maxLength: 12 }), (pre, messages) => {
          const results = incrementally(engine, pre, messages);
          for (let i = 1; i < results.length; i++) {
            const [prev, next] = [results[i - 1]!, results[i]!];
            expect(priorityRank(next.priority)).toBeGreaterThanOrEqual(priorityRank(prev.priority));
            for (const c of prev.categories) expect(next.categories).toContain(c);
            const up = priorityRank(next.priority) > priorityRank(prev.priority) || next.categories.length > prev.categories.length;
            expect(raised(prev, next)).toBe(up);
          }
        }),
        { numRuns: 80 },
      );
    }
  });

  it('stays bounded in size however long the chat: few reasons per category, short snippets, a short window', () => {
    const maxReasons = TRIAGE_CATEGORIES.length * TRIAGE_MAX_REASONS_PER_CATEGORY + 1;
    for (const [, engine] of engines) {
      fc.assert(
        fc.property(preChat, fc.array(message, { minLength: 20, maxLength: 40 }), (pre, messages) => {
          for (const result of incrementally(engine, pre, messages)) {
            expect(result.reasons.length).toBeLessThanOrEqual(maxReasons);
            for (const c of TRIAGE_CATEGORIES) expect(result.reasons.filter((r) => r.category === c).length).toBeLessThanOrEqual(TRIAGE_MAX_REASONS_PER_CATEGORY);
            for (const r of [...result.reasons, ...(result.pending ?? [])]) expect((r.snippet ?? '').length).toBeLessThanOrEqual(100);
            expect((result.pending ?? []).length).toBeLessThanOrEqual(4);
            expect((result.recent ?? []).length).toBeLessThanOrEqual(4);
            expect(size(result)).toBeLessThan(12_000);
          }
        }),
        { numRuns: 15 },
      );
    }
  });

  it('every category it reports is explained by at least one reason, most urgent first', () => {
    fc.assert(
      fc.property(preChat, fc.array(message, { maxLength: 12 }), (pre, messages) => {
        const result = assessTriage({ preChat: pre, messages });
        for (const c of result.categories) expect(result.reasons.some((r) => r.category === c)).toBe(true);
        const ranks = result.reasons.map((r) => priorityRank(r.priority));
        expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
        expect(result.reasons.reduce<Priority>((p, r) => maxPriority(p, r.priority), 'low')).toBe(
          result.reasons.length === 0 ? 'low' : result.priority,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('never throws, on any string and any stored previous result', () => {
    for (const [, engine] of engines) {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 3_000 }), fc.nat(), (text, index) => {
          const result = engine.assessMessage(engine.start(undefined), text, index);
          expect(TRIAGE_CATEGORIES).toEqual(expect.arrayContaining([...result.categories]));
        }),
        { numRuns: 300 },
      );
    }
    // A result stored before incremental triage existed has no pending/recent state.
    const old: TriageResult = { priority: 'high', categories: ['minor'], reasons: [{ ruleId: 'nl.minor.stated_age', category: 'minor', priority: 'high', reasonKey: 'triage.reason.minor_age', source: 'message', snippet: 'ik ben 14', messageIndex: 0 }] };
    expect(assessMessage(old, 'mijn vriend is 24', 1).reasons.map((r) => r.ruleId)).toContain('nl.exploitation.adult_partner_of_minor');
  });

  it('is fast on pathological input: 2,000-character runs of repeated characters and words', () => {
    const pathological = [
      'a'.repeat(5_000),
      'a '.repeat(2_000),
      'aa'.repeat(1_000),
      '1'.repeat(2_000),
      '1 '.repeat(1_000),
      '. '.repeat(1_000),
      '!'.repeat(2_000),
      'ik ben '.repeat(300),
      'niet help '.repeat(200),
      'niet veilig '.repeat(170),
      'moet van hem '.repeat(150),
      'i am '.repeat(400),
      'kill me '.repeat(250),
      '😀'.repeat(1_000),
      'é'.repeat(2_000),
      '\u0301'.repeat(2_000),
      "'".repeat(2_000),
      'heeeeeeelp'.repeat(200),
    ];
    const engine = engines[engines.length - 1]![1];
    engine.assessMessage(engine.start(undefined), 'warm up', 0);
    for (const text of pathological) {
      const started = performance.now();
      let result = engine.start(undefined);
      for (let i = 0; i < 5; i++) result = engine.assessMessage(result, text, i);
      const perMessage = (performance.now() - started) / 5;
      expect(perMessage, JSON.stringify(text.slice(0, 20))).toBeLessThan(100);
    }
  });

  it('cost does not grow with the length of the chat', () => {
    const engine = engines[engines.length - 1]![1];
    let result = engine.start(undefined);
    const time = (from: number, count: number) => {
      const started = performance.now();
      for (let i = from; i < from + count; i++) result = engine.assessMessage(result, corpusMessages[i % corpusMessages.length]!, i);
      return performance.now() - started;
    };
    time(0, 200); // warm up
    const early = time(200, 300);
    const late = time(5_000, 300);
    expect(late).toBeLessThan(early * 3 + 20);
    expect(size(result)).toBeLessThan(12_000);
  });
});

describe('assessMessage: examples', () => {
  it('raises mid-chat, with the rule, the phrase and the message index', () => {
    let result = startTriage();
    result = assessMessage(result, 'hoi', 0);
    result = assessMessage(result, 'ik wil iets vragen', 1);
    expect(result.priority).toBe('normal');
    const next = assessMessage(result, 'hij staat nu voor de deur', 2);
    expect(raised(result, next)).toBe(true);
    expect(next.priority).toBe('critical');
    expect(next.reasons[0]).toMatchObject({ ruleId: 'nl.acute_danger.coming_now', messageIndex: 2, snippet: 'hij staat nu voor de deur' });
    expect(raised(next, assessMessage(next, 'ok', 3))).toBe(false);
  });

  it('a conditional finding waits for its category, in a later message', () => {
    let result = assessMessage(startTriage(), 'mijn vriend is 24', 0);
    expect(result.categories).toEqual([]);
    expect(result.pending?.map((r) => r.ruleId)).toEqual(['nl.exploitation.adult_partner_of_minor']);
    result = assessMessage(result, 'ik ben 14', 1);
    expect(result.categories).toEqual(['minor', 'exploitation']);
    expect(result.reasons.find((r) => r.category === 'exploitation')).toMatchObject({ messageIndex: 0 });
    expect(result.pending).toBeUndefined();
  });

  it('"only information" gives way to the first real signal, and is kept while there is none', () => {
    let result = startTriage({ topic: 'information' });
    expect(result.priority).toBe('low');
    result = assessMessage(result, 'hoe werkt dit?', 0);
    expect(result.priority).toBe('low');
    result = assessMessage(result, 'hij pakt mijn geld af', 1);
    expect(result).toMatchObject({ priority: 'high', categories: ['exploitation'] });
    expect(result.reasons.map((r) => r.category)).not.toContain('information_request');
  });

  it('the learned layer is explained by the words that weighed most, and only where no rule explains the category', () => {
    const engine = createTriageEngine(defaultRuleSets, { learned: toyModel });
    const result = engine.assessMessage(engine.start(undefined), 'zit nog op school', 0);
    expect(result.reasons).toEqual([
      expect.objectContaining({ ruleId: 'learned.minor', category: 'minor', reasonKey: 'triage.reason.similar_wording', messageIndex: 0 }),
    ]);
    expect(result.reasons[0]?.snippet).toBe('“school”');
    // A rule explains it: no learned reason besides.
    const ruled = engine.assessMessage(engine.start(undefined), 'ik ben 14 en zit op school', 0);
    expect(ruled.reasons.map((r) => r.ruleId)).toEqual(['nl.minor.stated_age']);
  });

  it('the learned layer reads a few messages together', () => {
    const engine = createTriageEngine(defaultRuleSets, { learned: { ...toyModel, categories: { ...toyModel.categories, exploitation: { ...toyModel.categories.exploitation, bias: -4 } } } });
    let result = engine.assessMessage(engine.start(undefined), 'geld', 0);
    expect(result.categories).toEqual([]);
    result = engine.assessMessage(result, 'geld', 1);
    expect(result.categories).toEqual(['exploitation']);
    expect(result.recent?.length).toBe(2);
  });
});
