import { describe, expect, it } from 'vitest';
import { AddressRateLimiter } from './addressRateLimiter.js';

function manualClock(start = Date.UTC(2026, 10, 28, 12)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('AddressRateLimiter', () => {
  it('allows a burst, then refuses until time has passed, per address', () => {
    const clock = manualClock();
    const limiter = new AddressRateLimiter(clock, { burst: 3, perHour: 6 });
    expect([1, 2, 3, 4].map(() => limiter.take('203.0.113.7'))).toEqual([true, true, true, false]);
    expect(limiter.take('198.51.100.2')).toBe(true); // another address is not affected
    clock.advance(9 * 60_000); // 6 per hour: one back after 10 minutes
    expect(limiter.take('203.0.113.7')).toBe(false);
    clock.advance(61_000);
    expect(limiter.take('203.0.113.7')).toBe(true);
    expect(limiter.take('203.0.113.7')).toBe(false);
  });

  it('forgets every address when the day (and its key) changes', () => {
    const clock = manualClock(Date.UTC(2026, 10, 28, 23, 59));
    const limiter = new AddressRateLimiter(clock, { burst: 1, perHour: 1 });
    expect(limiter.take('203.0.113.7')).toBe(true);
    expect(limiter.take('203.0.113.7')).toBe(false);
    clock.advance(2 * 60_000);
    expect(limiter.take('203.0.113.7')).toBe(true);
  });
});
