import { describe, expect, it } from 'vitest';
import { suppressTable } from './suppressTable.js';
import { visibilityTables } from './visibilityTables.js';

describe('visibility tables', () => {
  const totals = [
    { source: 'school-west', arrivals: 40, chats: 12, howFound: { poster: 6, school: 3 } },
    { source: 'station', arrivals: 25, chats: 3, howFound: {} },
    { source: 'direct', arrivals: 0, chats: 30, howFound: { search: 9 } },
  ];

  it('lays out arrivals → chats per source with a total row, labels from the token list', () => {
    const [bySource] = visibilityTables(totals, new Map([['school-west', 'School West']]), '2026');
    expect(bySource!.rows.map((r) => r.key)).toEqual(['school-west', 'station', 'direct', 'total']);
    expect(bySource!.rows[0]!.label.nl).toBe('School West (school-west)');
    expect(bySource!.rows[2]!.label.nl).toBe('Zonder verwijzing');
    expect(bySource!.counts.at(-1)).toEqual([65, 45]);
  });

  it('leaves out a table without counts', () => {
    expect(visibilityTables([], new Map(), '2026')).toEqual([]);
    expect(visibilityTables([{ source: 'direct', arrivals: 0, chats: 7, howFound: {} }], new Map(), '2026').map((t) => t.id)).toEqual(['visibility_sources']);
  });

  it('gives chats per arrival for a source once it has at least 20 arrivals', () => {
    const [bySource] = visibilityTables([{ source: 'school-west', arrivals: 40, chats: 12, howFound: {} }, { source: 'station', arrivals: 19, chats: 6, howFound: {} }], new Map(), '2026').map((t) => suppressTable(t));
    expect(bySource!.cells[0]![1]).toMatchObject({ display: '12', percent: 30 });
    expect(bySource!.cells[1]![1]).toMatchObject({ display: '6', percent: null });
  });

  it('hides small counts and whatever would give them away, as the monitor does', () => {
    const [bySource, howFound] = visibilityTables(totals, new Map(), '2026').map((t) => suppressTable(t));
    const cell = (table: typeof bySource, row: string, column: string) => table!.cells[table!.rows.findIndex((r) => r.key === row)]![table!.columns.findIndex((c) => c.key === column)]!;
    expect(cell(bySource, 'station', 'chats').display).toBe('<5');
    // With station's 3 hidden, the total minus the others would give it: another cell is hidden too.
    expect(cell(bySource, 'school-west', 'chats')).toMatchObject({ display: 'x', protection: 'secondary' });
    expect(cell(bySource, 'school-west', 'arrivals').display).toBe('40');
    expect(cell(bySource, 'direct', 'chats').display).toBe('30');
    // Direct chats had no counted arrival: no share over all sources.
    expect(cell(bySource, 'total', 'chats').percent).toBeNull();
    expect(cell(howFound, 'school', 'count').display).toBe('<5');
    expect(cell(howFound, 'search', 'count').display).toBe('9');
  });
});
