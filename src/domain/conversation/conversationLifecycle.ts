// The life of one conversation as an explicit state machine.
//
//   waiting ──offer──▶ offered ──accept──▶ active ──end──▶ ended ──close──▶ closed
//      ▲  ◀──decline/timeout──┘              │  ▲                 (coding done)
//      └──────────── requeue ◀───────────────┘  └─ transfer (to a named colleague)
//
// `ended` is the wrap-up state: the chat is over and coding is pending.
// Every transition names its actor so waiting, handling and abandonment can be reported.

export const conversationStatuses = ['waiting', 'offered', 'active', 'ended', 'closed'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];

export const endReasons = [
  'visitor', // the visitor pressed "end chat"
  'counsellor',
  'idle_timeout',
  'quick_exit',
  'abandoned', // the visitor left while still waiting
] as const;
export type EndReason = (typeof endReasons)[number];

export type Actor = { kind: 'visitor' } | { kind: 'staff'; staffId: string } | { kind: 'system' };

export type LifecycleEvent =
  | { type: 'offer'; counsellorId: string }
  | { type: 'decline' } // offer refused or timed out; back to the queue
  | { type: 'accept'; counsellorId: string }
  | { type: 'transfer'; toCounsellorId: string }
  | { type: 'requeue' } // counsellor left (disconnect grace over, or handed back)
  | { type: 'end'; reason: EndReason }
  | { type: 'close' };

export interface ConversationState {
  status: ConversationStatus;
  counsellorId: string | null;
  endReason: EndReason | null;
}

export type TransitionResult =
  | { ok: true; state: ConversationState }
  | { ok: false; error: 'invalid_transition'; from: ConversationStatus; event: LifecycleEvent['type'] };

export const initialConversationState: ConversationState = {
  status: 'waiting',
  counsellorId: null,
  endReason: null,
};

/** Pure transition function: the only place that decides what may happen next (the queue reducer asks it for every move it makes). */
export function transition(state: ConversationState, event: LifecycleEvent): TransitionResult {
  const fail = (): TransitionResult => ({
    ok: false,
    error: 'invalid_transition',
    from: state.status,
    event: event.type,
  });
  switch (event.type) {
    case 'offer':
      if (state.status !== 'waiting') return fail();
      return ok({ ...state, status: 'offered', counsellorId: event.counsellorId });
    case 'decline':
      if (state.status !== 'offered') return fail();
      return ok({ ...state, status: 'waiting', counsellorId: null });
    case 'accept':
      // A counsellor may accept an offer made to her, or pick straight from the queue.
      if (state.status === 'waiting') return ok({ ...state, status: 'active', counsellorId: event.counsellorId });
      if (state.status === 'offered' && state.counsellorId === event.counsellorId)
        return ok({ ...state, status: 'active' });
      return fail();
    case 'transfer':
      if (state.status !== 'active' || state.counsellorId === event.toCounsellorId) return fail();
      return ok({ ...state, status: 'offered', counsellorId: event.toCounsellorId });
    case 'requeue':
      if (state.status !== 'active' && state.status !== 'offered') return fail();
      return ok({ ...state, status: 'waiting', counsellorId: null });
    case 'end':
      if (state.status === 'ended' || state.status === 'closed') return fail();
      return ok({
        ...state,
        status: 'ended',
        // A chat that never reached a counsellor was abandoned, whatever button was used,
        // except a quick exit, which we count separately because it signals danger.
        endReason:
          state.status !== 'active' && event.reason !== 'quick_exit' && event.reason !== 'idle_timeout'
            ? 'abandoned'
            : event.reason,
      });
    case 'close':
      if (state.status !== 'ended') return fail();
      return ok({ ...state, status: 'closed' });
  }
}

function ok(state: ConversationState): TransitionResult {
  return { ok: true, state };
}

/** Whether messages may still be exchanged. Waiting visitors may already type; the counsellor reads it on accept. */
export function acceptsMessages(status: ConversationStatus): boolean {
  return status === 'waiting' || status === 'offered' || status === 'active';
}

export function isOpen(status: ConversationStatus): boolean {
  return status !== 'ended' && status !== 'closed';
}
