/**
 * Prints triage precision and recall per category and per language on the
 * labelled corpus: the development set (rules tuned on it), the old held-out
 * set (written by earlier developers) and the blind set (written without
 * seeing the rules: the honest figures).
 *   npx tsx src/cli/triageCorpus.ts                        the table
 *   npx tsx src/cli/triageCorpus.ts --verbose              plus every mismatch on dev and old hold-out
 */
import { createTriageEngine } from '../domain/triage/assessTriage.js';
import { evaluateBreakdown, evaluateCorpus, formatBreakdown } from '../domain/triage/corpusEvaluation.js';
import { defaultRuleSets } from '../domain/triage/rules/index.js';
import { defaultLearnedModel, SHIPPED_LEARNED_CATEGORIES, trainedLearnedModel } from '../domain/triage/learned/index.js';
import { TRIAGE_CATEGORIES } from '../domain/triage/triageRule.js';
import { triageCorpus } from '../domain/triage/triageCorpus.js';

const verbose = process.argv.includes('--verbose');
const trainedOn = TRIAGE_CATEGORIES.filter((c) => trainedLearnedModel.categories[c].enabled);
const engines = [
  { name: 'rules', engine: createTriageEngine(defaultRuleSets) },
  { name: '+learned', engine: createTriageEngine(defaultRuleSets, { learned: trainedLearnedModel }) },
  ...(SHIPPED_LEARNED_CATEGORIES.length === trainedOn.length || SHIPPED_LEARNED_CATEGORIES.length === 0
    ? []
    : [{ name: 'shipped', engine: createTriageEngine(defaultRuleSets, { learned: defaultLearnedModel }) }]),
];
const sets = [
  { name: 'dev', entries: triageCorpus.development },
  { name: 'old hold-out', entries: triageCorpus.holdout },
  { name: 'blind', entries: triageCorpus.blind },
];

console.log('Baken triage corpus (Dutch + English)\n');
console.log(formatBreakdown(evaluateBreakdown(sets, engines)));
console.log(
  `rules: the rules only; +learned: rules and the learned layer for every category its training switched on (${trainedOn.join(', ') || 'none'}; trained on dev, so its dev rows are in-sample)` +
    (SHIPPED_LEARNED_CATEGORIES.length === 0
      ? '. assessTriage uses the rules only (no category of the learned layer ships: src/domain/triage/learned/index.ts)'
      : engines.length > 2
        ? `; shipped: what assessTriage uses (learned layer for ${SHIPPED_LEARNED_CATEGORIES.join(', ')})`
        : ' (= what assessTriage uses)'),
);

if (verbose) {
  // Not the blind set: reading its mismatches one by one is how tuning on it starts.
  for (const set of sets.slice(0, 2)) {
    for (const { name, engine } of engines) {
      const report = evaluateCorpus(set.entries, engine);
      console.log(`\n${set.name}, ${name}: ${report.mismatches.length} mismatches`);
      for (const m of report.mismatches) {
        console.log(
          `  ✗ ${m.id}: "${m.text}"\n      expected [${m.expected.categories.join(', ')}] ${m.expected.priority}; got [${m.actual.categories.join(', ')}] ${m.actual.priority}`,
        );
      }
    }
  }
}
