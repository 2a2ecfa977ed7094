import { describe, expect, it } from 'vitest';
import { orderQueue, planOffers, pullNext } from './routingPolicy.js';
import type { CounsellorLoad, RoutingSnapshot, WaitingConversation } from './routingPolicy.js';

const conv = (id: string, over: Partial<WaitingConversation> = {}): WaitingConversation => ({
  id,
  priority: 'normal',
  enqueuedAt: 0,
  declinedBy: [],
  ...over,
});
const counsellor = (id: string, over: Partial<CounsellorLoad> = {}): CounsellorLoad => ({
  id,
  status: 'available',
  capacity: 2,
  activeCount: 0,
  offeredCount: 0,
  idleSince: 0,
  ...over,
});
const snap = (waiting: WaitingConversation[], counsellors: CounsellorLoad[], mode: 'automatic' | 'manual' = 'automatic'): RoutingSnapshot => ({
  mode,
  waiting,
  counsellors,
});

describe('orderQueue', () => {
  it('orders by priority, then returned-to-front, then longest waiting', () => {
    const order = orderQueue([
      conv('info', { priority: 'low', enqueuedAt: 1 }),
      conv('late', { enqueuedAt: 50 }),
      conv('early', { enqueuedAt: 10 }),
      conv('back', { enqueuedAt: 90, returnedToFront: true }),
      conv('danger', { priority: 'critical', enqueuedAt: 100 }),
    ]).map((c) => c.id);
    expect(order).toEqual(['danger', 'back', 'early', 'late', 'info']);
  });
});

describe('planOffers', () => {
  it('offers to the counsellor with the fewest chats, ties to the longest idle', () => {
    const decisions = planOffers(
      snap([conv('a')], [counsellor('busy', { activeCount: 1 }), counsellor('fresh', { idleSince: 50 }), counsellor('idle', { idleSince: 10 })]),
    );
    expect(decisions).toEqual([{ conversationId: 'a', counsellorId: 'idle', reason: 'least_loaded' }]);
  });

  it('skips a counsellor who must code an ended chat first, even when she is the least loaded', () => {
    const decisions = planOffers(snap([conv('a')], [counsellor('wrapping-up', { mustCodeFirst: true }), counsellor('busy', { activeCount: 1 })]));
    expect(decisions).toEqual([{ conversationId: 'a', counsellorId: 'busy', reason: 'least_loaded' }]);
    expect(planOffers(snap([conv('a')], [counsellor('wrapping-up', { mustCodeFirst: true })]))).toEqual([]);
  });

  it('counts offered-but-not-accepted chats toward load and capacity', () => {
    const decisions = planOffers(snap([conv('a')], [counsellor('x', { capacity: 1, offeredCount: 1 })]));
    expect(decisions).toEqual([]);
  });

  it('spreads one round over counsellors and never overfills', () => {
    const decisions = planOffers(
      snap([conv('a', { enqueuedAt: 1 }), conv('b', { enqueuedAt: 2 }), conv('c', { enqueuedAt: 3 }), conv('d', { enqueuedAt: 4 })], [
        counsellor('x', { capacity: 1, idleSince: 1 }),
        counsellor('y', { capacity: 2, idleSince: 2 }),
      ]),
    );
    expect(decisions.map((d) => `${d.conversationId}->${d.counsellorId}`)).toEqual(['a->x', 'b->y', 'c->y']);
  });

  it('honours a returning visitor’s preferred counsellor when available with room', () => {
    const cs = [counsellor('x', { idleSince: 0 }), counsellor('pref', { activeCount: 1, idleSince: 9 })];
    expect(planOffers(snap([conv('a', { preferredCounsellorId: 'pref' })], cs))).toEqual([
      { conversationId: 'a', counsellorId: 'pref', reason: 'preferred_counsellor' },
    ]);
    const full = [counsellor('x'), counsellor('pref', { activeCount: 2 })];
    expect(planOffers(snap([conv('a', { preferredCounsellorId: 'pref' })], full))[0]?.counsellorId).toBe('x');
    const onBreak = [counsellor('x'), counsellor('pref', { status: 'break' })];
    expect(planOffers(snap([conv('a', { preferredCounsellorId: 'pref' })], onBreak))[0]?.counsellorId).toBe('x');
  });

  it('does not re-offer to a decliner while someone else is available, even if busy', () => {
    const cs = [counsellor('decliner'), counsellor('other', { activeCount: 2 })];
    expect(planOffers(snap([conv('a', { declinedBy: ['decliner'] })], cs))).toEqual([]);
  });

  it('re-offers when everyone available declined, longest-ago decliner first', () => {
    const cs = [counsellor('x'), counsellor('y')];
    expect(planOffers(snap([conv('a', { declinedBy: ['y', 'x'] })], cs))).toEqual([
      { conversationId: 'a', counsellorId: 'y', reason: 'all_declined' },
    ]);
  });

  it('ignores counsellors on break, wrapping up, offline or with capacity 0', () => {
    const cs = [
      counsellor('b', { status: 'break' }),
      counsellor('w', { status: 'wrapping_up' }),
      counsellor('o', { status: 'offline' }),
      counsellor('z', { capacity: 0 }),
    ];
    expect(planOffers(snap([conv('a')], cs))).toEqual([]);
  });

  it('makes no offers in manual mode', () => {
    expect(planOffers(snap([conv('a')], [counsellor('x')], 'manual'))).toEqual([]);
  });
});

describe('pullNext', () => {
  const waiting = [conv('low', { priority: 'low' }), conv('high', { priority: 'high', enqueuedAt: 5 })];

  it('gives the first conversation in queue order', () => {
    expect(pullNext(snap(waiting, [counsellor('x')], 'manual'), 'x')?.id).toBe('high');
  });

  it('works from a break but not offline or when full', () => {
    expect(pullNext(snap(waiting, [counsellor('x', { status: 'break' })]), 'x')?.id).toBe('high');
    expect(pullNext(snap(waiting, [counsellor('x', { status: 'offline' })]), 'x')).toBeUndefined();
    expect(pullNext(snap(waiting, [counsellor('x', { activeCount: 2 })]), 'x')).toBeUndefined();
  });

  it('skips chats this counsellor declined while a colleague could take them, but falls back to them', () => {
    const declined = [conv('high', { priority: 'high', declinedBy: ['x'] }), conv('low', { priority: 'low' })];
    const cs = [counsellor('x'), counsellor('y', { activeCount: 2 })];
    expect(pullNext(snap(declined, cs), 'x')?.id).toBe('low');
    expect(pullNext(snap([conv('high', { declinedBy: ['x'] })], cs), 'x')?.id).toBe('high');
  });
});
