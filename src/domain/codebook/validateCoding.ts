import type { Codebook, CodebookField } from './codebookSchema.js';
import type { CodingValue, CodingValues } from './codingValue.js';
import { isEmptyValue, UNKNOWN } from './codingValue.js';
import { visibleFieldIds } from './evaluateCondition.js';

/** Stable error codes; UIs translate them as `coding.errors.<code>`. */
export type CodingErrorCode =
  | 'unknown_field'
  | 'required'
  | 'hidden_by_condition'
  | 'wrong_type'
  | 'invalid_option'
  | 'unknown_not_allowed'
  | 'not_integer'
  | 'out_of_range'
  | 'duplicate_option'
  | 'exclusive_option_combined'
  | 'sub_form_without_parent';

export interface CodingError {
  readonly fieldId: string;
  readonly code: CodingErrorCode;
  /** English text for logs and tests; interfaces should translate `code` instead. */
  readonly message: string;
}

export interface CodingValidation {
  readonly ok: boolean;
  readonly errors: readonly CodingError[];
}

/**
 * Validates a coding against a codebook: every visible required field answered with an allowed
 * value, and every field hidden by its condition left empty (so the data never contradicts itself).
 */
export function validateCoding(codebook: Codebook, values: CodingValues): CodingValidation {
  const errors: CodingError[] = [];
  const fieldsById = new Map(codebook.fields.map((f) => [f.id, f]));
  for (const key of Object.keys(values)) {
    if (!fieldsById.has(key) && !isEmptyValue(values[key])) {
      errors.push({ fieldId: key, code: 'unknown_field', message: `Field "${key}" is not in codebook ${codebook.id} ${codebook.version}.` });
    }
  }
  const visible = visibleFieldIds(codebook, values);
  for (const field of codebook.fields) {
    const value = values[field.id];
    if (!visible.has(field.id)) {
      if (!isEmptyValue(value)) {
        errors.push({ fieldId: field.id, code: 'hidden_by_condition', message: `${field.label.en} does not apply to this conversation and must be left empty.` });
      }
      continue;
    }
    if (isEmptyValue(value)) {
      if (field.required) errors.push({ fieldId: field.id, code: 'required', message: `${field.label.en} is required.` });
      continue;
    }
    errors.push(...validateValue(field, value, values, fieldsById));
  }
  return { ok: errors.length === 0, errors };
}

function validateValue(
  field: CodebookField,
  value: CodingValue,
  values: CodingValues,
  fieldsById: ReadonlyMap<string, CodebookField>,
): CodingError[] {
  const error = (code: CodingErrorCode, message: string): CodingError[] => [{ fieldId: field.id, code, message: `${field.label.en}: ${message}` }];
  if (value === UNKNOWN && field.kind !== 'multi') {
    return field.allowUnknown ? [] : error('unknown_not_allowed', '"unknown" is not allowed here.');
  }
  switch (field.kind) {
    case 'single':
      if (typeof value !== 'string') return error('wrong_type', 'expected one option code.');
      return field.options.some((o) => o.code === value) ? [] : error('invalid_option', `"${value}" is not an allowed option.`);
    case 'boolean':
      return typeof value === 'boolean' ? [] : error('wrong_type', 'expected yes or no.');
    case 'integer':
      if (typeof value !== 'number') return error('wrong_type', 'expected a whole number.');
      if (!Number.isInteger(value)) return error('not_integer', 'expected a whole number.');
      return value < field.min || value > field.max ? error('out_of_range', `must be between ${field.min} and ${field.max}.`) : [];
    case 'multi': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return error('wrong_type', 'expected a list of option codes.');
      const codes = value as readonly string[];
      if (new Set(codes).size !== codes.length) return error('duplicate_option', 'an option is chosen twice.');
      if (codes.includes(UNKNOWN)) {
        if (!field.allowUnknown) return error('unknown_not_allowed', '"unknown" is not allowed here.');
        return codes.length === 1 ? [] : error('exclusive_option_combined', '"unknown" cannot be combined with other options.');
      }
      const errors: CodingError[] = [];
      for (const code of codes) {
        const option = field.options.find((o) => o.code === code);
        if (option === undefined) {
          errors.push(...error('invalid_option', `"${code}" is not an allowed option.`));
        } else if (option.exclusive === true && codes.length > 1) {
          errors.push(...error('exclusive_option_combined', `"${code}" cannot be combined with other options.`));
        } else if (option.parent !== undefined && field.parentField !== undefined) {
          const parentValue = values[field.parentField];
          const parentLabel = fieldsById.get(field.parentField)?.label.en ?? field.parentField;
          if (!Array.isArray(parentValue) || !parentValue.includes(option.parent)) {
            errors.push(...error('sub_form_without_parent', `"${code}" needs "${option.parent}" in ${parentLabel}.`));
          }
        }
      }
      return errors;
    }
  }
}
