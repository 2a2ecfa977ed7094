/**
 * The learned layer: per category, a logistic regression over character
 * n-grams (2–5) of the normalised text. It catches wording the rules do not
 * know yet ("wording similar to: exploitation") and explains itself with the
 * words whose n-grams contributed most. Trained offline by scripts/trainTriage.ts on
 * the development (and old hold-out) corpus only; the weights are data in
 * learned/model.json. Pure code: no I/O, no clock, no randomness.
 *
 * Scoring is additive per message so that triage stays O(1) per message: a
 * message's state is, per category, the sum of the weights of the n-grams
 * that occur in it, and how many distinct n-grams it has. A window of the last `window` messages
 * is scored as bias + Σdot / lengthNorm(Σn), the same as scoring their
 * n-grams together (an example in the corpus is labelled on all its messages
 * together).
 */
import { z } from 'zod';
import { baseNormalise } from './normaliseText.js';
import { TRIAGE_CATEGORIES } from './triageRule.js';
import type { TriageCategory } from './triageRule.js';
import { PRIORITIES } from '../queue/priority.js';

export const learnedCategorySchema = z.object({
  /** Off when it did not raise recall without costing precision (see the training report). */
  enabled: z.boolean(),
  bias: z.number(),
  /** Probability at or above which the category is raised; chosen on dev/old hold-out, never on blind. */
  threshold: z.number().min(0).max(1),
  priority: z.enum(PRIORITIES),
  weights: z.record(z.string(), z.number()),
});

export const learnedModelSchema = z.object({
  version: z.literal(1),
  minN: z.number().int().min(1),
  maxN: z.number().int().min(1),
  /** How many consecutive messages are scored together. */
  window: z.number().int().min(1).max(5),
  /** Score = bias + Σdot / (max(n, lengthReference) / lengthReference)^lengthPower (see lengthNorm). */
  lengthPower: z.number().min(0).max(1),
  lengthReference: z.number().positive(),
  /** How many words explain a hit. */
  explainTop: z.number().int().min(1).max(5),
  trainedOn: z.string(),
  categories: z.object(Object.fromEntries(TRIAGE_CATEGORIES.map((c) => [c, learnedCategorySchema])) as Record<TriageCategory, typeof learnedCategorySchema>),
});

export type LearnedModel = z.infer<typeof learnedModelSchema>;

/** One message's contribution, per category in the order of TRIAGE_CATEGORIES. Small and JSON-safe. */
export interface LearnedMessageState {
  /** Number of distinct n-grams in the message. */
  readonly n: number;
  /** Σ weight over the message's distinct n-grams, per category. */
  readonly dots: readonly number[];
  /** The words whose n-grams weigh most for each category: [word, contribution], strongest first. */
  readonly top: readonly (readonly (readonly [string, number])[])[];
}

/**
 * Text for the n-grams: the shared normalisation (lowercase, no diacritics,
 * contractions expanded), punctuation dropped, runs of 3+ letters squeezed to
 * two, padded with spaces so word starts and ends are n-grams too.
 */
export function learnedText(message: string): string {
  const text = baseNormalise(message)
    .replace(/[.,!?;]/gu, ' ')
    .replace(/(\p{L})\1{2,}/gu, '$1$1')
    .replace(/\s+/gu, ' ')
    .trim();
  return ` ${text} `;
}

/** Every character n-gram of the text with its count. */
export function charNgrams(text: string, minN: number, maxN: number): Map<string, number> {
  const counts = new Map<string, number>();
  const chars = [...text];
  for (let n = minN; n <= maxN; n++) {
    for (let i = 0; i + n <= chars.length; i++) {
      const gram = chars.slice(i, i + n).join('');
      if (gram.trim().length === 0) continue;
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
  }
  return counts;
}

/** Longer words are cut in explanations. */
const EXPLAIN_WORD_MAX_CHARS = 24;

/**
 * A message's features: which n-grams occur in it (presence, not counts, so
 * "ik ik ik …" pasted 500 times weighs no more than "ik" once). A window adds
 * up the features of its messages.
 */
export function messageFeatures(message: string, minN: number, maxN: number): Set<string> {
  return new Set(charNgrams(learnedText(message), minN, maxN).keys());
}

export function scoreMessage(model: LearnedModel, message: string): LearnedMessageState {
  const text = learnedText(message);
  const grams = new Set(charNgrams(text, model.minN, model.maxN).keys());
  const n = grams.size;
  // For the explanation: each distinct word with the n-grams that lie inside it (with its spaces).
  const words = [...new Set(text.trim().split(' ').filter(Boolean))].map((word) => [word, charNgrams(` ${word} `, model.minN, model.maxN)] as const);
  const dots: number[] = [];
  const top: (readonly [string, number])[][] = [];
  for (const category of TRIAGE_CATEGORIES) {
    const { weights } = model.categories[category];
    let dot = 0;
    for (const gram of grams) dot += weights[gram] ?? 0;
    const strongest: [string, number][] = [];
    for (const [word, inside] of words) {
      let contribution = 0;
      for (const gram of inside.keys()) contribution += weights[gram] ?? 0;
      if (contribution > 0) strongest.push([[...word].slice(0, EXPLAIN_WORD_MAX_CHARS).join(''), contribution]);
    }
    strongest.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    dots.push(dot);
    top.push(strongest.slice(0, model.explainTop));
  }
  return { n, dots, top };
}

export interface LearnedVerdict {
  readonly category: TriageCategory;
  readonly probability: number;
  /** The words whose n-grams contributed most, strongest first. */
  readonly words: readonly string[];
}

/**
 * Long texts are divided by (n / reference)^power; texts shorter than the
 * reference are not blown up ("hoi" alone must not weigh like a sentence).
 */
export function lengthNorm(model: Pick<LearnedModel, 'lengthPower' | 'lengthReference'>, n: number): number {
  return (Math.max(n, model.lengthReference) / model.lengthReference) ** model.lengthPower;
}

/** The window's probability per category, and the categories at or above their threshold. */
export function scoreWindow(model: LearnedModel, window: readonly LearnedMessageState[]): LearnedVerdict[] {
  const n = window.reduce((s, m) => s + m.n, 0);
  return TRIAGE_CATEGORIES.map((category, i) => {
    const dot = window.reduce((s, m) => s + (m.dots[i] ?? 0), 0);
    const logit = model.categories[category].bias + dot / lengthNorm(model, n);
    const contributions = new Map<string, number>();
    for (const m of window) for (const [gram, c] of m.top[i] ?? []) contributions.set(gram, (contributions.get(gram) ?? 0) + c);
    const words = [...contributions]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, model.explainTop)
      .map(([word]) => word);
    return { category, probability: 1 / (1 + Math.exp(-logit)), words };
  });
}

/** The verdicts that raise a category: enabled, and at or above the threshold. */
export function learnedHits(model: LearnedModel, window: readonly LearnedMessageState[]): LearnedVerdict[] {
  return scoreWindow(model, window).filter((v) => {
    const c = model.categories[v.category];
    return c.enabled && v.probability >= c.threshold;
  });
}
