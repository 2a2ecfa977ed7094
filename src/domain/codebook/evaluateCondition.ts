import type { Codebook, CodebookField, FieldCondition } from './codebookSchema.js';
import type { CodingValues } from './codingValue.js';
import { isKnownValue } from './codingValue.js';

/** Whether a condition holds for a coding. Missing values never satisfy a positive test. */
export function evaluateCondition(condition: FieldCondition, values: CodingValues): boolean {
  switch (condition.kind) {
    case 'equals':
      return values[condition.field] === condition.value;
    case 'in': {
      const value = values[condition.field];
      return typeof value === 'string' && condition.values.includes(value);
    }
    case 'includesAny': {
      const value = values[condition.field];
      return Array.isArray(value) && value.some((code) => condition.values.includes(code));
    }
    case 'known':
      return isKnownValue(values[condition.field]);
    case 'all':
      return condition.conditions.every((c) => evaluateCondition(c, values));
    case 'any':
      return condition.conditions.some((c) => evaluateCondition(c, values));
    case 'not':
      return !evaluateCondition(condition.condition, values);
  }
}

/** A field without a condition is always shown. */
export function isFieldVisible(field: CodebookField, values: CodingValues): boolean {
  return field.showWhen === undefined || evaluateCondition(field.showWhen, values);
}

/**
 * The fields shown for a coding. A hidden field counts as empty for the conditions of others,
 * so a stray value in a hidden field never makes its dependants appear. Iterates to a fixed point,
 * so conditions may refer to fields in any order.
 */
export function visibleFieldIds(codebook: Codebook, values: CodingValues): Set<string> {
  let effective: Record<string, CodingValues[string]> = { ...values };
  let visible = new Set<string>();
  for (let round = 0; round <= codebook.fields.length; round += 1) {
    const next = new Set(codebook.fields.filter((f) => isFieldVisible(f, effective)).map((f) => f.id));
    if (next.size === visible.size && [...next].every((id) => visible.has(id))) return next;
    visible = next;
    effective = Object.fromEntries(Object.entries(values).filter(([id]) => visible.has(id) || !codebook.fields.some((f) => f.id === id)));
  }
  return visible;
}
