import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultCodebook } from '../codebook/defaultCodebook.js';
import { computeMonitor } from './computeMonitor.js';
import { buildHeadlineFixture } from './headlineFixture.js';
import { handoverTable } from './handoverTable.js';
import { suppressTable } from './suppressTable.js';
import type { ReportTable } from './countTable.js';

const cell = (table: ReportTable, row: string, column: string) => table.cells[table.rows.findIndex((r) => r.key === row)]![table.columns.findIndex((c) => c.key === column)]!;

describe('warm handovers in the monitor', () => {
  it('counts consented and emergency handovers per year with their total', () => {
    const table = suppressTable(handoverTable({ from: 2021, to: 2022 }, new Map([[2022, { consent: 12, emergency: 7 }]])));
    expect(table.rows.map((r) => r.key)).toEqual(['2021', '2022']);
    expect(table.columns.map((c) => c.key)).toEqual(['consent', 'emergency', 'total']);
    expect([cell(table, '2022', 'consent').count, cell(table, '2022', 'emergency').count, cell(table, '2022', 'total').count]).toEqual([12, 7, 19]);
    expect(cell(table, '2021', 'total').count).toBe(0);
  });

  it('hides a small count, and another one so that the total does not give it away', () => {
    const table = suppressTable(handoverTable({ from: 2022, to: 2022 }, new Map([[2022, { consent: 12, emergency: 2 }]])));
    expect(cell(table, '2022', 'emergency')).toMatchObject({ count: null, display: '<5', protection: 'primary' });
    const others = [cell(table, '2022', 'consent'), cell(table, '2022', 'total')];
    expect(others.filter((c) => c.count === null)).toHaveLength(1);
  });

  it('never publishes a count from 1 to 4, nor one the others determine', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ consent: fc.nat(30), emergency: fc.nat(30) }), { minLength: 1, maxLength: 5 }), (years) => {
        const table = suppressTable(handoverTable({ from: 2020, to: 2019 + years.length }, new Map(years.map((c, i) => [2020 + i, c]))));
        years.forEach((c, i) => {
          const row = String(2020 + i);
          const [consent, emergency, total] = ['consent', 'emergency', 'total'].map((k) => cell(table, row, k).count);
          for (const shown of [consent, emergency, total]) expect(shown === null || shown === 0 || shown! > 4).toBe(true);
          // Two shown cells of a row would give away the third.
          if ((c.consent >= 1 && c.consent <= 4) || (c.emergency >= 1 && c.emergency <= 4)) expect([consent, emergency, total].filter((n) => n === null).length).toBeGreaterThanOrEqual(2);
        });
      }),
    );
  });

  it('follows the coded actions in the report, and is left out without handover figures', () => {
    const fixture = buildHeadlineFixture();
    const without = computeMonitor(fixture, { codebook: defaultCodebook, year: 2022 });
    expect(without.tables.some((t) => t.id === 'handovers')).toBe(false);
    const withHandovers = computeMonitor(fixture, { codebook: defaultCodebook, year: 2022, handovers: new Map([[2022, { consent: 9, emergency: 5 }]]) });
    const ids = withHandovers.tables.map((t) => t.id);
    expect(ids.indexOf('handovers')).toBe(ids.indexOf('actions') + 1);
    expect(withHandovers.tables.filter((t) => t.id !== 'handovers')).toEqual(without.tables);
    expect(cell(withHandovers.tables.find((t) => t.id === 'handovers')!, '2022', 'total').count).toBe(14);
  });
});
