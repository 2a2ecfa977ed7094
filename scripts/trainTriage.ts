/**
 * Trains the triage's learned layer: per category a logistic regression over
 * character n-grams (2–5) of the normalised text, on the DEVELOPMENT corpus
 * only (corpus/nl.json, corpus/en.json). The old hold-out and the blind set
 * are never read here, so both stay honest measures.
 *
 *   npx tsx scripts/trainTriage.ts            writes src/domain/triage/learned/model.json
 *   npx tsx scripts/trainTriage.ts --check    trains and compares with the committed file
 *
 * Deterministic: fixed seed for the folds, full-batch training, no clock.
 * The decision threshold of each category is chosen on out-of-fold scores
 * (5-fold cross-validation on dev): the lowest threshold at which the
 * model's own out-of-fold precision is at least TARGET_PRECISION.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import nlDevelopment from '../src/domain/triage/corpus/nl.json' with { type: 'json' };
import enDevelopment from '../src/domain/triage/corpus/en.json' with { type: 'json' };
import { corpusEntrySchema } from '../src/domain/triage/corpusEvaluation.js';
import type { CorpusEntry } from '../src/domain/triage/corpusEvaluation.js';
import { learnedModelSchema, lengthNorm, messageFeatures } from '../src/domain/triage/learnedLayer.js';
import type { LearnedModel } from '../src/domain/triage/learnedLayer.js';
import { TRIAGE_CATEGORIES } from '../src/domain/triage/triageRule.js';
import type { TriageCategory } from '../src/domain/triage/triageRule.js';
import type { Priority } from '../src/domain/queue/priority.js';

const SEED = 20_261_202;
const MIN_N = 2;
const MAX_N = 5;
const WINDOW = 3;
const EXPLAIN_TOP = 3;
/** An n-gram must occur in at least this many training examples. */
const MIN_DOCUMENT_FREQUENCY = 2;
/** Per category, only the strongest weights are kept (then refitted): keeps the file small. */
const KEEP_PER_CATEGORY = 1_500;
const L2 = 0.002;
const ITERATIONS = 400;
const LEARNING_RATE = 0.05;
const FOLDS = 5;
const TARGET_PRECISION = 0.9;
/** At least this many out-of-fold hits at the chosen threshold (otherwise the category is off). */
const MIN_HITS = 5;
/** Score = bias + Σ weight·count / n^LENGTH_POWER over the window (1: the mean, length-invariant). */
const LENGTH_POWER = Number(process.env.TRIAGE_LENGTH_POWER ?? 1);
/** A typical message's number of n-grams: features keep the same scale whatever LENGTH_POWER is. */
const LENGTH_REFERENCE = 100;
/** Also train on pairs of examples (labels united), as the window reads a few messages together. */
const TRAIN_PAIRS = (process.env.TRIAGE_TRAIN_PAIRS ?? '1') === '1';
const PRIORITY: Readonly<Record<TriageCategory, Priority>> = { acute_danger: 'critical', self_harm: 'high', minor: 'high', exploitation: 'high' };

const OUT = fileURLToPath(new URL('../src/domain/triage/learned/model.json', import.meta.url));

interface Example {
  /** n-gram → in how many of the example's messages it occurs (as the window adds them up). */
  readonly grams: Map<string, number>;
  readonly norm: number;
  readonly labels: ReadonlySet<TriageCategory>;
}

function fromMessages(messages: readonly string[], labels: Iterable<TriageCategory>): Example {
  const grams = new Map<string, number>();
  for (const message of messages.slice(-WINDOW)) {
    for (const g of messageFeatures(message, MIN_N, MAX_N)) grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let n = 0;
  for (const c of grams.values()) n += c;
  return { grams, norm: lengthNorm({ lengthPower: LENGTH_POWER, lengthReference: LENGTH_REFERENCE }, n), labels: new Set(labels) };
}

function toExample(entry: CorpusEntry): Example {
  return fromMessages(entry.messages, entry.expected.categories);
}

/** Two examples read as one conversation: each paired with a seeded-random other one. */
function pairedEntries(entries: readonly CorpusEntry[], seed: number): CorpusEntry[] {
  const next = random(seed);
  return entries.map((a) => {
    const b = entries[Math.floor(next() * entries.length)]!;
    return {
      id: `${a.id}+${b.id}`,
      messages: [...a.messages, ...b.messages],
      expected: { categories: [...new Set([...a.expected.categories, ...b.expected.categories])], priority: a.expected.priority },
    };
  });
}

function pairs(entries: readonly CorpusEntry[], seed: number): Example[] {
  return pairedEntries(entries, seed).map((e) => fromMessages(e.messages.slice(-WINDOW), e.expected.categories));
}

/** The windows triage scores in a conversation: after each message, the last WINDOW messages. */
function windows(entry: CorpusEntry): Example[] {
  return entry.messages.map((_, i) => fromMessages(entry.messages.slice(Math.max(0, i + 1 - WINDOW), i + 1), entry.expected.categories));
}

/** mulberry32: a small seeded generator, for the fold assignment only. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Fitted {
  readonly bias: number;
  readonly weights: Map<string, number>;
}

/** Sparse rows over a fixed vocabulary. */
interface Matrix {
  readonly vocabulary: readonly string[];
  readonly rows: readonly { readonly index: Int32Array; readonly value: Float64Array }[];
}

function matrix(examples: readonly Example[], vocabulary: readonly string[]): Matrix {
  const position = new Map(vocabulary.map((g, i) => [g, i]));
  return {
    vocabulary,
    rows: examples.map((e) => {
      const index: number[] = [];
      const value: number[] = [];
      for (const [g, c] of e.grams) {
        const i = position.get(g);
        if (i === undefined) continue;
        index.push(i);
        value.push(c / e.norm);
      }
      return { index: Int32Array.from(index), value: Float64Array.from(value) };
    }),
  };
}

/** L2-regularised logistic regression, full-batch Adam, class-balanced. Deterministic. */
function fit(m: Matrix, y: readonly number[]): Fitted {
  const d = m.vocabulary.length;
  const w = new Float64Array(d);
  let b = 0;
  const mw = new Float64Array(d);
  const vw = new Float64Array(d);
  let mb = 0;
  let vb = 0;
  const positives = y.reduce((s, v) => s + v, 0);
  const pw = positives === 0 ? 1 : y.length / (2 * positives);
  const nw = positives === y.length ? 1 : y.length / (2 * (y.length - positives));
  const grad = new Float64Array(d);
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  for (let t = 1; t <= ITERATIONS; t++) {
    grad.fill(0);
    let gb = 0;
    for (let r = 0; r < m.rows.length; r++) {
      const { index, value } = m.rows[r]!;
      let z = b;
      for (let k = 0; k < index.length; k++) z += w[index[k]!]! * value[k]!;
      const p = 1 / (1 + Math.exp(-z));
      const target = y[r]!;
      const g = (p - target) * (target === 1 ? pw : nw);
      gb += g;
      for (let k = 0; k < index.length; k++) grad[index[k]!]! += g * value[k]!;
    }
    const scale = 1 / m.rows.length;
    for (let j = 0; j < d; j++) {
      const g = grad[j]! * scale + L2 * w[j]!;
      mw[j] = beta1 * mw[j]! + (1 - beta1) * g;
      vw[j] = beta2 * vw[j]! + (1 - beta2) * g * g;
      w[j]! -= (LEARNING_RATE * (mw[j]! / (1 - beta1 ** t))) / (Math.sqrt(vw[j]! / (1 - beta2 ** t)) + eps);
    }
    const g = gb * scale;
    mb = beta1 * mb + (1 - beta1) * g;
    vb = beta2 * vb + (1 - beta2) * g * g;
    b -= (LEARNING_RATE * (mb / (1 - beta1 ** t))) / (Math.sqrt(vb / (1 - beta2 ** t)) + eps);
  }
  return { bias: b, weights: new Map(m.vocabulary.map((g, i) => [g, w[i]!])) };
}

function vocabularyOf(examples: readonly Example[]): string[] {
  const df = new Map<string, number>();
  for (const e of examples) for (const g of e.grams.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  return [...df].filter(([, n]) => n >= MIN_DOCUMENT_FREQUENCY).map(([g]) => g).sort();
}

/** Fit, keep the strongest weights, refit on those: the model that ships. */
function train(examples: readonly Example[], category: TriageCategory): Fitted {
  const y = examples.map((e) => (e.labels.has(category) ? 1 : 0));
  const first = fit(matrix(examples, vocabularyOf(examples)), y);
  const kept = [...first.weights]
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1))
    .slice(0, KEEP_PER_CATEGORY)
    .map(([g]) => g)
    .sort();
  return fit(matrix(examples, kept), y);
}

function probability(model: Fitted, e: Example): number {
  let z = model.bias;
  for (const [g, c] of e.grams) z += (model.weights.get(g) ?? 0) * (c / e.norm);
  return 1 / (1 + Math.exp(-z));
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

function main(): void {
  const started = performance.now();
  const entries = z.array(corpusEntrySchema).parse([...nlDevelopment, ...enDevelopment]);
  const examples = entries.map(toExample);

  // Folds: a seeded shuffle, then round robin.
  const next = random(SEED);
  const order = examples.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const fold = new Array<number>(examples.length);
  order.forEach((example, k) => (fold[example] = k % FOLDS));
  const trainingSet = (f: number | undefined): Example[] => {
    const inFold = entries.filter((_, i) => fold[i] !== f);
    return [...inFold.map(toExample), ...(TRAIN_PAIRS ? pairs(inFold, SEED + 1 + (f ?? FOLDS)) : [])];
  };
  // Out-of-fold conversations: each held-out example alone, and paired with another held-out one;
  // each is scored as triage does, window by window, and flagged if any window is.
  const heldOut = Array.from({ length: FOLDS }, (_, f) => {
    const inFold = entries.filter((_, i) => fold[i] === f);
    return [...inFold, ...pairedEntries(inFold, SEED + 100 + f)].map((entry) => ({ labels: new Set(entry.expected.categories), windows: windows(entry) }));
  });

  const categories = {} as Record<TriageCategory, LearnedModel['categories'][TriageCategory]>;
  console.log(`Training on ${examples.length} development examples (old hold-out and blind set not read).`);
  console.log(`category        threshold  OOF prec.  OOF recall  OOF hits  weights`);
  for (const category of TRIAGE_CATEGORIES) {
    const scored: { example: { labels: ReadonlySet<TriageCategory> }; p: number }[] = [];
    for (let f = 0; f < FOLDS; f++) {
      const model = train(trainingSet(f), category);
      for (const example of heldOut[f]!) scored.push({ example, p: Math.max(...example.windows.map((w) => probability(model, w))) });
    }
    const positives = scored.filter((s) => s.example.labels.has(category)).length;
    let chosen: { threshold: number; precision: number; recall: number; hits: number } | undefined;
    for (let t = 5; t <= 99; t++) {
      const threshold = t / 100;
      const hits = scored.filter((s) => s.p >= threshold).map((s) => s.example);
      const correct = hits.filter((e) => e.labels.has(category)).length;
      const precision = hits.length === 0 ? 0 : correct / hits.length;
      if (hits.length >= MIN_HITS && precision >= TARGET_PRECISION) {
        chosen = { threshold, precision, recall: correct / positives, hits: hits.length };
        break;
      }
    }
    const final = train(trainingSet(undefined), category);
    const weights = Object.fromEntries(
      [...final.weights].filter(([, w]) => Math.abs(round(w)) > 0).map(([g, w]) => [g, round(w)]),
    );
    categories[category] = {
      enabled: chosen !== undefined,
      bias: round(final.bias),
      threshold: chosen?.threshold ?? 1,
      priority: PRIORITY[category],
      weights,
    };
    console.log(
      `${category.padEnd(15)} ${chosen ? chosen.threshold.toFixed(2).padStart(9) : '      off'}  ${(chosen ? chosen.precision.toFixed(2) : '–').padStart(9)}  ${(chosen ? chosen.recall.toFixed(2) : '–').padStart(10)}  ${String(chosen?.hits ?? 0).padStart(8)}  ${String(Object.keys(weights).length).padStart(7)}`,
    );
  }

  const model: LearnedModel = learnedModelSchema.parse({
    version: 1,
    minN: MIN_N,
    maxN: MAX_N,
    window: WINDOW,
    lengthPower: LENGTH_POWER,
    lengthReference: LENGTH_REFERENCE,
    explainTop: EXPLAIN_TOP,
    trainedOn: `development corpus, ${examples.length} examples${TRAIN_PAIRS ? ' and as many seeded pairs of them' : ''}; seed ${SEED}; thresholds: ${FOLDS}-fold out-of-fold precision >= ${TARGET_PRECISION} (single examples and pairs)`,
    categories,
  });
  const json = `${JSON.stringify(model)}\n`;
  if (process.argv.includes('--check')) {
    const same = readFileSync(OUT, 'utf8') === json;
    console.log(same ? 'model.json is up to date' : 'model.json differs from a fresh training run');
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(OUT, json);
    console.log(`wrote ${OUT} (${(json.length / 1024).toFixed(0)} kB)`);
  }
  console.log(`took ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main();
