/**
 * Triage: pre-chat answers plus the visitor's messages → a priority and the
 * reasons for it. Transparent by design: every raise in priority comes with
 * the rule that caused it and the phrase that matched, so a counsellor (or
 * supervisor changing it) can see why. Rules only ever RAISE priority; the
 * only way down to "low" is a visitor who said she only wants information and
 * nothing in her messages suggests more.
 *
 * Incremental: `startTriage(preChat)` when she arrives, then
 * `assessMessage(previous, message, index)` for every message she writes, at
 * a bounded cost per message (it never re-reads the transcript: what it needs
 * from earlier messages is carried in the result, bounded in size).
 * `raised(previous, next)` says whether a counsellor should hear of it.
 * `assessTriage(input)` is the same fold over a whole list of messages.
 */
import { compileRuleSet, matchRuleSet, SNIPPET_MAX_CHARS } from './matchRules.js';
import type { CompiledRuleSet } from './matchRules.js';
import { isMinorAgeBand } from './preChatAnswers.js';
import type { PreChatAnswers } from './preChatAnswers.js';
import { TRIAGE_CATEGORIES } from './triageRule.js';
import type { TriageCategory, TriageRuleSet } from './triageRule.js';
import { defaultRuleSets } from './rules/index.js';
import { defaultLearnedModel } from './learned/index.js';
import { learnedHits, scoreMessage } from './learnedLayer.js';
import type { LearnedMessageState, LearnedModel } from './learnedLayer.js';
import { maxPriority, priorityRank } from '../queue/priority.js';
import type { Priority } from '../queue/priority.js';

/**
 * @deprecated Every visitor message is triaged now (`assessMessage`). Kept only
 * while the server still re-reads her first messages with `assessTriage`.
 */
export const TRIAGE_MESSAGE_LIMIT = 5;
/** Per message; keeps matching time bounded whatever is pasted into the chat. */
export const TRIAGE_MESSAGE_MAX_CHARS = 2_000;
/** At most this many reasons per category are kept (the most urgent, then the earliest). */
export const TRIAGE_MAX_REASONS_PER_CATEGORY = 3;

export interface TriageInput {
  readonly preChat?: PreChatAnswers | undefined;
  /** The visitor's messages, oldest first. */
  readonly messages: readonly string[];
}

export interface TriageReason {
  /** A rule id ("nl.exploitation.loverboy"), "prechat.…", or "learned.<category>" for the learned layer. */
  readonly ruleId: string;
  readonly category: TriageCategory | 'information_request';
  readonly priority: Priority;
  /** i18n key of the human-readable reason. */
  readonly reasonKey: string;
  readonly source: 'pre_chat' | 'message';
  /**
   * The matched phrase with a little context (normalised text), for message
   * rules; for the learned layer the words whose n-grams weighed most. At most 100 characters.
   */
  readonly snippet?: string | undefined;
  /** Which of her messages matched (0-based, as passed to assessMessage). */
  readonly messageIndex?: number | undefined;
}

export interface TriageResult {
  readonly priority: Priority;
  /** Categories found, in the fixed order of TRIAGE_CATEGORIES. */
  readonly categories: readonly TriageCategory[];
  /** Most urgent first; at most TRIAGE_MAX_REASONS_PER_CATEGORY per category. */
  readonly reasons: readonly TriageReason[];
  /**
   * Carried from one message to the next (absent on results stored before
   * incremental triage; treated as empty). Conditional findings that wait
   * for their category ("a boyfriend of 24" counts once she is a minor), at
   * most one per conditional rule.
   */
  readonly pending?: readonly TriageReason[] | undefined;
  /** The learned layer's state of the last few messages (at most its window − 1). */
  readonly recent?: readonly LearnedMessageState[] | undefined;
}

export interface TriageEngine {
  /** The whole fold: startTriage then assessMessage for each message. */
  assess(input: TriageInput): TriageResult;
  start(preChat: PreChatAnswers | undefined): TriageResult;
  assessMessage(previous: TriageResult, message: string, index: number): TriageResult;
}

export interface TriageEngineOptions {
  /** The learned layer; without it, rules only. */
  readonly learned?: LearnedModel | undefined;
}

function preChatReasons(preChat: PreChatAnswers | undefined): TriageReason[] {
  const reasons: TriageReason[] = [];
  if (preChat?.inDangerNow === 'yes') {
    reasons.push({
      ruleId: 'prechat.in_danger_now',
      category: 'acute_danger',
      priority: 'critical',
      reasonKey: 'triage.reason.prechat_in_danger_now',
      source: 'pre_chat',
    });
  }
  if (preChat?.ageBand !== undefined && isMinorAgeBand(preChat.ageBand)) {
    reasons.push({
      ruleId: 'prechat.minor_age_band',
      category: 'minor',
      priority: 'high',
      reasonKey: 'triage.reason.prechat_minor',
      source: 'pre_chat',
    });
  }
  return reasons;
}

const LEARNED_REASON_KEY = 'triage.reason.similar_wording';

/** Reasons of one category, kept to the most urgent, then the earliest. */
function addReason(reasons: readonly TriageReason[], reason: TriageReason): readonly TriageReason[] {
  if (reasons.some((r) => r.ruleId === reason.ruleId)) return reasons; // first evidence per rule is enough
  const same = reasons.filter((r) => r.category === reason.category);
  if (same.length < TRIAGE_MAX_REASONS_PER_CATEGORY) return sortReasons([...reasons, reason]);
  // Full: it replaces the least urgent (the latest of those) only if it is more urgent.
  const weakest = same.reduce((w, r) => (priorityRank(r.priority) <= priorityRank(w.priority) ? r : w));
  if (priorityRank(reason.priority) <= priorityRank(weakest.priority)) return reasons;
  return sortReasons([...reasons.filter((r) => r !== weakest), reason]);
}

/** Most urgent first; stable, so equally urgent reasons stay in the order they were found. */
function sortReasons(reasons: readonly TriageReason[]): TriageReason[] {
  return [...reasons].sort((a, b) => priorityRank(b.priority) - priorityRank(a.priority));
}

function categoriesOf(reasons: readonly TriageReason[]): TriageCategory[] {
  const found = new Set<string>(reasons.map((r) => r.category));
  return TRIAGE_CATEGORIES.filter((c) => found.has(c));
}

function learnedSnippet(words: readonly string[]): string {
  return words
    .map((w) => `“${w}”`)
    .join(' ')
    .slice(0, SNIPPET_MAX_CHARS);
}

export function createTriageEngine(ruleSets: readonly TriageRuleSet[], options: TriageEngineOptions = {}): TriageEngine {
  // Negations and clause words of every language apply to every rule set:
  // an English rule can fire on a Dutch message ("ik ben niet suicidal").
  const shared = {
    negations: ruleSets.flatMap((s) => s.negations),
    clauseWords: ruleSets.flatMap((s) => s.clauseWords),
    contrastWords: ruleSets.flatMap((s) => s.contrastWords ?? []),
    pastMarkers: ruleSets.flatMap((s) => s.pastMarkers ?? []),
    stillWords: ruleSets.flatMap((s) => s.stillWords ?? []),
    jokeMarkers: ruleSets.flatMap((s) => s.jokeMarkers ?? []),
  };
  const compiled: readonly CompiledRuleSet[] = ruleSets.map((set) => compileRuleSet(set, shared));
  const conditionOf = new Map<string, TriageCategory>();
  for (const set of ruleSets) for (const rule of set.rules) if (rule.onlyWith) conditionOf.set(rule.id, rule.onlyWith);
  const learned = options.learned;

  function start(preChat: PreChatAnswers | undefined): TriageResult {
    const reasons = preChatReasons(preChat);
    if (reasons.length === 0 && preChat?.topic === 'information') {
      reasons.push({
        ruleId: 'prechat.information_only',
        category: 'information_request',
        priority: 'low',
        reasonKey: 'triage.reason.prechat_information_only',
        source: 'pre_chat',
      });
    }
    return {
      priority: reasons.reduce<Priority>((p, r) => maxPriority(p, r.priority), reasons.length > 0 && reasons.every((r) => r.priority === 'low') ? 'low' : 'normal'),
      categories: categoriesOf(reasons),
      reasons: sortReasons(reasons),
    };
  }

  function assessMessage(previous: TriageResult, message: string, index: number): TriageResult {
    const text = String(message).slice(0, TRIAGE_MESSAGE_MAX_CHARS);
    let reasons: readonly TriageReason[] = previous.reasons;
    let pending: readonly TriageReason[] = previous.pending ?? [];
    const found: TriageReason[] = [];
    for (const set of compiled) {
      for (const { rule, snippet } of matchRuleSet(set, text)) {
        found.push({
          ruleId: rule.id,
          category: rule.category,
          priority: rule.priority,
          reasonKey: rule.reasonKey,
          source: 'message',
          snippet,
          messageIndex: index,
        });
      }
    }
    let recent = previous.recent ?? [];
    if (learned) {
      const state = scoreMessage(learned, text);
      const window = [...recent, state].slice(-learned.window);
      const ruleCategories = new Set<string>([...categoriesOf(reasons), ...found.filter((r) => !conditionOf.has(r.ruleId)).map((r) => r.category)]);
      for (const hit of learnedHits(learned, window)) {
        // A fallback for wording the rules miss: where a rule explains the category, the rule's reason suffices.
        if (ruleCategories.has(hit.category)) continue;
        found.push({
          ruleId: `learned.${hit.category}`,
          category: hit.category,
          priority: learned.categories[hit.category].priority,
          reasonKey: LEARNED_REASON_KEY,
          source: 'message',
          snippet: learnedSnippet(hit.words),
          messageIndex: index,
        });
      }
      recent = learned.window > 1 ? window.slice(-(learned.window - 1)) : [];
    }

    const before = reasons;
    for (const reason of found) {
      const needs = conditionOf.get(reason.ruleId);
      if (needs !== undefined && !categoriesOf(reasons).includes(needs)) {
        if (!pending.some((p) => p.ruleId === reason.ruleId) && !reasons.some((r) => r.ruleId === reason.ruleId)) pending = [...pending, reason];
      } else {
        reasons = addReason(reasons, reason);
      }
    }
    // Conditional findings whose category has now been found count from now on.
    for (const waiting of pending) {
      const needs = conditionOf.get(waiting.ruleId);
      if (needs !== undefined && categoriesOf(reasons).includes(needs)) {
        reasons = addReason(reasons, waiting);
        pending = pending.filter((p) => p !== waiting);
      }
    }
    // "Only information" holds only while nothing in her messages says more.
    if (reasons !== before && reasons.some((r) => r.source === 'message')) {
      reasons = reasons.filter((r) => r.category !== 'information_request');
    }
    const priority = reasons.reduce<Priority>(
      (p, r) => maxPriority(p, r.priority),
      reasons.some((r) => r.category === 'information_request') ? previous.priority : maxPriority(previous.priority, 'normal'),
    );
    return {
      priority,
      categories: categoriesOf(reasons),
      reasons,
      ...(pending.length > 0 ? { pending } : {}),
      ...(recent.length > 0 ? { recent } : {}),
    };
  }

  return {
    start,
    assessMessage,
    assess(input: TriageInput): TriageResult {
      return input.messages.reduce<TriageResult>((result, message, index) => assessMessage(result, message, index), start(input.preChat));
    },
  };
}

/**
 * Did triage go up between two results: a higher priority or a category not
 * found before? The server alerts the counsellor when it did.
 */
export function raised(previous: TriageResult, next: TriageResult): boolean {
  return priorityRank(next.priority) > priorityRank(previous.priority) || next.categories.some((c) => !previous.categories.includes(c));
}

let defaultEngine: TriageEngine | undefined;

function engine(): TriageEngine {
  defaultEngine ??= createTriageEngine(defaultRuleSets, { learned: defaultLearnedModel });
  return defaultEngine;
}

/** Triage with the built-in Dutch and English rules (and the learned layer): all messages at once. */
export function assessTriage(input: TriageInput): TriageResult {
  return engine().assess(input);
}

/** The triage of a conversation before her first message: the pre-chat answers only. */
export function startTriage(preChat?: PreChatAnswers): TriageResult {
  return engine().start(preChat);
}

/**
 * Triage after one more visitor message. `previous` is the last result
 * (from startTriage, assessTriage or assessMessage; a stored result works);
 * `index` is the message's 0-based position among her messages, shown in
 * the reasons. Pure; never lowers priority or drops a category; cost bounded
 * by TRIAGE_MESSAGE_MAX_CHARS, not by the length of the chat.
 */
export function assessMessage(previous: TriageResult, message: string, index: number): TriageResult {
  return engine().assessMessage(previous, message, index);
}
