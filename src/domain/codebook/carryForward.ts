import type { Codebook } from './codebookSchema.js';
import type { CodingValue, CodingValues } from './codingValue.js';
import { isEmptyValue } from './codingValue.js';
import { visibleFieldIds } from './evaluateCondition.js';
import { validateCoding } from './validateCoding.js';

export interface CarriedForward {
  /** Pre-filled values for the counsellor to confirm; never saved without her confirmation. */
  readonly values: Readonly<Record<string, CodingValue>>;
  /** Field ids that were carried, so the form can mark them "from an earlier chat". */
  readonly carriedFieldIds: readonly string[];
}

/**
 * For a returning visitor: offers the earlier answers of the fields marked `carryForward`.
 * Answers that are no longer valid in the current codebook (an option was retired) are dropped
 * rather than silently mapped, and only answers visible under the carried values are kept.
 */
export function carryForward(codebook: Codebook, previous: CodingValues): CarriedForward {
  const candidate: Record<string, CodingValue> = {};
  for (const field of codebook.fields) {
    const value = previous[field.id];
    if (field.carryForward !== true || isEmptyValue(value)) continue;
    candidate[field.id] = value;
  }
  // Conditions that depend on fields not carried (e.g. contact type) are taken from the previous coding.
  const context: Record<string, CodingValue | null | undefined> = { ...previous };
  const kept: Record<string, CodingValue> = {};
  for (const field of codebook.fields) {
    const value = candidate[field.id];
    if (value === undefined || !visibleFieldIds(codebook, context).has(field.id)) continue;
    const errors = validateCoding(codebook, { ...context }).errors.filter((e) => e.fieldId === field.id && e.code !== 'required');
    if (errors.length === 0) kept[field.id] = value;
    else delete context[field.id];
  }
  return { values: kept, carriedFieldIds: Object.keys(kept) };
}
