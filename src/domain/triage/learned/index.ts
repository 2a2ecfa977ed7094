/** The learned layer shipped with Baken: none yet. */
import type { LearnedModel } from '../learnedLayer.js';

export const defaultLearnedModel: LearnedModel | undefined = undefined;
