import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attentionCount, mostUrgent, noticesBetween, titleWithBadge, type NoticeInput } from './noticeRules.js';

const empty: NoticeInput = { queue: [], offers: [], unread: {} };
const waiting = (conversationId: string) => ({ conversationId, status: 'waiting' });
const offered = (conversationId: string) => ({ conversationId, status: 'offered' });

describe('noticesBetween', () => {
  it('announces a chat that came into the queue, once', () => {
    const after = { ...empty, queue: [waiting('a')] };
    expect(noticesBetween(empty, after)).toEqual([{ kind: 'queued', conversationId: 'a' }]);
    expect(noticesBetween(after, after)).toEqual([]);
  });

  it('does not announce a queued chat again when it is offered to someone and comes back', () => {
    const first = { ...empty, queue: [waiting('a')] };
    const offeredElsewhere = { ...empty, queue: [offered('a')] };
    expect(noticesBetween(first, offeredElsewhere)).toEqual([]);
    expect(noticesBetween(offeredElsewhere, first)).toEqual([]);
  });

  it('announces an offer to her as an offer, not also as a queued chat', () => {
    const after = { ...empty, queue: [offered('a')], offers: [{ conversationId: 'a' }] };
    expect(noticesBetween(empty, after)).toEqual([{ kind: 'offer', conversationId: 'a' }]);
  });

  it('announces a chat whose unread count went up, and not one that was read', () => {
    const before = { ...empty, unread: { a: 1, b: 2 } };
    expect(noticesBetween(before, { ...empty, unread: { a: 2, b: 0 } })).toEqual([{ kind: 'message', conversationId: 'a' }]);
    expect(noticesBetween(before, { ...empty, unread: { a: 1, b: 2, c: 1 } })).toEqual([{ kind: 'message', conversationId: 'c' }]);
  });

  it('never announces anything when nothing changed (any state)', () => {
    const inputs = fc.record({
      queue: fc.uniqueArray(fc.record({ conversationId: fc.string({ minLength: 1, maxLength: 3 }), status: fc.constantFrom('waiting', 'offered') }), { selector: (q) => q.conversationId }),
      offers: fc.array(fc.record({ conversationId: fc.string({ minLength: 1, maxLength: 3 }) })),
      unread: fc.dictionary(fc.string({ minLength: 1, maxLength: 3 }), fc.nat(20)),
    });
    fc.assert(fc.property(inputs, (input) => noticesBetween(input, input).length === 0));
  });
});

describe('mostUrgent', () => {
  it('picks an offer over a waiting chat over a message', () => {
    expect(mostUrgent([{ kind: 'message', conversationId: 'm' }, { kind: 'queued', conversationId: 'q' }, { kind: 'offer', conversationId: 'o' }])?.kind).toBe('offer');
    expect(mostUrgent([{ kind: 'message', conversationId: 'm' }, { kind: 'queued', conversationId: 'q' }])?.kind).toBe('queued');
    expect(mostUrgent([])).toBeNull();
  });
});

describe('title badge', () => {
  it('counts unread messages, offers to her and waiting visitors, not chats offered to colleagues', () => {
    expect(attentionCount({ queue: [waiting('a'), offered('b'), offered('c')], offers: [{ conversationId: 'c' }], unread: { x: 2, y: 0 } })).toBe(4);
    expect(attentionCount(empty)).toBe(0);
  });

  it('puts the count before the name, and nothing when there is nothing', () => {
    expect(titleWithBadge('Baken console', 3)).toBe('(3) Baken console');
    expect(titleWithBadge('Baken console', 0)).toBe('Baken console');
    expect(titleWithBadge('Baken console', 250)).toBe('(99+) Baken console');
  });
});
