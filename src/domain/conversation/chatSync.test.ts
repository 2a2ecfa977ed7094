import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  connectedStep,
  disconnectedStep,
  initialChatSync,
  opened,
  received,
  retried,
  typed,
  type ChatSyncState,
  type ClientFrame,
  type ServerFrame,
} from './chatSync.js';
import type { StoredMessage } from './messageLog.js';

const stored = (seq: number, clientId = `c-${seq}`): StoredMessage => ({
  id: `m-${seq}`,
  conversationId: 'conv',
  seq,
  clientId,
  sender: 'visitor',
  senderName: null,
  body: `body ${clientId}`,
  createdAt: seq,
});

const sends = (frames: ClientFrame[]) => frames.flatMap((f) => (f.type === 'send' ? [f.clientId] : []));

/** Connected, with the answer to the first resume already in. */
const live = (): ChatSyncState => received(connectedStep(initialChatSync).state, { type: 'resumed', messages: [] }).state;

describe('chat sync', () => {
  it('sends what she types only while the line is up, and keeps it pending either way', () => {
    const offline = typed(initialChatSync, 'a', 'hoi', 0);
    expect(offline.send).toEqual([]);
    expect(offline.state.log.pending.map((p) => p.clientId)).toEqual(['a']);
    expect(typed(live(), 'a', 'hoi', 0).send).toEqual([{ type: 'send', clientId: 'a', body: 'hoi' }]);
  });

  it('asks for what was missed on connecting, and resends what is unacknowledged with the answer', () => {
    let state = typed(initialChatSync, 'a', 'hoi', 0).state;
    state = received(state, { type: 'push', message: stored(1, 'x') }).state;
    const connected = connectedStep(state);
    expect(connected.send).toEqual([{ type: 'resume', afterSeq: 1 }]);
    const answered = received(connected.state, { type: 'resumed', messages: [stored(2, 'y')] });
    expect(sends(answered.send)).toEqual(['a']);
    expect(answered.state.resuming).toBe(false);
    // A later resume (to fill a gap) does not send everything again.
    expect(received(answered.state, { type: 'resumed', messages: [] }).send).toEqual([]);
  });

  it('does not resend a message the resume answer shows was stored (its acknowledgement was lost)', () => {
    const state = connectedStep(typed(initialChatSync, 'a', 'hoi', 0).state).state;
    const answered = received(state, { type: 'resumed', messages: [stored(1, 'a')] });
    expect(answered.send).toEqual([]);
    expect(answered.state.log.pending).toEqual([]);
  });

  it('sends nothing more once the resume answer says the conversation is over', () => {
    const state = connectedStep(typed(initialChatSync, 'a', 'hoi', 0).state).state;
    const answered = received(state, { type: 'resumed', messages: [stored(1, 'x')], ended: true });
    expect(answered.send).toEqual([]);
    expect(answered.state.log.pending.map((p) => p.clientId)).toEqual(['a']);
    expect(answered.state.log.stored.map((m) => m.seq)).toEqual([1]);
  });

  it('forgets a pending resume when the line drops', () => {
    const state = disconnectedStep(connectedStep(typed(initialChatSync, 'a', 'hoi', 0).state).state).state;
    expect(state).toMatchObject({ connected: false, resuming: false });
    expect(received(state, { type: 'resumed', messages: [] }).send).toEqual([]);
  });

  it('asks for a resume when an acknowledgement or push skips a number', () => {
    const state = received(live(), { type: 'push', message: stored(1) }).state;
    expect(received(state, { type: 'push', message: stored(3) }).send).toEqual([{ type: 'resume', afterSeq: 1 }]);
    expect(received(state, { type: 'push', message: stored(2) }).send).toEqual([]);
  });

  it('keeps a message pending after a refusal that may pass later', () => {
    const state = typed(live(), 'a', 'hoi', 0).state;
    const after = received(state, { type: 'nack', clientId: 'a', retry: true, reason: 'unavailable' });
    expect(after.state).toBe(state);
  });

  it('marks a message failed with the reason after a refusal for good, and does not resend it on reconnect', () => {
    let state = typed(live(), 'a', 'hoi', 0).state;
    state = typed(state, 'b', 'nog iets', 1).state;
    state = received(state, { type: 'nack', clientId: 'a', retry: false, reason: 'too_long' }).state;
    expect(state.failed).toEqual({ a: 'too_long' });
    expect(state.log.pending.map((p) => p.clientId)).toEqual(['a', 'b']);
    const reconnected = connectedStep(disconnectedStep(state).state).state;
    expect(sends(received(reconnected, { type: 'resumed', messages: [] }).send)).toEqual(['b']);
  });

  it('ignores a refusal for a message that is no longer pending', () => {
    const state = received(typed(live(), 'a', 'hoi', 0).state, { type: 'ack', clientId: 'a', message: stored(1, 'a') }).state;
    expect(received(state, { type: 'nack', clientId: 'a', retry: false, reason: 'invalid_state' }).state.failed).toEqual({});
  });

  it('retries a failed message: the marker goes and it is sent if the line is up', () => {
    const failed = received(typed(live(), 'a', 'hoi', 0).state, { type: 'nack', clientId: 'a', retry: false, reason: 'rate_limited' }).state;
    const step = retried(failed, 'a');
    expect(step.state.failed).toEqual({});
    expect(step.send).toEqual([{ type: 'send', clientId: 'a', body: 'hoi' }]);
    const offline = retried(disconnectedStep(failed).state, 'a');
    expect(offline.state.failed).toEqual({});
    expect(offline.send).toEqual([]);
  });

  it('retries a message that got no answer, and nothing that is not pending', () => {
    const state = typed(live(), 'a', 'hoi', 0).state;
    expect(sends(retried(state, 'a').send)).toEqual(['a']);
    expect(retried(state, 'zz')).toEqual({ state, send: [] });
  });

  it('drops the failed marker when the message turns out stored after all', () => {
    const failed = received(typed(live(), 'a', 'hoi', 0).state, { type: 'nack', clientId: 'a', retry: false, reason: 'internal' }).state;
    const after = received(failed, { type: 'push', message: stored(1, 'a') }).state;
    expect(after.failed).toEqual({});
    expect(after.log.pending).toEqual([]);
  });

  it('opens a chat from the snapshot the server started or handed it with', () => {
    const state = opened([stored(2), stored(1)], true);
    expect(state.log.stored.map((m) => m.seq)).toEqual([1, 2]);
    expect(state).toMatchObject({ connected: true, resuming: false, failed: {} });
    expect(opened([], false).connected).toBe(false);
  });

  // Random runs of everything a client can meet, against a server that stores each client id once.
  it('never sends while offline, never shows a message both pending and stored, never resends a failed one unasked', () => {
    type Action =
      | { kind: 'type' }
      | { kind: 'connect' }
      | { kind: 'disconnect' }
      | { kind: 'deliver'; index: number; answer: 'ack' | 'nack-retry' | 'nack-fail' | 'lost' }
      | { kind: 'retry'; index: number };
    const action: fc.Arbitrary<Action> = fc.oneof(
      fc.constant<Action>({ kind: 'type' }),
      fc.constant<Action>({ kind: 'connect' }),
      fc.constant<Action>({ kind: 'disconnect' }),
      fc.record({ kind: fc.constant('deliver' as const), index: fc.nat(), answer: fc.constantFrom('ack' as const, 'nack-retry' as const, 'nack-fail' as const, 'lost' as const) }),
      fc.record({ kind: fc.constant('retry' as const), index: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 80 }), (actions) => {
        let state: ChatSyncState = initialChatSync;
        let inFlight: ClientFrame[] = [];
        const server: StoredMessage[] = [];
        let typedCount = 0;
        const apply = (step: { state: ChatSyncState; send: ClientFrame[] }, retriedId?: string) => {
          if (!state.connected && !step.state.connected) expect(step.send).toEqual([]);
          for (const f of step.send) if (f.type === 'send' && f.clientId !== retriedId) expect(state.failed[f.clientId]).toBeUndefined();
          state = step.state;
          inFlight.push(...step.send);
          const storedIds = new Set(state.log.stored.map((m) => m.clientId));
          for (const p of state.log.pending) expect(storedIds.has(p.clientId)).toBe(false);
          for (const id of Object.keys(state.failed)) expect(state.log.pending.some((p) => p.clientId === id)).toBe(true);
          expect(state.log.stored.map((m) => m.seq)).toEqual([...new Set(state.log.stored.map((m) => m.seq))].sort((a, b) => a - b));
        };
        for (const a of actions) {
          if (a.kind === 'type') apply(typed(state, `c${typedCount++}`, 'x', 0));
          else if (a.kind === 'connect') {
            if (!state.connected) apply(connectedStep(state));
          } else if (a.kind === 'disconnect') {
            inFlight = [];
            apply(disconnectedStep(state));
          } else if (a.kind === 'retry') {
            const p = state.log.pending[a.index % Math.max(1, state.log.pending.length)];
            if (p) apply(retried(state, p.clientId), p.clientId);
          } else if (inFlight.length > 0) {
            const [frame] = inFlight.splice(a.index % inFlight.length, 1);
            let answer: ServerFrame;
            if (frame!.type === 'resume') answer = { type: 'resumed', messages: server.filter((m) => m.seq > frame!.afterSeq) };
            else if (a.answer === 'nack-retry' || a.answer === 'nack-fail') answer = { type: 'nack', clientId: frame!.clientId, retry: a.answer === 'nack-retry', reason: 'x' };
            else {
              const existing = server.find((m) => m.clientId === (frame as { clientId: string }).clientId);
              const message = existing ?? stored(server.length + 1, (frame as { clientId: string }).clientId);
              if (!existing) server.push(message);
              if (a.answer === 'lost') continue;
              answer = { type: 'ack', clientId: message.clientId, message };
            }
            apply(received(state, answer));
          }
        }
        // Heal: a fresh connection, her retry of every failed message, every answer delivered.
        inFlight = [];
        apply(disconnectedStep(state));
        apply(connectedStep(state));
        for (const id of Object.keys(state.failed)) apply(retried(state, id), id);
        for (let frame = inFlight.shift(); frame; frame = inFlight.shift()) {
          if (frame.type === 'resume') {
            const afterSeq = frame.afterSeq;
            apply(received(state, { type: 'resumed', messages: server.filter((m) => m.seq > afterSeq) }));
          } else {
            const clientId = frame.clientId;
            const message = server.find((m) => m.clientId === clientId) ?? stored(server.length + 1, clientId);
            if (!server.includes(message)) server.push(message);
            apply(received(state, { type: 'ack', clientId, message }));
          }
        }
        expect(state.log.pending).toEqual([]);
        expect(state.log.stored.map((m) => m.clientId)).toEqual(server.map((m) => m.clientId));
        expect(server).toHaveLength(typedCount);
      }),
    );
  });
});
