import { describe, expect, it } from 'vitest';
import { unreadAfter } from './unreadCount.js';

describe('unreadAfter', () => {
  it("counts the visitor's and the system's new messages while the chat is not in front of her", () => {
    const arrived = [
      { seq: 4, sender: 'visitor' as const },
      { seq: 5, sender: 'counsellor' as const },
      { seq: 6, sender: 'system' as const },
    ];
    expect(unreadAfter(1, new Set([1, 2, 3]), arrived, false)).toBe(3);
  });

  it('does not count a message twice (a push and then the catch-up after a reconnect)', () => {
    expect(unreadAfter(0, new Set([1, 2]), [{ seq: 2, sender: 'visitor' }, { seq: 3, sender: 'visitor' }, { seq: 3, sender: 'visitor' }], false)).toBe(1);
  });

  it('counts nothing while she is looking at the chat', () => {
    expect(unreadAfter(0, new Set(), [{ seq: 1, sender: 'visitor' }], true)).toBe(0);
  });
});
