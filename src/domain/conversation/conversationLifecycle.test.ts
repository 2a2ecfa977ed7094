import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conversationStatuses,
  endReasons,
  initialConversationState,
  transition,
  type ConversationState,
  type LifecycleEvent,
} from './conversationLifecycle.js';

const counsellors = ['c1', 'c2', 'c3'];
const eventArb: fc.Arbitrary<LifecycleEvent> = fc.oneof(
  fc.constantFrom(...counsellors).map((counsellorId) => ({ type: 'offer', counsellorId }) as const),
  fc.constant({ type: 'decline' } as const),
  fc.constantFrom(...counsellors).map((counsellorId) => ({ type: 'accept', counsellorId }) as const),
  fc.constantFrom(...counsellors).map((toCounsellorId) => ({ type: 'transfer', toCounsellorId }) as const),
  fc.constant({ type: 'requeue' } as const),
  fc.constantFrom(...endReasons).map((reason) => ({ type: 'end', reason }) as const),
  fc.constant({ type: 'close' } as const),
);

function run(events: LifecycleEvent[]): ConversationState[] {
  const states = [initialConversationState];
  let state = initialConversationState;
  for (const e of events) {
    const r = transition(state, e);
    if (r.ok) state = r.state;
    states.push(state);
  }
  return states;
}

describe('conversation lifecycle', () => {
  it('follows the happy path waiting → active → ended → closed', () => {
    const [, active, ended, closed] = run([
      { type: 'accept', counsellorId: 'c1' },
      { type: 'end', reason: 'counsellor' },
      { type: 'close' },
    ]);
    expect(active).toEqual({ status: 'active', counsellorId: 'c1', endReason: null });
    expect(ended).toEqual({ status: 'ended', counsellorId: 'c1', endReason: 'counsellor' });
    expect(closed?.status).toBe('closed');
  });

  it('lets only the counsellor an offer was made to accept it', () => {
    const offered = transition(initialConversationState, { type: 'offer', counsellorId: 'c1' });
    if (!offered.ok) throw new Error('offer failed');
    expect(transition(offered.state, { type: 'accept', counsellorId: 'c2' }).ok).toBe(false);
    expect(transition(offered.state, { type: 'accept', counsellorId: 'c1' }).ok).toBe(true);
  });

  it('counts leaving before a counsellor came as abandoned, but keeps quick exit visible', () => {
    const left = transition(initialConversationState, { type: 'end', reason: 'visitor' });
    const fled = transition(initialConversationState, { type: 'end', reason: 'quick_exit' });
    expect(left.ok && left.state.endReason).toBe('abandoned');
    expect(fled.ok && fled.state.endReason).toBe('quick_exit');
  });

  it('never leaves an ended or closed conversation except ended → closed', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), (events) => {
        const states = run(events);
        for (let i = 1; i < states.length; i++) {
          const before = states[i - 1]!;
          const after = states[i]!;
          if (before.status === 'closed') expect(after).toEqual(before);
          if (before.status === 'ended') expect(['ended', 'closed']).toContain(after.status);
        }
      }),
    );
  });

  it('has a counsellor exactly when offered or active, and an end reason exactly when over', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), (events) => {
        for (const s of run(events)) {
          expect(conversationStatuses).toContain(s.status);
          if (s.status === 'offered' || s.status === 'active') expect(s.counsellorId).not.toBeNull();
          if (s.status === 'waiting') expect(s.counsellorId).toBeNull();
          expect(s.endReason !== null).toBe(s.status === 'ended' || s.status === 'closed');
        }
      }),
    );
  });

  it('refuses invalid transitions with the state and event named, without changing anything', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 20 }), eventArb, (events, last) => {
        const state = run(events).at(-1)!;
        const r = transition(state, last);
        if (!r.ok) {
          expect(r.from).toBe(state.status);
          expect(r.event).toBe(last.type);
        }
      }),
    );
  });
});
