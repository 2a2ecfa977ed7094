import type { LinearConstraint } from './countTable.js';

// Which hidden cells can a reader compute exactly from the shown cells and the table's
// sum relations? A hidden cell x_i is determined iff the unit vector e_i lies in the row space
// of the constraint matrix restricted to hidden cells. We test that with fraction-free
// Gauss-Jordan elimination on integer rows, divided by their gcd after every step: the
// coefficients start at ±1 and stay small, so plain numbers remain exact.

/** Indices (into `hidden`) of hidden cells whose value follows from the constraints. */
export function determinedHiddenCells(
  constraints: readonly LinearConstraint[],
  cellIndex: (row: number, column: number) => number,
  hidden: ReadonlySet<number>,
): Set<number> {
  const unknowns = [...hidden].sort((a, b) => a - b);
  const column = new Map(unknowns.map((cell, i) => [cell, i]));
  const rows: number[][] = [];
  for (const constraint of constraints) {
    const row = new Array<number>(unknowns.length).fill(0);
    let touches = false;
    const addTerm = (cell: number, coefficient: number): void => {
      const j = column.get(cell);
      if (j === undefined) return;
      row[j] = row[j]! + coefficient;
      touches = true;
    };
    addTerm(cellIndex(constraint.total[0], constraint.total[1]), 1);
    for (const part of constraint.parts) addTerm(cellIndex(part[0], part[1]), -1);
    if (touches && row.some((v) => v !== 0)) rows.push(row);
  }
  // Reduced row echelon form, fraction-free, then normalise pivots by gcd.
  const pivotColumns: number[] = [];
  let r = 0;
  for (let c = 0; c < unknowns.length && r < rows.length; c += 1) {
    let pivot = -1;
    for (let k = r; k < rows.length; k += 1) if (rows[k]![c] !== 0) { pivot = k; break; }
    if (pivot < 0) continue;
    [rows[r], rows[pivot]] = [rows[pivot]!, rows[r]!];
    const p = rows[r]!;
    for (let k = 0; k < rows.length; k += 1) {
      if (k === r) continue;
      const other = rows[k]!;
      const factor = other[c]!;
      if (factor === 0) continue;
      const pc = p[c]!;
      for (let j = 0; j < unknowns.length; j += 1) other[j] = other[j]! * pc - p[j]! * factor;
      normalise(other);
    }
    pivotColumns.push(c);
    r += 1;
  }
  // A pivot variable is determined iff its reduced row has no other non-zero entry.
  const determined = new Set<number>();
  pivotColumns.forEach((c, k) => {
    const row = rows[k]!;
    if (row.every((v, j) => j === c || v === 0)) determined.add(unknowns[c]!);
  });
  return determined;
}

function normalise(row: number[]): void {
  let g = 0;
  for (const v of row) g = gcd(g, Math.abs(v));
  if (g > 1) for (let j = 0; j < row.length; j += 1) row[j] = row[j]! / g;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
