import type { AgeBand, Codebook } from './codebookSchema.js';

/** The band an age falls into, or undefined when no band covers it. */
export function ageBandFor(codebook: Codebook, age: number): AgeBand | undefined {
  return codebook.ageBands.find((band) => age >= band.min && (band.max === undefined || age <= band.max));
}

/** Research reports use both cut-offs, so both are first-class. */
export const isYoungerThan15 = (age: number): boolean => age < 15;
export const isAtMost15 = (age: number): boolean => age <= 15;
export const isMinor = (age: number): boolean => age < 18;
