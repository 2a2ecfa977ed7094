// What a report's bar chart draws, the same for the console and the HTML/PDF report: one bar per
// value row in the table's total column (else its first), in table order. A suppressed cell
// still gets its row, with its marker ("<5", "x") and no bar (a length would give the count
// away), so a suppressed year shows as suppressed, not as missing. Summary rows (a pooled range
// of years, "any parent") are left out: a total is not drawn as if it were one more year.
import type { LocalizedText } from '../codebook/codebookSchema.js';
import type { ReportTable } from './countTable.js';

export interface ChartBar {
  readonly key: string;
  readonly label: LocalizedText;
  /** null: suppressed (no bar). */
  readonly count: number | null;
  /** The count, or the suppression marker. */
  readonly display: string;
}

export function chartBars(table: ReportTable): ChartBar[] {
  const column = Math.max(0, table.columns.findIndex((c) => c.kind === 'total'));
  return table.rows.flatMap((row, r) => {
    const cell = table.cells[r]?.[column];
    if (row.kind !== 'value' || row.summary || cell === undefined) return [];
    return [{ key: row.key, label: row.label, count: cell.count, display: cell.display }];
  });
}
