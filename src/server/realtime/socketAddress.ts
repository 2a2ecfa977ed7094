import type { Socket } from 'socket.io';

/**
 * The visitor's address as the HTTP routes see it (Fastify's trustProxy), for throttling only:
 * it is hashed in memory and never stored or logged.
 */
export function socketAddress(socket: Pick<Socket, 'handshake'>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = socket.handshake.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return socket.handshake.address;
}
