import type { CodebookField, FieldCondition } from './codebookSchema.js';
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
