import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dutyIntervals, inChatsBetween } from './dutyIntervals.js';
import { computeServiceFigures } from './serviceFigures.js';

const MIN = 60_000;
const from = Date.UTC(2026, 11, 2, 8);
const until = from + 10 * 60 * MIN;

describe('time on duty', () => {
  it('counts available and wrapping up, not a break or offline, and starts from her status before the period', () => {
    const changes = [
      { staffId: 'anna', at: from - 30 * MIN, status: 'available' },
      { staffId: 'anna', at: from + 60 * MIN, status: 'break' },
      { staffId: 'anna', at: from + 90 * MIN, status: 'wrapping_up' },
      { staffId: 'anna', at: from + 100 * MIN, status: 'offline' },
    ];
    expect(dutyIntervals(changes, [], from, until)).toEqual([
      { staffId: 'anna', from, to: from + 60 * MIN },
      { staffId: 'anna', from: from + 90 * MIN, to: from + 100 * MIN },
    ]);
  });

  it('counts a chat she keeps during a break, and a status still on at the end up to the end', () => {
    const changes = [
      { staffId: 'bo', at: from + 10 * MIN, status: 'break' },
      { staffId: 'cem', at: from + 500 * MIN, status: 'available' },
    ];
    const chats = [{ counsellorId: 'bo', acceptedAt: from - 5 * MIN, endedAt: from + 20 * MIN }];
    expect(dutyIntervals(changes, chats, from, until)).toEqual([
      { staffId: 'bo', from, to: from + 20 * MIN },
      { staffId: 'cem', from: from + 500 * MIN, to: until },
    ]);
  });

  it('property: stretches lie inside the period, do not overlap per counsellor, and cover every chat', () => {
    const arbChange = fc.record({ staffId: fc.constantFrom('a', 'b'), at: fc.integer({ min: from - 120 * MIN, max: until }), status: fc.constantFrom('available', 'break', 'wrapping_up', 'offline') });
    const arbChat = fc.record({ counsellorId: fc.constantFrom('a', 'b'), acceptedAt: fc.integer({ min: from - 60 * MIN, max: until }), length: fc.option(fc.integer({ min: 0, max: 120 * MIN }), { nil: null }) });
    fc.assert(
      fc.property(fc.array(arbChange, { maxLength: 20 }), fc.array(arbChat, { maxLength: 10 }), (changes, rawChats) => {
        const chats = rawChats.map((c) => ({ counsellorId: c.counsellorId, acceptedAt: c.acceptedAt, endedAt: c.length === null ? null : c.acceptedAt + c.length }));
        const out = dutyIntervals(changes, chats, from, until);
        for (const d of out) expect(d.from >= from && d.to <= until && d.to > d.from).toBe(true);
        for (const id of ['a', 'b']) {
          const mine = out.filter((d) => d.staffId === id);
          for (let i = 1; i < mine.length; i++) expect(mine[i]!.from).toBeGreaterThan(mine[i - 1]!.to);
        }
        for (const c of chats) {
          const a = Math.max(from, c.acceptedAt);
          const b = Math.min(until, c.endedAt ?? until);
          if (b > a) expect(out.some((d) => d.staffId === c.counsellorId && d.from <= a && d.to >= b)).toBe(true);
        }
      }),
    );
  });

  it('counts the part inside the period of a chat that began before it or is still going, for occupancy', () => {
    const chats = [
      { counsellorId: 'a', acceptedAt: from - 30 * MIN, endedAt: from + 30 * MIN },
      { counsellorId: 'a', acceptedAt: from + 9 * 60 * MIN, endedAt: null },
    ];
    expect(inChatsBetween(chats, from, until)).toEqual([
      { from, to: from + 30 * MIN },
      { from: from + 9 * 60 * MIN, to: until },
    ]);
    const duty = dutyIntervals([{ staffId: 'a', at: from, status: 'available' }], chats, from, until);
    // 10 hours on duty (09:00–19:00 Dutch time), 90 minutes of them in chats.
    expect(computeServiceFigures([], duty, 'day', inChatsBetween(chats, from, until)).occupancy).toEqual([{ period: '2026-12-02', counsellorHours: 10, occupancy: { value: 0.15, display: '15%' } }]);
  });
});
