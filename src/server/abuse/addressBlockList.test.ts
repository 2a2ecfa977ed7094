import { describe, expect, it } from 'vitest';
import { AddressBlockList, addressBlockMaxMs } from './addressBlockList.js';

describe('AddressBlockList', () => {
  it('refuses a blocked address for the cooling-off time at most, and no other address', () => {
    let now = Date.UTC(2026, 10, 28, 9);
    const list = new AddressBlockList({ now: () => now });
    list.block('203.0.113.7', now + 7 * 86_400_000);
    expect(list.isBlocked('203.0.113.7')).toBe(true);
    expect(list.isBlocked('203.0.113.8')).toBe(false);
    now += addressBlockMaxMs - 1;
    expect(list.isBlocked('203.0.113.7')).toBe(true);
    now += 1;
    expect(list.isBlocked('203.0.113.7')).toBe(false);
  });

  it('ends with a shorter block, and forgets everything when the daily key changes', () => {
    let now = Date.UTC(2026, 10, 28, 23, 30);
    const list = new AddressBlockList({ now: () => now });
    list.block('198.51.100.2', now + 10 * 60_000);
    now += 11 * 60_000;
    expect(list.isBlocked('198.51.100.2')).toBe(false);
    list.block('198.51.100.2', now + 86_400_000);
    now += 31 * 60_000; // past midnight UTC: new key, nothing remembered
    expect(list.isBlocked('198.51.100.2')).toBe(false);
  });
});
