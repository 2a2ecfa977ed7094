/** The value every field kind accepts when the visitor did not say. */
export const UNKNOWN = 'unknown';

/**
 * One coded answer. single: option code; multi: option codes (or ["unknown"]);
 * integer: number or "unknown"; boolean: true/false or "unknown". Absent/null means "not coded".
 */
export type CodingValue = string | number | boolean | readonly string[];

/** A coding: field id → value. Fields that are not coded are simply absent. */
export type CodingValues = Readonly<Record<string, CodingValue | null | undefined>>;

/** Empty means "no value": absent, null, or an empty multi selection. */
export function isEmptyValue(value: CodingValue | null | undefined): value is null | undefined | readonly [] {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

/** Known means a real answer: not empty and not "unknown". */
export function isKnownValue(value: CodingValue | null | undefined): boolean {
  if (isEmptyValue(value)) return false;
  if (value === UNKNOWN) return false;
  if (Array.isArray(value)) return !(value.length === 1 && value[0] === UNKNOWN);
  return true;
}
