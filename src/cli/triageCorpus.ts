/**
 * Prints triage precision and recall per category on the labelled corpus:
 * the development part (rules were tuned on it), the held-out part (never
 * tuned on: the honest figures) and both together.
 *   npx tsx src/cli/triageCorpus.ts            figures
 *   npx tsx src/cli/triageCorpus.ts --verbose  plus every mismatch
 */
import { createTriageEngine } from '../domain/triage/assessTriage.js';
import { evaluateCorpus } from '../domain/triage/corpusEvaluation.js';
import type { CategoryScore, CorpusEntry } from '../domain/triage/corpusEvaluation.js';
import { defaultRuleSets } from '../domain/triage/rules/index.js';
import { triageCorpus } from '../domain/triage/triageCorpus.js';

const engine = createTriageEngine(defaultRuleSets);
const verbose = process.argv.includes('--verbose');
const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
const row = (name: string, s: CategoryScore) =>
  `  ${name.padEnd(14)} ${pct(s.precision)} ${pct(s.recall)}   ${String(s.truePositives).padStart(3)} ${String(s.falsePositives).padStart(3)} ${String(s.falseNegatives).padStart(3)}`;

function print(title: string, entries: readonly CorpusEntry[]): void {
  const report = evaluateCorpus(entries, engine);
  console.log(`\n${title}: ${report.entries} examples`);
  console.log(`  ${'category'.padEnd(14)} ${'prec.'.padStart(7)} ${'recall'.padStart(7)}    TP  FP  FN`);
  for (const [category, s] of Object.entries(report.perCategory)) console.log(row(category, s));
  console.log(row('overall', report.overall));
  const p = report.priority;
  console.log(
    `  priority: ${p.exact}/${report.entries} exact (${pct(p.accuracy).trim()}), ${p.tooLow} too low, ${p.tooHigh} too high; critical recall ${pct(p.criticalRecall).trim()}`,
  );
  if (verbose) {
    for (const m of report.mismatches) {
      console.log(
        `  ✗ ${m.id}: "${m.text}"\n      expected [${m.expected.categories.join(', ')}] ${m.expected.priority}; got [${m.actual.categories.join(', ')}] ${m.actual.priority}`,
      );
    }
  } else if (report.mismatches.length > 0) {
    console.log(`  ${report.mismatches.length} mismatches (--verbose lists them)`);
  }
}

console.log('Baken triage corpus (Dutch + English)');
print('held-out (never tuned on)', triageCorpus.holdout);
print('development (rules tuned on it)', triageCorpus.development);
print('all', [...triageCorpus.development, ...triageCorpus.holdout]);
