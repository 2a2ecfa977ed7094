import type { LinearConstraint } from './countTable.js';

// Which hidden cells can a reader work out from the shown cells and the table's sum relations?
// 1. Exactly by linear algebra: x_i is determined iff e_i lies in the row space of the constraint
//    matrix restricted to hidden cells (fraction-free Gauss-Jordan on small integer rows, divided
//    by their gcd after every step, so plain numbers stay exact).
// 2. By non-negativity: counts are never negative, so when hidden cells with same-sign
//    coefficients must add up to zero, each of them is zero.
// Cells found by (2) count as known and the analysis repeats until nothing new is found.

/** Hidden cells whose value follows from the constraints and shown cells. */
export function determinedHiddenCells(
  constraints: readonly LinearConstraint[],
  cellIndex: (row: number, column: number) => number,
  hidden: ReadonlySet<number>,
  valueOf: (cell: number) => number = () => Number.NaN,
): Set<number> {
  const determined = new Set<number>();
  let unknownSet = new Set(hidden);
  for (;;) {
    const round = analyse(constraints, cellIndex, unknownSet, valueOf);
    for (const cell of round.linear) determined.add(cell);
    const fresh = [...round.zeroForced].filter((c) => !determined.has(c));
    if (fresh.length === 0) return determined;
    for (const cell of fresh) determined.add(cell);
    unknownSet = new Set([...unknownSet].filter((c) => !determined.has(c)));
  }
}

function analyse(
  constraints: readonly LinearConstraint[],
  cellIndex: (row: number, column: number) => number,
  hidden: ReadonlySet<number>,
  valueOf: (cell: number) => number,
): { linear: Set<number>; zeroForced: Set<number> } {
  const unknowns = [...hidden].sort((a, b) => a - b);
  const n = unknowns.length;
  const column = new Map(unknowns.map((cell, i) => [cell, i]));
  // Each row: coefficients over the unknowns, then the right-hand side (sum of known terms, negated).
  const rows: number[][] = [];
  for (const constraint of constraints) {
    const row = new Array<number>(n + 1).fill(0);
    const addTerm = (cell: number, coefficient: number): void => {
      const j = column.get(cell);
      if (j === undefined) row[n] = row[n]! - coefficient * valueOf(cell);
      else row[j] = row[j]! + coefficient;
    };
    addTerm(cellIndex(constraint.total[0], constraint.total[1]), 1);
    for (const part of constraint.parts) addTerm(cellIndex(part[0], part[1]), -1);
    if (row.slice(0, n).some((v) => v !== 0)) rows.push(row);
  }
  const zeroForced = new Set<number>();
  const checkZeroSum = (row: readonly number[]): void => {
    if (row[n] !== 0) return;
    const signs = new Set(row.slice(0, n).filter((v) => v !== 0).map(Math.sign));
    if (signs.size === 1) row.slice(0, n).forEach((v, j) => v !== 0 && zeroForced.add(unknowns[j]!));
  };
  rows.forEach(checkZeroSum);

  const pivotColumns: number[] = [];
  let r = 0;
  for (let c = 0; c < n && r < rows.length; c += 1) {
    let pivot = -1;
    for (let k = r; k < rows.length; k += 1) {
      if (rows[k]![c] !== 0) {
        pivot = k;
        break;
      }
    }
    if (pivot < 0) continue;
    [rows[r], rows[pivot]] = [rows[pivot]!, rows[r]!];
    const p = rows[r]!;
    for (let k = 0; k < rows.length; k += 1) {
      if (k === r) continue;
      const other = rows[k]!;
      const factor = other[c]!;
      if (factor === 0) continue;
      const pc = p[c]!;
      for (let j = 0; j <= n; j += 1) other[j] = other[j]! * pc - p[j]! * factor;
      normalise(other, n);
    }
    pivotColumns.push(c);
    r += 1;
  }
  // A pivot variable is determined iff its reduced row has no other non-zero coefficient.
  const linear = new Set<number>();
  pivotColumns.forEach((c, k) => {
    const row = rows[k]!;
    if (row.every((v, j) => j === c || j === n || v === 0)) linear.add(unknowns[c]!);
    checkZeroSum(row);
  });
  return { linear, zeroForced };
}

function normalise(row: number[], n: number): void {
  let g = 0;
  for (let j = 0; j < n; j += 1) g = gcd(g, Math.abs(row[j]!));
  if (g > 1) for (let j = 0; j <= n; j += 1) row[j] = row[j]! / g;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
