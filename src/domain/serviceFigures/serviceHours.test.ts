import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hoursWithFullQueue, serviceHours } from './serviceHours.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Monday 7 December 2026, Amsterdam midnight (UTC+1). */
const monday = Date.UTC(2026, 11, 6, 23);
const schedule = { timeZone: 'Europe/Amsterdam' as const, weekly: [{ day: 'mon' as const, start: '09:00', end: '17:00' }, { day: 'tue' as const, start: '20:00', end: '02:00' }], exceptions: [] };

describe('closed hours and hours with a full queue', () => {
  it('lists the stretches the opening hours had the chat closed, an evening slot running past midnight included', () => {
    const h = serviceHours({ from: monday, to: monday + 3 * 24 * HOUR, until: monday + 3 * 24 * HOUR, granularity: 'day', availability: 'auto', schedule, queueCap: undefined, chats: [] });
    expect(h.closedBasis).toBe('hours');
    expect(h.closed).toEqual([
      { from: monday, to: monday + 9 * HOUR },
      { from: monday + 17 * HOUR, to: monday + 44 * HOUR },
      { from: monday + 50 * HOUR, to: monday + 72 * HOUR },
    ]);
    expect(h.perPeriod).toEqual([
      { period: '2026-12-07', closedHours: 16, fullQueueHours: 0 },
      { period: '2026-12-08', closedHours: 20, fullQueueHours: 0 },
      { period: '2026-12-09', closedHours: 22, fullQueueHours: 0 },
    ]);
  });

  it('derives no closed hours when a supervisor opens and closes by hand', () => {
    const h = serviceHours({ from: monday, to: monday + 24 * HOUR, until: monday, granularity: 'day', availability: 'open', schedule, queueCap: undefined, chats: [] });
    expect(h).toMatchObject({ closedBasis: 'manual', closed: [], perPeriod: [] });
  });

  it('finds the clock hours in which as many waited at once as the cap allows', () => {
    const at = (m: number) => monday + 10 * HOUR + m * MIN;
    const chats = [
      { createdAt: at(0), acceptedAt: at(30), endedAt: at(50) },
      { createdAt: at(10), acceptedAt: null, endedAt: at(65) },
      // Arrives the moment the first is answered: two waiting, not three.
      { createdAt: at(30), acceptedAt: at(70), endedAt: at(90) },
      { createdAt: at(62), acceptedAt: null, endedAt: null },
    ];
    expect(hoursWithFullQueue(chats, 2, at(200))).toEqual([monday + 10 * HOUR, monday + 11 * HOUR]);
    // Three at once only at 11:02 (the second leaves at 11:05).
    expect(hoursWithFullQueue(chats, 3, at(200))).toEqual([monday + 11 * HOUR]);
    expect(hoursWithFullQueue(chats, 4, at(200))).toEqual([]);
    const h = serviceHours({ from: monday, to: monday + 24 * HOUR, until: at(200), granularity: 'week', availability: 'auto', schedule, queueCap: 3, chats });
    expect(h.fullQueueHours).toEqual([monday + 11 * HOUR]);
    expect(h.perPeriod).toEqual([{ period: '2026-W50', closedHours: 16, fullQueueHours: 1 }]);
  });

  it('property: closed stretches and the openings tile the range; a cap of 1 marks every hour someone arrived to wait', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 24 * HOUR }), fc.integer({ min: 1, max: 10 * 24 }), (offset, hours) => {
        const from = monday + Math.floor(offset / HOUR) * HOUR;
        const to = from + hours * HOUR;
        const h = serviceHours({ from, to, until: to, granularity: 'month', availability: 'auto', schedule, queueCap: undefined, chats: [] });
        for (const c of h.closed) expect(c.from < c.to && c.from >= from && c.to <= to).toBe(true);
        for (let i = 1; i < h.closed.length; i++) expect(h.closed[i]!.from).toBeGreaterThan(h.closed[i - 1]!.to);
        const closedHours = h.perPeriod.reduce((s, p) => s + p.closedHours, 0);
        expect(closedHours).toBeCloseTo(h.closed.reduce((s, c) => s + (c.to - c.from) / HOUR, 0), 5);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ createdAt: fc.integer({ min: monday, max: monday + 48 * HOUR }), wait: fc.integer({ min: 1, max: 3 * HOUR }) }), { maxLength: 30 }), (raw) => {
        const chats = raw.map((c) => ({ createdAt: c.createdAt, acceptedAt: c.createdAt + c.wait, endedAt: null }));
        const expected = [...new Set(chats.map((c) => Math.floor(c.createdAt / HOUR) * HOUR))].sort((a, b) => a - b);
        expect(hoursWithFullQueue(chats, 1, monday + 100 * HOUR)).toEqual(expected);
      }),
    );
  });
});
