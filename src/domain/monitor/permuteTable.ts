import type { CellRef, CountTable } from './countTable.js';

/** Reorders rows and columns by key (for reading order), remapping constraints and denominators. */
export function permuteTable(table: CountTable, rowOrder?: readonly string[], columnOrder?: readonly string[]): CountTable {
  const order = (keys: readonly string[], wanted: readonly string[] | undefined): number[] => {
    if (wanted === undefined) return keys.map((_, i) => i);
    const picked = wanted.map((k) => keys.indexOf(k)).filter((i) => i >= 0);
    return [...picked, ...keys.map((_, i) => i).filter((i) => !picked.includes(i))];
  };
  const rowPerm = order(table.rows.map((r) => r.key), rowOrder);
  const columnPerm = order(table.columns.map((c) => c.key), columnOrder);
  const newRow = new Map(rowPerm.map((old, i) => [old, i]));
  const newColumn = new Map(columnPerm.map((old, i) => [old, i]));
  const remap = ([r, c]: CellRef): CellRef => [newRow.get(r)!, newColumn.get(c)!];
  return {
    ...table,
    rows: rowPerm.map((i) => table.rows[i]!),
    columns: columnPerm.map((i) => table.columns[i]!),
    counts: rowPerm.map((r) => columnPerm.map((c) => table.counts[r]![c]!)),
    constraints: table.constraints.map((k) => ({ total: remap(k.total), parts: k.parts.map(remap) })),
    denominators: rowPerm.map((r) => columnPerm.map((c) => {
      const ref = table.denominators[r]![c]!;
      return ref === null ? null : remap(ref);
    })),
  };
}
