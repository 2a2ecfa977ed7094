/**
 * Triage: pre-chat answers plus the first visitor messages → a priority and
 * the reasons for it. Transparent by design: every raise in priority comes
 * with the rule that caused it and the phrase that matched, so a counsellor
 * (or supervisor changing it) can see why. Rules only ever RAISE priority;
 * the only way down to "low" is a visitor who said she only wants information
 * and nothing in her messages suggests more.
 */
import { compileRuleSet, matchRuleSet } from './matchRules.js';
import type { CompiledRuleSet } from './matchRules.js';
import { isMinorAgeBand } from './preChatAnswers.js';
import type { PreChatAnswers } from './preChatAnswers.js';
import { TRIAGE_CATEGORIES } from './triageRule.js';
import type { TriageCategory, TriageRuleSet } from './triageRule.js';
import { defaultRuleSets } from './rules/index.js';
import { maxPriority, priorityRank } from '../queue/priority.js';
import type { Priority } from '../queue/priority.js';

/** Only the opening messages are triaged; later on the counsellor is already talking with her. */
export const TRIAGE_MESSAGE_LIMIT = 5;
/** Per message; keeps matching time bounded whatever is pasted into the chat. */
export const TRIAGE_MESSAGE_MAX_CHARS = 2_000;

export interface TriageInput {
  readonly preChat?: PreChatAnswers | undefined;
  /** The visitor's first messages, oldest first. */
  readonly messages: readonly string[];
}

export interface TriageReason {
  readonly ruleId: string;
  readonly category: TriageCategory | 'information_request';
  readonly priority: Priority;
  /** i18n key of the human-readable reason. */
  readonly reasonKey: string;
  readonly source: 'pre_chat' | 'message';
  /** The matched phrase with a little context (normalised text), for message rules. */
  readonly snippet?: string | undefined;
  /** Which of the messages matched (0-based). */
  readonly messageIndex?: number | undefined;
}

export interface TriageResult {
  readonly priority: Priority;
  /** Categories found, in the fixed order of TRIAGE_CATEGORIES. */
  readonly categories: readonly TriageCategory[];
  /** Most urgent first. */
  readonly reasons: readonly TriageReason[];
}

export interface TriageEngine {
  assess(input: TriageInput): TriageResult;
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

export function createTriageEngine(ruleSets: readonly TriageRuleSet[]): TriageEngine {
  // Negations and clause words of every language apply to every rule set:
  // an English rule can fire on a Dutch message ("ik ben niet suicidal").
  const shared = {
    negations: ruleSets.flatMap((s) => s.negations),
    clauseWords: ruleSets.flatMap((s) => s.clauseWords),
  };
  const compiled: readonly CompiledRuleSet[] = ruleSets.map((set) => compileRuleSet(set, shared));
  return {
    assess(input: TriageInput): TriageResult {
      let reasons = preChatReasons(input.preChat);
      const seen = new Set(reasons.map((r) => r.ruleId));
      const conditions = new Map<string, TriageCategory>();
      input.messages.slice(0, TRIAGE_MESSAGE_LIMIT).forEach((message, messageIndex) => {
        const text = message.slice(0, TRIAGE_MESSAGE_MAX_CHARS);
        for (const set of compiled) {
          for (const { rule, snippet } of matchRuleSet(set, text)) {
            if (seen.has(rule.id)) continue; // first evidence per rule is enough
            seen.add(rule.id);
            if (rule.onlyWith) conditions.set(rule.id, rule.onlyWith);
            reasons.push({
              ruleId: rule.id,
              category: rule.category,
              priority: rule.priority,
              reasonKey: rule.reasonKey,
              source: 'message',
              snippet,
              messageIndex,
            });
          }
        }
      });

      // Conditional rules count only alongside their category (never only alongside themselves).
      const unconditional = new Set(reasons.filter((r) => !conditions.has(r.ruleId)).map((r) => r.category));
      reasons = reasons.filter((r) => {
        const needs = conditions.get(r.ruleId);
        return needs === undefined || unconditional.has(needs);
      });

      let priority: Priority = reasons.reduce<Priority>((p, r) => maxPriority(p, r.priority), 'normal');
      if (reasons.length === 0 && input.preChat?.topic === 'information') {
        priority = 'low';
        reasons.push({
          ruleId: 'prechat.information_only',
          category: 'information_request',
          priority: 'low',
          reasonKey: 'triage.reason.prechat_information_only',
          source: 'pre_chat',
        });
      }
      const found = new Set(reasons.map((r) => r.category));
      return {
        priority,
        categories: TRIAGE_CATEGORIES.filter((c) => found.has(c)),
        reasons: [...reasons].sort((a, b) => priorityRank(b.priority) - priorityRank(a.priority)),
      };
    },
  };
}

let defaultEngine: TriageEngine | undefined;

/** Triage with the built-in Dutch and English rules. */
export function assessTriage(input: TriageInput): TriageResult {
  defaultEngine ??= createTriageEngine(defaultRuleSets);
  return defaultEngine.assess(input);
}
