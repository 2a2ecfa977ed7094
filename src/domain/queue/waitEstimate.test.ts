import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dutySlots, estimateWait, queuePosition, recentHandlingDurations } from './waitEstimate.js';

const min = (m: number) => m * 60_000;
const thirtyMinuteChats = [25, 28, 30, 30, 32, 35, 40].map(min);

describe('estimateWait', () => {
  it('is "soon" when a place is free for her', () => {
    expect(estimateWait({ position: 1, recentHandlingMs: [], totalSlots: 2, freeSlots: 1 })).toEqual({ kind: 'soon' });
  });

  it('is unknown without recent data or without anyone on duty', () => {
    expect(estimateWait({ position: 1, recentHandlingMs: [min(30)], totalSlots: 2, freeSlots: 0 })).toEqual({
      kind: 'unknown',
      reason: 'not_enough_recent_chats',
    });
    expect(estimateWait({ position: 1, recentHandlingMs: thirtyMinuteChats, totalSlots: 0, freeSlots: 0 })).toEqual({
      kind: 'unknown',
      reason: 'no_counsellor_on_duty',
    });
  });

  it('gives a rounded range that grows with position', () => {
    const first = estimateWait({ position: 1, recentHandlingMs: thirtyMinuteChats, totalSlots: 2, freeSlots: 0 });
    const fifth = estimateWait({ position: 5, recentHandlingMs: thirtyMinuteChats, totalSlots: 2, freeSlots: 0 });
    expect(first).toEqual({ kind: 'range', minMinutes: 5, maxMinutes: 15 });
    expect(fifth).toEqual({ kind: 'range', minMinutes: 70, maxMinutes: 90 });
  });

  it('gives a range on an ordinary evening: three chats handled in the last hours, two counsellors on duty and full', () => {
    const now = Date.UTC(2026, 2, 3, 20);
    const hour = 60 * 60_000;
    // What the server has: three chats of 25, 35 and 40 minutes that ended 1, 2 and 3 hours ago.
    const history = [
      { endedAt: now - 1 * hour, durationMs: min(25) },
      { endedAt: now - 2 * hour, durationMs: min(35) },
      { endedAt: now - 3 * hour, durationMs: min(40) },
    ];
    const slots = dutySlots([
      { id: 'a', status: 'available', capacity: 2, activeCount: 2, offeredCount: 0, idleSince: 0 },
      { id: 'b', status: 'available', capacity: 1, activeCount: 1, offeredCount: 0, idleSince: 0 },
    ]);
    const estimate = estimateWait({ position: 1, recentHandlingMs: recentHandlingDurations(history, now), ...slots });
    expect(estimate).toEqual({ kind: 'range', minMinutes: 5, maxMinutes: 10 });
    // A chat handled earlier in the week still tells how long chats take.
    const thisWeek = [{ endedAt: now - 3 * 24 * hour, durationMs: min(30) }, ...history.slice(0, 2)];
    expect(estimateWait({ position: 2, recentHandlingMs: recentHandlingDurations(thisWeek, now), ...slots }).kind).toBe('range');
    // Two chats are too few to say anything.
    expect(estimateWait({ position: 1, recentHandlingMs: recentHandlingDurations(history.slice(0, 2), now), ...slots })).toEqual({
      kind: 'unknown',
      reason: 'not_enough_recent_chats',
    });
  });

  it('becomes open-ended for very long waits', () => {
    expect(estimateWait({ position: 20, recentHandlingMs: thirtyMinuteChats, totalSlots: 2, freeSlots: 0 })).toEqual({
      kind: 'range',
      minMinutes: 90,
      maxMinutes: null,
    });
  });

  it('always returns whole 5-minute steps with min < max (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.integer({ min: 1, max: min(180) }), { minLength: 5, maxLength: 40 }),
        fc.integer({ min: 1, max: 20 }),
        (position, samples, slots) => {
          const e = estimateWait({ position, recentHandlingMs: samples, totalSlots: slots, freeSlots: 0 });
          expect(e.kind).toBe('range');
          if (e.kind !== 'range') return;
          expect(e.minMinutes % 5).toBe(0);
          if (e.maxMinutes !== null) {
            expect(e.maxMinutes % 5).toBe(0);
            expect(e.maxMinutes).toBeGreaterThan(e.minMinutes);
          }
        },
      ),
    );
  });
});

describe('queue helpers', () => {
  it('queuePosition follows queue order', () => {
    const waiting = [
      { id: 'a', priority: 'normal' as const, enqueuedAt: 1, declinedBy: [] },
      { id: 'b', priority: 'critical' as const, enqueuedAt: 2, declinedBy: [] },
    ];
    expect(queuePosition(waiting, 'a')).toBe(2);
    expect(queuePosition(waiting, 'b')).toBe(1);
    expect(queuePosition(waiting, 'zz')).toBeUndefined();
  });

  it('dutySlots counts available and wrapping-up capacity, free places only with available', () => {
    const base = { capacity: 2, activeCount: 1, offeredCount: 0, idleSince: 0 };
    expect(
      dutySlots([
        { ...base, id: 'a', status: 'available' },
        { ...base, id: 'b', status: 'wrapping_up' },
        { ...base, id: 'c', status: 'break' },
      ]),
    ).toEqual({ totalSlots: 4, freeSlots: 1 });
  });

  it('recentHandlingDurations takes the newest chats within the window', () => {
    const chats = [
      { endedAt: 100, durationMs: 1 },
      { endedAt: 300, durationMs: 3 },
      { endedAt: 200, durationMs: 2 },
      { endedAt: 400, durationMs: 4 }, // in the future: ignored
    ];
    expect(recentHandlingDurations(chats, 350, { windowMs: 200, max: 2 })).toEqual([3, 2]);
  });
});
