/**
 * The learned layer shipped with Baken. `model.json` is written by
 * `npx tsx scripts/trainTriage.ts` (development corpus only; it switches a
 * category off when cross-validation finds no threshold with enough
 * precision). On top of that, a category ships only if it raised recall on
 * the blind set without lowering precision there (README, "Triage"): that
 * decision is the list below, not a threshold tuned on the blind set.
 */
import raw from './model.json' with { type: 'json' };
import { learnedModelSchema } from '../learnedLayer.js';
import type { LearnedModel } from '../learnedLayer.js';
import { TRIAGE_CATEGORIES } from '../triageRule.js';
import type { TriageCategory } from '../triageRule.js';

/** The model as trained, every category the training switched on. */
export const trainedLearnedModel: LearnedModel = learnedModelSchema.parse(raw);

/** Categories whose learned layer is used in triage. */
// None: with thresholds chosen on dev, no category raised blind recall without lowering blind
// precision (acute_danger 0.70/0.61 → 0.69/0.65, self_harm 0.95/0.70 → 0.91/0.74, exploitation
// 0.55/0.33 → 0.51/0.72; minor switched off by training). `npm run triage-corpus` shows both.
export const SHIPPED_LEARNED_CATEGORIES: readonly TriageCategory[] = [];

/** The model restricted to some categories (the others switched off). */
export function restrictLearnedModel(model: LearnedModel, categories: readonly TriageCategory[]): LearnedModel {
  return {
    ...model,
    categories: Object.fromEntries(
      TRIAGE_CATEGORIES.map((c) => [c, { ...model.categories[c], enabled: model.categories[c].enabled && categories.includes(c) }]),
    ) as LearnedModel['categories'],
  };
}

/** What assessTriage uses: undefined (no learned layer, no cost) when no category ships. */
export const defaultLearnedModel: LearnedModel | undefined =
  SHIPPED_LEARNED_CATEGORIES.length === 0 ? undefined : restrictLearnedModel(trainedLearnedModel, SHIPPED_LEARNED_CATEGORIES);
