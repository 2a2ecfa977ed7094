import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCountTable } from './buildCountTable.js';
import type { CountTable, ReportTable } from './countTable.js';
import { SUPPRESSION_RULE, suppressTable } from './suppressTable.js';

const label = (s: string) => ({ nl: s, en: s });

/**
 * Independent check (floating-point rank, not the production elimination): a hidden cell is
 * derivable iff adding its unit vector to the constraint rows (restricted to hidden cells)
 * does not raise the rank.
 */
function derivableCells(table: CountTable, published: ReportTable): number[] {
  const width = table.columns.length;
  const hidden: number[] = [];
  published.cells.forEach((row, r) => row.forEach((c, k) => c.count === null && hidden.push(r * width + k)));
  const col = new Map(hidden.map((h, i) => [h, i]));
  const rows = table.constraints.map((k) => {
    const v = new Array<number>(hidden.length).fill(0);
    const term = ([r, c]: readonly [number, number], s: number) => {
      const j = col.get(r * width + c);
      if (j !== undefined) v[j]! += s;
    };
    term(k.total, 1);
    k.parts.forEach((p) => term(p, -1));
    return v;
  });
  const base = rank(rows);
  return hidden.filter((_, j) => rank([...rows, hidden.map((__, i) => (i === j ? 1 : 0))]) === base);
}

function rank(input: number[][]): number {
  const m = input.map((r) => [...r]);
  let rk = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && rk < m.length; c += 1) {
    let p = rk;
    for (let i = rk; i < m.length; i += 1) if (Math.abs(m[i]![c]!) > Math.abs(m[p]![c]!)) p = i;
    if (Math.abs(m[p]![c]!) < 1e-9) continue;
    [m[rk], m[p]] = [m[p]!, m[rk]!];
    for (let i = 0; i < m.length; i += 1) {
      if (i === rk) continue;
      const f = m[i]![c]! / m[rk]![c]!;
      for (let j = c; j < cols; j += 1) m[i]![j]! -= f * m[rk]![j]!;
    }
    rk += 1;
  }
  return rk;
}

// Random tables with small counts (lots of 0–6), with and without aggregates, partitions and totals.
const tableArb = fc
  .record({
    rows: fc.integer({ min: 1, max: 6 }),
    columns: fc.integer({ min: 1, max: 4 }),
    partition: fc.boolean(),
    totalColumn: fc.boolean(),
    withTotalRow: fc.boolean(),
    aggregate: fc.boolean(),
    columnAggregate: fc.boolean(),
    seedCounts: fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 })), { minLength: 24, maxLength: 24 }),
  })
  .map((p): CountTable => {
    const rows = Array.from({ length: p.rows }, (_, i) => ({ key: `r${i}`, label: label(`r${i}`) }));
    const columns = Array.from({ length: p.columns }, (_, i) => ({ key: `c${i}`, label: label(`c${i}`) }));
    const counts = p.seedCounts.slice(0, p.rows * p.columns);
    const columnUnits = columns.map((_, c) => rows.reduce((s, _r, r) => s + counts[r * p.columns + c]!, 0) + (p.partition ? 0 : 3));
    return buildCountTable({
      id: 't',
      title: label('t'),
      population: 'x',
      rows,
      columns,
      counts,
      rowsPartition: p.partition,
      ...(p.withTotalRow || p.partition ? { columnUnits } : {}),
      totalColumn: p.totalColumn,
      ...(p.aggregate && p.rows >= 2 ? { rowAggregates: [{ key: 'agg', label: label('agg'), of: ['r0', 'r1'] }] } : {}),
      ...(p.columnAggregate && p.columns >= 2 ? { columnAggregates: [{ key: 'cagg', label: label('cagg'), of: ['c0', 'c1'] }] } : {}),
    });
  });

describe('suppressTable', () => {
  it('never leaves a suppressed cell derivable by adding and subtracting shown cells', () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const published = suppressTable(table);
        expect(derivableCells(table, published)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('hides every count from 1 to 4 and nothing that is shown is altered', () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const published = suppressTable(table);
        published.cells.forEach((row, r) =>
          row.forEach((c, k) => {
            const n = table.counts[r]![k]!;
            if (n >= 1 && n <= 4) expect(c.display).toBe('<5');
            if (c.count !== null) expect(c.count).toBe(n);
          }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('suppresses a second cell in a row with a total (the classic case)', () => {
    const table = buildCountTable({
      id: 't', title: label('t'), population: 'x',
      rows: [{ key: 'a', label: label('a') }, { key: 'b', label: label('b') }, { key: 'c', label: label('c') }],
      columns: [{ key: 'n', label: label('n') }],
      counts: [3, 40, 57], rowsPartition: true, columnUnits: [100], totalColumn: false,
    });
    const shown = suppressTable(table).cells.map((r) => r[0]!.display);
    expect(shown).toEqual(['<5', 'x', '57', '100']);
  });

  it('gives percentages only when the denominator is at least 20', () => {
    const make = (total: number) => buildCountTable({
      id: 't', title: label('t'), population: 'x', rows: [{ key: 'a', label: label('a') }, { key: 'b', label: label('b') }],
      columns: [{ key: 'n', label: label('n') }], counts: [total - 10, 10], rowsPartition: true, columnUnits: [total], totalColumn: false,
    });
    expect(suppressTable(make(19)).cells[1]![0]!.percent).toBeNull();
    expect(suppressTable(make(20)).cells[1]![0]!.percent).toBe(50);
    expect(SUPPRESSION_RULE.minPercentDenominator).toBe(20);
  });
});
