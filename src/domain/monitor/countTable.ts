import type { LocalizedText } from '../codebook/codebookSchema.js';

// A count table before protection. It must never leave the domain as is: publish it through
// `suppressTable`, which turns it into a ReportTable.

export type HeaderKind = 'value' | 'aggregate' | 'total';

export interface TableHeader {
  /** Stable key (an option code or a monitor key such as "minor"). */
  readonly key: string;
  readonly label: LocalizedText;
  readonly kind: HeaderKind;
  /**
   * A value row that sums up other rows without being their exact sum, such as a pooled range of
   * years next to its single years ("2019–2022") or "any parent" next to each parent. Shown in
   * the table; never drawn as a bar beside the rows it sums up.
   */
  readonly summary?: true;
}

/** [row, column] */
export type CellRef = readonly [number, number];

/** total = sum of parts; these are exactly the relations a reader can use to subtract. */
export interface LinearConstraint {
  readonly total: CellRef;
  readonly parts: readonly CellRef[];
}

export interface CountTable {
  readonly id: string;
  readonly title: LocalizedText;
  /** Which units are counted, e.g. "victims": see MonitorReport.populations. */
  readonly population: string;
  readonly rows: readonly TableHeader[];
  readonly columns: readonly TableHeader[];
  readonly counts: readonly (readonly number[])[];
  readonly constraints: readonly LinearConstraint[];
  /** For each cell, the cell holding its percentage denominator (or null: no percentage). */
  readonly denominators: readonly (readonly (CellRef | null)[])[];
}

export type CellProtection = 'shown' | 'primary' | 'secondary';

export interface ReportCell {
  /** null when suppressed. */
  readonly count: number | null;
  /** What to print: the count, "<5" (primary) or "x" (secondary). */
  readonly display: string;
  /** Percentage rounded to one decimal, only when count and a denominator of at least 20 are shown. */
  readonly percent: number | null;
  readonly protection: CellProtection;
}

export interface ReportTable {
  readonly id: string;
  readonly title: LocalizedText;
  readonly population: string;
  readonly rows: readonly TableHeader[];
  readonly columns: readonly TableHeader[];
  readonly cells: readonly (readonly ReportCell[])[];
}
