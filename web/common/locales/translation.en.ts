// Console strings for machine-translated visitor messages, English. Same keys as translation.nl.ts.
import type { translationNl } from './translation.nl.js';

export const translationEn: typeof translationNl = {
  machineTranslation: {
    original: 'Original ({{from}})',
    translated: 'Machine translation ({{from}} → {{to}}), may contain mistakes',
  },
};
