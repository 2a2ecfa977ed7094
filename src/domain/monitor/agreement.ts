import type { Codebook, LocalizedText } from '../codebook/codebookSchema.js';
import type { CodingValue, CodingValues } from '../codebook/codingValue.js';
import { isEmptyValue } from '../codebook/codingValue.js';

export interface KappaResult {
  /** Number of rated items. */
  readonly n: number;
  /** Observed proportion of agreement. */
  readonly observed: number;
  /** Agreement expected by chance from the two coders' marginals. */
  readonly expected: number;
  /** Cohen's kappa in [-1, 1]; null when undefined (no items, or both coders used one category only). */
  readonly kappa: number | null;
}

/** Cohen's kappa for two coders assigning nominal categories to the same items. */
export function cohensKappa(pairs: readonly (readonly [string, string])[]): KappaResult {
  const n = pairs.length;
  if (n === 0) return { n, observed: 0, expected: 0, kappa: null };
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let agree = 0;
  for (const [a, b] of pairs) {
    if (a === b) agree += 1;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  let expected = 0;
  for (const [category, count] of first) expected += (count / n) * ((second.get(category) ?? 0) / n);
  const observed = agree / n;
  if (expected >= 1 - 1e-12) return { n, observed, expected, kappa: null };
  const kappa = (observed - expected) / (1 - expected);
  return { n, observed, expected, kappa: Math.max(-1, Math.min(1, kappa)) };
}

export interface DoubleCoding {
  readonly conversationId: string;
  readonly first: CodingValues;
  readonly second: CodingValues;
}

export interface FieldAgreement extends KappaResult {
  readonly fieldId: string;
  readonly label: LocalizedText;
}

const NOT_CODED = '∅';

function category(value: CodingValue | null | undefined): string {
  if (isEmptyValue(value)) return NOT_CODED;
  return String(value);
}

/**
 * Per-field agreement over double-coded conversations. Single, boolean and integer fields are
 * compared as categories ("not coded" is a category: disagreeing about whether a field applies
 * is a disagreement). Multi fields are scored as one yes/no decision per option, pooled.
 * Items where neither coder coded the field are skipped: they say nothing about reliability.
 */
export function computeAgreement(codebook: Codebook, doubleCoded: readonly DoubleCoding[]): FieldAgreement[] {
  return codebook.fields.map((field) => {
    const pairs: [string, string][] = [];
    for (const item of doubleCoded) {
      const a = item.first[field.id];
      const b = item.second[field.id];
      if (isEmptyValue(a) && isEmptyValue(b)) continue;
      if (field.kind === 'multi') {
        const setA = new Set(Array.isArray(a) ? (a as readonly string[]) : []);
        const setB = new Set(Array.isArray(b) ? (b as readonly string[]) : []);
        for (const code of [...field.options.map((o) => o.code), 'unknown']) {
          pairs.push([setA.has(code) ? '1' : '0', setB.has(code) ? '1' : '0']);
        }
      } else {
        pairs.push([category(a), category(b)]);
      }
    }
    return { fieldId: field.id, label: field.label, ...cohensKappa(pairs) };
  });
}
