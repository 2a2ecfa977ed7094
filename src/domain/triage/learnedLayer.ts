/**
 * The learned layer: per category, a logistic regression over character
 * n-grams (2–5) of the normalised text. It catches wording the rules do not
 * know yet ("wording similar to: exploitation") and explains itself with the
 * n-grams that contributed most. Trained offline by scripts/trainTriage.ts on
 * the development (and old hold-out) corpus only; the weights are data in
 * learned/model.json. Pure code: no I/O, no clock, no randomness.
 *
 * Scoring is additive per message so that triage stays O(1) per message: a
 * message's state is, per category, the sum of weight × count over its
 * n-grams and its number of n-grams. A window of the last `window` messages
 * is scored as bias + Σdot / √Σn, the same as scoring their n-grams together
 * (an example in the corpus is labelled on all its messages together).
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
  /** How many n-grams explain a hit. */
  explainTop: z.number().int().min(1).max(5),
  trainedOn: z.string(),
  categories: z.object(Object.fromEntries(TRIAGE_CATEGORIES.map((c) => [c, learnedCategorySchema])) as Record<TriageCategory, typeof learnedCategorySchema>),
});

export type LearnedModel = z.infer<typeof learnedModelSchema>;

/** One message's contribution, per category in the order of TRIAGE_CATEGORIES. Small and JSON-safe. */
export interface LearnedMessageState {
  /** Number of n-grams in the message. */
  readonly n: number;
  /** Σ weight × count, per category. */
  readonly dots: readonly number[];
  /** The strongest positive n-grams per category: [n-gram, contribution]. */
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

export function scoreMessage(model: LearnedModel, message: string): LearnedMessageState {
  const grams = charNgrams(learnedText(message), model.minN, model.maxN);
  let n = 0;
  for (const count of grams.values()) n += count;
  const dots: number[] = [];
  const top: (readonly [string, number])[][] = [];
  for (const category of TRIAGE_CATEGORIES) {
    const { weights } = model.categories[category];
    let dot = 0;
    const positive: [string, number][] = [];
    for (const [gram, count] of grams) {
      const w = weights[gram];
      if (w === undefined) continue;
      dot += w * count;
      if (w > 0) positive.push([gram, w * count]);
    }
    positive.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    dots.push(dot);
    top.push(positive.slice(0, model.explainTop));
  }
  return { n, dots, top };
}

export interface LearnedVerdict {
  readonly category: TriageCategory;
  readonly probability: number;
  /** The n-grams that contributed most, strongest first. */
  readonly ngrams: readonly string[];
}

/** The window's probability per category, and the categories at or above their threshold. */
export function scoreWindow(model: LearnedModel, window: readonly LearnedMessageState[]): LearnedVerdict[] {
  const n = window.reduce((s, m) => s + m.n, 0);
  return TRIAGE_CATEGORIES.map((category, i) => {
    const dot = window.reduce((s, m) => s + (m.dots[i] ?? 0), 0);
    const logit = model.categories[category].bias + (n === 0 ? 0 : dot / Math.sqrt(n));
    const contributions = new Map<string, number>();
    for (const m of window) for (const [gram, c] of m.top[i] ?? []) contributions.set(gram, (contributions.get(gram) ?? 0) + c);
    const ngrams = [...contributions]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, model.explainTop)
      .map(([gram]) => gram);
    return { category, probability: 1 / (1 + Math.exp(-logit)), ngrams };
  });
}

/** The verdicts that raise a category: enabled, and at or above the threshold. */
export function learnedHits(model: LearnedModel, window: readonly LearnedMessageState[]): LearnedVerdict[] {
  return scoreWindow(model, window).filter((v) => {
    const c = model.categories[v.category];
    return c.enabled && v.probability >= c.threshold;
  });
}
