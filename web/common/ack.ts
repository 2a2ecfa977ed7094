// Emit a request and wait for its Ack; a lost ack becomes a typed 'unavailable' error.
import type { Socket } from 'socket.io-client';
import type { Ack } from '../../src/protocol/ack.js';

export async function requestAck<T>(socket: Socket, timeoutMs: number, event: string, ...args: unknown[]): Promise<Ack<T>> {
  try {
    return (await socket.timeout(timeoutMs).emitWithAck(event, ...args)) as Ack<T>;
  } catch {
    return { ok: false, error: { code: 'unavailable', message: 'no answer in time' } };
  }
}
