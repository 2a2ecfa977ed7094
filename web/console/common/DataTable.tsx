// The console's table: column headers with scope, one row per item, horizontal scrolling on a
// narrow screen. Columns say what a cell shows; the page keeps its own empty-state text.
import type { ReactNode } from 'react';

export interface DataColumn<T> {
  /** Stable key for the column (not shown). */
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
}

export function DataTable<T>({
  columns,
  rows,
  rowKey,
  rowAttributes,
  className,
  label,
}: {
  columns: readonly DataColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** data-* attributes per row, for styling and for tests to find a row by what it is about. */
  rowAttributes?: (row: T) => Record<`data-${string}`, string | undefined>;
  className?: string;
  /** The table's accessible name, when no caption or heading names it. */
  label?: string;
}) {
  return (
    <div className="c-table-wrap">
      <table className={className ? `c-table ${className}` : 'c-table'} aria-label={label}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.id} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowAttributes?.(row)}>
              {columns.map((c) => (
                <td key={c.id}>{c.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
