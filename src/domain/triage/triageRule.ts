/**
 * Triage rules are data: a counsellor or administrator can read every rule,
 * see which one fired and why, and change them without touching the engine.
 * The schema validates rule sets (e.g. when loaded from an admin-edited file).
 */
import { z } from 'zod';
import { PRIORITIES } from '../queue/priority.js';

export const TRIAGE_CATEGORIES = ['acute_danger', 'self_harm', 'minor', 'exploitation'] as const;
export type TriageCategory = (typeof TRIAGE_CATEGORIES)[number];

export const triageRuleSchema = z.object({
  /** Stable id shown to counsellors and used in statistics, e.g. "nl.exploitation.loverboy". */
  id: z.string().regex(/^[a-z]{2}\.[a-z_]+\.[a-z0-9_]+$/),
  category: z.enum(TRIAGE_CATEGORIES),
  /** The priority this rule raises a conversation to (never lowers it). */
  priority: z.enum(PRIORITIES),
  /** i18n key of the human-readable reason, e.g. "triage.reason.loverboy". */
  reasonKey: z.string().min(1),
  /**
   * Regular-expression sources matched against NORMALISED text (lowercase, no
   * diacritics, no apostrophes, chat spelling expanded). Word boundaries are
   * added around each pattern; a space matches any run of whitespace.
   */
  patterns: z.array(z.string().min(1)).min(1),
  /** A negation word shortly before the match ("ik ben niet in gevaar") cancels it. Default true. */
  negatable: z.boolean().optional(),
  /**
   * The first capture group is an age: the rule fires only when it lies
   * within [min, max] (used for "ik ben 14" but not "ik ben 19").
   */
  ageRange: z.tuple([z.number().int(), z.number().int()]).optional(),
  /**
   * Counts only when this category is also found (from any rule or the
   * pre-chat answers): "a boyfriend of 24" matters when she is a minor.
   */
  onlyWith: z.enum(TRIAGE_CATEGORIES).optional(),
  /** A past marker in the same clause cancels it. Default: true, except for `minor` (a past event still tells her age). */
  cancelledByPast: z.boolean().optional(),
  /** A joke marker right around the match cancels it ("my mum will kill me haha"). Default false. */
  cancelledByJoke: z.boolean().optional(),
});

export const triageRuleSetSchema = z.object({
  language: z.string().length(2),
  /** Chat spelling → standard spelling, per token: "ff" → "even", "nie" → "niet". */
  spelling: z.record(z.string(), z.string()),
  /** Tokens that negate a following match within the same clause. */
  negations: z.array(z.string()),
  /** Words that start a new clause, ending the reach of a negation ("maar", "but"). */
  clauseWords: z.array(z.string()),
  /**
   * Patterns that put a sentence in the past and over ("jaren geleden", "used
   * to"): in the same sentence (up to a contrast word) they cancel a match of
   * a rule that is `cancelledByPast` (unless a still word says it goes on).
   */
  pastMarkers: z.array(z.string()).optional(),
  /** Words saying something goes on: they undo a past marker in the same clause. */
  stillWords: z.array(z.string()).optional(),
  /** Words that end the reach of a past marker: "vroeger wel, maar nu ...". */
  contrastWords: z.array(z.string()).optional(),
  /** Markers of a joke or figure of speech ("haha", "jk"): near a match they cancel a `cancelledByJoke` rule. */
  jokeMarkers: z.array(z.string()).optional(),
  rules: z.array(triageRuleSchema),
});

export type TriageRule = z.infer<typeof triageRuleSchema>;
export type TriageRuleSet = z.infer<typeof triageRuleSetSchema>;
