import { describe, expect, it } from 'vitest';
import { emptyQueueState, nextDeadline, reduceQueue, waitingInOrder } from './queueModel.js';
import type { QueueConfig, QueueEffect, QueueEvent, QueueState } from './queueModel.js';

const CONFIG: QueueConfig = { offerTimeoutMs: 30_000, disconnectGraceMs: 60_000 };

/** Apply events in order, collecting all effects. */
function play(events: QueueEvent[], config: QueueConfig = CONFIG, start: QueueState = emptyQueueState()) {
  let state = start;
  const effects: QueueEffect[] = [];
  for (const e of events) {
    const step = reduceQueue(state, e, config);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

const online = (counsellorId: string, at = 0, capacity = 2): QueueEvent => ({
  type: 'counsellor_status_changed',
  at,
  counsellorId,
  status: 'available',
  capacity,
});

describe('queueModel', () => {
  it('offers a new visitor and assigns on accept', () => {
    const { state, effects } = play([
      online('anna'),
      { type: 'visitor_arrived', at: 1, conversationId: 'v1', priority: 'normal' },
      { type: 'offer_accepted', at: 2, conversationId: 'v1', counsellorId: 'anna' },
    ]);
    expect(effects).toEqual([
      { type: 'offered', conversationId: 'v1', counsellorId: 'anna', reason: 'least_loaded' },
      { type: 'assigned', conversationId: 'v1', counsellorId: 'anna', via: 'accepted' },
    ]);
    expect(state.conversations['v1']?.phase).toBe('active');
  });

  it('rejects an accept that comes after the offer timed out', () => {
    const { state } = play([online('anna'), online('bob', 1), { type: 'visitor_arrived', at: 2, conversationId: 'v1', priority: 'normal' }]);
    const late = reduceQueue(state, { type: 'offer_accepted', at: 40_000, conversationId: 'v1', counsellorId: 'anna' }, CONFIG);
    expect(late.effects).toContainEqual({ type: 'rejected', event: 'offer_accepted', reason: 'not_offered_to_counsellor' });
    expect(late.state.conversations['v1']).toMatchObject({ phase: 'offered', counsellorId: 'bob' });
  });

  it('rejects an accept by the wrong counsellor and changes nothing', () => {
    const { state } = play([online('anna'), { type: 'visitor_arrived', at: 1, conversationId: 'v1', priority: 'normal' }]);
    const step = reduceQueue(state, { type: 'offer_accepted', at: 2, conversationId: 'v1', counsellorId: 'bob' }, CONFIG);
    expect(step.state).toEqual(state);
    expect(step.effects).toEqual([{ type: 'rejected', event: 'offer_accepted', reason: 'not_offered_to_counsellor' }]);
  });

  it('moves a declined offer to the next counsellor', () => {
    const { effects } = play([
      online('anna', 0),
      online('bob', 5),
      { type: 'visitor_arrived', at: 10, conversationId: 'v1', priority: 'high' },
      { type: 'offer_declined', at: 11, conversationId: 'v1', counsellorId: 'anna' },
    ]);
    expect(effects.at(-1)).toEqual({ type: 'offered', conversationId: 'v1', counsellorId: 'bob', reason: 'least_loaded' });
  });

  it('times out an offer, pauses the silent counsellor and offers to the next', () => {
    const start = play([online('anna', 0), online('bob', 5), { type: 'visitor_arrived', at: 10, conversationId: 'v1', priority: 'normal' }]);
    expect(nextDeadline(start.state, CONFIG)).toBe(30_010);
    const { state, effects } = play([{ type: 'tick', at: 30_010 }], CONFIG, start.state);
    expect(effects).toEqual([
      { type: 'requeued', conversationId: 'v1', fromCounsellorId: 'anna', reason: 'offer_timeout' },
      { type: 'counsellor_paused', counsellorId: 'anna', reason: 'missed_offer' },
      { type: 'offered', conversationId: 'v1', counsellorId: 'bob', reason: 'least_loaded' },
    ]);
    expect(state.counsellors['anna']?.status).toBe('break');
  });

  it('serves critical before normal and normal before low, longest waiting first', () => {
    const { effects } = play([
      { type: 'visitor_arrived', at: 1, conversationId: 'info', priority: 'low' },
      { type: 'visitor_arrived', at: 2, conversationId: 'n1', priority: 'normal' },
      { type: 'visitor_arrived', at: 3, conversationId: 'n2', priority: 'normal' },
      { type: 'visitor_arrived', at: 4, conversationId: 'danger', priority: 'critical' },
      online('anna', 5, 3),
    ]);
    expect(effects.map((e) => (e.type === 'offered' ? e.conversationId : e.type))).toEqual(['danger', 'n1', 'n2']);
  });

  it('keeps chats through a short disconnect and returns them to the front after the grace period', () => {
    const base = play([
      online('anna', 0, 1),
      online('bob', 0, 1),
      { type: 'visitor_arrived', at: 1, conversationId: 'v1', priority: 'normal' },
      { type: 'offer_accepted', at: 2, conversationId: 'v1', counsellorId: 'anna' },
      { type: 'visitor_arrived', at: 3, conversationId: 'v2', priority: 'normal' },
      { type: 'offer_accepted', at: 4, conversationId: 'v2', counsellorId: 'bob' },
      { type: 'visitor_arrived', at: 5, conversationId: 'v3', priority: 'normal' },
      { type: 'counsellor_disconnected', at: 10, counsellorId: 'anna' },
    ]);
    const short = play([{ type: 'counsellor_reconnected', at: 20, counsellorId: 'anna' }, { type: 'tick', at: 70_000 }], CONFIG, base.state);
    expect(short.state.conversations['v1']).toMatchObject({ phase: 'active', counsellorId: 'anna' });

    const long = play([{ type: 'tick', at: 60_010 }], CONFIG, base.state);
    expect(long.effects).toContainEqual({ type: 'requeued', conversationId: 'v1', fromCounsellorId: 'anna', reason: 'counsellor_disconnected' });
    expect(waitingInOrder(long.state).map((e) => e.id)).toEqual(['v1', 'v3']);
    expect(long.state.counsellors['anna']?.status).toBe('offline');
  });

  it('in manual mode makes no offers; counsellors pick or pull', () => {
    const { state, effects } = play(
      [
        online('anna', 0, 2),
        { type: 'visitor_arrived', at: 1, conversationId: 'low', priority: 'low' },
        { type: 'visitor_arrived', at: 2, conversationId: 'high', priority: 'high' },
        { type: 'next_pulled', at: 3, counsellorId: 'anna' },
        { type: 'conversation_picked', at: 4, conversationId: 'low', counsellorId: 'anna' },
        { type: 'next_pulled', at: 5, counsellorId: 'anna' },
      ],
      CONFIG,
      emptyQueueState('manual'),
    );
    expect(effects).toEqual([
      { type: 'assigned', conversationId: 'high', counsellorId: 'anna', via: 'pulled' },
      { type: 'assigned', conversationId: 'low', counsellorId: 'anna', via: 'picked' },
      { type: 'rejected', event: 'next_pulled', reason: 'no_capacity' },
    ]);
    expect(Object.keys(state.conversations)).toHaveLength(2);
  });

  it('transfers to a named colleague as an offer, and back to the queue front on decline', () => {
    const { state, effects } = play([
      online('anna', 0, 1),
      online('bob', 0, 1),
      { type: 'visitor_arrived', at: 1, conversationId: 'v1', priority: 'normal' },
      { type: 'offer_accepted', at: 2, conversationId: 'v1', counsellorId: 'anna' },
      { type: 'transferred', at: 3, conversationId: 'v1', toCounsellorId: 'bob' },
      { type: 'offer_declined', at: 4, conversationId: 'v1', counsellorId: 'bob' },
    ]);
    expect(effects).toContainEqual({ type: 'offered', conversationId: 'v1', counsellorId: 'bob', reason: 'named_transfer', fromCounsellorId: 'anna' });
    // Both anna (handed over) and bob (declined) are decliners: everyone declined, so the
    // longest-ago decliner (anna) gets it back rather than the visitor waiting for nobody.
    expect(state.conversations['v1']).toMatchObject({ phase: 'offered', counsellorId: 'anna', returnedToFront: true });
  });

  it('refuses newcomers when the queue is full, except critical ones', () => {
    const config = { ...CONFIG, queueCap: 1 };
    const { state, effects } = play(
      [
        { type: 'visitor_arrived', at: 1, conversationId: 'v1', priority: 'normal' },
        { type: 'visitor_arrived', at: 2, conversationId: 'v2', priority: 'normal' },
        { type: 'visitor_arrived', at: 3, conversationId: 'v3', priority: 'critical' },
      ],
      config,
    );
    expect(effects).toEqual([{ type: 'rejected', event: 'visitor_arrived', reason: 'queue_full' }]);
    expect(Object.keys(state.conversations).sort()).toEqual(['v1', 'v3']);
  });

  it('a supervisor’s priority change reorders the queue', () => {
    const { state } = play([
      { type: 'visitor_arrived', at: 1, conversationId: 'v1', priority: 'normal' },
      { type: 'visitor_arrived', at: 2, conversationId: 'v2', priority: 'normal' },
      { type: 'priority_changed', at: 3, conversationId: 'v2', priority: 'critical' },
    ]);
    expect(waitingInOrder(state).map((e) => e.id)).toEqual(['v2', 'v1']);
  });
});

describe('a visitor whose tab is gone', () => {
  const config = { offerTimeoutMs: 30_000, disconnectGraceMs: 60_000 };
  it('keeps her place but is offered to nobody, takes back an offer, and lapses as abandoned after her grace', () => {
    let state = emptyQueueState('automatic');
    const step = (event: QueueEvent) => {
      const r = reduceQueue(state, event, config);
      state = r.state;
      return r.effects;
    };
    step({ type: 'visitor_arrived', at: 1, conversationId: 'v1', priority: 'normal' });
    step({ type: 'visitor_arrived', at: 2, conversationId: 'v2', priority: 'normal' });
    step({ type: 'visitor_away', at: 3, conversationId: 'v1', until: 10_003 });
    const came = step({ type: 'counsellor_status_changed', at: 4, counsellorId: 'anna', status: 'available', capacity: 1 });
    // Anna gets v2, although v1 is ahead: v1's tab is gone.
    expect(came.find((e) => e.type === 'offered')).toMatchObject({ conversationId: 'v2', counsellorId: 'anna' });
    expect(state.conversations.v1?.phase).toBe('waiting');
    // v2's tab goes too while offered: the offer is taken back, she keeps her place.
    const back = step({ type: 'visitor_away', at: 5, conversationId: 'v2', until: 60_000 });
    expect(back).toContainEqual({ type: 'requeued', conversationId: 'v2', fromCounsellorId: 'anna', reason: 'visitor_away' });
    expect(state.conversations.v2?.phase).toBe('waiting');
    // v1 comes back in time and is offered at once.
    const returned = step({ type: 'visitor_back', at: 6, conversationId: 'v1' });
    expect(returned.find((e) => e.type === 'offered')).toMatchObject({ conversationId: 'v1', counsellorId: 'anna' });
    // v2 never comes back: at her time, the queue ends her chat as abandoned.
    expect(nextDeadline(state, config)).toBeLessThanOrEqual(60_000);
    const lapsed = step({ type: 'tick', at: 60_000 });
    expect(lapsed).toContainEqual({ type: 'removed', conversationId: 'v2', phase: 'waiting', counsellorId: undefined, abandoned: true });
    expect(state.conversations.v2).toBeUndefined();
  });
});
