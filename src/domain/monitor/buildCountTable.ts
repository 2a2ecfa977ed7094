import type { LocalizedText } from '../codebook/codebookSchema.js';
import type { CellRef, CountTable, LinearConstraint, TableHeader } from './countTable.js';
import { monitorLabel } from './monitorLabels.js';

export interface AggregateSpec {
  readonly key: string;
  readonly label: LocalizedText;
  /** Keys of the value rows (or columns) this aggregate sums. */
  readonly of: readonly string[];
}

export interface CountTableSpec {
  readonly id: string;
  readonly title: LocalizedText;
  readonly population: string;
  readonly rows: readonly { key: string; label: LocalizedText; summary?: true }[];
  readonly columns: readonly { key: string; label: LocalizedText }[];
  /** counts[row][column] for the value rows and columns. */
  readonly counts: ArrayLike<number>;
  readonly rowAggregates?: readonly AggregateSpec[];
  readonly columnAggregates?: readonly AggregateSpec[];
  /** Every unit falls in exactly one value row (single-choice field with unknown/missing rows). */
  readonly rowsPartition: boolean;
  /** Units per value column; adds the total row. Omit for tables without a unit total. */
  readonly columnUnits?: ArrayLike<number>;
  /** Adds a total column: the value columns partition the units. */
  readonly totalColumn: boolean;
  /**
   * Rows that are close to the sum of other rows without being it exactly (a pooled range versus its
   * years; "any parent" versus each parent). Only used to protect cells, never to compute counts.
   */
  readonly assumedRowSums?: readonly { readonly key: string; readonly of: readonly string[] }[];
  /** Denominator for a cell's percentage, as [rowKey, columnKey]; default: the total row in the same column. */
  readonly denominator?: (rowKey: string, columnKey: string) => readonly [string, string] | null;
}

const TOTAL = 'total';

/** Lays out value, aggregate and total cells and writes down every sum relation between them. */
export function buildCountTable(spec: CountTableSpec): CountTable {
  const valueRows = spec.rows.length;
  const valueColumns = spec.columns.length;
  const rows: TableHeader[] = [
    ...spec.rows.map((r) => ({ ...r, kind: 'value' as const })),
    ...(spec.rowAggregates ?? []).map((a) => ({ key: a.key, label: a.label, kind: 'aggregate' as const })),
    ...(spec.columnUnits === undefined ? [] : [{ key: TOTAL, label: monitorLabel('total'), kind: 'total' as const }]),
  ];
  const columns: TableHeader[] = [
    ...spec.columns.map((c) => ({ ...c, kind: 'value' as const })),
    ...(spec.columnAggregates ?? []).map((a) => ({ key: a.key, label: a.label, kind: 'aggregate' as const })),
    ...(spec.totalColumn ? [{ key: TOTAL, label: monitorLabel('total'), kind: 'total' as const }] : []),
  ];
  const rowIndex = new Map(rows.map((r, i) => [r.key, i]));
  const columnIndex = new Map(columns.map((c, i) => [c.key, i]));
  const indexOf = (map: Map<string, number>, key: string): number => {
    const i = map.get(key);
    if (i === undefined) throw new Error(`table ${spec.id}: unknown key ${key}`);
    return i;
  };
  const counts = rows.map(() => new Array<number>(columns.length).fill(0));
  for (let r = 0; r < valueRows; r += 1) {
    for (let c = 0; c < valueColumns; c += 1) counts[r]![c] = spec.counts[r * valueColumns + c] ?? 0;
  }
  const totalRow = rowIndex.get(TOTAL);
  if (totalRow !== undefined && spec.columnUnits !== undefined) {
    for (let c = 0; c < valueColumns; c += 1) counts[totalRow]![c] = spec.columnUnits[c] ?? 0;
  }
  const constraints: LinearConstraint[] = [];
  const valueRowIndexes = spec.rows.map((_, i) => i);
  const valueColumnIndexes = spec.columns.map((_, i) => i);
  // Column aggregates, then total column, for every row that holds counts so far.
  const fillRowwise = (r: number): void => {
    for (const aggregate of spec.columnAggregates ?? []) {
      const target = indexOf(columnIndex, aggregate.key);
      const parts = aggregate.of.map((k) => indexOf(columnIndex, k));
      counts[r]![target] = parts.reduce((sum, c) => sum + counts[r]![c]!, 0);
      constraints.push({ total: [r, target], parts: parts.map((c): CellRef => [r, c]) });
    }
    if (spec.totalColumn) {
      const target = indexOf(columnIndex, TOTAL);
      counts[r]![target] = valueColumnIndexes.reduce((sum, c) => sum + counts[r]![c]!, 0);
      constraints.push({ total: [r, target], parts: valueColumnIndexes.map((c): CellRef => [r, c]) });
    }
  };
  for (const r of valueRowIndexes) fillRowwise(r);
  if (totalRow !== undefined) fillRowwise(totalRow);
  for (const aggregate of spec.rowAggregates ?? []) {
    const target = indexOf(rowIndex, aggregate.key);
    const parts = aggregate.of.map((k) => indexOf(rowIndex, k));
    for (let c = 0; c < columns.length; c += 1) {
      counts[target]![c] = parts.reduce((sum, r) => sum + counts[r]![c]!, 0);
      constraints.push({ total: [target, c], parts: parts.map((r): CellRef => [r, c]) });
    }
    // The aggregate row's own row sums hold too; they follow from the above, no need to add them.
  }
  for (const assumed of spec.assumedRowSums ?? []) {
    const target = indexOf(rowIndex, assumed.key);
    const parts = assumed.of.map((k) => indexOf(rowIndex, k));
    for (let c = 0; c < columns.length; c += 1) constraints.push({ total: [target, c], parts: parts.map((r): CellRef => [r, c]) });
  }
  if (spec.rowsPartition && totalRow !== undefined) {
    for (let c = 0; c < columns.length; c += 1) {
      constraints.push({ total: [totalRow, c], parts: valueRowIndexes.map((r): CellRef => [r, c]) });
    }
  }
  const denominators = rows.map((row, r) =>
    columns.map((column): CellRef | null => {
      if (spec.denominator !== undefined) {
        const ref = spec.denominator(row.key, column.key);
        return ref === null ? null : [indexOf(rowIndex, ref[0]), indexOf(columnIndex, ref[1])];
      }
      if (totalRow === undefined || r === totalRow) return null;
      return [totalRow, indexOf(columnIndex, column.key)];
    }),
  );
  return { id: spec.id, title: spec.title, population: spec.population, rows, columns, counts, constraints, denominators };
}
