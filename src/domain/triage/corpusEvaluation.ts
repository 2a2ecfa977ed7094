/**
 * Scoring triage against a labelled corpus: precision and recall per
 * category (does the rule set find what a counsellor would want flagged,
 * and only that?) and how often priority comes out too low — the costly
 * mistake on a helpline.
 */
import { z } from 'zod';
import { PRIORITIES, priorityRank } from '../queue/priority.js';
import type { Priority } from '../queue/priority.js';
import { preChatAnswersSchema } from './preChatAnswers.js';
import { TRIAGE_CATEGORIES } from './triageRule.js';
import type { TriageCategory } from './triageRule.js';
import type { TriageEngine, TriageResult } from './assessTriage.js';

export const corpusEntrySchema = z.object({
  id: z.string(),
  messages: z.array(z.string()).min(1),
  preChat: preChatAnswersSchema.optional(),
  expected: z.object({
    categories: z.array(z.enum(TRIAGE_CATEGORIES)),
    priority: z.enum(PRIORITIES),
  }),
  /** Why this example is here (negation, false friend, ...). */
  note: z.string().optional(),
});

export type CorpusEntry = z.infer<typeof corpusEntrySchema>;

export interface CategoryScore {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  /** 1 when nothing was predicted (no false alarms). */
  readonly precision: number;
  /** 1 when nothing was expected. */
  readonly recall: number;
}

export interface CorpusMismatch {
  readonly id: string;
  readonly text: string;
  readonly expected: CorpusEntry['expected'];
  readonly actual: { readonly categories: readonly TriageCategory[]; readonly priority: Priority };
}

export interface CorpusReport {
  readonly entries: number;
  readonly perCategory: Readonly<Record<TriageCategory, CategoryScore>>;
  /** Micro-average over all categories. */
  readonly overall: CategoryScore;
  readonly priority: {
    readonly exact: number;
    /** Predicted less urgent than expected: the dangerous direction. */
    readonly tooLow: number;
    readonly tooHigh: number;
    readonly accuracy: number;
    /** Of the entries expected critical, how many came out critical. */
    readonly criticalRecall: number;
  };
  readonly mismatches: readonly CorpusMismatch[];
}

function score(tp: number, fp: number, fn: number): CategoryScore {
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

export function evaluateCorpus(entries: readonly CorpusEntry[], engine: TriageEngine): CorpusReport {
  const counts = Object.fromEntries(TRIAGE_CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<
    TriageCategory,
    { tp: number; fp: number; fn: number }
  >;
  let exact = 0;
  let tooLow = 0;
  let tooHigh = 0;
  let criticalExpected = 0;
  let criticalFound = 0;
  const mismatches: CorpusMismatch[] = [];

  for (const entry of entries) {
    const result: TriageResult = engine.assess({ preChat: entry.preChat, messages: entry.messages });
    const expected = new Set(entry.expected.categories);
    const actual = new Set(result.categories);
    for (const c of TRIAGE_CATEGORIES) {
      if (expected.has(c) && actual.has(c)) counts[c].tp++;
      else if (actual.has(c)) counts[c].fp++;
      else if (expected.has(c)) counts[c].fn++;
    }
    const diff = priorityRank(result.priority) - priorityRank(entry.expected.priority);
    if (diff === 0) exact++;
    else if (diff < 0) tooLow++;
    else tooHigh++;
    if (entry.expected.priority === 'critical') {
      criticalExpected++;
      if (result.priority === 'critical') criticalFound++;
    }
    const sameCategories = expected.size === actual.size && [...expected].every((c) => actual.has(c));
    if (!sameCategories || diff !== 0) {
      mismatches.push({
        id: entry.id,
        text: entry.messages.join(' / '),
        expected: entry.expected,
        actual: { categories: result.categories, priority: result.priority },
      });
    }
  }

  const perCategory = Object.fromEntries(
    TRIAGE_CATEGORIES.map((c) => [c, score(counts[c].tp, counts[c].fp, counts[c].fn)]),
  ) as Record<TriageCategory, CategoryScore>;
  const sum = (k: 'tp' | 'fp' | 'fn') => TRIAGE_CATEGORIES.reduce((n, c) => n + counts[c][k], 0);
  return {
    entries: entries.length,
    perCategory,
    overall: score(sum('tp'), sum('fp'), sum('fn')),
    priority: {
      exact,
      tooLow,
      tooHigh,
      accuracy: entries.length === 0 ? 1 : exact / entries.length,
      criticalRecall: criticalExpected === 0 ? 1 : criticalFound / criticalExpected,
    },
    mismatches,
  };
}

/** The language of an example, from its id ("nl-001", "enh4-02", "nlb-17" → "nl"/"en"). */
export function corpusLanguage(entry: Pick<CorpusEntry, 'id'>): string {
  return entry.id.slice(0, 2);
}

export interface BreakdownRow {
  readonly set: string;
  /** A language code, or "all". */
  readonly language: string;
  /** Which engine (e.g. "rules", "rules+learned"). */
  readonly engine: string;
  readonly entries: number;
  readonly perCategory: Readonly<Record<TriageCategory, CategoryScore>>;
  readonly overall: CategoryScore;
  readonly criticalRecall: number;
  readonly tooLow: number;
}

/** Every set × language (and all languages) × engine: the full table of figures. */
export function evaluateBreakdown(
  sets: readonly { readonly name: string; readonly entries: readonly CorpusEntry[] }[],
  engines: readonly { readonly name: string; readonly engine: TriageEngine }[],
): BreakdownRow[] {
  const rows: BreakdownRow[] = [];
  for (const set of sets) {
    const languages = [...new Set(set.entries.map(corpusLanguage))].sort();
    for (const language of [...languages, 'all']) {
      const entries = language === 'all' ? set.entries : set.entries.filter((e) => corpusLanguage(e) === language);
      for (const { name, engine } of engines) {
        const report = evaluateCorpus(entries, engine);
        rows.push({
          set: set.name,
          language,
          engine: name,
          entries: report.entries,
          perCategory: report.perCategory,
          overall: report.overall,
          criticalRecall: report.priority.criticalRecall,
          tooLow: report.priority.tooLow,
        });
      }
    }
  }
  return rows;
}

const pr = (s: CategoryScore): string =>
  s.truePositives + s.falseNegatives === 0 && s.falsePositives === 0
    ? '   –/–   '
    : `${s.precision.toFixed(2)}/${s.recall.toFixed(2)}`.padStart(9);

/** A plain-text table: precision/recall per category for each row. */
export function formatBreakdown(rows: readonly BreakdownRow[]): string {
  const setWidth = Math.max(4, ...rows.map((r) => r.set.length));
  const engineWidth = Math.max(6, ...rows.map((r) => r.engine.length));
  const header = [
    'set'.padEnd(setWidth),
    'lang',
    'engine'.padEnd(engineWidth),
    '   n',
    ...TRIAGE_CATEGORIES.map((c) => c.slice(0, 12).padStart(12)),
    'overall'.padStart(12),
    'crit.rec',
    'too low',
  ].join(' ');
  const lines = [header, '-'.repeat(header.length)];
  let previous = '';
  for (const r of rows) {
    const group = `${r.set}/${r.language}`;
    if (previous && previous.split('/')[0] !== r.set) lines.push('');
    previous = group;
    lines.push(
      [
        r.set.padEnd(setWidth),
        r.language.padEnd(4),
        r.engine.padEnd(engineWidth),
        String(r.entries).padStart(4),
        ...TRIAGE_CATEGORIES.map((c) => pr(r.perCategory[c]).padStart(12)),
        pr(r.overall).padStart(12),
        `${(r.criticalRecall * 100).toFixed(0)}%`.padStart(8),
        String(r.tooLow).padStart(7),
      ].join(' '),
    );
  }
  lines.push('', 'cells: precision/recall (1.00 when nothing was predicted / expected); crit.rec: share of critical examples triaged critical');
  return lines.join('\n');
}
