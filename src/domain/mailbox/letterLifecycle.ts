// The life of one letter in the anonymous mailbox, before it joins the chats' wrap-up.
//
//   open ──claim──▶ claimed ──answer──▶ ended (coding pending, as a chat) ──close──▶ closed
//     ▲  ◀─release──┘
//
// A letter is a conversation with channel 'mail'. Its open and claimed states have their own
// names, so nothing that routes chats (waiting, offered, active) ever sees a letter; once
// answered it is an ended conversation and coding, retention and deletion treat it as a chat.

export const letterStatuses = ['letter_open', 'letter_claimed'] as const;
export type LetterStatus = (typeof letterStatuses)[number] | 'ended' | 'closed';

export interface LetterState {
  status: LetterStatus;
  counsellorId: string | null;
}

export type LetterEvent = { type: 'claim'; counsellorId: string } | { type: 'release'; counsellorId: string } | { type: 'answer'; counsellorId: string };

export type LetterTransition = { ok: true; state: LetterState } | { ok: false; error: 'invalid_transition' | 'not_yours' };

/** Pure: the only place that decides what may happen to a letter next. */
export function letterTransition(state: LetterState, event: LetterEvent): LetterTransition {
  switch (event.type) {
    case 'claim':
      if (state.status !== 'letter_open') return { ok: false, error: 'invalid_transition' };
      return { ok: true, state: { status: 'letter_claimed', counsellorId: event.counsellorId } };
    case 'release':
    case 'answer':
      if (state.status !== 'letter_claimed') return { ok: false, error: 'invalid_transition' };
      if (state.counsellorId !== event.counsellorId) return { ok: false, error: 'not_yours' };
      return event.type === 'release'
        ? { ok: true, state: { status: 'letter_open', counsellorId: null } }
        : { ok: true, state: { status: 'ended', counsellorId: event.counsellorId } };
  }
}

/** Still waiting for an answer (in the mailbox queue). */
export function isUnanswered(status: string): boolean {
  return (letterStatuses as readonly string[]).includes(status);
}
