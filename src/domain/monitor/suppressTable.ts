import type { LocalizedText } from '../codebook/codebookSchema.js';
import type { CountTable, ReportCell, ReportTable } from './countTable.js';
import { determinedHiddenCells } from './determinedCells.js';

export interface SuppressionRule {
  /** Counts from 1 up to this number are never shown. */
  readonly maxSuppressedCount: number;
  readonly primaryDisplay: string;
  readonly secondaryDisplay: string;
  /** Percentages only when the denominator is at least this. */
  readonly minPercentDenominator: number;
  readonly description: LocalizedText;
}

export const SUPPRESSION_RULE: SuppressionRule = {
  maxSuppressedCount: 4,
  primaryDisplay: '<5',
  secondaryDisplay: 'x',
  minPercentDenominator: 20,
  description: {
    nl: 'Aantallen van 1 tot en met 4 worden weergegeven als "<5". Waar zo\'n aantal anders uit rij- of kolomtotalen terug te rekenen zou zijn, is ook een ander aantal verborgen (weergegeven als "x"). Binnen elke tabel is geen verborgen aantal door optellen of aftrekken te achterhalen. Percentages staan er alleen bij een noemer van ten minste 20.',
    en: 'Counts from 1 to 4 are shown as "<5". Where such a count could otherwise be recovered from row or column totals, another count is hidden too (shown as "x"). Within each table no hidden count can be derived by adding or subtracting. Percentages are given only for denominators of at least 20.',
  },
};

/**
 * Publishes a count table: primary suppression of small counts, then secondary suppression until
 * no hidden cell is determined by the table's sum relations (checked exactly, not by a rule of thumb).
 */
export function suppressTable(table: CountTable, rule: SuppressionRule = SUPPRESSION_RULE): ReportTable {
  const width = table.columns.length;
  const index = (r: number, c: number): number => r * width + c;
  const count = (cell: number): number => table.counts[Math.floor(cell / width)]![cell % width]!;
  const primary = new Set<number>();
  table.counts.forEach((row, r) =>
    row.forEach((n, c) => {
      if (n >= 1 && n <= rule.maxSuppressedCount) primary.add(index(r, c));
    }),
  );
  const hidden = new Set(primary);
  const cellCount = table.rows.length * width;
  for (let guard = 0; guard <= cellCount; guard += 1) {
    const determined = determinedHiddenCells(table.constraints, index, hidden, count);
    if (determined.size === 0) break;
    const target = Math.min(...determined);
    const next = protectingCells(table, index, hidden, target, count);
    if (next.length === 0) break;
    for (const cell of next) hidden.add(cell);
  }
  const cells = table.counts.map((row, r) =>
    row.map((n, c): ReportCell => {
      const i = index(r, c);
      if (hidden.has(i)) {
        const isPrimary = primary.has(i);
        return { count: null, display: isPrimary ? rule.primaryDisplay : rule.secondaryDisplay, percent: null, protection: isPrimary ? 'primary' : 'secondary' };
      }
      const ref = table.denominators[r]?.[c] ?? null;
      let percent: number | null = null;
      if (ref !== null && !hidden.has(index(ref[0], ref[1]))) {
        const denominator = table.counts[ref[0]]![ref[1]]!;
        if (denominator >= rule.minPercentDenominator) percent = Math.round((n / denominator) * 1000) / 10;
      }
      return { count: n, display: String(n), percent, protection: 'shown' };
    }),
  );
  return { id: table.id, title: table.title, population: table.population, rows: table.rows, columns: table.columns, cells };
}

/**
 * The cheapest shown cell, or pair of cells, whose hiding stops `target` from being derivable.
 * Cost: plain value cells before aggregates and totals; small counts before large ones; a zero
 * costs a little extra because a hidden zero next to a small count protects less.
 * Falls back to the cheapest related cell when neither a single cell nor a pair suffices.
 */
function protectingCells(
  table: CountTable,
  index: (r: number, c: number) => number,
  hidden: ReadonlySet<number>,
  target: number,
  count: (cell: number) => number,
): number[] {
  const width = table.columns.length;
  const cost = (cell: number): number => {
    const rowKind = table.rows[Math.floor(cell / width)]!.kind;
    const columnKind = table.columns[cell % width]!.kind;
    const n = count(cell);
    return (rowKind === 'value' ? 0 : 1e6) + (columnKind === 'value' ? 0 : 1e6) + (n === 0 ? 50 : n);
  };
  const byCost = (a: number, b: number): number => cost(a) - cost(b) || a - b;
  const related = new Set<number>();
  const constrained = new Set<number>();
  for (const constraint of table.constraints) {
    const members = [constraint.total, ...constraint.parts].map(([r, c]) => index(r, c));
    for (const m of members) if (!hidden.has(m)) constrained.add(m);
    if (members.includes(target)) for (const m of members) if (!hidden.has(m)) related.add(m);
  }
  const first = [...(related.size > 0 ? related : constrained)].sort(byCost);
  const protects = (extra: readonly number[]): boolean => !determinedHiddenCells(table.constraints, index, new Set([...hidden, ...extra]), count).has(target);
  const single = first.find((c) => protects([c]));
  if (single !== undefined) return [single];
  const second = [...constrained].sort(byCost);
  let bestPair: number[] | undefined;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const a of first) {
    for (const b of second) {
      if (b === a || cost(a) + cost(b) >= bestCost) continue;
      if (protects([a, b])) {
        bestPair = [a, b];
        bestCost = cost(a) + cost(b);
      }
    }
  }
  return bestPair ?? first.slice(0, 1);
}
