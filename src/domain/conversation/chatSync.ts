// The client side of message delivery as a pure state machine, apart from any transport:
// what to send when she types, when the connection comes back, and how to fold in what the
// server answers. The fuzz harness drives exactly this code through a socket pair it controls.
import { addPending, emptyMessageLog, gaps, lastSeq, mergeStored, type MessageLog, type StoredMessage } from './messageLog.js';

export type ClientFrame =
  | { type: 'send'; clientId: string; body: string }
  | { type: 'resume'; afterSeq: number };

export type ServerFrame =
  | { type: 'ack'; clientId: string; message: StoredMessage }
  | { type: 'nack'; clientId: string; retry: boolean }
  | { type: 'push'; message: StoredMessage }
  | { type: 'resumed'; messages: StoredMessage[] };

export interface ChatSyncState {
  log: MessageLog;
  connected: boolean;
}

export interface SyncStep {
  state: ChatSyncState;
  /** Frames to send now (only ever non-empty while connected). */
  send: ClientFrame[];
}

export const initialChatSync: ChatSyncState = { log: emptyMessageLog, connected: false };

/** She typed something: it shows as pending at once and goes out if the line is up. */
export function typed(state: ChatSyncState, clientId: string, body: string, now: number): SyncStep {
  const log = addPending(state.log, { clientId, body, createdAt: now });
  return { state: { ...state, log }, send: state.connected ? [{ type: 'send', clientId, body }] : [] };
}

/** The line is (back) up: ask for what was missed and send again what was never acknowledged. */
export function connectedStep(state: ChatSyncState): SyncStep {
  const send: ClientFrame[] = [{ type: 'resume', afterSeq: lastSeq(state.log) }];
  for (const p of state.log.pending) send.push({ type: 'send', clientId: p.clientId, body: p.body });
  return { state: { ...state, connected: true }, send };
}

export function disconnectedStep(state: ChatSyncState): SyncStep {
  return { state: { ...state, connected: false }, send: [] };
}

export function received(state: ChatSyncState, frame: ServerFrame): SyncStep {
  switch (frame.type) {
    case 'ack':
    case 'push': {
      const log = mergeStored(state.log, [frame.message]);
      // A number skipped means something was lost on the way: ask for it (again) straight away.
      const hole = gaps(log).length > 0;
      return { state: { ...state, log }, send: hole && state.connected ? [{ type: 'resume', afterSeq: lastSeq(log) }] : [] };
    }
    case 'resumed':
      return { state: { ...state, log: mergeStored(state.log, frame.messages) }, send: [] };
    case 'nack':
      // A refusal that will not change on retry (too long, chat ended) drops the message;
      // anything else stays pending and is resent on the next connection.
      if (frame.retry) return { state, send: [] };
      return { state: { ...state, log: { ...state.log, pending: state.log.pending.filter((p) => p.clientId !== frame.clientId) } }, send: [] };
  }
}
