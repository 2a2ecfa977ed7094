import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isUnanswered, letterTransition, type LetterEvent, type LetterState } from './letterLifecycle.js';
import { conversationStatuses } from '../conversation/conversationLifecycle.js';

describe('letter lifecycle', () => {
  it('goes open → claimed → ended, and back to open when released', () => {
    const open: LetterState = { status: 'letter_open', counsellorId: null };
    const claimed = letterTransition(open, { type: 'claim', counsellorId: 'anna' });
    expect(claimed).toEqual({ ok: true, state: { status: 'letter_claimed', counsellorId: 'anna' } });
    if (!claimed.ok) return;
    expect(letterTransition(claimed.state, { type: 'release', counsellorId: 'anna' })).toEqual({ ok: true, state: open });
    expect(letterTransition(claimed.state, { type: 'answer', counsellorId: 'anna' })).toEqual({ ok: true, state: { status: 'ended', counsellorId: 'anna' } });
  });

  it('lets nobody but the counsellor who claimed it answer or release a letter, and nobody claim it twice', () => {
    const claimed: LetterState = { status: 'letter_claimed', counsellorId: 'anna' };
    expect(letterTransition(claimed, { type: 'answer', counsellorId: 'bert' })).toEqual({ ok: false, error: 'not_yours' });
    expect(letterTransition(claimed, { type: 'release', counsellorId: 'bert' })).toEqual({ ok: false, error: 'not_yours' });
    expect(letterTransition(claimed, { type: 'claim', counsellorId: 'bert' })).toEqual({ ok: false, error: 'invalid_transition' });
  });

  it('never moves an answered or closed letter, whatever happens (property)', () => {
    const event = fc.record({ type: fc.constantFrom('claim', 'release', 'answer'), counsellorId: fc.constantFrom('anna', 'bert') }) as fc.Arbitrary<LetterEvent>;
    fc.assert(
      fc.property(fc.constantFrom('ended', 'closed') as fc.Arbitrary<'ended' | 'closed'>, fc.option(fc.constantFrom('anna', 'bert'), { nil: null }), event, (status, counsellorId, e) => {
        expect(letterTransition({ status, counsellorId }, e).ok).toBe(false);
      }),
    );
  });

  it('keeps letter states apart from the chat states the queue routes', () => {
    for (const status of conversationStatuses) expect(isUnanswered(status)).toBe(false);
    expect(isUnanswered('letter_open')).toBe(true);
    expect(isUnanswered('letter_claimed')).toBe(true);
  });
});
