// One typed request per event, for every client: the visitor page, the console, the board and
// the test clients all call the server through `call`, so the payload and the answer are typed
// from the protocol maps, a lost answer becomes the same typed error everywhere, and the retry
// policy the delivery fuzz test proves is the one that ships.
import type { Ack, AckCallback, ErrorCode } from './ack.js';

/** What `call` needs of a Socket.IO client socket (kept structural: this file runs in the browser too). */
export interface AckSocket {
  timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
}

type Handler<M, E extends keyof M> = M[E] extends (...args: infer A) => void ? A : never;
type Last<A extends unknown[]> = A extends [...unknown[], infer L] ? L : never;
type AllButLast<A extends unknown[]> = A extends [...infer Rest, unknown] ? Rest : [];

/** The events of a client-to-server map that expect an acknowledgement. */
export type RequestEvent<M> = { [E in keyof M & string]: Last<Handler<M, E>> extends (ack: never) => void ? E : never }[keyof M & string];
/** The payload arguments of an event (none for list-like requests). */
export type RequestArgs<M, E extends keyof M> = AllButLast<Handler<M, E>>;
/** The data an event's acknowledgement carries when it succeeds. */
export type AnswerOf<M, E extends keyof M> = Last<Handler<M, E>> extends AckCallback<infer T> ? T : never;

/**
 * Sends a request and waits for its acknowledgement. No answer in time (a lost connection, a
 * server gone) is `unavailable`, like a refusal the server gives when it cannot serve now.
 */
export async function call<M, E extends RequestEvent<M>>(socket: AckSocket, timeoutMs: number, event: E, ...args: RequestArgs<M, E>): Promise<Ack<AnswerOf<M, E>>> {
  try {
    return (await socket.timeout(timeoutMs).emitWithAck(event, ...args)) as Ack<AnswerOf<M, E>>;
  } catch {
    return { ok: false, error: { code: 'unavailable', message: 'no answer in time' } };
  }
}

/**
 * Which refusals of a message a client tries again by itself (with the same client id, so a
 * resend is stored once): no answer, or a hiccup on the server. A rate limit is not: the message
 * is marked as not sent, and she sends it again by hand.
 */
export function retriedBySelf(code: ErrorCode): boolean {
  return code === 'unavailable' || code === 'internal';
}

/** `call` bound to one side's protocol map, so the event names and payloads are checked. */
export function caller<M>() {
  return <E extends RequestEvent<M>>(socket: AckSocket, timeoutMs: number, event: E, ...args: RequestArgs<M, E>): Promise<Ack<AnswerOf<M, E>>> =>
    call<M, E>(socket, timeoutMs, event, ...args);
}
