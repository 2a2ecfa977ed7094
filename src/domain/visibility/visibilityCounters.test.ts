import { describe, expect, it } from 'vitest';
import { amsterdamDay, countedSource, totalsBySource } from './visibilityCounters.js';

describe('visibility counters', () => {
  it('counts a day in Amsterdam time: 23:30 UTC on 3 December is already 4 December', () => {
    expect(amsterdamDay(Date.UTC(2026, 11, 3, 23, 30))).toBe('2026-12-04');
    expect(amsterdamDay(Date.UTC(2026, 6, 3, 21, 59))).toBe('2026-07-03');
    expect(amsterdamDay(Date.UTC(2026, 6, 3, 22, 0))).toBe('2026-07-04');
  });

  it('counts a known token as itself, any other token as unknown, and none as direct', () => {
    const known = (t: string) => t === 'school-west';
    expect(countedSource('school-west', known)).toBe('school-west');
    expect(countedSource('gone-poster', known)).toBe('unknown');
    expect(countedSource(undefined, known)).toBe('direct');
    expect(countedSource(null, known)).toBe('direct');
  });

  it('sums the days per source, most arrivals first', () => {
    const totals = totalsBySource([
      { day: '2026-12-01', source: 'a', counter: 'arrival', count: 2 },
      { day: '2026-12-02', source: 'a', counter: 'arrival', count: 3 },
      { day: '2026-12-02', source: 'a', counter: 'chat', count: 1 },
      { day: '2026-12-02', source: 'a', counter: 'found:poster', count: 1 },
      { day: '2026-12-02', source: 'b', counter: 'arrival', count: 9 },
    ]);
    expect(totals).toEqual([
      { source: 'b', arrivals: 9, chats: 0, howFound: {} },
      { source: 'a', arrivals: 5, chats: 1, howFound: { poster: 1 } },
    ]);
  });
});
