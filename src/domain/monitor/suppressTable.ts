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
    const determined = determinedHiddenCells(table.constraints, index, hidden);
    if (determined.size === 0) break;
    const target = Math.min(...determined);
    const candidates = companionsByCost(table, index, hidden, target, count);
    if (candidates.length === 0) break;
    // Prefer the cheapest cell that actually protects the exposed one; else take the cheapest and go on.
    const protecting = candidates.find((c) => !determinedHiddenCells(table.constraints, index, new Set([...hidden, c])).has(target));
    hidden.add(protecting ?? candidates[0]!); if (process.env.TRACE && table.id.startsWith("parents_2")) console.log("target", target, "add", protecting ?? candidates[0], "cands", candidates.slice(0,6));
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
 * Shown cells that could be hidden next, cheapest first: cells sharing a sum relation with the
 * exposed cell; plain value cells before totals; small non-zero counts before zeros (a hidden
 * zero protects little) and before large counts.
 */
function companionsByCost(
  table: CountTable,
  index: (r: number, c: number) => number,
  hidden: ReadonlySet<number>,
  target: number,
  count: (cell: number) => number,
): number[] {
  const related = new Set<number>();
  const anyRelated = new Set<number>();
  for (const constraint of table.constraints) {
    const members = [constraint.total, ...constraint.parts].map(([r, c]) => index(r, c));
    for (const m of members) if (!hidden.has(m)) anyRelated.add(m);
    if (members.includes(target)) for (const m of members) if (!hidden.has(m)) related.add(m);
  }
  const pool = related.size > 0 ? related : anyRelated;
  const width = table.columns.length;
  const cost = (cell: number): number => {
    const rowKind = table.rows[Math.floor(cell / width)]!.kind;
    const columnKind = table.columns[cell % width]!.kind;
    const n = count(cell);
    return (rowKind === 'value' ? 0 : 1e9) + (columnKind === 'value' ? 0 : 1e9) + (n === 0 ? 1e8 : n);
  };
  return [...pool].sort((a, b) => cost(a) - cost(b) || a - b);
}
