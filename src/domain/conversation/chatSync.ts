// The client side of message delivery as a pure state machine, apart from any transport:
// what to send when she types, when the connection comes back, and how to fold in what the
// server answers. The fuzz harness and both browser chat clients drive exactly this code.
import { addPending, emptyMessageLog, gaps, lastSeq, mergeStored, type MessageLog, type StoredMessage } from './messageLog.js';

export type ClientFrame =
  | { type: 'send'; clientId: string; body: string }
  | { type: 'resume'; afterSeq: number };

/** `Reason` is the transport's error code; the core only stores it for the screen. */
export type ServerFrame<Reason extends string = string> =
  | { type: 'ack'; clientId: string; message: StoredMessage }
  /** Refused: `retry` when trying again may work (no answer, busy), else it is marked failed. */
  | { type: 'nack'; clientId: string; retry: boolean; reason: Reason }
  | { type: 'push'; message: StoredMessage }
  /** The answer to a resume; `ended` when the conversation is over, so nothing more goes out. */
  | { type: 'resumed'; messages: readonly StoredMessage[]; ended?: boolean };

export interface ChatSyncState<Reason extends string = string> {
  log: MessageLog;
  connected: boolean;
  /** Asked for what was missed after (re)connecting: unacknowledged messages go out again with the answer. */
  resuming: boolean;
  /** Pending messages the server refused for good, with the reason: resent only when she retries. */
  failed: Readonly<Record<string, Reason>>;
}

export interface SyncStep<Reason extends string = string> {
  state: ChatSyncState<Reason>;
  /** Frames to send now (only ever non-empty while connected). */
  send: ClientFrame[];
}

export const initialChatSync: ChatSyncState<never> = { log: emptyMessageLog, connected: false, resuming: false, failed: {} };

/**
 * A chat the server just opened or handed over (started, accepted, pulled) with its snapshot:
 * the snapshot is everything there is, and nothing of ours can be pending yet.
 */
export function opened<R extends string>(messages: readonly StoredMessage[], connected: boolean): ChatSyncState<R> {
  return { ...initialChatSync, log: mergeStored(emptyMessageLog, messages), connected };
}

/** She typed something: it shows as pending at once and goes out if the line is up. */
export function typed<R extends string>(state: ChatSyncState<R>, clientId: string, body: string, now: number): SyncStep<R> {
  const log = addPending(state.log, { clientId, body, createdAt: now });
  return { state: { ...state, log }, send: state.connected ? [sendFrame(clientId, body)] : [] };
}

/**
 * The line is (back) up: ask for what was missed. What was never acknowledged goes out again
 * once the answer is in, so messages the server stored just before the line dropped (the
 * acknowledgement lost) arrive with the answer and are not sent twice.
 */
export function connectedStep<R extends string>(state: ChatSyncState<R>): SyncStep<R> {
  return { state: { ...state, connected: true, resuming: true }, send: [{ type: 'resume', afterSeq: lastSeq(state.log) }] };
}

export function disconnectedStep<R extends string>(state: ChatSyncState<R>): SyncStep<R> {
  return { state: { ...state, connected: false, resuming: false }, send: [] };
}

/** Send a pending message again: her "retry" after a refusal, or the client's own after no answer. */
export function retried<R extends string>(state: ChatSyncState<R>, clientId: string): SyncStep<R> {
  const pending = state.log.pending.find((p) => p.clientId === clientId);
  if (!pending) return { state, send: [] };
  const { [clientId]: _cleared, ...failed } = state.failed;
  const next = clientId in state.failed ? { ...state, failed } : state;
  return { state: next, send: state.connected ? [sendFrame(clientId, pending.body)] : [] };
}

export function received<R extends string>(state: ChatSyncState<R>, frame: ServerFrame<R>): SyncStep<R> {
  switch (frame.type) {
    case 'ack':
    case 'push': {
      const next = withLog(state, mergeStored(state.log, [frame.message]));
      // A number skipped means something was lost on the way: ask for it (again) straight away.
      const hole = gaps(next.log).length > 0;
      return { state: next, send: hole && state.connected ? [{ type: 'resume', afterSeq: lastSeq(next.log) }] : [] };
    }
    case 'resumed': {
      const next = withLog(state, mergeStored(state.log, frame.messages));
      if (!state.resuming) return { state: next, send: [] };
      const resend = state.connected && !frame.ended ? next.log.pending.filter((p) => !(p.clientId in next.failed)) : [];
      return { state: { ...next, resuming: false }, send: resend.map((p) => sendFrame(p.clientId, p.body)) };
    }
    case 'nack':
      // Anything that may work later stays pending and goes out again on the next connection;
      // a refusal that will not change by itself (too long, chat ended) waits for her retry.
      if (frame.retry || !state.log.pending.some((p) => p.clientId === frame.clientId)) return { state, send: [] };
      return { state: { ...state, failed: { ...state.failed, [frame.clientId]: frame.reason } }, send: [] };
  }
}

/** A new log, with the failed markers of messages no longer pending dropped. */
function withLog<R extends string>(state: ChatSyncState<R>, log: MessageLog): ChatSyncState<R> {
  if (log === state.log) return state;
  // A stored message is no longer pending, so it can no longer have failed either.
  const stillPending = new Set(log.pending.map((p) => p.clientId));
  const failedIds = Object.keys(state.failed);
  if (failedIds.every((id) => stillPending.has(id))) return { ...state, log };
  const failed: Record<string, R> = {};
  for (const id of failedIds) if (stillPending.has(id)) failed[id] = state.failed[id]!;
  return { ...state, log, failed };
}

function sendFrame(clientId: string, body: string): ClientFrame {
  return { type: 'send', clientId, body };
}
